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
  /* The Back link itself is the widget chrome's. */
  .back-link {
    margin-block-end: var(--cv-space-3);
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

  /* A carer's statement: says who wrote it. */
  .carer-added {
    margin: 0 0 var(--cv-space-3);
    padding-inline-start: var(--cv-space-3);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
    color: var(--cv-color-hint);
  }
`;
