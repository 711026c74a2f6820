import { css } from 'lit';

/** GOV.UK-like layout for the quiz's own parts; the questions bring their own styles. */
export const quizStyles = css`
  :host {
    max-inline-size: 40em;
  }
  .quiz {
    min-block-size: var(--carer-widget-min-block-size, 12em);
  }
  .heading {
    margin: 0 0 var(--cv-space-4);
    font-size: var(--cv-font-size-xlarge);
    font-weight: 700;
    line-height: 1.2;
  }
  /* Headings take focus only from code (tabindex="-1"), to be read out: no focus ring, as GOV.UK. */
  .heading:focus,
  .panel__title:focus,
  .feedback__verdict:focus {
    outline: none;
    box-shadow: none;
  }
  .section-heading {
    margin: var(--cv-space-6) 0 var(--cv-space-3);
    font-size: var(--cv-font-size-large);
    font-weight: 700;
  }
  .intro {
    margin: 0 0 var(--cv-space-4);
  }
  .caption {
    display: block;
    color: var(--cv-color-hint);
    font-weight: 400;
    font-size: var(--cv-font-size-small);
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
    display: block;
    margin-block-end: var(--cv-space-5);
  }
  .all-questions,
  .review {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .all-questions__item,
  .review__item {
    margin-block-end: var(--cv-space-6);
  }
`;
