/**
 * Registers `<carer-quiz>` (with the kit's frame and common controls; the rest load when a quiz
 * uses them), and the built-in quizzes for
 * `instrument="carer-awareness-quiz" | "carer-awareness-professionals" | "am-i-a-carer"`. Each pack
 * is loaded from `@carers-voice/content` only when a page asks for it (one literal path per pack
 * so bundlers can split them). Registration lives here because only define modules are listed as
 * having side effects.
 */
import '../kit/define-choice.js';
import '../kit/define-progress.js';
import { registerInstrument } from '../widget/builtins.js';
import { CarerQuiz } from './carer-quiz.js';

export { CarerQuiz };

const json = (m: { default: unknown }) => m.default;

registerInstrument('carer-awareness-quiz', () => import('@carers-voice/content/instruments/carer-awareness-quiz.json').then(json));
registerInstrument('carer-awareness-professionals', () =>
  import('@carers-voice/content/instruments/carer-awareness-professionals.json').then(json),
);
registerInstrument('am-i-a-carer', () => import('@carers-voice/content/instruments/am-i-a-carer.json').then(json));

if (!customElements.get('carer-quiz')) customElements.define('carer-quiz', CarerQuiz);

declare global {
  interface HTMLElementTagNameMap {
    'carer-quiz': CarerQuiz;
  }
}
