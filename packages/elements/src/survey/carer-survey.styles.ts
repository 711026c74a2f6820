import { css } from 'lit';

/**
 * GOV.UK-like layout for the survey's own parts on its question pages; the questions bring their own
 * styles. The check-your-answers and confirmation pages' rules come with them (later.styles.ts).
 */
export const surveyStyles = css`
  :host {
    max-inline-size: 40em;
  }
  .survey {
    min-block-size: var(--carer-widget-min-block-size, 12em);
  }
  .caption {
    margin: 0;
    color: var(--cv-color-hint);
  }
  .heading {
    margin: 0 0 var(--cv-space-4);
    font-size: var(--cv-font-size-xlarge);
    font-weight: 700;
    line-height: 1.2;
  }
  .heading:focus,
  .panel__title:focus {
    outline: none;
  }
  .section-heading {
    margin: var(--cv-space-6) 0 var(--cv-space-3);
    font-size: var(--cv-font-size-large);
    font-weight: 700;
  }
  .intro,
  .page-intro {
    margin: 0 0 var(--cv-space-4);
  }
  .inset {
    margin: 0 0 var(--cv-space-4);
    padding: var(--cv-space-3);
    border-inline-start: 10px solid var(--cv-color-border-subtle);
  }
  .details {
    margin-block-end: var(--cv-space-5);
  }
  .details summary,
  .link {
    color: var(--cv-color-link);
    text-decoration: underline;
    cursor: pointer;
  }
  .details > p {
    padding-inline-start: var(--cv-space-4);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
  }
  .link:focus-visible,
  .details summary:focus-visible {
    color: var(--cv-color-focus-text);
    background: var(--cv-color-focus);
    outline: 3px solid transparent;
    box-shadow: 0 4px 0 var(--cv-color-focus-text);
    text-decoration: none;
  }
  form > * + * {
    margin-block-start: var(--cv-space-5);
  }
  carer-question {
    margin-block-end: var(--cv-space-5);
  }
  .hp {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
  }
  .device-note {
    margin-block-start: var(--cv-space-6);
    padding-block-start: var(--cv-space-4);
    border-block-start: 1px solid var(--cv-color-border-subtle);
    font-size: var(--cv-font-size-small);
  }
  .load-problem {
    margin: var(--cv-space-4) 0 0;
    color: var(--cv-color-error);
    font-weight: 700;
  }
`;
