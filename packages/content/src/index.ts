/**
 * The ready-made instruments as a typed registry.
 *
 * The packs are plain JSON files in `instruments/` (a partner can copy one, change it and load it
 * from a URL). They are imported here with import attributes, which Node (through tsx), esbuild and
 * Vite all understand. Every pack is checked with `parseDefinition` by this package's tests, so the
 * casts below are safe; nothing is parsed at runtime, which keeps zod out of this module.
 *
 * Importing this module brings in every pack (about 26 kB gzipped). A widget that only needs one
 * pack should use `loadInstrument` from `@carers-voice/content/lazy`, which loads one file on demand.
 */
import type { Definition, InstrumentKind } from '@carers-voice/core/content';

import amIACarer from '../instruments/am-i-a-carer.json' with { type: 'json' };
import annualCarersSurvey from '../instruments/annual-carers-survey.json' with { type: 'json' };
import buryPrioritiesAndThemes from '../instruments/bury-priorities-and-themes.json' with { type: 'json' };
import carerAwarenessProfessionals from '../instruments/carer-awareness-professionals.json' with { type: 'json' };
import carerAwarenessQuiz from '../instruments/carer-awareness-quiz.json' with { type: 'json' };
import carerStatements from '../instruments/carer-statements.json' with { type: 'json' };
import gmCommitmentToCarers from '../instruments/gm-commitment-to-carers.json' with { type: 'json' };
import hwCommitmentToCarers from '../instruments/hw-commitment-to-carers.json' with { type: 'json' };
import quickPollHaveYourSay from '../instruments/quick-poll-have-your-say.json' with { type: 'json' };
import rankBuryThemes from '../instruments/rank-bury-themes.json' with { type: 'json' };
import sharePointsStockport from '../instruments/share-points-stockport.json' with { type: 'json' };
import stockportThinkCarerPriorities from '../instruments/stockport-think-carer-priorities.json' with { type: 'json' };
import warringtonCarersAims from '../instruments/warrington-carers-aims.json' with { type: 'json' };

import { INSTRUMENT_IDS, type InstrumentId } from './ids.js';

export { INSTRUMENT_IDS, isInstrumentId, type InstrumentId } from './ids.js';

/** JSON imports are typed loosely (`kind: string`); the tests prove each one is a valid definition. */
const asDefinition = (json: unknown): Definition => deepFreeze(json) as Definition;

/** Every built-in pack by id. The objects are frozen: copy one (`structuredClone`) to change it. */
export const instruments: Readonly<Record<InstrumentId, Definition>> = Object.freeze({
  'annual-carers-survey': asDefinition(annualCarersSurvey),
  'carer-awareness-quiz': asDefinition(carerAwarenessQuiz),
  'carer-awareness-professionals': asDefinition(carerAwarenessProfessionals),
  'am-i-a-carer': asDefinition(amIACarer),
  'rank-bury-themes': asDefinition(rankBuryThemes),
  'share-points-stockport': asDefinition(sharePointsStockport),
  'carer-statements': asDefinition(carerStatements),
  'quick-poll-have-your-say': asDefinition(quickPollHaveYourSay),
  'gm-commitment-to-carers': asDefinition(gmCommitmentToCarers),
  'bury-priorities-and-themes': asDefinition(buryPrioritiesAndThemes),
  'hw-commitment-to-carers': asDefinition(hwCommitmentToCarers),
  'warrington-carers-aims': asDefinition(warringtonCarersAims),
  'stockport-think-carer-priorities': asDefinition(stockportThinkCarerPriorities),
});

export interface InstrumentSummary {
  id: InstrumentId;
  kind: InstrumentKind;
  title: string;
  version: number;
}

/** One line per built-in pack, in a stable order (surveys, quizzes, polls, statement sets). */
export function listInstruments(): InstrumentSummary[] {
  return INSTRUMENT_IDS.map((id) => {
    const d = instruments[id];
    return { id, kind: d.kind, title: d.title, version: d.version };
  });
}

/**
 * The built-in pack with this id, or `undefined` for an id we do not have (a partner's typo should
 * become a plain-words error in the widget, not an exception here).
 */
export function getInstrument(id: string): Definition | undefined {
  return Object.hasOwn(instruments, id) ? instruments[id as InstrumentId] : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
