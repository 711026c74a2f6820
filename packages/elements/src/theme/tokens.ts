/**
 * Design tokens: every colour, space and font size the kit uses, as `--carer-*` CSS custom properties
 * with GOV.UK-like defaults. A partner restyles the widgets by setting any of these on the widget,
 * on `<carer-voice>` or on any ancestor (they inherit through shadow roots).
 *
 * Elements never read `--carer-*` directly: `tokens` maps each one to a private `--cv-*` alias with
 * the default as fallback, so a token set on an ancestor is never shadowed by a default on `:host`.
 *
 * Sizes are in `em` from `--carer-font-size-base`, so one setting scales the whole widget. The base
 * default `max(19px, 1.1875rem)` follows the reader's own browser font size but cannot be shrunk by a
 * host page that sets `html { font-size: 62.5% }`.
 */
import { css, unsafeCSS } from 'lit';

/** Default value of every public token (name without the leading `--`). */
export const tokenDefaults = {
  'carer-font-family': '"Helvetica Neue", Helvetica, Arial, system-ui, sans-serif',
  'carer-font-size-base': 'max(19px, 1.1875rem)',
  'carer-line-height': '1.32',
  'carer-color-text': '#0b0c0c',
  'carer-color-hint': '#484949',
  'carer-color-brand': '#1d70b8',
  'carer-color-brand-text': '#ffffff',
  'carer-color-link': '#1d70b8',
  'carer-color-focus': '#ffdd00',
  'carer-color-focus-text': '#0b0c0c',
  'carer-color-error': '#d4351c',
  'carer-color-success': '#00703c',
  'carer-color-warning': '#d4351c',
  'carer-color-border': '#0b0c0c',
  'carer-color-border-subtle': '#b1b4b6',
  'carer-color-surface': '#ffffff',
  'carer-color-surface-alt': '#f3f2f1',
  'carer-color-secondary': '#f3f2f1',
  'carer-border-width': '2px',
  'carer-radius': '0',
  'carer-target-size': '44px',
  'carer-space-1': '0.25em',
  'carer-space-2': '0.5em',
  'carer-space-3': '0.75em',
  'carer-space-4': '1em',
  'carer-space-5': '1.5em',
  'carer-space-6': '2em',
  'carer-font-size-small': '0.85em',
  'carer-font-size-large': '1.25em',
  'carer-font-size-xlarge': '1.6em',
} as const;

export type TokenName = keyof typeof tokenDefaults;

const aliases = Object.entries(tokenDefaults)
  .map(([name, value]) => `--cv-${name.slice('carer-'.length)}: var(--${name}, ${value});`)
  .join('\n  ');

/**
 * `:host` block giving each token a private `--cv-*` alias (`--carer-color-text` → `--cv-color-text`).
 * Included by `reset`, so every element has it.
 */
export const tokens = css`
  :host {
  ${unsafeCSS(aliases)}
  }
`;
