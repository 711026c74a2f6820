/**
 * `parseDefinition`: the one way in for an instrument definition, from a content pack, a partner's
 * URL or a web editor's paste. Checks the shape (zod, strict) and then the rules that need more
 * than one field at once. Never throws; every problem is in plain words with a path.
 */
import type * as z from 'zod/mini';
import type { Condition } from './condition.js';
import { INSTRUMENT_KINDS, type InstrumentKind } from './constants.js';
import { Definition, type DefinitionOf } from './instrument.js';
import { Poll } from './poll.js';
import { Quiz as QuizSchema, type Quiz } from './quiz.js';
import { StatementSet } from './statement-set.js';
import { Survey } from './survey.js';
import {
  DEFAULT_LIMITS,
  formatPath,
  limitProblems,
  parseWithSchema,
  type Limits,
  type PathSegment,
  type Problem,
} from './problems.js';
import type { Question } from './question.js';
import { isChoiceQuestion, resolveOptions } from './scales.js';
import { isRequired, listQuestions, type QuestionEntry } from './walk.js';

export { formatProblems, type Problem } from './problems.js';

export type ParseResult = { ok: true; definition: Definition } | { ok: false; problems: Problem[] };

export interface ParseOptions {
  limits?: Partial<Limits>;
}

/**
 * Reads a definition (an object, or a JSON string) and checks it completely.
 * Never throws: bad JSON, loops, getters that throw, Proxies and huge or deep input all come back
 * as `{ ok: false, problems }`.
 */
export function parseDefinition(input: unknown, options: ParseOptions = {}): ParseResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    const shape = parseWithSchema(Definition, input, {
      rootNoun: (data) => {
        const kind = data !== null && typeof data === 'object' && Object.hasOwn(data, 'kind') ? (data as { kind: unknown }).kind : undefined;
        if (kind === 'statement-set') return 'a statement set';
        return typeof kind === 'string' && (INSTRUMENT_KINDS as readonly string[]).includes(kind) ? `a ${kind}` : 'a definition';
      },
      what: 'the definition',
      limits,
    });
    if (!shape.ok) {
      return { ok: false, problems: rootKindHint(shape.problems) };
    }
    const problems = crossCheck(shape.value);
    if (problems.length > 0) return { ok: false, problems: limitProblems(problems, limits) };
    return { ok: true, definition: dropChecked(shape.value) };
  } catch {
    return { ok: false, problems: [{ path: '', message: 'the definition could not be checked; use plain data, as in a JSON file' }] };
  }
}

export type ParseResultOf<K extends InstrumentKind> = { ok: true; definition: DefinitionOf<K> } | { ok: false; problems: Problem[] };

/**
 * One kind only, for a widget that shows that kind: the same checks and plain-words problems as
 * `parseDefinition`, but it loads only that kind's schema (a survey page never ships the quiz,
 * poll or statement-set schemas). A definition of another kind is one problem at `kind`.
 */
function parseOneKind<K extends InstrumentKind>(kind: K, schema: z.ZodMiniType<DefinitionOf<K>>, input: unknown, options: ParseOptions): ParseResultOf<K> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    const noun = kind === 'statement-set' ? 'a statement set' : `a ${kind}`;
    const shape = parseWithSchema(schema, input, { rootNoun: noun, what: 'the definition', limits });
    if (!shape.ok) return { ok: false, problems: shape.problems };
    const problems = crossCheck(shape.value as Definition);
    if (problems.length > 0) return { ok: false, problems: limitProblems(problems, limits) };
    return { ok: true, definition: dropChecked(shape.value) };
  } catch {
    return { ok: false, problems: [{ path: '', message: 'the definition could not be checked; use plain data, as in a JSON file' }] };
  }
}

/** `parseDefinition` for surveys only (see `parseOneKind`). Never throws. */
export function parseSurvey(input: unknown, options: ParseOptions = {}): ParseResultOf<'survey'> {
  return parseOneKind('survey', Survey, input, options);
}

/** `parseDefinition` for quizzes only. Never throws. */
export function parseQuiz(input: unknown, options: ParseOptions = {}): ParseResultOf<'quiz'> {
  return parseOneKind('quiz', QuizSchema, input, options);
}

