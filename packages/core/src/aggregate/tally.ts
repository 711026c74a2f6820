/**
 * Running tallies: what one response adds to the counts a results page reads. The collector adds
 * these increments in the same transaction that stores the response, so a results page reads a few
 * hundred tally rows instead of every response.
 *
 * A tally row is keyed by (question, option, groupQuestion, groupValue) within an instrument, version,
 * partner and month (the collector adds those). `n` is a count; `sum` lets a mean be sum / n.
 * Reserved option names start with "_" (option values never do):
 *   _base      on question "_responses": one per response
 *   _answered  one per answered question (the base for its percentages)
 *   _value     rating/number: n answers, sum of the values (for the mean)
 *   _correct   quiz (score mode): one per fully right answer, `sum` = the credit (partial credit counts)
 * Quizzes in identify mode ("am I a carer?") also count the outcome each response reached, as the
 * answers to a derived question `_outcome` (its options are the quiz's outcomes), so results show how
 * many people found out they are carers.
 * Choice questions count each chosen option; ranking counts each placed option with `sum` = its rank
 * (1 = best, so a lower mean rank is better); points count each option given points with `sum` = points.
 * Every row is repeated once per grouping question the carer answered (groupQuestion = its id,
 * groupValue = the answer), so results can be cut by e.g. age band without reading responses.
 * A combined grouping ("age-band+caring-hours") counts each response once more under the pair of its
 * answers (groupValue "65-74+50-plus"), so two filters can be applied at once and still suppressed
 * on their own, combined base. Ids and option values never contain "+", so the joins are unambiguous.
 */
import type { Answers, AnswerValue, Question, Option } from '../content/question.js';
import type { Quiz } from '../content/instrument.js';
import { identifyOutcome, scoreQuiz } from '../logic/score.js';

export const RESPONSES = '_responses';
export const BASE = '_base';
export const ANSWERED = '_answered';
export const VALUE = '_value';
export const CORRECT = '_correct';
/** The derived question that counts the outcomes of an identify-mode quiz. */
export const OUTCOME = '_outcome';
/**
 * Polls: carers' own statements, approved by a moderator, are answered under dynamic ids
 * "s:<statement id>" (the collector checks each against the poll's approved statements at ingest).
 * Question ids cannot contain ":", so these never meet a definition's own questions.
 */
export const CARER_STATEMENT_PREFIX = 's:';

export interface TallyKey {
  question: string;
  option: string;
  /** '' when the row is not cut by a grouping question. */
  groupQuestion: string;
  groupValue: string;
}
export interface TallyIncrement extends TallyKey {
  n: number;
  sum: number;
}

/** The question-like items of any instrument kind, as one flat list. */
export interface AggregateQuestion {
  id: string;
  label: string;
  type: Question['type'];
  options?: { value: string; label: string }[];
  /** Likert-like questions: options ordered from most negative to most positive. */
  scaled?: boolean;
}

/** The parts of a definition aggregation needs (any instrument kind fits it structurally). */
export interface AggregatableDefinition {
  id: string;
  version: number;
  kind: string;
  title?: string;
  pages?: readonly { questions: readonly Question[] }[];
  questions?: readonly (Question | { id: string; type: string; label: string; options?: Option[] })[];
  groups?: readonly { statements: readonly { id: string; text: string }[] }[];
  scale?: readonly { value: string; label: string }[];
  indicators?: readonly IndicatorDefinition[];
  /** Quizzes: score mode counts right answers; identify mode counts outcomes. */
  mode?: string;
  outcomes?: readonly { id: string; title: string }[];
}

export interface IndicatorDefinition {
  id: string;
  label: string;
  question: string;
  positive: readonly string[];
  description?: string;
}

const indicatorCache = new WeakMap<object, readonly IndicatorDefinition[]>();

/**
 * The indicators results report: the definition's own, and for a scored quiz one per scored
 * question — the share who got it right — so a strategy group sees which misconceptions are common.
 */
