/** The quiz schema (see instrument.ts for every kind together). */
import * as z from 'zod/mini';
import { Condition } from './condition.js';
import { header, Phone, SafeUrl } from './common.js';
import {
  Id,
  LikertQuestion,
  MultipleQuestion,
  NumberQuestion,
  OptionValue,
  PointsQuestion,
  RankingQuestion,
  RatingQuestion,
  SelectQuestion,
  SingleQuestion,
  StatementQuestion,
  Text,
  TextQuestion,
  TextareaQuestion,
} from './question.js';

// ---------------------------------------------------------------- quiz

export const QuizAnswer = z.strictObject({
  correct: z.array(OptionValue).check(z.minLength(1, { error: 'an answer needs at least one correct option' })),
  explanation: Text,
  source: z.strictObject({ name: Text, url: z.optional(SafeUrl) }),
  /** Multiple choice only: give part marks (see `scoreQuiz` for the rule). */
  partialCredit: z.optional(z.boolean()),
});
export type QuizAnswer = z.infer<typeof QuizAnswer>;

const withAnswer = { answer: z.optional(QuizAnswer) };

/**
 * A quiz question is any question; single and multiple questions may carry an `answer` key.
 * Score mode allows only those two types and requires `answer` (checked in `parse.ts`).
 */
export const QuizQuestion = z.discriminatedUnion('type', [
  z.extend(SingleQuestion, withAnswer),
  z.extend(MultipleQuestion, withAnswer),
  SelectQuestion,
  LikertQuestion,
  RatingQuestion,
  TextQuestion,
  TextareaQuestion,
  NumberQuestion,
  RankingQuestion,
  PointsQuestion,
  StatementQuestion,
]);
export type QuizQuestion = z.infer<typeof QuizQuestion>;

export const Band = z.strictObject({
  min: z.int().check(z.nonnegative()),
  max: z.int().check(z.nonnegative()),
  title: Text,
  message: Text,
});
export type Band = z.infer<typeof Band>;

export const OutcomeAction = z.strictObject({
  label: Text,
  description: z.optional(Text),
  url: z.optional(SafeUrl),
  phone: z.optional(Phone),
});

export const Outcome = z.strictObject({
  id: Id,
  when: Condition,
  title: Text,
  body: Text,
  young: z.optional(z.strictObject({ title: z.optional(Text), body: z.optional(Text) })),
  actions: z.optional(z.array(OutcomeAction)),
});
export type Outcome = z.infer<typeof Outcome>;

export const Quiz = z.strictObject({
  ...header,
  kind: z.literal('quiz'),
  mode: z.enum(['score', 'identify']),
  display: z.optional(z.enum(['one-at-a-time', 'all'])),
  questions: z.array(QuizQuestion).check(z.minLength(1, { error: 'a quiz needs at least one question' })),
  bands: z.optional(z.array(Band)),
  outcomes: z.optional(z.array(Outcome)),
});
export type Quiz = z.infer<typeof Quiz>;
