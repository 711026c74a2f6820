import { css } from 'lit';

/**
 * The coloured panel that ends a survey or a quiz (confirmation, score, outcome): a heading and a
 * line of text on the success colour. Loaded with those screens (the widgets' lazily loaded parts
 * put it into their own sheet with `css\`${panelStyles} …\``), never up front. In forced-colours
 * mode the background is dropped by the browser, so a border keeps the panel's edge.
 */
export const panelStyles = css`
  .panel {
    margin-block-end: var(--cv-space-5);
    padding: var(--cv-space-5);
    text-align: center;
    color: #ffffff;
    background: var(--cv-color-success);
  }
  .panel__title {
    margin: 0 0 var(--cv-space-3);
    font-size: var(--cv-font-size-xlarge);
    font-weight: 700;
  }
  .panel__body {
    margin: 0;
    font-size: var(--cv-font-size-large);
  }
  @media (forced-colors: active) {
    .panel {
      border: 3px solid CanvasText;
    }
  }
`;
