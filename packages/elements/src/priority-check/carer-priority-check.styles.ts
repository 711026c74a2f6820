import { css } from 'lit';

export const priorityCheckStyles = css`
  :host {
    max-inline-size: 60em;
  }
  /* Tables, the report and print: ./priority-later.ts; the document check: ./document-view.ts. */
  h2 {
    margin: 0 0 var(--cv-space-4);
    font-size: var(--cv-font-size-xlarge);
    line-height: 1.2;
  }
  h3 {
    margin: var(--cv-space-5) 0 var(--cv-space-3);
    font-size: var(--cv-font-size-large);
  }
  h4 {
    margin: var(--cv-space-4) 0 var(--cv-space-2);
    font-size: 1em;
  }
  p {
    margin: 0 0 var(--cv-space-4);
  }
  .hint,
  .source {
    color: var(--cv-color-hint);
  }
  .notice {
    padding: var(--cv-space-3) var(--cv-space-4);
    margin: 0 0 var(--cv-space-5);
    border-inline-start: 10px solid var(--cv-color-border-subtle);
  }
  .field {
    margin: 0 0 var(--cv-space-4);
  }
  .field label {
    display: block;
    margin: 0 0 var(--cv-space-1);
    font-weight: 700;
  }
  .field .hint {
    margin: 0 0 var(--cv-space-2);
  }
  input[type='text'],
  input[type='date'],
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: 100%;
    min-block-size: var(--cv-target-size);
    padding: var(--cv-space-1) var(--cv-space-2);
    font: inherit;
    color: var(--cv-color-text);
    background: var(--cv-color-surface);
    border: var(--cv-border-width) solid var(--cv-color-border);
    border-radius: 0;
  }
  input[type='date'] {
    inline-size: auto;
  }
  input[type='file'] {
    font: inherit;
    max-inline-size: 100%;
  }
  input:focus,
  textarea:focus,
  summary:focus,
  a:focus {
    outline: 3px solid var(--cv-color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--cv-color-text);
  }
  .statement {
    padding: var(--cv-space-4) 0 var(--cv-space-2);
    border-block-start: 1px solid var(--cv-color-border-subtle);
  }
  .statement-details {
    display: grid;
    gap: 0 var(--cv-space-4);
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
  }
  .statement-details .evidence {
    grid-column: 1 / -1;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cv-space-3);
    align-items: center;
    margin: var(--cv-space-5) 0;
  }
  .actions .button {
    margin: 0;
  }
  .panel {
    padding: var(--cv-space-4);
    margin: 0 0 var(--cv-space-5);
    color: var(--cv-color-brand-text);
    background: var(--cv-color-success);
  }
  .panel h2 {
    color: inherit;
  }
  .problem {
    padding: var(--cv-space-3) var(--cv-space-4);
    margin: 0 0 var(--cv-space-4);
    border: 5px solid var(--cv-color-error);
  }
`;
