import { css } from 'lit';

/** GOV.UK-like layout for the poll's own parts; the questions bring their own styles. */
export const pollStyles = css`
  :host {
    max-inline-size: 40em;
  }
  .poll {
    min-block-size: var(--carer-widget-min-block-size, 12em);
  }
  .heading {
    margin: 0 0 var(--cv-space-4);
    font-size: var(--cv-font-size-xlarge);
    font-weight: 700;
    line-height: 1.2;
  }
  /* Headings and panels take focus only from code (tabindex="-1"), to be read out. */
  [data-focus]:focus {
    outline: none;
  }
  .intro,
  .closes,
  .changing,
  .progress {
    margin: 0 0 var(--cv-space-4);
  }
  .progress {
    color: var(--cv-color-hint);
  }
  .section-heading {
    margin: var(--cv-space-6) 0 var(--cv-space-3);
    font-size: var(--cv-font-size-large);
    font-weight: 700;
  }
  form > * + * {
    margin-block-start: var(--cv-space-5);
  }
  carer-question {
    display: block;
    margin-block-end: var(--cv-space-5);
  }
  .back-link {
    min-block-size: var(--cv-target-size);
    margin-block-end: var(--cv-space-3);
    padding: var(--cv-space-1) 0;
    font: inherit;
    font-size: var(--cv-font-size-small);
    color: var(--cv-color-text);
    background: none;
    border: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  .back-link::before {
    content: '‹ ';
  }
  :host(:dir(rtl)) .back-link::before {
    content: '› ';
  }
  .back-link:focus-visible {
    outline: 3px solid var(--cv-color-focus);
  }
  .details {
    margin-block: var(--cv-space-5);
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

  /* Not yet open / closed: words first; the border only repeats them. */
  .notice {
    margin-block-end: var(--cv-space-5);
    padding: var(--cv-space-4);
    border-inline-start: 10px solid var(--cv-color-border);
  }
  .notice--refused {
    border-color: var(--cv-color-error);
  }
  .notice p {
    margin: 0 0 var(--cv-space-2);
  }
  .notice__title {
    font-weight: 700;
    font-size: var(--cv-font-size-large);
  }

  .panel {
    margin-block-end: var(--cv-space-4);
    padding: var(--cv-space-4);
    color: var(--cv-color-brand-text);
    background: var(--cv-color-success);
    text-align: center;
  }
  .panel__title {
    margin: 0 0 var(--cv-space-2);
    font-size: var(--cv-font-size-xlarge);
    font-weight: 700;
  }
  .panel__body,
  .panel p {
    margin: 0;
  }
  .panel--small {
    text-align: start;
  }
  .status {
    margin: 0 0 var(--cv-space-4);
    font-weight: 700;
  }
  .your-vote {
    margin: 0 0 var(--cv-space-4);
  }
  .your-vote__row {
    padding-block: var(--cv-space-2);
    border-block-end: 1px solid var(--cv-color-border-subtle);
  }
  .your-vote dt {
    font-weight: 700;
  }
  .your-vote dd {
    margin: 0;
  }
  .answer-list {
    margin: 0;
    padding-inline-start: var(--cv-space-5);
  }

  /* Results: a real table; the bars only repeat the numbers beside them. */
  .results-table {
    inline-size: 100%;
    margin-block-end: var(--cv-space-5);
    border-collapse: collapse;
  }
  .results-table caption {
    margin-block-end: var(--cv-space-2);
    font-weight: 700;
    text-align: start;
  }
  .results-table th,
  .results-table td {
    padding: var(--cv-space-2) var(--cv-space-2) var(--cv-space-2) 0;
    border-block-end: 1px solid var(--cv-color-border-subtle);
    text-align: start;
    vertical-align: top;
  }
  .results-table thead th {
    font-weight: 700;
  }
  .results-table tbody th {
    font-weight: 400;
  }
  .bar {
    display: block;
    inline-size: 100%;
    min-inline-size: 6em;
    block-size: 0.75em;
    margin-block-end: var(--cv-space-1);
    background: var(--cv-color-border-subtle);
  }
  .bar__fill {
    display: block;
    block-size: 100%;
    background: var(--cv-color-brand);
    forced-color-adjust: none;
  }
  @media (forced-colors: active) {
    .bar__fill {
      background: CanvasText;
    }
  }
  .hidden-count {
    font-style: italic;
    color: var(--cv-color-hint);
  }
  .results-note,
  .results-later {
    color: var(--cv-color-hint);
    font-size: var(--cv-font-size-small);
  }

  /* Add your own statement */
  .form-group--error {
    padding-inline-start: var(--cv-space-3);
    border-inline-start: 5px solid var(--cv-color-error);
  }
  .label {
    display: block;
    margin-block-end: var(--cv-space-1);
    font-weight: 700;
  }
  .hint {
    margin-block-end: var(--cv-space-3);
    color: var(--cv-color-hint);
  }
  .error-message {
    margin: 0 0 var(--cv-space-3);
    color: var(--cv-color-error);
    font-weight: 700;
  }
  .textarea {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    padding: var(--cv-space-1);
    font: inherit;
    border: var(--cv-border-width) solid var(--cv-color-border);
  }
  .form-group--error .textarea {
    border-color: var(--cv-color-error);
  }
  .textarea:focus {
    outline: 3px solid var(--cv-color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }
  .count {
    margin: var(--cv-space-1) 0 0;
    color: var(--cv-color-hint);
  }
  .count--over {
    color: var(--cv-color-error);
    font-weight: 700;
  }
  .error-summary {
    margin-block-end: var(--cv-space-4);
    padding: var(--cv-space-4);
    border: 5px solid var(--cv-color-error);
  }
  .error-summary__title {
    margin: 0 0 var(--cv-space-2);
    font-size: var(--cv-font-size-large);
  }
  .statement-status {
    font-weight: 700;
  }

  /* You said, we did */
  .updates__list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .update {
    margin-block-end: var(--cv-space-4);
    padding-inline-start: var(--cv-space-4);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
  }
  .update p {
    margin: 0 0 var(--cv-space-2);
  }
  .update__date {
    color: var(--cv-color-hint);
  }
  .update__label {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
  }

  /* Carers' statements: the note on one written by a carer, and the agree / divided lists */
  .carer-added {
    margin: 0 0 var(--cv-space-3);
    padding-inline-start: var(--cv-space-3);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
    color: var(--cv-color-hint);
  }
  .listed-list {
    margin: 0 0 var(--cv-space-4);
    padding: 0;
    list-style: none;
  }
  .listed {
    margin-block-end: var(--cv-space-3);
    padding-inline-start: var(--cv-space-3);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
  }
  .listed p {
    margin: 0 0 var(--cv-space-1);
  }
  .listed__text {
    font-weight: 700;
  }
  .listed__why {
    color: var(--cv-color-hint);
  }
`;
