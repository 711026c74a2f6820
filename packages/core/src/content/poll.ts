/** The poll schema (see instrument.ts for every kind together). */
import * as z from 'zod/mini';
import { DateTime, header } from './common.js';
import { Question } from './question.js';

// ---------------------------------------------------------------- poll

export const Poll = z.strictObject({
  ...header,
  kind: z.literal('poll'),
  questions: z.array(Question).check(z.minLength(1, { error: 'a poll needs at least one question' })),
  opens: z.optional(DateTime),
  closes: z.optional(DateTime),
  showResults: z.enum(['after-vote', 'after-close', 'never']),
  /** Carers may suggest their own statements (moderated before anyone sees them). */
  allowStatements: z.optional(z.boolean()),
});
export type Poll = z.infer<typeof Poll>;
