/**
 * The statement sets in `@carers-voice/content`, available as `instrument="…"` without an
 * endpoint. Each is a lazy import, so a page loads only the set it uses.
 */
import { builtInInstrument, registerInstrument } from '../widget/builtins.js';

const json = (m: { default: unknown }) => m.default;

const sets: Record<string, () => Promise<unknown>> = {
  'gm-commitment-to-carers': () => import('@carers-voice/content/instruments/gm-commitment-to-carers.json').then(json),
  'bury-priorities-and-themes': () => import('@carers-voice/content/instruments/bury-priorities-and-themes.json').then(json),
  'hw-commitment-to-carers': () => import('@carers-voice/content/instruments/hw-commitment-to-carers.json').then(json),
  'warrington-carers-aims': () => import('@carers-voice/content/instruments/warrington-carers-aims.json').then(json),
  'stockport-think-carer-priorities': () =>
    import('@carers-voice/content/instruments/stockport-think-carer-priorities.json').then(json),
};

for (const [id, load] of Object.entries(sets)) if (!builtInInstrument(id)) registerInstrument(id, load);
