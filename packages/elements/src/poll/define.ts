/**
 * Registers `<carer-poll>` (and the kit it uses), and the built-in polls for
 * `instrument="rank-bury-themes" | "share-points-stockport" | "carer-statements" | "quick-poll-have-your-say"`.
 * Each pack is loaded from `@carers-voice/content` only when a page asks for it (one literal path per
 * pack so bundlers can split them).
 */
import '../kit/define-choice.js';
import { registerInstrument } from '../widget/builtins.js';
import { CarerPoll } from './carer-poll.js';

export { CarerPoll };

const json = (m: { default: unknown }) => m.default;

registerInstrument('rank-bury-themes', () => import('@carers-voice/content/instruments/rank-bury-themes.json').then(json));
registerInstrument('share-points-stockport', () => import('@carers-voice/content/instruments/share-points-stockport.json').then(json));
registerInstrument('carer-statements', () => import('@carers-voice/content/instruments/carer-statements.json').then(json));
registerInstrument('quick-poll-have-your-say', () => import('@carers-voice/content/instruments/quick-poll-have-your-say.json').then(json));

if (!customElements.get('carer-poll')) customElements.define('carer-poll', CarerPoll);

declare global {
  interface HTMLElementTagNameMap {
    'carer-poll': CarerPoll;
  }
}
