/**
 * `checkAnswers`: are these answers acceptable for this definition? The collector runs it on every
 * envelope; widgets run it before sending. Problems carry a `code` (widgets translate by code) and
 * a plain-English `message` (for API clients and logs).
 *
 * Hidden questions (a `showIf` that does not hold, a page skipped, a follow-up whose option is not
 * chosen) are skipped: never required, never checked. Answers left on them are dropped from the
 * returned answers, or reported as `hidden` with `{ rejectHidden: true }`.
 *
 * An exclusive option ("None of these") chosen with others is reported as `too-many` with
 * `params.exclusive` set to its value.
 */
import type { Answers, Condition, Definition, Question } from '../content/index.js';
import { resolveOptions } from '../content/scales.js';
import { isRequired, listQuestionsOnce, type QuestionEntry } from '../content/walk.js';
import { answerOf, evaluateCondition } from '../logic/condition.js';

export type AnswerProblemCode =
  | 'required'
  | 'not-an-option'
  | 'too-many'
  | 'too-few'
  | 'too-long'
  | 'below-min'
  | 'above-max'
  | 'not-a-number'
  | 'not-whole'
  | 'duplicate'
  | 'points-over'
  | 'points-under'
  | 'hidden'
  | 'unknown-question'
  | 'wrong-type';

export interface AnswerProblem {
  /** The question id; `''` when the answers as a whole are wrong. */
  question: string;
  code: AnswerProblemCode;
  message: string;
  params?: Record<string, number | string>;
}

export type CheckResult = { ok: true; answers: Answers } | { ok: false; problems: AnswerProblem[] };

export interface CheckOptions {
  /** Report answers to hidden questions as problems instead of dropping them. */
  rejectHidden?: boolean;
}

/** Longest text answers when the question sets no `maxLength`. */
export const DEFAULT_MAX_LENGTH = { text: 500, textarea: 10000 } as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const setOwn = (obj: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });

export function checkAnswers(definition: Definition, answers: unknown, options: CheckOptions = {}): CheckResult {
  try {
    if (!isPlainObject(answers)) {
      return {
        ok: false,
        problems: [{ question: '', code: 'wrong-type', message: 'answers must be an object with one entry per question id' }],
      };
    }
    const given = answers as Answers;
    const plan = planFor(definition);
    const entries = plan.entries;
    // Visibility (logic/visibility.ts's rules, in the same single pass) and each visible answer's check
    // together: no copy of the visible answers is built (see `holds`).
    const shown = new Uint8Array(plan.slotCount);
    const pageState = new Uint8Array(plan.pageCount);
    const survey = definition.kind === 'survey' ? definition : undefined;
    const hiddenIds = options.rejectHidden ? new Set<string>() : undefined;
    const found: AnswerProblem[] = [];
    const kept: Answers = {};
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const question = entry.question;
      let visible = true;
      if (survey && entry.page !== undefined) {
        let state = pageState[entry.page]!;
        if (state === 0) {
          const page = survey.pages[entry.page]!;
          state = !page.showIf || holds(page.showIf, plan.pageRefs[entry.page]!, given, plan, shown) ? 1 : 2;
          pageState[entry.page] = state;
        }
        visible = state === 1;
      }
      if (visible && question.showIf) visible = holds(question.showIf, plan.refs[i]!, given, plan, shown);
      if (visible && entry.parent) {
        const parentSlot = plan.parentSlots[i]!;
        // A visible parent's answer is the posted one (hidden questions' answers are never seen).
        const parentAnswer = parentSlot >= 0 && shown[parentSlot] === 1 ? answerOf(given, entry.parent.id) : undefined;
        visible =
          parentSlot >= 0 &&
          shown[parentSlot] === 1 &&
          (Array.isArray(parentAnswer) ? parentAnswer.includes(entry.parent.option) : parentAnswer === entry.parent.option);
      }
      if (!visible) {
        hiddenIds?.add(question.id);
        continue;
      }
      shown[plan.slots[i]!] = 1;
      const value = answerOf(given, question.id);
      const problems = checkOne(question, value);
      if (problems.length > 0) found.push(...problems);
      // A plain assignment (much cheaper than defineProperty) makes the same own property for any id but
      // "__proto__", which would set the prototype instead.
      else if (value !== undefined && value !== null) {
        if (question.id === '__proto__') setOwn(kept, question.id, value);
        else kept[question.id] = value;
      }
    }

    const problems: AnswerProblem[] = [];
    for (const key of Object.keys(given)) {
      if (!plan.slotOf.has(key)) {
        problems.push({ question: key, code: 'unknown-question', message: `there is no question with the id "${key}"` });
      } else if (hiddenIds?.has(key)) {
        problems.push({ question: key, code: 'hidden', message: 'this question was not shown, so it should not have an answer' });
      }
    }
    if (found.length > 0) problems.push(...found);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: kept };
  } catch {
    return { ok: false, problems: [{ question: '', code: 'wrong-type', message: 'the answers could not be read' }] };
  }
}

