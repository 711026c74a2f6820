/**
 * GOV.UK-style buttons for native `<button>`s inside any widget's own form (see the kit README for
 * why the kit styles native buttons rather than shipping a `<carer-button>` element).
 *
 * Classes: `.button` (primary), `.button.secondary`, `.button.warning`, `.button.link` (looks like a
 * link; for small in-place actions such as "Move up"). Mark a button busy with `aria-busy="true"`:
 * it goes darker, never fainter (dimming it would drop its text below 4.5:1 contrast).
 */
import { css } from 'lit';

export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--cv-space-2);
    min-block-size: var(--cv-target-size);
    min-inline-size: var(--cv-target-size);
    margin: 0 0 var(--cv-space-4);
    padding: var(--cv-space-2) var(--cv-space-3);
    font: inherit;
    font-weight: 400;
    line-height: 1.2;
    text-align: center;
    color: var(--cv-color-brand-text);
    background: var(--cv-color-brand);
    border: var(--cv-border-width) solid transparent;
    border-radius: var(--cv-radius);
    box-shadow: 0 2px 0 var(--cv-color-text);
    cursor: pointer;
    touch-action: manipulation;
    -webkit-appearance: none;
    appearance: none;
  }
  .button:hover {
    filter: brightness(0.9);
  }
  .button:active {
    transform: translateY(2px);
    box-shadow: none;
  }
  .button:focus-visible {
    outline: 3px solid transparent;
    color: var(--cv-color-focus-text);
    background: var(--cv-color-focus);
    box-shadow: 0 2px 0 var(--cv-color-focus-text);
    filter: none;
  }
  .button.secondary {
    color: var(--cv-color-text);
    background: var(--cv-color-secondary);
    box-shadow: 0 2px 0 var(--cv-color-border-subtle);
  }
  .button.warning {
    color: #ffffff;
    background: var(--cv-color-warning);
  }
  .button.secondary:focus-visible,
  .button.warning:focus-visible {
    color: var(--cv-color-focus-text);
    background: var(--cv-color-focus);
  }
  .button[aria-busy='true'] {
    cursor: progress;
    filter: brightness(0.85);
  }
  .button.small {
    margin: 0;
    padding: var(--cv-space-1) var(--cv-space-2);
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
    .button:focus-visible {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
  }
`;
