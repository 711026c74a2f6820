/**
 * The four instrument kinds — survey, quiz, poll and statement set — sharing one header and the
 * question model in `question.ts`. Written with `zod/mini` (every widget loads this in the browser).
 *
 * Every object is strict: an unknown key is a problem to show the partner, never silently dropped.
 * Rules that need more than one field at once (ids unique, show-if pointing backwards, bands
 * covering every score …) live in `parse.ts`, which is what callers should use.
 */
import * as z from 'zod/mini';
import { Condition } from './condition.js';
import {
  Id,
  LikertQuestion,
  MultipleQuestion,
  NumberQuestion,
  OptionValue,
  PointsQuestion,
  Question,
  RankingQuestion,
  RatingQuestion,
  SelectQuestion,
  SingleQuestion,
  StatementQuestion,
  Text,
  TextQuestion,
  TextareaQuestion,
} from './question.js';

export const INSTRUMENT_KINDS = ['survey', 'quiz', 'poll', 'statement-set'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** A BCP 47 language tag such as `en-GB`, `ur` or `pa-Arab-PK`. */
export const LocaleTag = z.string().check(
  z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    error: 'a language must be a code like "en-GB" or "ur"',
  }),
);

/**
 * Links end up in `href`s on partners' pages, so only web addresses and same-site paths are allowed
 * (never `javascript:` or `data:`).
 */
export const SafeUrl = z.string().check(
  z.refine(
    (s) => {
      if (/^\/(?!\/)/.test(s)) return !/[\s<>"]/.test(s);
      if (!/^https?:\/\//i.test(s)) return false;
      try {
        new URL(s);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'a link must start with https:// (or with / for a page on the same site)' },
  ),
);

export const Phone = z.string().check(
  z.regex(/^\+?[0-9][0-9 ()-]{1,24}$/, {
    error: 'a phone number may use only digits, spaces, "+", "(", ")" and "-"',
  }),
);

export const DateTime = z.iso.datetime({
  offset: true,
  error: 'use a date and time like 2026-03-01T09:00:00Z',
});

export const Signpost = z.strictObject({
  id: Id,
  title: Text,
  description: z.optional(Text),
  url: z.optional(SafeUrl),
  phone: z.optional(Phone),
  kind: z.optional(z.enum(['hub', 'crisis', 'advice', 'gp', 'other'])),
});
export type Signpost = z.infer<typeof Signpost>;

const TextTranslation = z.strictObject({
  label: z.optional(Text),
  hint: z.optional(Text),
  easyRead: z.optional(Text),
});

export const QuestionTranslation = z.strictObject({
  label: z.optional(Text),
  hint: z.optional(Text),
  easyRead: z.optional(Text),
  options: z.optional(z.record(OptionValue, TextTranslation)),
});

export const Translation = z.strictObject({
  title: z.optional(Text),
  intro: z.optional(Text),
  /** By question id (for a statement set: by statement id, `label` translating its text). */
  questions: z.optional(z.record(Id, QuestionTranslation)),
});
export type Translation = z.infer<typeof Translation>;

/** The fields every instrument shares. */
const header = {
  /** Lets editors such as VS Code validate the file against `schema/*.schema.json`. */
  $schema: z.optional(z.string()),
  id: Id,
  version: z.int().check(z.positive({ error: 'the version must be a whole number, 1 or more' })),
  title: Text,
  intro: z.optional(Text),
  easyRead: z.optional(z.strictObject({ title: z.optional(Text), intro: z.optional(Text) })),
  /** The language the definition is written in; `en-GB` when left out. */
  locale: z.optional(LocaleTag),
  privacy: z.strictObject({
    anonymous: z.boolean(),
    notice: z.optional(Text),
  }),
  signposting: z.optional(z.array(Signpost)),
  translations: z.optional(z.record(LocaleTag, Translation)),
};

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

export const Survey = z.strictObject({
  ...header,
  kind: z.literal('survey'),
  pages: z.array(Page).check(z.minLength(1, { error: 'a survey needs at least one page' })),
  oneQuestionPerPage: z.optional(z.boolean()),
  /** Show a "Check your answers" page before sending (GOV.UK pattern); on unless set to false. */
  checkAnswers: z.optional(z.boolean()),
  indicators: z.optional(z.array(Indicator)),
});
export type Survey = z.infer<typeof Survey>;

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

// ---------------------------------------------------------------- statement set

export const ScalePoint = z.strictObject({ value: OptionValue, label: Text });
export type ScalePoint = z.infer<typeof ScalePoint>;

export const Statement = z.strictObject({
  id: Id,
  text: Text,
  easyRead: z.optional(Text),
  /** Short phrases a carer might use for this priority; at least one. */
  phrases: z.array(Text).check(z.minLength(1, { error: 'a statement needs at least one phrase' })),
  synonyms: z.optional(z.array(Text)),
});
export type Statement = z.infer<typeof Statement>;

export const StatementGroup = z.strictObject({
  id: Id,
  title: Text,
  description: z.optional(Text),
  audience: z.enum(['carer', 'organisation']),
  statements: z.array(Statement).check(z.minLength(1, { error: 'a group needs at least one statement' })),
});
export type StatementGroup = z.infer<typeof StatementGroup>;

const Scale = z.array(ScalePoint).check(z.minLength(2, { error: 'a scale needs at least two points' }));

export const StatementSet = z.strictObject({
  ...header,
  kind: z.literal('statement-set'),
  source: z.optional(z.strictObject({ name: Text, url: z.optional(SafeUrl) })),
  /** Ordered, e.g. met / partly-met / not-yet / not-applicable. Used by organisation groups. */
  scale: Scale,
  /** The scale carers use for `audience: 'carer'` groups; `scale` when left out. */
  carerScale: z.optional(Scale),
  groups: z.array(StatementGroup).check(z.minLength(1, { error: 'a statement set needs at least one group' })),
});
export type StatementSet = z.infer<typeof StatementSet>;

// ---------------------------------------------------------------- any instrument

export const Definition = z.discriminatedUnion('kind', [Survey, Quiz, Poll, StatementSet]);
export type Definition = z.infer<typeof Definition>;
/** What an author writes (identical to `Definition` today: no defaults are filled in). */
export type DefinitionInput = z.input<typeof Definition>;
export type DefinitionOf<K extends InstrumentKind> = Extract<Definition, { kind: K }>;

export const DEFAULT_LOCALE = 'en-GB';