export function indicatorsOf(definition: AggregatableDefinition): readonly IndicatorDefinition[] {
  let cached = indicatorCache.get(definition);
  if (!cached) {
    const list: IndicatorDefinition[] = [...(definition.indicators ?? [])];
    if (isScoredQuiz(definition)) {
      for (const q of definition.questions ?? []) {
        if ('answer' in q && q.answer) {
          list.push({ id: `${q.id}${CORRECT}`, label: q.label, question: q.id, positive: [CORRECT], description: 'answered correctly' });
        }
      }
    }
    indicatorCache.set(definition, (cached = list));
  }
  return cached;
}

function isScoredQuiz(definition: AggregatableDefinition): boolean {
  return definition.kind === 'quiz' && definition.mode !== 'identify';
}

function isIdentifyQuiz(definition: AggregatableDefinition): boolean {
  return definition.kind === 'quiz' && definition.mode === 'identify' && Boolean(definition.outcomes?.length);
}

/**
 * Optional hook for option lists the question does not spell out (e.g. a named Likert scale); the
 * collector passes the one from `core/content` when it exists.
 */
export type OptionsResolver = (question: Question) => { value: string; label: string }[] | undefined;

const questionCache = new WeakMap<object, Map<OptionsResolver | undefined, AggregateQuestion[]>>();

/** The flat question list; remembered per definition object, since ingest asks for it on every response. */
export function questionsOf(definition: AggregatableDefinition, resolveOptions?: OptionsResolver): AggregateQuestion[] {
  let byResolver = questionCache.get(definition);
  if (!byResolver) questionCache.set(definition, (byResolver = new Map()));
  let list = byResolver.get(resolveOptions);
  if (!list) byResolver.set(resolveOptions, (list = listQuestionsOf(definition, resolveOptions)));
  return list;
}

function listQuestionsOf(definition: AggregatableDefinition, resolveOptions?: OptionsResolver): AggregateQuestion[] {
  const out: AggregateQuestion[] = [];
  const add = (q: Question | { id: string; type: string; label: string; options?: Option[] }) => {
    const question = q as Question;
    const resolved = resolveOptions?.(question);
    const options = resolved && resolved.length ? resolved : 'options' in question ? question.options : undefined;
    const item: AggregateQuestion = { id: question.id, label: question.label, type: question.type };
    if (options) item.options = options.map((o) => ({ value: o.value, label: o.label }));
    if (question.type === 'likert') item.scaled = true;
    out.push(item);
    if ('reveal' in question && question.reveal) {
      for (const r of Object.values(question.reveal)) out.push({ id: r.id, label: r.label, type: r.type });
    }
  };
  for (const page of definition.pages ?? []) for (const q of page.questions) add(q);
  for (const q of definition.questions ?? []) add(q);
  if (isIdentifyQuiz(definition)) {
    const options = (definition.outcomes ?? []).map((o) => ({ value: o.id, label: o.title }));
    out.push({ id: OUTCOME, label: 'Where the check ended', type: 'single', options });
  }
  if (definition.groups && definition.scale) {
    const options = definition.scale.map((s) => ({ value: s.value, label: s.label }));
    for (const g of definition.groups) {
      for (const s of g.statements) out.push({ id: s.id, label: s.text, type: 'likert', options, scaled: true });
    }
  }
  return out;
}

function isCountable(type: string): boolean {
  return type !== 'text' && type !== 'textarea';
}

/** Whether an answer is counted at all: a non-blank text, a non-empty list or points, a finite number. */
export function isAnswered(value: unknown): value is AnswerValue {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return Object.keys(value as object).length > 0;
}

/**
 * What one question's (answered) answer adds, ungrouped, given to `emit` row by row without building
 * objects: its `_answered` row, then (not for free text) the chosen option, the number (`_value`, and
 * a rating's own value), each different text of a list once at its first place (a ranking's place as
 * the sum), each option given points.
 */
export function forEachQuestionRow(q: AggregateQuestion, value: AnswerValue, emit: (option: string, n: number, sum: number) => void): void {
  emit(ANSWERED, 1, 0);
  if (!isCountable(q.type)) return;
  if (typeof value === 'string') emit(value, 1, 0);
  else if (typeof value === 'number') {
    emit(VALUE, 1, value);
    if (q.type === 'rating') emit(String(value), 1, 0);
  } else if (Array.isArray(value)) {
    const ranking = q.type === 'ranking';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v !== 'string' || value.indexOf(v) < i) continue;
      emit(v, 1, ranking ? i + 1 : 0);
    }
  } else {
    for (const [option, points] of Object.entries(value)) {
      if (typeof points === 'number' && points > 0) emit(option, 1, points);
    }
  }
}

