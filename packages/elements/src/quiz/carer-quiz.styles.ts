import { css } from 'lit';

/** GOV.UK-like layout for the quiz's own parts; the questions bring their own styles. */
export const quizStyles = css`
  :host {
    max-inline-size: 40em;
  }
  .quiz {
    min-block-size: var(--carer-widget-min-block-size, 12em);
  }
  .back-link:focus-visible,
  .toggle:focus-visible {
    outline: 3px solid var(--cv-color-focus);
    outline-offset: 0;
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

  /* Feedback: words and an icon shape say right or wrong; colour only repeats it. */
  .feedback {
    margin-block-end: var(--cv-space-5);
    padding: var(--cv-space-4);
    border: 5px solid var(--cv-color-border-subtle);
  }
  .feedback--right {
    border-color: var(--cv-color-success);
  }
  .feedback--partly {
    border-color: var(--cv-color-brand);
  }
  .feedback--wrong {
    border-color: var(--cv-color-error);
  }
  .review__item {
    padding-inline-start: var(--cv-space-4);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
  }
  .review__item.feedback--right {
    border-color: var(--cv-color-success);
  }
  .review__item.feedback--wrong {
    border-color: var(--cv-color-error);
  }
  .review__item.feedback--partly {
    border-color: var(--cv-color-brand);
  }
  .feedback__question {
    margin: 0 0 var(--cv-space-3);
  }
  .review__question {
    margin: 0 0 var(--cv-space-2);
    font-size: 1em;
    font-weight: 700;
  }
  .feedback__verdict {
    display: flex;
    align-items: center;
    gap: var(--cv-space-2);
    margin: 0 0 var(--cv-space-3);
    font-size: var(--cv-font-size-large);
    font-weight: 700;
  }
  .review__verdict {
    font-size: 1em;
  }
  .feedback__verdict[data-result='right'] .icon {
    color: var(--cv-color-success);
  }
  .feedback__verdict[data-result='partly'] .icon {
    color: var(--cv-color-brand);
  }
  .feedback__verdict[data-result='wrong'] .icon {
    color: var(--cv-color-error);
  }
  .icon {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
  }
  .feedback__answers {
    margin: 0 0 var(--cv-space-3);
  }
  .feedback__answers dt {
    font-weight: 700;
  }
  .feedback__answers dd {
    margin: 0 0 var(--cv-space-2);
  }
  .feedback__explanation,
  .feedback__source,
  .feedback__running {
    margin: 0 0 var(--cv-space-3);
  }
  .feedback__running {
    font-weight: 700;
  }
  .answer-list {
    margin: 0;
    padding-inline-start: var(--cv-space-5);
  }

  /* The end. */
  .panel {
    margin-block-end: var(--cv-space-5);
    padding: var(--cv-space-5);
    text-align: center;
    color: #ffffff;
    background: var(--cv-color-success);
  }
  .panel--outcome {
    color: var(--cv-color-brand-text);
    background: var(--cv-color-brand);
  }
  .panel__title {
    margin: 0 0 var(--cv-space-3);
    font-size: var(--cv-font-size-xlarge);
    font-weight: 700;
  }
  .panel--outcome .panel__title {
    margin: 0;
  }
  .panel__body {
    margin: 0;
    font-size: var(--cv-font-size-large);
  }
  .band-message,
  .outcome-body {
    margin: 0 0 var(--cv-space-4);
  }
  .button-group {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cv-space-3);
  }
  .status {
    padding: var(--cv-space-3);
    border-inline-start: 10px solid var(--cv-color-border-subtle);
  }
  .status:empty {
    display: none;
  }
  .status[data-status='sent'] {
    border-color: var(--cv-color-success);
  }
  .outcome-actions,
  .signposting {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .outcome-action,
  .signpost {
    margin-block-end: var(--cv-space-4);
  }
  .signpost--crisis {
    padding-inline-start: var(--cv-space-3);
    border-inline-start: 5px solid var(--cv-color-error);
  }
  .outcome-action__title,
  .signpost__title {
    margin: 0 0 var(--cv-space-1);
    font-size: 1em;
    font-weight: 700;
  }
  .outcome-action p,
  .signpost p {
    margin: 0 0 var(--cv-space-1);
  }
  @media (forced-colors: active) {
    .feedback,
    .review__item,
    .panel {
      border: 3px solid CanvasText;
    }
  }
`;
