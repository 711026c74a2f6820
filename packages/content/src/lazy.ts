/**
 * Load one built-in pack on demand. Bundlers (esbuild with `splitting`, Vite) put each pack in its
 * own chunk, so a page showing the poll never downloads the survey.
 *
 * The files are listed one by one (not built from a template string) so that every bundler can see
 * them; a template would either fail or pull in every JSON file in the folder.
 */
import type { Definition } from '@carers-voice/core/content';
import { isInstrumentId, type InstrumentId } from './ids.js';

export { INSTRUMENT_IDS, isInstrumentId, type InstrumentId } from './ids.js';

type JsonModule = { default: unknown };

const loaders: Record<InstrumentId, () => Promise<JsonModule>> = {
  'annual-carers-survey': () => import('../instruments/annual-carers-survey.json', { with: { type: 'json' } }),
  'carer-awareness-quiz': () => import('../instruments/carer-awareness-quiz.json', { with: { type: 'json' } }),
  'carer-awareness-professionals': () =>
    import('../instruments/carer-awareness-professionals.json', { with: { type: 'json' } }),
  'am-i-a-carer': () => import('../instruments/am-i-a-carer.json', { with: { type: 'json' } }),
  'rank-bury-themes': () => import('../instruments/rank-bury-themes.json', { with: { type: 'json' } }),
  'share-points-stockport': () => import('../instruments/share-points-stockport.json', { with: { type: 'json' } }),
  'carer-statements': () => import('../instruments/carer-statements.json', { with: { type: 'json' } }),
  'quick-poll-have-your-say': () => import('../instruments/quick-poll-have-your-say.json', { with: { type: 'json' } }),
  'gm-commitment-to-carers': () => import('../instruments/gm-commitment-to-carers.json', { with: { type: 'json' } }),
  'bury-priorities-and-themes': () =>
    import('../instruments/bury-priorities-and-themes.json', { with: { type: 'json' } }),
  'hw-commitment-to-carers': () => import('../instruments/hw-commitment-to-carers.json', { with: { type: 'json' } }),
  'warrington-carers-aims': () => import('../instruments/warrington-carers-aims.json', { with: { type: 'json' } }),
  'stockport-think-carer-priorities': () =>
    import('../instruments/stockport-think-carer-priorities.json', { with: { type: 'json' } }),
};

/**
 * The built-in pack with this id, loaded on first use; `undefined` for an unknown id. Each call
 * returns a fresh copy, so a caller may change it freely.
 */
export async function loadInstrument(id: string): Promise<Definition | undefined> {
  if (!isInstrumentId(id)) return undefined;
  const module = await loaders[id]();
  return structuredClone(module.default) as Definition;
}