/**
 * What `checkAnswers` works out once per definition (definitions are not changed after parsing): the
 * question list, a slot per question id (to mark ids shown so far), and the question ids each show-if
 * condition may read.
 */
interface Plan {
  entries: readonly QuestionEntry[];
  slotOf: Map<string, number>;
  slotCount: number;
  /** Entry → its question id's slot; its parent's slot (-1: none, or not a question here). */
  slots: Int32Array;
  parentSlots: Int32Array;
  /** Entry → the ids its `showIf` may read (undefined without one); the same per survey page. */
  refs: (string[] | undefined)[];
  pageRefs: (string[] | undefined)[];
  pageCount: number;
}
const plans = new WeakMap<object, Plan>();
function planFor(definition: Definition): Plan {
  let plan = plans.get(definition);
  if (plan) return plan;
  const entries = listQuestionsOnce(definition);
  const slotOf = new Map<string, number>();
  for (const e of entries) if (!slotOf.has(e.question.id)) slotOf.set(e.question.id, slotOf.size);
  const pages = definition.kind === 'survey' ? definition.pages : [];
  plan = {
    entries,
    slotOf,
    slotCount: slotOf.size,
    slots: Int32Array.from(entries, (e) => slotOf.get(e.question.id)!),
    parentSlots: Int32Array.from(entries, (e) => (e.parent ? (slotOf.get(e.parent.id) ?? -1) : -1)),
    refs: entries.map((e) => (e.question.showIf ? conditionRefs(e.question.showIf) : undefined)),
    pageRefs: pages.map((p) => (p.showIf ? conditionRefs(p.showIf) : undefined)),
    pageCount: pages.length,
  };
  plans.set(definition, plan);
  return plan;
}

/** Every question id `evaluateCondition` could read in `condition` (a superset: short-circuits ignored). */
function conditionRefs(condition: Condition): string[] {
  const out: string[] = [];
  const walk = (c: unknown, depth: number) => {
    // evaluateCondition reads nothing deeper than its limit, nor from anything but objects.
    if (depth > 64 || c === null || typeof c !== 'object') return;
    const node = c as Record<string, unknown>;
    if ('all' in node) {
      if (Array.isArray(node.all)) for (const x of node.all) walk(x, depth + 1);
    } else if ('any' in node) {
      if (Array.isArray(node.any)) for (const x of node.any) walk(x, depth + 1);
    } else if ('not' in node) walk(node.not, depth + 1);
    else if (typeof node.question === 'string') out.push(node.question);
  };
  walk(condition, 0);
  return out;
}

/**
 * `evaluateCondition(condition, seen)`, where `seen` holds the posted answers of the questions shown so
 * far (computeVisibility's `answers` at this point). A condition reads only the ids in `refs`: when each
 * of them that has a posted answer is shown already, `seen` and the posted answers agree on all of
 * them and the posted answers are used as they are; otherwise a small object of those ids is built.
 */
function holds(condition: Condition, refs: readonly string[], given: Answers, plan: Plan, shown: Uint8Array): boolean {
  for (const id of refs) {
    if (!Object.hasOwn(given, id)) continue;
    const slot = plan.slotOf.get(id);
    if (slot === undefined || shown[slot] === 0) {
      const seen: Answers = {};
      for (const r of refs) {
        const s = plan.slotOf.get(r);
        if (s !== undefined && shown[s] === 1 && Object.hasOwn(given, r)) setOwn(seen, r, given[r]);
      }
      return evaluateCondition(condition, seen);
    }
  }
  return evaluateCondition(condition, given);
}

type Found = AnswerProblem[];

/** Kept per question object while it lives (definitions are not changed after parsing). */
const optionCache = new WeakMap<object, Set<string>>();
/** A question's option values (a likert's scale preset resolved). */
function optionValues(q: Question): Set<string> {
  let values = optionCache.get(q);
  if (!values) {
    const options = q.type === 'multiple' || q.type === 'ranking' || q.type === 'points' ? q.options : resolveOptions(q);
    optionCache.set(q, (values = new Set(options.map((o) => o.value))));
  }
  return values;
}
/** No problems (shared; never changed). */
const NONE: Found = [];

function problem(question: Question, code: AnswerProblemCode, message: string, params?: AnswerProblem['params']): AnswerProblem {
  return params ? { question: question.id, code, message, params } : { question: question.id, code, message };
}

const quote = (v: unknown) => (typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : String(v));

