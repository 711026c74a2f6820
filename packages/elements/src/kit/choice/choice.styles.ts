import { css } from 'lit';

/** Layouts for scales: a row of options on wide containers, stacked when narrow. */
export const scaleStyles = css`
  :host {
    container-type: inline-size;
  }
  @container (min-width: 40em) {
    .options.row {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      gap: var(--cv-space-2);
    }
    .options.row .option {
      grid-template-columns: 1fr;
      grid-template-rows: auto auto;
      justify-items: center;
      text-align: center;
      padding: var(--cv-space-2) var(--cv-space-1);
      border: 1px solid var(--cv-color-border-subtle);
    }
    .options.row .option label {
      justify-content: center;
      padding-inline-end: 0;
    }
    .options.row .option .option-hint {
      grid-column: 1;
    }
    .options.row .divider {
      align-self: center;
      justify-self: center;
    }
  }
`;
