/** The survey schema (see instrument.ts for every kind together). */
import * as z from 'zod/mini';
import { Condition } from './condition.js';
import { header } from './common.js';
import { Id, OptionValue, Question, Text } from './question.js';

// ---------------------------------------------------------------- survey

export const Page = z.strictObject({
  id: Id,
  title: z.optional(Text),
  intro: z.optional(Text),
  showIf: z.optional(Condition),
  questions: z.array(Question).check(z.minLength(1, { error: 'a page needs at least one question' })),
});
export type Page = z.infer<typeof Page>;

/** A headline measure: the share of answers to `question` that fall in `positive`. */
export const Indicator = z.strictObject({
  id: Id,
  label: Text,
  question: Id,
  positive: z.array(OptionValue).check(z.minLength(1, { error: 'an indicator needs at least one positive option' })),
  description: z.optional(Text),
});
export type Indicator = z.infer<typeof Indicator>;

/**
 * Which answer makes the carer a young carer (under 18), so they get the `young` wording: the
 * answer to `question` is one of `values`; for a number question without `values`, a number below 18.
 */
export const YoungCarerRule = z.strictObject({
  question: Id,
  values: z.optional(z.array(OptionValue).check(z.minLength(1, { error: 'list at least one answer that means under 18' }))),
});
export type YoungCarerRule = z.infer<typeof YoungCarerRule>;

export const Survey = z.strictObject({
  ...header,
  kind: z.literal('survey'),
  pages: z.array(Page).check(z.minLength(1, { error: 'a survey needs at least one page' })),
  oneQuestionPerPage: z.optional(z.boolean()),
  /** Show a "Check your answers" page before sending (GOV.UK pattern); on unless set to false. */
  checkAnswers: z.optional(z.boolean()),
  indicators: z.optional(z.array(Indicator)),
  /** Which answer routes under-18s to the young wording; widgets guess from an "age" question without it. */
  youngCarer: z.optional(YoungCarerRule),
});
export type Survey = z.infer<typeof Survey>;
