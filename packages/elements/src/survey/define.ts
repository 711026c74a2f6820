import '../kit/define.js';
import { CarerSurvey } from './carer-survey.js';

export { CarerSurvey };

if (!customElements.get('carer-survey')) customElements.define('carer-survey', CarerSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'carer-survey': CarerSurvey;
  }
}
