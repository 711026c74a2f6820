/**
 * The four instrument kinds — survey, quiz, poll and statement set — sharing one header and the
 * question model in `question.ts`. Written with `zod/mini` (every widget loads this in the browser).
 *
 * Every object is strict: an unknown key is a problem to show the partner, never silently dropped.
 * Rules that need more than one field at once (ids unique, show-if pointing backwards, bands
 * covering every score …) live in `parse.ts`, which is what callers should use.
 */
import * as z from 'zod/mini';
import { Poll } from './poll.js';
import { Quiz } from './quiz.js';
import { StatementSet } from './statement-set.js';
import { Survey } from './survey.js';
import type { InstrumentKind } from './common.js';

export {
  INSTRUMENT_KINDS,
  type InstrumentKind,
  LocaleTag,
  SafeUrl,
  Phone,
  DateTime,
  Signpost,
  QuestionTranslation,
  Translation,
  DEFAULT_LOCALE,
} from './common.js';
export { Page, Indicator, YoungCarerRule, Survey } from './survey.js';
export { QuizAnswer, QuizQuestion, Band, OutcomeAction, Outcome, Quiz } from './quiz.js';
export { Poll } from './poll.js';
export { ScalePoint, Statement, StatementGroup, StatementSet } from './statement-set.js';

// ---------------------------------------------------------------- any instrument

export const Definition = z.discriminatedUnion('kind', [Survey, Quiz, Poll, StatementSet]);
export type Definition = z.infer<typeof Definition>;
/** What an author writes (identical to `Definition` today: no defaults are filled in). */
export type DefinitionInput = z.input<typeof Definition>;
export type DefinitionOf<K extends InstrumentKind> = Extract<Definition, { kind: K }>;