/** Problems with one visible question's answer. (Exported for check.test.ts only; not part of the package's API.) */
export function checkOne(q: Question, value: unknown): Found {
  const required = () => (isRequired(q) ? [problem(q, 'required', 'this question needs an answer')] : NONE);
  if (value === undefined || value === null) return required();

  switch (q.type) {
    case 'single':
    case 'select':
    case 'likert':
    case 'statement': {
      if (typeof value !== 'string') return [problem(q, 'wrong-type', 'this answer should be one option value (text)')];
      if (value.trim() === '') return required();
      return optionValues(q).has(value) ? NONE : [problem(q, 'not-an-option', `${quote(value)} is not one of the options`, { value })];
    }
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return [problem(q, 'wrong-type', 'this answer should be text')];
      if (value.trim() === '') return required();
      const max = q.maxLength ?? DEFAULT_MAX_LENGTH[q.type];
      // Characters, not UTF-16 units; a string no longer than max in units is within it in characters.
      if (value.length <= max) return NONE;
      const length = [...value].length;
      return length > max
        ? [problem(q, 'too-long', `this answer is ${length} characters long; the most allowed is ${max}`, { max, length })]
        : NONE;
    }
    case 'multiple':
    case 'ranking': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return [problem(q, 'wrong-type', 'this answer should be a list of option values')];
      }
      const picks = value as string[];
      if (picks.length === 0) return required();
      const found: Found = [];
      const values = optionValues(q);
      const seen = new Set<string>();
      for (const pick of picks) {
        if (!values.has(pick)) found.push(problem(q, 'not-an-option', `${quote(pick)} is not one of the options`, { value: pick }));
        else if (seen.has(pick)) found.push(problem(q, 'duplicate', `${quote(pick)} is chosen more than once`, { value: pick }));
        seen.add(pick);
      }
      if (found.length > 0) return found;
      if (q.type === 'multiple') {
        const exclusive = q.options.find((o) => o.exclusive && seen.has(o.value));
        if (exclusive && seen.size > 1) {
          return [
            problem(q, 'too-many', `${quote(exclusive.label)} cannot be chosen together with other options`, { exclusive: exclusive.value }),
          ];
        }
        if (q.minSelected !== undefined && seen.size < q.minSelected) {
          return [problem(q, 'too-few', `choose at least ${q.minSelected} options`, { min: q.minSelected, count: seen.size })];
        }
        if (q.maxSelected !== undefined && seen.size > q.maxSelected) {
          return [problem(q, 'too-many', `choose at most ${q.maxSelected} options`, { max: q.maxSelected, count: seen.size })];
        }
        return NONE;
      }
      const needed = Math.min(q.rankCount ?? q.options.length, q.options.length);
      if (seen.size < needed) return [problem(q, 'too-few', `put ${needed} options in order`, { min: needed, count: seen.size })];
      if (seen.size > needed) return [problem(q, 'too-many', `put only ${needed} options in order`, { max: needed, count: seen.size })];
      return NONE;
    }
    case 'rating':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [problem(q, 'not-a-number', 'this answer should be a number')];
      const min = q.type === 'rating' ? (q.min ?? 0) : q.min;
      const max = q.type === 'rating' ? (q.max ?? 10) : q.max;
      if ((q.type === 'rating' || q.integer) && !Number.isInteger(value)) {
        return [problem(q, 'not-whole', 'this answer should be a whole number')];
      }
      if (min !== undefined && value < min) return [problem(q, 'below-min', `the number must be ${min} or more`, { min })];
      if (max !== undefined && value > max) return [problem(q, 'above-max', `the number must be ${max} or less`, { max })];
      return NONE;
    }
    case 'points': {
      if (!isPlainObject(value)) return [problem(q, 'wrong-type', 'this answer should give points by option, like { "breaks": 5 }')];
      const values = optionValues(q);
      const found: Found = [];
      let given = 0;
      for (const [option, points] of Object.entries(value)) {
        if (!values.has(option)) found.push(problem(q, 'not-an-option', `${quote(option)} is not one of the options`, { value: option }));
        else if (typeof points !== 'number' || !Number.isFinite(points)) {
          found.push(problem(q, 'not-a-number', `the points for ${quote(option)} should be a number`, { value: option }));
        } else if (points < 0) {
          found.push(problem(q, 'below-min', `the points for ${quote(option)} cannot be less than 0`, { value: option, min: 0 }));
        } else if (!Number.isInteger(points)) {
          found.push(problem(q, 'not-whole', `the points for ${quote(option)} should be a whole number`, { value: option }));
        } else given += points;
      }
      if (found.length > 0) return found;
      if (given === 0) return required();
      if (given > q.total) {
        return [problem(q, 'points-over', `${given} points are given out but only ${q.total} are available`, { total: q.total, given })];
      }
      if (q.allocateAll && given < q.total) {
        return [
          problem(q, 'points-under', `give out all ${q.total} points (${q.total - given} left)`, { total: q.total, given, left: q.total - given }),
        ];
      }
      return NONE;
    }
  }
}
