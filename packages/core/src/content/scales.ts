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

/**
 * A language's wording, in the order of `LIKERT_SCALES`' values (each scale's five labels, then
 * "Does not apply to me", then agree / disagree / pass), joined with "|": one string per language
 * rather than objects that repeat every value as a key.
 */
const tables: Record<string, string> = {
  en:
    'Strongly disagree|Disagree|Neither agree nor disagree|Agree|Strongly agree|' +
    'Very dissatisfied|Dissatisfied|Neither satisfied nor dissatisfied|Satisfied|Very satisfied|' +
    'Not true at all|A little true|Partly true|Mostly true|Completely true|' +
    'Never|Rarely|Sometimes|Often|Always|' +
    'Very hard|Hard|Neither easy nor hard|Easy|Very easy|' +
    'Does not apply to me|Agree|Disagree|Pass (skip this one)',
  ur:
    'بالکل متفق نہیں|متفق نہیں|نہ متفق، نہ غیر متفق|متفق|پوری طرح متفق|' +
    'بہت غیر مطمئن|غیر مطمئن|نہ مطمئن، نہ غیر مطمئن|مطمئن|بہت مطمئن|' +
    'بالکل درست نہیں|تھوڑا سا درست|کچھ حد تک درست|زیادہ تر درست|پوری طرح درست|' +
    'کبھی نہیں|بہت کم|کبھی کبھی|اکثر|ہمیشہ|' +
    'بہت مشکل|مشکل|نہ آسان، نہ مشکل|آسان|بہت آسان|' +
    'مجھ پر لاگو نہیں ہوتا|متفق|متفق نہیں|چھوڑ دیں',
};

const SCALE_NAMES = Object.keys(LIKERT_SCALES) as LikertScaleName[];
/** Where "Does not apply to me" sits in a table (after every scale's five labels); agree/disagree/pass follow. */
const NA_AT = SCALE_NAMES.length * 5;

/** Wording for a locale, as a list: its language if we have it, else English. */
function labelsFor(locale: string | undefined): string[] {
  const language = (locale ?? 'en').split('-')[0]!.toLowerCase();
  return (Object.hasOwn(tables, language) ? tables[language]! : tables['en']!).split('|');
}

/** The options of a named scale in a locale (labels in English when the locale is unknown). */
export function scaleOptions(scale: LikertScaleName, locale?: string): Option[] {
  const labels = labelsFor(locale);
  const at = SCALE_NAMES.indexOf(scale) * 5;
  return LIKERT_SCALES[scale].map((value, i) => ({ value, label: labels[at + i] ?? value }));
}

/** The "Does not apply to me" label in a locale. */
export function notApplicableLabel(locale?: string): string {
  return labelsFor(locale)[NA_AT]!;
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
      const labels = labelsFor(locale);
      return STATEMENT_VALUES.map((value, i) => ({ value, label: labels[NA_AT + 1 + i]! }));
    }
    default:
      return [];
  }
}

/** Question types whose answer is one or more option values. */
export function isChoiceQuestion(question: Question): boolean {
  return ['single', 'multiple', 'select', 'likert', 'ranking', 'points', 'statement'].includes(question.type);
}
