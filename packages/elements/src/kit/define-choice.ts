/**
 * Registers the kit's frame — `<carer-question>` and `<carer-error-summary>` — and the two controls
 * nearly every instrument shows: radios and checkboxes (one answer or several from a list). A quiz
 * or poll needs little else (a widget that shows "Question 3 of 12" adds `./define-progress.js`).
 * `<carer-question>` loads the other controls the first time a question of their type shows
 * (`controls.ts`): likert, select, text and textarea from `./define-core.js`, the rest from
 * `./define-more.js`. Safe to import twice.
 */
import { CarerQuestion } from './question/carer-question.js';
import { CarerRadios } from './radios/carer-radios.js';
import { CarerCheckboxes } from './checkboxes/carer-checkboxes.js';

if (!customElements.get('carer-question')) customElements.define('carer-question', CarerQuestion);
if (!customElements.get('carer-radios')) customElements.define('carer-radios', CarerRadios);
if (!customElements.get('carer-checkboxes')) customElements.define('carer-checkboxes', CarerCheckboxes);
