/**
 * Named Likert scales and the fixed statement answers, with their wording in each supported
 * language. Values are stable (they are stored in responses); labels are what carers read.
 *
 * The Urdu wording is a plain, literal translation written for this project; have a fluent reader
 * check it with carers before a wide launch.
 */
import type { LikertScaleName, Option, Question } from './question.js';
import { STATEMENT_VALUES } from './constants.js';

/** The value stored when a carer chooses "Does not apply to me" on a likert question. */
export const NOT_APPLICABLE = 'not-applicable';

/** Values for each named scale, ordered from most negative to most positive. */
export const LIKERT_SCALES: Record<LikertScaleName, readonly string[]> = {
  agreement: ['strongly-disagree', 'disagree', 'neither', 'agree', 'strongly-agree'],
  satisfaction: ['very-dissatisfied', 'dissatisfied', 'neither', 'satisfied', 'very-satisfied'],
  truth: ['not-true', 'a-little-true', 'partly-true', 'mostly-true', 'completely-true'],
  frequency: ['never', 'rarely', 'sometimes', 'often', 'always'],
  ease: ['very-difficult', 'difficult', 'neither', 'easy', 'very-easy'],
};

type ScaleLabels = Record<LikertScaleName, Record<string, string>> & {
  notApplicable: string;
  statement: Record<(typeof STATEMENT_VALUES)[number], string>;
};

const en: ScaleLabels = {
  agreement: {
    'strongly-disagree': 'Strongly disagree',
    disagree: 'Disagree',
    neither: 'Neither agree nor disagree',
    agree: 'Agree',
    'strongly-agree': 'Strongly agree',
  },
  satisfaction: {
    'very-dissatisfied': 'Very dissatisfied',
    dissatisfied: 'Dissatisfied',
    neither: 'Neither satisfied nor dissatisfied',
    satisfied: 'Satisfied',
    'very-satisfied': 'Very satisfied',
  },
  truth: {
    'not-true': 'Not true at all',
    'a-little-true': 'A little true',
    'partly-true': 'Partly true',
    'mostly-true': 'Mostly true',
    'completely-true': 'Completely true',
  },
  frequency: {
    never: 'Never',
    rarely: 'Rarely',
    sometimes: 'Sometimes',
    often: 'Often',
    always: 'Always',
  },
  ease: {
    'very-difficult': 'Very hard',
    difficult: 'Hard',
    neither: 'Neither easy nor hard',
    easy: 'Easy',
    'very-easy': 'Very easy',
  },
  notApplicable: 'Does not apply to me',
  statement: { agree: 'Agree', disagree: 'Disagree', pass: 'Pass (skip this one)' },
};

const ur: ScaleLabels = {
  agreement: {
    'strongly-disagree': 'بالکل متفق نہیں',
    disagree: 'متفق نہیں',
    neither: 'نہ متفق، نہ غیر متفق',
    agree: 'متفق',
    'strongly-agree': 'پوری طرح متفق',
  },
  satisfaction: {
    'very-dissatisfied': 'بہت غیر مطمئن',
    dissatisfied: 'غیر مطمئن',
    neither: 'نہ مطمئن، نہ غیر مطمئن',
    satisfied: 'مطمئن',
    'very-satisfied': 'بہت مطمئن',
  },
  truth: {
    'not-true': 'بالکل درست نہیں',
    'a-little-true': 'تھوڑا سا درست',
    'partly-true': 'کچھ حد تک درست',
    'mostly-true': 'زیادہ تر درست',
    'completely-true': 'پوری طرح درست',
  },
  frequency: {
    never: 'کبھی نہیں',
    rarely: 'بہت کم',
    sometimes: 'کبھی کبھی',
    often: 'اکثر',
    always: 'ہمیشہ',
  },
  ease: {
    'very-difficult': 'بہت مشکل',
    difficult: 'مشکل',
    neither: 'نہ آسان، نہ مشکل',
    easy: 'آسان',
    'very-easy': 'بہت آسان',
  },
  notApplicable: 'مجھ پر لاگو نہیں ہوتا',
  statement: { agree: 'متفق', disagree: 'متفق نہیں', pass: 'چھوڑ دیں' },
};

const tables: Record<string, ScaleLabels> = { en, ur };

/** Wording for a locale: its language if we have it, else English. */
function labelsFor(locale: string | undefined): ScaleLabels {
  const language = (locale ?? 'en').split('-')[0]?.toLowerCase() ?? 'en';
  return Object.hasOwn(tables, language) ? tables[language]! : en;
}

/** The options of a named scale in a locale (labels in English when the locale is unknown). */
export function scaleOptions(scale: LikertScaleName, locale?: string): Option[] {
  const labels = labelsFor(locale)[scale];
  return LIKERT_SCALES[scale].map((value) => ({ value, label: labels[value] ?? value }));
}

/** The "Does not apply to me" label in a locale. */
export function notApplicableLabel(locale?: string): string {
  return labelsFor(locale).notApplicable;
}

/**
 * The options a carer chooses from, for any choice-like question: the question's own options,
 * a named likert scale (plus "Does not apply to me" when `notApplicable`), or agree / disagree /
 * pass for a statement. Questions without options (text, number, rating …) give `[]`.
 */
export function resolveOptions(question: Question, locale?: string): Option[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'select':
    case 'ranking':
    case 'points':
      return question.options;
    case 'likert': {
      const base = question.options ?? (question.scale ? scaleOptions(question.scale, locale) : []);
      return question.notApplicable
        ? [...base, { value: NOT_APPLICABLE, label: notApplicableLabel(locale) }]
        : base;
    }
    case 'statement': {
      const labels = labelsFor(locale).statement;
      return STATEMENT_VALUES.map((value) => ({ value, label: labels[value] }));
    }
    default:
      return [];
  }
}

/** Question types whose answer is one or more option values. */
export function isChoiceQuestion(question: Question): boolean {
  return ['single', 'multiple', 'select', 'likert', 'ranking', 'points', 'statement'].includes(question.type);
}
