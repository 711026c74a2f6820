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

for (const [tag, element] of Object.entries(kitElements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

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