/** `parseDefinition` for polls only. Never throws. */
export function parsePoll(input: unknown, options: ParseOptions = {}): ParseResultOf<'poll'> {
  return parseOneKind('poll', Poll, input, options);
}

/** `parseDefinition` for statement sets only. Never throws. */
export function parseStatementSet(input: unknown, options: ParseOptions = {}): ParseResultOf<'statement-set'> {
  return parseOneKind('statement-set', StatementSet, input, options);
}

/**
 * A `checked` fingerprint says "this exact data passed the check" (fingerprint.ts); it is not part
 * of the content, so what the parsers return never carries it (registering a definition again
 * after `carers-voice-check --write` is the same content). `value` is the parser's own copy.
 */
function dropChecked<T>(value: T): T {
  delete (value as { checked?: unknown }).checked;
  return value;
}

/** A definition that is not even an object gets one line that says what it should be. */
function rootKindHint(problems: Problem[]): Problem[] {
  return problems.map((p) =>
    p.path === '' && p.message.startsWith('the definition must be a JSON object')
      ? { path: '', message: `a definition must be a JSON object with a "kind" (${INSTRUMENT_KINDS.join(', ')})` }
      : p,
  );
}

// ---------------------------------------------------------------- rules across fields

/** Every rule zod cannot express. Assumes the shape is already valid. */
export function crossCheck(definition: Definition): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string) => problems.push({ path: formatPath(path), message });
  const entries = listQuestions(definition);
  const byId = new Map<string, { entry: QuestionEntry; order: number }>();

  // Ids unique across the instrument (follow-ups and statements included).
  entries.forEach((entry, order) => {
    const id = entry.question.id;
    const first = byId.get(id);
    if (first) {
      const noun = definition.kind === 'statement-set' ? 'statement' : 'question';
      add([...entry.path, 'id'], `the id "${id}" is already used by ${formatPath(first.entry.path)}; each ${noun} needs its own id`);
    } else byId.set(id, { entry, order });
  });

  // A statement set's statements borrow its scale; the scale is checked once, below.
  if (definition.kind !== 'statement-set') for (const entry of entries) checkQuestion(entry, add);

  // Show-if: names a question that exists and comes earlier; equals/in values are real options.
  const checkCondition = (condition: Condition, path: PathSegment[], before: number, selfId: string | undefined) => {
    walkCondition(condition, path, (leaf, leafPath) => {
      const target = byId.get(leaf.question);
      if (!target) {
        add([...leafPath, 'question'], `there is no question with the id "${leaf.question}"`);
        return;
      }
      if (leaf.question === selfId) {
        add([...leafPath, 'question'], 'a question cannot depend on its own answer');
        return;
      }
      if (target.order >= before) {
        add([...leafPath, 'question'], `"${leaf.question}" comes later; a condition can only use questions that come before it`);
        return;
      }
      checkConditionValues(leaf, leafPath, target.entry.question, add);
    });
  };

  if (definition.kind === 'survey') {
    let firstOfPage = 0;
    definition.pages.forEach((page, p) => {
      if (page.showIf) checkCondition(page.showIf, ['pages', p, 'showIf'], firstOfPage, undefined);
      firstOfPage += entries.filter((e) => e.page === p).length;
    });
  }
  entries.forEach((entry, order) => {
    if (entry.question.showIf) checkCondition(entry.question.showIf, [...entry.path, 'showIf'], order, entry.question.id);
  });

  // Contact details only after consent.
  entries.forEach((entry, order) => {
    const q = entry.question;
    if (q.type !== 'text' || !q.contact) return;
    const consent = q.showIf ? mustHoldRefs(q.showIf) : [];
    const ok = consent.some((ref) => {
      const target = byId.get(ref);
      return target && target.order < order && target.entry.question.type === 'single' && isRequired(target.entry.question);
    });
    if (!ok) {
      add(
        entry.path,
        'contact details need consent first: ask a required single-choice question before this one (for example "Can we contact you?") and add showIf so this is only shown after "yes"',
      );
    }
  });

  // Translations name only real questions and options.
  for (const [locale, translation] of Object.entries(definition.translations ?? {})) {
    for (const [qid, qt] of Object.entries(translation.questions ?? {})) {
      const target = byId.get(qid);
      const path: PathSegment[] = ['translations', locale, 'questions', qid];
      if (!target) {
        add(path, `there is no question with the id "${qid}" to translate`);
        continue;
      }
      const values = new Set(resolveOptions(target.entry.question).map((o) => o.value));
      for (const value of Object.keys(qt.options ?? {})) {
        if (!values.has(value)) add([...path, 'options', value], `"${value}" is not an option of "${qid}"`);
      }
    }
  }

  uniqueIds(definition.signposting ?? [], ['signposting'], 'signposting link', add);

  switch (definition.kind) {
    case 'survey': {
      uniqueIds(definition.pages, ['pages'], 'page', add);
      uniqueIds(definition.indicators ?? [], ['indicators'], 'indicator', add);
      if (definition.youngCarer) checkYoungCarer(definition.youngCarer, byId, add);
      (definition.indicators ?? []).forEach((indicator, i) => {
        const target = byId.get(indicator.question);
        if (!target) {
          add(['indicators', i, 'question'], `there is no question with the id "${indicator.question}"`);
          return;
        }
        const values = new Set(resolveOptions(target.entry.question).map((o) => o.value));
        if (values.size === 0) {
          add(['indicators', i, 'question'], `"${indicator.question}" has no options, so it cannot be an indicator`);
          return;
        }
        indicator.positive.forEach((v, k) => {
          if (!values.has(v)) add(['indicators', i, 'positive', k], notAnOption(v, indicator.question, values));
        });
      });
      break;
    }
    case 'quiz':
      checkQuiz(definition, byId, add);
      break;
    case 'poll':
      if (definition.opens && definition.closes && Date.parse(definition.opens) >= Date.parse(definition.closes)) {
        add(['closes'], 'the poll must close after it opens');
      }
      if (definition.showResults === 'after-close' && !definition.closes) {
        add(['showResults'], '"after-close" needs a closing date: add "closes"');
      }
      break;
    case 'statement-set':
      uniqueIds(definition.groups, ['groups'], 'group', add);
      uniqueValues(definition.scale, ['scale'], add);
      if (definition.carerScale) uniqueValues(definition.carerScale, ['carerScale'], add);
      break;
  }
  return problems;
}

