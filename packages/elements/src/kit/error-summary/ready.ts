/**
 * `<carer-error-summary>` on demand. Widgets render the element when there are problems to show;
 * its code is a separate small download (`../define-error-summary.js`), fetched when the browser is
 * idle after a widget's first screen, or at the latest when a problem is shown. Until it is defined
 * the element is an empty placeholder; Lit keeps the properties set on it and applies them when it
 * upgrades.
 */
import { once } from '../../base/once.js';

// Once per page; after a failed load (offline) the next problem shown tries again.
const load = once(() => import('../define-error-summary.js').then(() => undefined));

/** Loads and registers `<carer-error-summary>` (once); resolves when it is defined. */
export function errorSummaryReady(): Promise<void> {
  return customElements.get('carer-error-summary') ? Promise.resolve() : load();
}

/**
 * Moves focus to the error summary in `root` once it is defined and has rendered (the GOV.UK
 * pattern: the summary takes focus so a screen reader reads it first).
 */
export async function focusErrorSummary(root: ParentNode): Promise<void> {
  await errorSummaryReady().catch(() => undefined);
  const summary = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('carer-error-summary');
  await summary?.updateComplete;
  summary?.focus();
}
