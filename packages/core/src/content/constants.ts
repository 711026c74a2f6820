/**
 * Plain values the content model names, kept apart from the zod schemas so that code which only
 * needs a name or a list (a widget rendering a checked definition, the likert scales) never loads
 * zod. `common.ts` and `question.ts` re-export them, so every existing import still works.
 */

/** The four instrument kinds. */
export const INSTRUMENT_KINDS = ['survey', 'quiz', 'poll', 'statement-set'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** The language a definition is written in when it does not say. */
export const DEFAULT_LOCALE = 'en-GB';

/** The values a `statement` question takes. */
export const STATEMENT_VALUES = ['agree', 'disagree', 'pass'] as const;
export type StatementValue = (typeof STATEMENT_VALUES)[number];
