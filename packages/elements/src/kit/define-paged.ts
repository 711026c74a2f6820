/**
 * Registers what a widget that steps through questions shows before any control of a rarer type:
 * the kit's frame and choice controls (`./define-choice.js`) and `<carer-progress>`
 * (`./define-progress.js`). Every other control loads the first time a question of its type shows
 * (`controls.ts`), alongside any other the definition needs, so a survey with likert, text and
 * rating questions waits for one round of downloads, not two. Safe to import twice.
 */
import './define-choice.js';
import './define-progress.js';