type Add = (path: PathSegment[], message: string) => void;

/** `youngCarer` names a choice or number question, and only answers it offers. */
function checkYoungCarer(rule: { question: string; values?: string[] | undefined }, byId: Map<string, { entry: QuestionEntry }>, add: Add): void {
  const target = byId.get(rule.question)?.entry.question;
  if (!target) {
    add(['youngCarer', 'question'], `there is no question with the id "${rule.question}"`);
    return;
  }
  if (target.type === 'number') {
    if (rule.values) rule.values.forEach((v, i) => { if (!/^\d+$/.test(v)) add(['youngCarer', 'values', i], `"${v}" is not a whole number; "${rule.question}" asks for a number`); });
    return;
  }
  if (target.type !== 'single' && target.type !== 'select' && target.type !== 'multiple') {
    add(['youngCarer', 'question'], `"${rule.question}" is a ${target.type} question; use a single, select, multiple or number question (such as an age band)`);
    return;
  }
  if (!rule.values) {
    add(['youngCarer', 'values'], `list which answers to "${rule.question}" mean the carer is under 18`);
    return;
  }
  const values = new Set(target.options.map((o) => o.value));
  rule.values.forEach((v, i) => {
    if (!values.has(v)) add(['youngCarer', 'values', i], notAnOption(v, rule.question, values));
  });
}

function notAnOption(value: unknown, qid: string, values: Set<string>): string {
  const list = [...values];
  const shown = list.length > 8 ? `${list.slice(0, 8).join(', ')} …` : list.join(', ');
  return `${JSON.stringify(value)} is not an option of "${qid}" (its options are ${shown})`;
}

function uniqueIds(items: readonly { id: string }[], path: PathSegment[], noun: string, add: Add): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) add([...path, i, 'id'], `the id "${item.id}" is already used by ${formatPath([...path, first])}; each ${noun} needs its own id`);
    else seen.set(item.id, i);
  });
}

