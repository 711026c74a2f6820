import { ContextRoot } from '@lit/context';
import { CarerVoice } from './carer-voice.js';

export { CarerVoice };

// Widgets that upgrade before their <carer-voice> (scripts loaded in any order) still find it:
// the root replays their context requests when the provider connects.
const rootKey = Symbol.for('carer-voice/context-root');
const page = globalThis as typeof globalThis & { [rootKey]?: ContextRoot };
if (!page[rootKey] && typeof document !== 'undefined') {
  page[rootKey] = new ContextRoot();
  page[rootKey].attach(document.documentElement);
}

if (!customElements.get('carer-voice')) customElements.define('carer-voice', CarerVoice);

declare global {
  interface HTMLElementTagNameMap {
    'carer-voice': CarerVoice;
  }
}
