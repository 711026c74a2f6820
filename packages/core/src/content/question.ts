/**
 * The one question model every instrument shares (survey pages, quiz items, poll questions and
 * statement-set ratings all render through it). Written with `zod/mini` because this module is
 * loaded by every widget in the browser; see TOOLCHAIN.md for the size figures.
 *
 * Every object is strict: an unknown key is a problem to show the partner, never silently dropped.
 */
import * as z from 'zod/mini';
import { Condition } from './condition.js';

/** Ids are used in URLs, HTML ids and CSV headers, so keep them to a safe, readable shape. */
export const Id = z.string().check(
  z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, {
    error: 'an id must start with a letter and use only letters, digits, "-" or "_" (at most 64)',
  }),
);

/** Option values may start with a digit ("20-49", "0"). */
export const OptionValue = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
    error: 'an option value must use only letters, digits, "-" or "_" (at most 64)',
  }),
);

/** Visible text: never empty, never only spaces. */
export const Text = z.string().check(
  z.minLength(1, { error: 'this text must not be empty' }),
  // Empty text is already reported above; say "only spaces" only for text that has some.
  z.refine((s) => s.length === 0 || s.trim().length > 0, { error: 'this text must not be only spaces' }),
);

/** Wording for a younger reader (under-18s), used when the widget knows the carer is young. */
export const YoungWording = z.strictObject({
  label: z.optional(Text),
  hint: z.optional(Text),
  easyRead: z.optional(Text),
});

export const Option = z.strictObject({
  value: OptionValue,
  label: Text,
  hint: z.optional(Text),
  easyRead: z.optional(Text),
  /** Multiple choice only: choosing it clears every other option ("None of these"). */
  exclusive: z.optional(z.boolean()),
  /** Quiz only: said after this option is chosen. */
  explanation: z.optional(Text),
});
export type Option = z.infer<typeof Option>;

const questionBase = {
  id: Id,
  label: Text,
  hint: z.optional(Text),
  easyRead: z.optional(Text),
  young: z.optional(YoungWording),
  /** GOV.UK style: questions are required unless the definition says otherwise. */
  required: z.optional(z.boolean()),
  showIf: z.optional(Condition),
};

/**
 * A follow-up revealed right after an option when it is chosen ("Other: please tell us").
 * Its answer is stored under its own id.
 */
export const RevealQuestion = z.strictObject({
  id: Id,
  type: z.enum(['text', 'textarea', 'number']),
  label: Text,
  hint: z.optional(Text),
  required: z.optional(z.boolean()),
  maxLength: z.optional(z.int().check(z.positive(), z.lte(10000))),
});
export type RevealQuestion = z.infer<typeof RevealQuestion>;

const Options = z.array(Option).check(z.minLength(2, { error: 'a choice question needs at least two options' }));
const Reveal = z.optional(z.record(OptionValue, RevealQuestion));

export const SingleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('single'),
  options: Options,
  /** Option value → follow-up question shown right after that option. */
  reveal: Reveal,
});
export const MultipleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('multiple'),
  options: Options,
  reveal: Reveal,
  minSelected: z.optional(z.int().check(z.nonnegative())),
  maxSelected: z.optional(z.int().check(z.positive())),
});
export const SelectQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('select'),
  options: Options,
});

/** Named, ordered scales so content authors do not restate the same five options everywhere. */
export const LikertScaleName = z.enum(['agreement', 'satisfaction', 'truth', 'frequency', 'ease']);
export type LikertScaleName = z.infer<typeof LikertScaleName>;

export const LikertQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('likert'),
  /** A named scale, or `options` (ordered from most negative to most positive). */
  scale: z.optional(LikertScaleName),
  options: z.optional(Options),
  /** Adds "Does not apply to me" outside the scale; it never counts towards a mean. */
  notApplicable: z.optional(z.boolean()),
});

export const RatingQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('rating'),
  min: z.optional(z.int().check(z.gte(0), z.lte(1))),
  max: z.optional(z.int().check(z.gte(2), z.lte(10))),
  minLabel: z.optional(Text),
  maxLabel: z.optional(Text),
});

export const TextQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('text'),
  maxLength: z.optional(z.int().check(z.positive(), z.lte(500))),
  /** e.g. "postal-code", "email", "tel": helps autofill and on-screen keyboards. */
  autocomplete: z.optional(z.string()),
  inputMode: z.optional(z.enum(['text', 'email', 'tel', 'numeric', 'url'])),
  /** Personal contact details: only shown after a consent question and stored apart from answers. */
  contact: z.optional(z.boolean()),
});
export const TextareaQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('textarea'),
  maxLength: z.optional(z.int().check(z.positive(), z.lte(10000))),
  rows: z.optional(z.int().check(z.gte(2), z.lte(20))),
});
export const NumberQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('number'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
  /** Shown after the box, e.g. "hours a week". */
  unit: z.optional(Text),
});
export const RankingQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('ranking'),
  options: Options,
  /** Only the top N need placing; all by default. */
  rankCount: z.optional(z.int().check(z.positive())),
});
export const PointsQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('points'),
  options: Options,
  total: z.int().check(z.positive(), z.lte(1000)),
  /** When true every point must be given out before the answer is complete. */
  allocateAll: z.optional(z.boolean()),
});
/** One short statement the carer agrees with, disagrees with, or passes on. */
export const StatementQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('statement'),
});

export const Question = z.discriminatedUnion('type', [
  SingleQuestion,
  MultipleQuestion,
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
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export { STATEMENT_VALUES, type StatementValue } from './constants.js';

/**
 * What an answer looks like for each question type:
 * single, select, likert, statement, text, textarea → string;
 * multiple, ranking (best first) → string[]; rating, number → number;
 * points → { [optionValue]: points }.
 */
export type AnswerValue = string | number | string[] | Record<string, number>;
export type Answers = Record<string, AnswerValue>;