function uniqueValues(items: readonly { value: string }[], path: PathSegment[], add: Add): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.value);
    if (first !== undefined) add([...path, i, 'value'], `the value "${item.value}" is already used by ${formatPath([...path, first])}; each option needs its own value`);
    else seen.set(item.value, i);
  });
}

/** Rules for one question on its own. */
function checkQuestion(entry: QuestionEntry, add: Add): void {
  const q = entry.question;
  const path = entry.path;
  if ('options' in q && q.options) uniqueValues(q.options, [...path, 'options'], add);

  if (q.type === 'single' || q.type === 'multiple' || q.type === 'select' || q.type === 'ranking' || q.type === 'points' || q.type === 'likert') {
    (q.options ?? []).forEach((o, i) => {
      if (o.exclusive && q.type !== 'multiple') {
        add([...path, 'options', i, 'exclusive'], 'only a multiple-choice question can have an exclusive ("None of these") option');
      }
    });
  }
  if ((q.type === 'single' || q.type === 'multiple') && q.reveal) {
    const values = new Set(q.options.map((o) => o.value));
    for (const key of Object.keys(q.reveal)) {
      if (!values.has(key)) add([...path, 'reveal', key], `"${key}" is not an option of this question, so nothing would reveal this follow-up`);
    }
  }
  switch (q.type) {
    case 'multiple': {
      const count = q.options.length;
      if (q.minSelected !== undefined && q.maxSelected !== undefined && q.minSelected > q.maxSelected) {
        add([...path, 'minSelected'], `minSelected (${q.minSelected}) must not be more than maxSelected (${q.maxSelected})`);
      }
      if (q.maxSelected !== undefined && q.maxSelected > count) {
        add([...path, 'maxSelected'], `maxSelected (${q.maxSelected}) must not be more than the number of options (${count})`);
      }
      if (q.minSelected !== undefined && q.minSelected > count) {
        add([...path, 'minSelected'], `minSelected (${q.minSelected}) must not be more than the number of options (${count})`);
      }
      break;
    }
    case 'ranking':
      if (q.rankCount !== undefined && q.rankCount > q.options.length) {
        add([...path, 'rankCount'], `rankCount (${q.rankCount}) must not be more than the number of options (${q.options.length})`);
      }
      break;
    case 'number':
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
        add([...path, 'min'], `min (${q.min}) must not be more than max (${q.max})`);
      }
      break;
    case 'likert':
      if (q.scale && q.options) add(path, 'a likert question needs a scale or its own options, not both');
      if (!q.scale && !q.options) {
        add(path, 'a likert question needs a scale (agreement, satisfaction, truth, frequency or ease) or its own options');
      }
      break;
    default:
      break;
  }
}

/** Calls `visit` for each leaf condition (one that names a question), with its path. */
export function walkCondition(
  condition: Condition,
  path: PathSegment[],
  visit: (leaf: Extract<Condition, { question: string }>, path: PathSegment[]) => void,
): void {
  if ('question' in condition) visit(condition, path);
  else if ('all' in condition) condition.all.forEach((c, i) => walkCondition(c, [...path, 'all', i], visit));
  else if ('any' in condition) condition.any.forEach((c, i) => walkCondition(c, [...path, 'any', i], visit));
  else if ('not' in condition) walkCondition(condition.not, [...path, 'not'], visit);
}

/** Question ids that must equal (or be in) a value for the condition to hold: top level or under `all`. */
function mustHoldRefs(condition: Condition): string[] {
  if ('question' in condition) return 'answered' in condition ? [] : [condition.question];
  if ('all' in condition) return condition.all.flatMap(mustHoldRefs);
  return [];
}

function checkConditionValues(
  leaf: Extract<Condition, { question: string }>,
  path: PathSegment[],
  target: Question,
  add: Add,
): void {
  if (!isChoiceQuestion(target)) return;
  const values = new Set(resolveOptions(target).map((o) => o.value));
  if ('equals' in leaf) {
    if (typeof leaf.equals !== 'string' || !values.has(leaf.equals)) add([...path, 'equals'], notAnOption(leaf.equals, target.id, values));
  } else if ('in' in leaf) {
    leaf.in.forEach((v, i) => {
      if (typeof v !== 'string' || !values.has(v)) add([...path, 'in', i], notAnOption(v, target.id, values));
    });
  }
}

