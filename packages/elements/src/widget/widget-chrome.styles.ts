import { css } from 'lit';

/**
 * The chrome every widget shares above its questions: the top bar with the "Back" link and the
 * easy-read toggle. Widgets add their own layout on top.
 */
export const widgetChromeStyles = css`
  .top-bar {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--cv-space-3);
    margin-block-end: var(--cv-space-4);
  }
  .back-link,
  .toggle {
    min-block-size: var(--cv-target-size);
    padding: var(--cv-space-1) var(--cv-space-2);
    font: inherit;
    font-size: var(--cv-font-size-small);
    color: var(--cv-color-text);
    background: none;
    border: 0;
    cursor: pointer;
  }
  .back-link {
    text-decoration: underline;
    padding-inline-start: 0;
  }
  .back-link::before {
    content: '‹ ';
  }
  :host(:dir(rtl)) .back-link::before {
    content: '› ';
  }
  .toggle {
    border: var(--cv-border-width) solid var(--cv-color-border);
    border-radius: var(--cv-radius);
  }
  .toggle[aria-pressed='true'] {
    color: var(--cv-color-brand-text);
    background: var(--cv-color-brand);
    border-color: var(--cv-color-brand);
  }
  .toggle[aria-pressed='true']::before {
    content: '✓ ';
  }
`;
