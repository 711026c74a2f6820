import { css } from 'lit';
import { panelStyles } from '../../theme/panel.styles.js';

/**
 * The check-your-answers and confirmation pages' rules, loaded with those pages (later.ts) and
 * added to the survey's shadow root then. Links, headings and buttons keep the survey's own styles.
 */
export const laterStyles = css`
  ${panelStyles}
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
`;
