/**
 * Registers `<carer-priority-check>` (and the kit controls it uses). Safe to import twice.
 * `import '@carers-voice/elements/priority-check/define'`.
 */
import '../kit/define.js';
import { CarerPriorityCheck } from './carer-priority-check.js';

export { CarerPriorityCheck };

if (!customElements.get('carer-priority-check')) customElements.define('carer-priority-check', CarerPriorityCheck);

declare global {
  interface HTMLElementTagNameMap {
    'carer-priority-check': CarerPriorityCheck;
  }
}
