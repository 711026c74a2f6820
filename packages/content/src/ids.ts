/** The ids of the built-in packs, in the order `listInstruments()` gives them. */
export const INSTRUMENT_IDS = [
  'annual-carers-survey',
  'carer-awareness-quiz',
  'carer-awareness-professionals',
  'am-i-a-carer',
  'rank-bury-themes',
  'share-points-stockport',
  'carer-statements',
  'quick-poll-have-your-say',
  'gm-commitment-to-carers',
  'bury-priorities-and-themes',
  'hw-commitment-to-carers',
  'warrington-carers-aims',
  'stockport-think-carer-priorities',
] as const;

export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export function isInstrumentId(id: unknown): id is InstrumentId {
  return typeof id === 'string' && (INSTRUMENT_IDS as readonly string[]).includes(id);
}
