/**
 * Registers the kit's frame and choice controls (`./define-choice.js`), `<carer-progress>`, and the
 * other controls most surveys show: likert, select, text, textarea. The others (rating, number,
 * ranking, points, statement) are registered by `./define-more.js`, which `<carer-question>`
 * loads the first time a question of those types shows (`controls.ts`); a widget that registers
 * only `./define-choice.js` gets this module the same way. `./define.js` registers everything up front. Safe to import
 * twice, and beside `./define.js`.
 */
import './define-choice.js';
import './define-progress.js';
import { CarerLikert } from './likert/carer-likert.js';
import { CarerSelect } from './select/carer-select.js';
import { CarerTextInput } from './text-input/carer-text-input.js';
import { CarerTextarea } from './textarea/carer-textarea.js';

if (!customElements.get('carer-likert')) customElements.define('carer-likert', CarerLikert);
if (!customElements.get('carer-select')) customElements.define('carer-select', CarerSelect);
if (!customElements.get('carer-text-input')) customElements.define('carer-text-input', CarerTextInput);
if (!customElements.get('carer-textarea')) customElements.define('carer-textarea', CarerTextarea);
