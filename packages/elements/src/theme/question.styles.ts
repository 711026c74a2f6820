/**
 * Styles the question controls share, in three sheets so each control adopts only what it draws:
 * `questionBaseStyles` (the GOV.UK form group, legend/label as the question heading, hint, inline
 * error), `choiceStyles` (radio and checkbox rows, the "or" divider, the conditional reveal) and
 * `fieldStyles` (text boxes, selects, the character count; in `./field.styles.js`, so widgets that
 * show no box never download it). `questionStyles` (`./index.js`) is all three.
 * Controls add their own sheet after these.
 *
 * Why some rules are as they are (kept out of the CSS, which is not minified):
 * - `.form-group.has-error`: GOV.UK marks the question in error with a thick start border; the
 *   "Error:" text says it in words.
 * - `.option input { font: inherit }`: inputs do not inherit font size (UA style), so em would be
 *   from ~13px.
 * - `.divider`: "or" sits over the column of boxes, as in GOV.UK.
 */
import { css } from 'lit';

export const questionBaseStyles = css`
  .form-group {
    margin: 0;
    padding: 0;
  }
  .form-group.has-error {
    border-inline-start: 5px solid var(--cv-color-error);
    padding-inline-start: var(--cv-space-4);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .legend,
  .label {
    display: block;
    margin: 0 0 var(--cv-space-2);
    padding: 0;
    font-size: var(--cv-font-size-large);
    font-weight: 700;
    line-height: 1.25;
    color: var(--cv-color-text);
    white-space: normal;
    max-inline-size: 100%;
  }
  .hint {
    display: block;
    margin: 0 0 var(--cv-space-3);
    color: var(--cv-color-hint);
  }
  .error-message {
    display: block;
    margin: 0 0 var(--cv-space-3);
    font-weight: 700;
    color: var(--cv-color-error);
  }
  @media (forced-colors: active) {
    .form-group.has-error {
      border-inline-start-color: CanvasText;
    }
  }
`;

export const choiceStyles = css`
  .options {
    display: flex;
    flex-direction: column;
    gap: var(--cv-space-2);
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: var(--cv-space-2);
    min-block-size: var(--cv-target-size);
  }
  .option input {
    font: inherit;
    inline-size: 1.75em;
    block-size: 1.75em;
    min-inline-size: 24px;
    min-block-size: 24px;
    margin: 0;
    accent-color: var(--cv-color-text);
    cursor: pointer;
  }
  .option label {
    display: flex;
    align-items: center;
    min-block-size: var(--cv-target-size);
    padding-block: var(--cv-space-1);
    padding-inline-end: var(--cv-space-2);
    cursor: pointer;
    touch-action: manipulation;
  }
  .option .option-hint {
    grid-column: 2;
    margin: 0;
    color: var(--cv-color-hint);
  }
  .divider {
    margin: 0;
    align-self: flex-start;
    inline-size: max-content;
    min-inline-size: 1.75em;
    text-align: center;
  }
  .reveal {
    margin-inline-start: calc(0.875em - 2px);
    padding-inline-start: var(--cv-space-5);
    border-inline-start: 4px solid var(--cv-color-border-subtle);
    margin-block: var(--cv-space-1) var(--cv-space-3);
  }
`;
