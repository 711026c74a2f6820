import { css } from 'lit';

/** Shared by <carer-results> and <carer-statement-heatmap>: headings, summaries, tables, toggles, print. */
export const resultsStyles = css`
  :host {
    --cv-chart-edge: var(--cv-color-border);
    container-type: inline-size;
  }
  .heading {
    margin-block: 0 var(--cv-space-4);
    font-weight: 700;
    line-height: 1.2;
  }
  h1.heading,
  h2.heading {
    font-size: var(--cv-font-size-xlarge);
  }
  h3.heading,
  h4.heading,
  h5.heading,
  h6.heading {
    font-size: var(--cv-font-size-large);
  }
  .intro,
  .summary,
  .aside,
  .note,
  .suppressed {
    margin-block: 0 var(--cv-space-4);
    max-inline-size: 40em;
  }
  .summary {
    font-weight: 700;
  }
  .note,
  .aside {
    color: var(--cv-color-hint);
    font-size: var(--cv-font-size-small);
  }
  .suppressed {
    padding: var(--cv-space-3) var(--cv-space-4);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
    background: var(--cv-color-surface-alt);
  }
  .figure {
    margin-block: 0 var(--cv-space-6);
    padding-block-start: var(--cv-space-4);
    border-block-start: 1px solid var(--cv-color-border-subtle);
    break-inside: avoid;
  }
  .chart {
    position: relative;
    inline-size: 100%;
    max-inline-size: 48em;
    min-block-size: 12em;
    margin-block-end: var(--cv-space-4);
  }
  canvas {
    display: block;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--cv-target-size);
    margin-block-end: var(--cv-space-4);
    padding: var(--cv-space-2) var(--cv-space-3);
    border: var(--cv-border-width) solid var(--cv-color-border);
    border-radius: var(--cv-radius);
    background: var(--cv-color-surface);
    color: var(--cv-color-link);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .toggle:hover {
    text-decoration-thickness: 3px;
  }
  .table-wrap {
    overflow-x: auto;
    margin-block-end: var(--cv-space-4);
  }
  table {
    border-collapse: collapse;
    min-inline-size: min(100%, 30em);
    font-size: var(--cv-font-size-small);
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: var(--cv-space-2);
  }
  th,
  td {
    padding: var(--cv-space-2) var(--cv-space-3);
    border-block-end: 1px solid var(--cv-color-border-subtle);
    text-align: start;
    vertical-align: top;
  }
  td {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  thead th {
    border-block-end: 2px solid var(--cv-color-border);
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-block-start: 2px solid var(--cv-color-border);
  }
  .is-hidden {
    font-style: italic;
    color: var(--cv-color-hint);
  }
  @media (forced-colors: active) {
    :host {
      background-color: Canvas;
      color: CanvasText;
    }
    .toggle {
      border-color: ButtonText;
      color: ButtonText;
    }
    th,
    td {
      border: 1px solid CanvasText;
    }
  }
  /* Printed results: every table shown, charts sized for A4 portrait, no buttons. */
  @media print {
    .toggle {
      display: none !important;
    }
    .table-wrap[hidden] {
      display: block !important;
    }
    .chart {
      inline-size: 170mm !important;
      max-inline-size: 100%;
    }
    .figure {
      break-inside: avoid;
      page-break-inside: avoid;
    }
    table {
      font-size: 10pt;
    }
  }
`;
