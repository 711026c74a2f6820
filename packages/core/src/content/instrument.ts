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

// Each kind's module is exported from the package index directly (not through here): a bundler then
// keeps only the kinds a page uses. Types only, for modules that import them from this file.
export type { InstrumentKind, Signpost, Translation } from './common.js';
export type { Page, Indicator, YoungCarerRule, Survey } from './survey.js';
export type { QuizAnswer, QuizQuestion, Band, Outcome, Quiz } from './quiz.js';
export type { Poll } from './poll.js';
export type { ScalePoint, Statement, StatementGroup, StatementSet } from './statement-set.js';

// ---------------------------------------------------------------- any instrument

export const Definition = z.discriminatedUnion('kind', [Survey, Quiz, Poll, StatementSet]);
export type Definition = z.infer<typeof Definition>;
/** What an author writes (identical to `Definition` today: no defaults are filled in). */
export type DefinitionInput = z.input<typeof Definition>;
export type DefinitionOf<K extends InstrumentKind> = Extract<Definition, { kind: K }>;
