/**
 * Registers `<carer-error-summary>`. Widgets load it apart from their first download (through
 * `./error-summary/ready.js`): only a carer who is told about a problem needs it, and widgets fetch
 * it when the browser is idle after their first screen, so it is normally here before then.
 * Safe to import twice.
 */
import { CarerErrorSummary } from './error-summary/carer-error-summary.js';

if (!customElements.get('carer-error-summary')) customElements.define('carer-error-summary', CarerErrorSummary);
