import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult } from 'lit';

/**
 * Adds `styles` to a shadow root after it was made (parts of a widget that load later bring their
 * own rules): adopted as constructed sheets, each sheet once; where sheets cannot be adopted,
 * appended as `<style>` elements (with the page's nonce), so callers add each part once.
 */
export function addStyles(root: ShadowRoot, styles: CSSResult | CSSResult[]): void {
  const list = [styles].flat();
  if (supportsAdoptingStyleSheets) {
    // Sheets the element has already (e.g. the theme's) are not added twice.
    const sheets = list.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => Boolean(s) && !root.adoptedStyleSheets.includes(s!));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  } else adoptStyles(root, list);
}