/** Joins the questions of a combined grouping, and the values of one of its groups. */
export const COMBINED = '+';

/** The questions a grouping (one question, or a combination like "age-band+caring-hours") is made of. */
export function groupingParts(grouping: string): string[] {
  return grouping.split(COMBINED);
}

/** At most this many questions in one combined grouping (each adds a factor to the tally rows). */
export const MAX_COMBINED = 3;

/**
 * What is wrong with a `groupBy` list for a definition whose question ids are `questionIds`: each
 * entry is a question id, or 2–3 different ids joined by "+". An empty list means it is fine.
 */
export function groupByProblems(groupBy: readonly string[], questionIds: Iterable<string>): string[] {
  const ids = new Set(questionIds);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const g of groupBy) {
    const parts = groupingParts(g);
    const key = [...parts].sort().join(COMBINED);
    if (seen.has(key)) problems.push(`"${g}" is listed twice`);
    seen.add(key);
    if (parts.length > MAX_COMBINED) problems.push(`"${g}" combines more than ${MAX_COMBINED} questions`);
    if (new Set(parts).size !== parts.length) problems.push(`"${g}" names a question twice`);
    for (const p of parts) if (!ids.has(p)) problems.push(`"${p}" is not a question of this instrument`);
  }
  return problems;
}

/**
 * The tally group that answers a set of filters (`where`: question → value): one filter is a
 * grouping question of its own; two or more must be a combination registered in `groupBy` (in any
 * order). Returns the stored group key and value, or a plain-words problem.
 */
export function groupForFilters(
  groupBy: readonly string[],
  where: readonly { question: string; value: string }[],
): { ok: true; question: string; value: string } | { ok: false; message: string } {
  if (where.length === 0) return { ok: false, message: 'no filter given' };
  const questions = where.map((w) => w.question);
  if (new Set(questions).size !== questions.length) {
    return { ok: false, message: 'filter by each question once (one value per question)' };
  }
  if (where.length === 1) {
    const w = where[0]!;
    if (groupBy.includes(w.question)) return { ok: true, question: w.question, value: w.value };
    const singles = groupBy.filter((g) => !g.includes(COMBINED));
    return {
      ok: false,
      message: singles.length ? `results can be filtered only by: ${singles.join(', ')}` : 'this instrument was registered without grouping questions',
    };
  }
  const wanted = [...questions].sort().join(COMBINED);
  const entry = groupBy.find((g) => g.includes(COMBINED) && [...groupingParts(g)].sort().join(COMBINED) === wanted);
  if (!entry) {
    const combined = groupBy.filter((g) => g.includes(COMBINED));
    return {
      ok: false,
      message:
        `${questions.join(' and ')} were not counted together, so they cannot be combined` +
        (combined.length ? `; combined filters this instrument has: ${combined.join(', ')}` : '; this instrument has no combined filters'),
    };
  }
  const value = groupingParts(entry)
    .map((q) => where.find((w) => w.question === q)!.value)
    .join(COMBINED);
  return { ok: true, question: entry, value };
}

/**
 * The groups (grouping question, value) a response is counted under besides the ungrouped row: a
 * grouping question's answer if it is a non-empty text, each different non-empty text of a list; a
 * combination ("a+b") one group per pair (or triple) of its parts' values joined by "+", none when a
 * part is unanswered.
 */
export function groupsOf(answers: Readonly<Record<string, unknown>>, groupBy: readonly string[]): [string, string][] {
  const groups: [string, string][] = [];
  for (const g of groupBy) {
    if (!g.includes(COMBINED)) {
      for (const v of groupValuesOf(answers[g])) groups.push([g, v]);
      continue;
    }
    let combos = [''];
    for (const part of groupingParts(g)) {
      const values = groupValuesOf(answers[part]);
      combos = combos.flatMap((c) => values.map((v) => (c ? `${c}${COMBINED}${v}` : v)));
    }
    for (const c of combos) groups.push([g, c]);
  }
  return groups;
}

