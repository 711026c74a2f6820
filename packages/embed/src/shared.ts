/**
 * What every widget shares, once per page (`dist/v1/shared-<hash>.js`): Lit and localisation.
 * Each widget is otherwise built on its own (scripts/build.mjs); sharing Lit means one template
 * engine and one Trusted Types policy (`lit-html`) on a page, however many kinds of widget it
 * shows, so a strict partner policy (`trusted-types lit-html`) allows them all.
 */
// What the widgets use (a build error names anything missing). `_$LH` is lit-html's door for its
// own directive helpers, which widgets bundle with the directives they use.
export { LitElement, adoptStyles, css, html, mathml, noChange, nothing, supportsAdoptingStyleSheets, svg, unsafeCSS } from 'lit';
export { _$LH } from 'lit/html.js';
export { property, state } from 'lit/decorators.js';
// Localisation too: one @lit/localize and one active language for every widget on the page.
export { localized, msg, str, updateWhenLocaleChanges } from '@lit/localize';
export { getLocale, resolveLocale, setLocale, textDirection } from '@carers-voice/elements/i18n';
