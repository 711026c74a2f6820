/**
 * Registers `<carer-survey>` with the kit's frame and the controls most surveys show on their first
 * page (radios, checkboxes, likert, select, text, textarea). Rating, number, ranking, points and
 * statement controls load when a survey uses them. Safe to import twice.
 */
import '../kit/define-paged.js';
import { CarerSurvey } from './carer-survey.js';

export { CarerSurvey };

if (!customElements.get('carer-survey')) customElements.define('carer-survey', CarerSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'carer-survey': CarerSurvey;
  }
}
