/**
 * Registers `<carer-priority-check>` and the two kit elements it uses (likert, error summary). Safe to import twice.
 * `import '@carers-voice/elements/priority-check/define'`.
 */
import { CarerLikert } from '../kit/likert/carer-likert.js';
// The priority check's forms always hold an error summary (empty until a problem is shown), so it
// is registered up front here rather than fetched when first needed as the other widgets do.
import { CarerErrorSummary } from '../kit/error-summary/carer-error-summary.js';
import { CarerPriorityCheck } from './carer-priority-check.js';

export { CarerPriorityCheck };

if (!customElements.get('carer-likert')) customElements.define('carer-likert', CarerLikert);
if (!customElements.get('carer-error-summary')) customElements.define('carer-error-summary', CarerErrorSummary);
if (!customElements.get('carer-priority-check')) customElements.define('carer-priority-check', CarerPriorityCheck);

declare global {
  interface HTMLElementTagNameMap {
    'carer-priority-check': CarerPriorityCheck;
  }
}
