/**
 * The reset every carers-voice element starts from. Host-page styles must not leak in: `:host` sets
 * every inherited text property explicitly, except `direction`, which is deliberately kept from the
 * surrounding `dir`/`lang` so right-to-left pages just work (all layout uses logical properties).
 */
import { css } from 'lit';
import { tokens } from './tokens.js';

// Comments live here, not in the CSS: esbuild does not minify inside css`` templates, so a CSS
// comment would be downloaded by every carer.
//
// - `@media not print` block: a partner page's own `!important` rules or `* { all: unset }` reach
//   the host element and, through inheritance, everything inside. The cascade reverses for
//   `!important` (the shadow root's beats the page's), so the text basics are repeated as
//   important. Screen only: print styles set their own sizes. Partners restyle through the
//   --carer-* tokens.
// - `.visually-hidden`: read by screen readers, never seen (GOV.UK govuk-visually-hidden).
// - `:focus-visible`: GOV.UK focus, yellow with a dark edge, never colour alone (the thick outline
//   changes shape too).

export const reset = [
  tokens,
  css`
    :host {
      display: block;
      box-sizing: border-box;
      font-family: var(--cv-font-family);
      font-size: var(--cv-font-size-base);
      font-style: normal;
      font-weight: 400;
      font-variant: normal;
      font-stretch: normal;
      line-height: var(--cv-line-height);
      color: var(--cv-color-text);
      letter-spacing: normal;
      word-spacing: normal;
      text-align: start;
      text-transform: none;
      text-indent: 0;
      text-shadow: none;
      white-space: normal;
      visibility: visible;
      overflow-wrap: break-word;
      cursor: auto;
      -webkit-text-size-adjust: 100%;
      text-size-adjust: 100%;
    }
    @media not print {
      :host {
        box-sizing: border-box !important;
        font-family: var(--cv-font-family) !important;
        font-size: var(--cv-font-size-base) !important;
        font-style: normal !important;
        font-weight: 400 !important;
        line-height: var(--cv-line-height) !important;
        color: var(--cv-color-text) !important;
        letter-spacing: normal !important;
        word-spacing: normal !important;
        text-align: start !important;
        text-transform: none !important;
        text-indent: 0 !important;
        text-shadow: none !important;
        white-space: normal !important;
      }
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    [hidden] {
      display: none !important;
    }
    .visually-hidden {
      position: absolute !important;
      inline-size: 1px !important;
      block-size: 1px !important;
      margin: 0 !important;
      padding: 0 !important;
      overflow: hidden !important;
      clip: rect(0 0 0 0) !important;
      clip-path: inset(50%) !important;
      border: 0 !important;
      white-space: nowrap !important;
      user-select: none;
    }
    :focus-visible {
      outline: 3px solid var(--cv-color-focus);
      outline-offset: 0;
      box-shadow: 0 0 0 6px var(--cv-color-focus-text);
    }
    @media (forced-colors: active) {
      :focus-visible {
        outline: 3px solid Highlight;
        outline-offset: 2px;
        box-shadow: none;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        animation-duration: 0.01ms !important;
        animation-iteration-count: 1 !important;
        transition-duration: 0.01ms !important;
        scroll-behavior: auto !important;
      }
    }
  `,
];
