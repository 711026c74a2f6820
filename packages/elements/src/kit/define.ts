/**
 * Registers every kit element under its `carer-*` tag (once; safe to import twice).
 * `import '@carers-voice/elements/kit/define'`.
 */
import { CarerRadios } from './radios/carer-radios.js';
import { CarerCheckboxes } from './checkboxes/carer-checkboxes.js';
import { CarerLikert } from './likert/carer-likert.js';
import { CarerRating } from './rating/carer-rating.js';
import { CarerSelect } from './select/carer-select.js';
import { CarerTextInput } from './text-input/carer-text-input.js';
import { CarerTextarea } from './textarea/carer-textarea.js';
import { CarerNumber } from './number/carer-number.js';
import { CarerRanking } from './ranking/carer-ranking.js';
import { CarerPoints } from './points/carer-points.js';
import { CarerStatement } from './statement/carer-statement.js';
import { CarerQuestion } from './question/carer-question.js';
import { CarerErrorSummary } from './error-summary/carer-error-summary.js';
import { CarerProgress } from './progress/carer-progress.js';

export const kitElements = {
  'carer-radios': CarerRadios,
  'carer-checkboxes': CarerCheckboxes,
  'carer-likert': CarerLikert,
  'carer-rating': CarerRating,
  'carer-select': CarerSelect,
  'carer-text-input': CarerTextInput,
  'carer-textarea': CarerTextarea,
  'carer-number': CarerNumber,
  'carer-ranking': CarerRanking,
  'carer-points': CarerPoints,
  'carer-statement': CarerStatement,
  'carer-question': CarerQuestion,
  'carer-error-summary': CarerErrorSummary,
  'carer-progress': CarerProgress,
} as const;

// One literal call per tag, so the custom-elements manifest analyzer sees each registration.
if (!customElements.get('carer-radios')) customElements.define('carer-radios', CarerRadios);
if (!customElements.get('carer-checkboxes')) customElements.define('carer-checkboxes', CarerCheckboxes);
if (!customElements.get('carer-likert')) customElements.define('carer-likert', CarerLikert);
if (!customElements.get('carer-rating')) customElements.define('carer-rating', CarerRating);
if (!customElements.get('carer-select')) customElements.define('carer-select', CarerSelect);
if (!customElements.get('carer-text-input')) customElements.define('carer-text-input', CarerTextInput);
if (!customElements.get('carer-textarea')) customElements.define('carer-textarea', CarerTextarea);
if (!customElements.get('carer-number')) customElements.define('carer-number', CarerNumber);
if (!customElements.get('carer-ranking')) customElements.define('carer-ranking', CarerRanking);
if (!customElements.get('carer-points')) customElements.define('carer-points', CarerPoints);
if (!customElements.get('carer-statement')) customElements.define('carer-statement', CarerStatement);
if (!customElements.get('carer-question')) customElements.define('carer-question', CarerQuestion);
if (!customElements.get('carer-error-summary')) customElements.define('carer-error-summary', CarerErrorSummary);
if (!customElements.get('carer-progress')) customElements.define('carer-progress', CarerProgress);

declare global {
  interface HTMLElementTagNameMap {
    'carer-radios': CarerRadios;
    'carer-checkboxes': CarerCheckboxes;
    'carer-likert': CarerLikert;
    'carer-rating': CarerRating;
    'carer-select': CarerSelect;
    'carer-text-input': CarerTextInput;
    'carer-textarea': CarerTextarea;
    'carer-number': CarerNumber;
    'carer-ranking': CarerRanking;
    'carer-points': CarerPoints;
    'carer-statement': CarerStatement;
    'carer-question': CarerQuestion;
    'carer-error-summary': CarerErrorSummary;
    'carer-progress': CarerProgress;
  }
}