/** The answers of one grouping question that a response is counted under (none when unanswered). */
function groupValuesOf(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (Array.isArray(value)) return [...new Set(value.filter((v): v is string => typeof v === 'string' && v !== ''))];
  return [];
}

export type IncrementVisitor = (question: string, option: string, groupQuestion: string, groupValue: string, n: number, sum: number) => void;

/**
 * Calls `visit` for everything one (checked) response adds to the tallies, without building objects
 * (ingest runs this for every response). `groupBy` lists the grouping questions results are cut by;
 * each row is repeated for each of them the carer answered. Quarantined responses add nothing: the
 * collector does not call this for them.
 */
export function forEachIncrement(
  definition: AggregatableDefinition,
  answers: Answers,
  visit: IncrementVisitor,
  options: { groupBy?: readonly string[]; resolveOptions?: OptionsResolver } = {},
): void {
  const groups: [string, string][] = [['', ''], ...groupsOf(answers, options.groupBy ?? [])];
  const emit = (question: string, option: string, n: number, sum: number) => {
    for (const [gq, gv] of groups) visit(question, option, gq, gv, n, sum);
  };
  emit(RESPONSES, BASE, 1, 0);
  let id = '';
  const emitRow = (option: string, n: number, sum: number) => emit(id, option, n, sum);
  for (const q of questionsOf(definition, options.resolveOptions)) {
    const value = answers[q.id];
    if (!isAnswered(value)) continue;
    id = q.id;
    forEachQuestionRow(q, value, emitRow);
  }
  if (isScoredQuiz(definition)) {
    for (const p of scoreQuiz(definition as unknown as Quiz, answers).perQuestion) {
      if (p.answered && p.credit > 0) emit(p.id, CORRECT, p.correct ? 1 : 0, p.credit);
    }
  } else if (isIdentifyQuiz(definition)) {
    const outcome = identifyOutcome(definition as unknown as Quiz, answers);
    if (outcome) {
      emit(OUTCOME, ANSWERED, 1, 0);
      emit(OUTCOME, outcome.id, 1, 0);
    }
  } else if (definition.kind === 'poll') {
    // Carers' own statements count like the poll's statement questions (agree / disagree / pass).
    for (const key of Object.keys(answers)) {
      if (!key.startsWith(CARER_STATEMENT_PREFIX)) continue;
      const value = answers[key];
      if (value !== 'agree' && value !== 'disagree' && value !== 'pass') continue;
      emit(key, ANSWERED, 1, 0);
      emit(key, value, 1, 0);
    }
  }
}

/** Everything one (checked) response adds to the tallies, as rows (see `forEachIncrement`). */
export function tallyIncrements(
  definition: AggregatableDefinition,
  answers: Answers,
  options: { groupBy?: readonly string[]; resolveOptions?: OptionsResolver } = {},
): TallyIncrement[] {
  const out: TallyIncrement[] = [];
  forEachIncrement(definition, answers, (question, option, groupQuestion, groupValue, n, sum) => out.push({ question, option, groupQuestion, groupValue, n, sum }), options);
  // Ungrouped rows first, then each group's, as before.
  return out.sort((a, b) => (a.groupQuestion === b.groupQuestion ? 0 : a.groupQuestion === '' ? -1 : b.groupQuestion === '' ? 1 : 0));
}

/** A stable text key for one tally row (used to merge increments from many responses). */
export function tallyKey(k: TallyKey): string {
  // Ids and option values never contain NUL, so joining with it is unambiguous (and far cheaper than JSON).
  return `${k.question}\u0000${k.option}\u0000${k.groupQuestion}\u0000${k.groupValue}`;
}

/** Adds up increments with the same key; sorted by key so concurrent writers lock rows in one order. */
export function mergeIncrements<T extends TallyIncrement>(rows: Iterable<T>, keyOf: (r: T) => string = tallyKey): T[] {
  const map = new Map<string, T>();
  for (const r of rows) {
    const key = keyOf(r);
    const seen = map.get(key);
    if (seen) {
      seen.n += r.n;
      seen.sum += r.sum;
    } else map.set(key, { ...r });
  }
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}
