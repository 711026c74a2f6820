/**
 * Registers the kit's frame — `<carer-question>`, `<carer-error-summary>`, `<carer-progress>` —
 * and the controls most instruments show (radios, checkboxes, likert, select, text, textarea).
 * The others (rating, number, ranking, points, statement) are registered by `./define-more.js`,
 * which `<carer-question>` loads the first time a question of those types shows (`controls.ts`).
 * `./define.js` registers everything up front. Safe to import twice, and beside `./define.js`.
 */
import { CarerQuestion } from './question/carer-question.js';
import { CarerErrorSummary } from './error-summary/carer-error-summary.js';
import { CarerProgress } from './progress/carer-progress.js';
import { CarerRadios } from './radios/carer-radios.js';
import { CarerCheckboxes } from './checkboxes/carer-checkboxes.js';
import { CarerLikert } from './likert/carer-likert.js';
import { CarerSelect } from './select/carer-select.js';
import { CarerTextInput } from './text-input/carer-text-input.js';
import { CarerTextarea } from './textarea/carer-textarea.js';

if (!customElements.get('carer-question')) customElements.define('carer-question', CarerQuestion);
if (!customElements.get('carer-error-summary')) customElements.define('carer-error-summary', CarerErrorSummary);
if (!customElements.get('carer-progress')) customElements.define('carer-progress', CarerProgress);
if (!customElements.get('carer-radios')) customElements.define('carer-radios', CarerRadios);
if (!customElements.get('carer-checkboxes')) customElements.define('carer-checkboxes', CarerCheckboxes);
if (!customElements.get('carer-likert')) customElements.define('carer-likert', CarerLikert);
if (!customElements.get('carer-select')) customElements.define('carer-select', CarerSelect);
if (!customElements.get('carer-text-input')) customElements.define('carer-text-input', CarerTextInput);
if (!customElements.get('carer-textarea')) customElements.define('carer-textarea', CarerTextarea);
