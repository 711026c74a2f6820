/**
 * The accessible question kit: classes only (no registration). Import `./define.js`
 * (`@carers-voice/elements/kit/define`) to register the `carer-*` tags.
 */
export { CarerRadios } from './radios/carer-radios.js';
export { CarerCheckboxes } from './checkboxes/carer-checkboxes.js';
export { CarerLikert } from './likert/carer-likert.js';
export { likertOptions, NOT_APPLICABLE } from './likert/scales.js';
export { CarerRating } from './rating/carer-rating.js';
export { CarerSelect } from './select/carer-select.js';
export { CarerTextInput } from './text-input/carer-text-input.js';
export { CarerTextarea } from './textarea/carer-textarea.js';
export { CharacterCount } from './textarea/character-count.js';
export { CarerNumber, parseNumber } from './number/carer-number.js';
export { CarerRanking } from './ranking/carer-ranking.js';
export { CarerPoints } from './points/carer-points.js';
export { CarerStatement } from './statement/carer-statement.js';
export { CarerQuestion } from './question/carer-question.js';
export { CarerErrorSummary, CarerFocusFieldEvent, type ErrorSummaryItem } from './error-summary/carer-error-summary.js';
export { CarerProgress } from './progress/carer-progress.js';
export { ChoiceGroup, type ChoiceOption } from './choice/choice-group.js';
export { QuestionControl } from '../base/question-control.js';
export { CarerElement } from '../base/carer-element.js';
export { Announcer } from '../base/announcer.js';
export { SubmitGuard } from '../base/submit-guard.js';
export { plural, currentLocale } from '../base/plural.js';
export { CONTROL_TAGS, hasControl, loadControl, loadControls } from './controls.js';
