/**
 * Registers `<carer-progress>` ("Question 3 of 12"), for widgets that step through questions (the
 * survey through `./define-core.js`, the quiz). Apart from `./define-choice.js` so a poll or
 * priority check, which never shows it, does not download it. Safe to import twice.
 */
import { CarerProgress } from './progress/carer-progress.js';

if (!customElements.get('carer-progress')) customElements.define('carer-progress', CarerProgress);
