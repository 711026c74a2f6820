import { css } from 'lit';

/** GOV.UK-like layout for the survey's own parts; the questions bring their own styles. */
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
  .details summary:focus-visible,
  .error-summary a:focus-visible {
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
  .error-summary {
    margin-block-end: var(--cv-space-5);
    padding: var(--cv-space-4);
    border: 5px solid var(--cv-color-error);
  }
  .error-summary:focus {
    outline: 3px solid var(--cv-color-focus);
  }
  .error-summary__title {
    margin: 0 0 var(--cv-space-3);
    font-size: var(--cv-font-size-large);
    font-weight: 700;
  }
  .error-summary__list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary a {
    color: var(--cv-color-error);
    font-weight: 700;
  }
  .device-note {
    margin-block-start: var(--cv-space-6);
    padding-block-start: var(--cv-space-4);
    border-block-start: 1px solid var(--cv-color-border-subtle);
    font-size: var(--cv-font-size-small);
  }
  .summary-list {
    margin: 0 0 var(--cv-space-5);
  }
  .summary-list__row {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--cv-space-1);
    padding-block: var(--cv-space-3);
    border-block-end: 1px solid var(--cv-color-border-subtle);
  }
  @media (min-width: 40em) {
    .summary-list__row {
      grid-template-columns: 2fr 2fr 1fr;
      gap: var(--cv-space-4);
    }
  }
  .summary-list__key {
    font-weight: 700;
  }
  .summary-list__value,
  .summary-list__actions {
    margin: 0;
  }
  .summary-list__actions {
    text-align: end;
  }
  .answer-list {
    margin: 0;
    padding-inline-start: var(--cv-space-4);
  }
  .panel {
    margin-block-end: var(--cv-space-5);
    padding: var(--cv-space-5);
    text-align: center;
    color: #ffffff;
    background: var(--cv-color-success);
  }
  .panel__title {
    margin: 0 0 var(--cv-space-3);
    font-size: var(--cv-font-size-xlarge);
    font-weight: 700;
  }
  .panel__body {
    margin: 0;
    font-size: var(--cv-font-size-large);
  }
  .receipt {
    letter-spacing: 0.1em;
  }
  .status {
    padding: var(--cv-space-3);
    border-inline-start: 10px solid var(--cv-color-border-subtle);
  }
  .status[data-status='sent'] {
    border-color: var(--cv-color-success);
  }
  .signposting {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .signpost {
    margin-block-end: var(--cv-space-4);
  }
  .signpost--crisis {
    padding-inline-start: var(--cv-space-3);
    border-inline-start: 5px solid var(--cv-color-error);
  }
  .signpost__title {
    margin: 0 0 var(--cv-space-1);
    font-size: 1em;
    font-weight: 700;
  }
  .signpost p {
    margin: 0 0 var(--cv-space-1);
  }
  .load-problem {
    margin: var(--cv-space-4) 0 0;
    color: var(--cv-color-error);
    font-weight: 700;
  }
`;
