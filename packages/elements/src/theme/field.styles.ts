/**
 * Text boxes, selects and the character count for the one-field question controls (text, textarea,
 * select, number, points). Apart from `./question.styles.js` so a widget that shows no box (a quiz,
 * most polls, the priority check) never downloads it.
 */
import { css } from 'lit';

export const fieldStyles = css`
  .input,
  .textarea,
  .select {
    font: inherit;
    color: var(--cv-color-text);
    background: var(--cv-color-surface);
    border: var(--cv-border-width) solid var(--cv-color-border);
    border-radius: var(--cv-radius);
    min-block-size: var(--cv-target-size);
    padding: var(--cv-space-1) var(--cv-space-2);
    max-inline-size: 100%;
    margin: 0;
  }
  .input {
    inline-size: 100%;
  }
  .textarea {
    display: block;
    inline-size: 100%;
    resize: vertical;
  }
  .has-error .input,
  .has-error .textarea,
  .has-error .select {
    border-color: var(--cv-color-error);
    border-width: calc(var(--cv-border-width) * 2);
  }
  .input:focus-visible,
  .textarea:focus-visible,
  .select:focus-visible {
    outline: 3px solid var(--cv-color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--cv-color-focus-text);
  }
  .count {
    margin: var(--cv-space-1) 0 0;
    color: var(--cv-color-hint);
  }
  .count.over {
    color: var(--cv-color-error);
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .input,
    .textarea,
    .select {
      border-color: FieldText;
    }
    .input:focus-visible,
    .textarea:focus-visible,
    .select:focus-visible {
      outline-color: Highlight;
    }
  }
`;