function checkQuiz(quiz: Quiz, byId: Map<string, { entry: QuestionEntry; order: number }>, add: Add): void {
  if (quiz.mode === 'score') {
    quiz.questions.forEach((q, i) => {
      const path: PathSegment[] = ['questions', i];
      if (q.type !== 'single' && q.type !== 'multiple') {
        add([...path, 'type'], 'a score quiz can only use single or multiple questions');
        return;
      }
      if (!q.answer) {
        add(path, 'in a score quiz every question needs an "answer" (the correct options, an explanation and a source)');
        return;
      }
      const values = new Set(q.options.map((o) => o.value));
      q.answer.correct.forEach((v, k) => {
        if (!values.has(v)) add([...path, 'answer', 'correct', k], notAnOption(v, q.id, values));
      });
      if (new Set(q.answer.correct).size !== q.answer.correct.length) {
        add([...path, 'answer', 'correct'], 'a correct option is listed twice');
      }
      if (q.type === 'single' && q.answer.correct.length !== 1) {
        add([...path, 'answer', 'correct'], 'a single-choice question needs exactly one correct option');
      }
      if (q.type === 'single' && q.answer.partialCredit) {
        add([...path, 'answer', 'partialCredit'], 'part marks only apply to multiple-choice questions');
      }
    });
    if (quiz.outcomes) add(['outcomes'], 'only an identify quiz has outcomes; a score quiz uses bands');
    if (quiz.bands) checkBands(quiz.bands, quiz.questions.length, add);
  } else {
    quiz.questions.forEach((q, i) => {
      if ((q.type === 'single' || q.type === 'multiple') && q.answer) {
        add(['questions', i, 'answer'], 'an identify quiz has no right answers; remove "answer"');
      }
    });
    if (quiz.bands) add(['bands'], 'only a score quiz has bands; an identify quiz uses outcomes');
    if (!quiz.outcomes || quiz.outcomes.length === 0) {
      add(['outcomes'], 'an identify quiz needs at least one outcome');
    } else {
      const seen = new Map<string, number>();
      quiz.outcomes.forEach((o, i) => {
        const first = seen.get(o.id);
        if (first !== undefined) add(['outcomes', i, 'id'], `the id "${o.id}" is already used by outcomes[${first}]; each outcome needs its own id`);
        else seen.set(o.id, i);
        walkCondition(o.when, ['outcomes', i, 'when'], (leaf, path) => {
          const target = byId.get(leaf.question);
          if (!target) add([...path, 'question'], `there is no question with the id "${leaf.question}"`);
          else checkConditionValues(leaf, path, target.entry.question, add);
        });
      });
    }
  }
}

/** Bands must not overlap and must cover every whole score from 0 to the number of questions. */
function checkBands(bands: Quiz['bands'] & {}, maxScore: number, add: Add): void {
  bands.forEach((b, i) => {
    if (b.min > b.max) add(['bands', i], `min (${b.min}) must not be more than max (${b.max})`);
    if (b.max > maxScore) add(['bands', i, 'max'], `the highest possible score is ${maxScore}, so a band cannot go up to ${b.max}`);
  });
  const order = bands.map((b, i) => ({ ...b, i })).sort((a, b) => a.min - b.min || a.max - b.max);
  let next = 0;
  for (let k = 0; k < order.length; k++) {
    const band = order[k]!;
    if (band.min > band.max) continue;
    if (k > 0 && band.min < next) {
      const prev = order[k - 1]!;
      add(['bands', band.i], `this band overlaps bands[${prev.i}] (both include a score of ${band.min})`);
    } else if (band.min > next) {
      add(['bands'], `no band covers a score of ${next}${band.min - 1 > next ? ` to ${band.min - 1}` : ''}`);
    }
    next = Math.max(next, band.max + 1);
  }
  if (next <= maxScore) {
    add(['bands'], `no band covers a score of ${next}${maxScore > next ? ` to ${maxScore}` : ''}`);
  }
}
