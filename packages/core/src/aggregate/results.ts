/**
 * Tallies → the results a dashboard, chart or export shows: counts, percentages, Likert
 * distributions, means, indicators and year-on-year trends, every count suppressed and rounded by
 * `suppressSmallCounts`. There is no unsuppressed variant: the collector has no other path to results.
 */
import {
  ANSWERED,
  BASE,
  RESPONSES,
  VALUE,
  indicatorsOf,
  questionsOf,
  type AggregatableDefinition,
  type IndicatorDefinition,
  type AggregateQuestion,
  type OptionsResolver,
} from './tally.js';
import {
  TOO_FEW,
  percentOf,
  publishCount,
  resolveSuppression,
  suppressSmallCounts,
  type SuppressionOptions,
} from './suppress.js';

/** One summed tally row of the slice being shown. `group` is '' for the whole slice. */
export interface TallyRow {
  year: number;
  question: string;
  option: string;
  group: string;
  n: number;
  sum: number;
}

export interface OptionResult {
  value: string;
  label: string;
  /** null = hidden (small number). */
  count: number | null;
  percent: number | null;
  /** With `by`: one count per group, in the order of `by.groups`. */
  groups?: (number | null)[];
  /** Ranking: the mean place (1 = best); points: the mean points given. */
  mean?: number | null;
}

export interface QuestionResult {
  id: string;
  label: string;
  type: string;
  answered: number | null;
  options?: OptionResult[];
  /** Rating/number: the mean answer; Likert: the mean position on the scale (1 = first option). */
  mean?: number | null;
  /** With `by`: each group's answered count. */
  groups?: (number | null)[];
  /** Text answers are never counted here; moderators read them elsewhere. */
  freeText?: true;
}

export interface IndicatorResult {
  id: string;
  label: string;
  description?: string;
  question: string;
  /** Percentage of those who answered that chose a positive option. */
  percent: number | null;
  base: number | null;
}

export interface TrendPoint {
  year: number;
  base: number | null;
  indicators: { id: string; percent: number | null }[];
}

export interface ResultsModel {
  instrument: { id: string; version: number; title?: string };
  suppression: { threshold: number; rounding: number };
  base: number | null;
  suppressed: false;
  questions: QuestionResult[];
  indicators: IndicatorResult[];
  trends: TrendPoint[];
  by?: { question: string; label: string; groups: { value: string; label: string; base: number | null }[] };
}

export interface SuppressedResults {
  instrument: { id: string; version: number; title?: string };
  suppression: { threshold: number; rounding: number };
  suppressed: true;
  reason: string;
}

export interface BuildOptions extends SuppressionOptions {
  /** The grouping question the rows with a non-empty `group` belong to. */
  by?: string;
  resolveOptions?: OptionsResolver;
}

class Sums {
  private map = new Map<string, { n: number; sum: number }>();
  add(key: string, n: number, sum: number) {
    const s = this.map.get(key);
    if (s) {
      s.n += n;
      s.sum += sum;
    } else this.map.set(key, { n, sum });
  }
  n(key: string) {
    return this.map.get(key)?.n ?? 0;
  }
  sum(key: string) {
    return this.map.get(key)?.sum ?? 0;
  }
}
const k = (group: string, question: string, option: string) => `${group}\u0000${question}\u0000${option}`;

function round1(x: number) {
  return Math.round(x * 10) / 10;
}

/** Options to show: the definition's, then any value seen in the tallies that it does not list. */
function optionList(q: AggregateQuestion, rows: readonly TallyRow[]): { value: string; label: string }[] {
  const list = [...(q.options ?? [])];
  if (q.type === 'statement' && !q.options) list.push(...['agree', 'disagree', 'pass'].map((v) => ({ value: v, label: v })));
  const known = new Set(list.map((o) => o.value));
  const extra = new Set<string>();
  for (const r of rows) {
    if (r.question === q.id && !r.option.startsWith('_') && !known.has(r.option)) extra.add(r.option);
  }
  const sorted = [...extra].sort((a, b) => (q.type === 'rating' ? Number(a) - Number(b) : a.localeCompare(b)));
  return [...list, ...sorted.map((v) => ({ value: v, label: v }))];
}

/** Not-applicable style options sit outside a scale and never count towards its mean. */
function outsideScale(value: string) {
  return /^(not-applicable|n-a|na|not-sure|dont-know|prefer-not-to-say)$/i.test(value);
}

export function buildResults(
  definition: AggregatableDefinition,
  rows: readonly TallyRow[],
  options: BuildOptions = {},
): ResultsModel | SuppressedResults {
  const opts = resolveSuppression(options);
  const instrument: ResultsModel['instrument'] = { id: definition.id, version: definition.version };
  if (definition.title !== undefined) instrument.title = definition.title;
  const suppression = { threshold: opts.threshold, rounding: opts.rounding };

  const all = new Sums();
  const years = new Map<number, Sums>();
  const groupsSeen = new Set<string>();
  for (const r of rows) {
    all.add(k(r.group, r.question, r.option), r.n, r.sum);
    if (r.group === '') {
      let y = years.get(r.year);
      if (!y) years.set(r.year, (y = new Sums()));
      y.add(k('', r.question, r.option), r.n, r.sum);
    } else groupsSeen.add(r.group);
  }

  const baseTrue = all.n(k('', RESPONSES, BASE));
  if (baseTrue <= opts.threshold) return { instrument, suppression, suppressed: true, reason: TOO_FEW };

  const questions = questionsOf(definition, options.resolveOptions);
  const byQuestion = options.by ? questions.find((q) => q.id === options.by) : undefined;
  const defined = byQuestion?.options ?? [];
  const groups = options.by
    ? [
        ...defined,
        ...[...groupsSeen].filter((v) => !defined.some((d) => d.value === v)).sort().map((v) => ({ value: v, label: v })),
      ]
    : [];
  // Group bases vs the overall base: one line, so a single small group cannot be worked out.
  const groupBases = groups.length
    ? suppressSmallCounts({ cells: [groups.map((g) => all.n(k(g.value, RESPONSES, BASE)))], rowTotals: [baseTrue] }, opts)
    : undefined;

  const base = publishCount(baseTrue, opts);
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const answeredTrue = all.n(k('', q.id, ANSWERED));
    const result: QuestionResult = { id: q.id, label: q.label, type: q.type, answered: null };
    if (q.type === 'text' || q.type === 'textarea') {
      result.answered = publishCount(answeredTrue, opts);
      result.freeText = true;
      results.push(result);
      continue;
    }
    if (q.type === 'number') {
      result.answered = publishCount(answeredTrue, opts);
      result.mean = result.answered === null || answeredTrue === 0 ? null : round1(all.sum(k('', q.id, VALUE)) / answeredTrue);
      results.push(result);
      continue;
    }
    const list = optionList(q, rows);
    const groupAnswered = groups.map((g) => all.n(k(g.value, q.id, ANSWERED)));
    const table = suppressSmallCounts(
      {
        cells: list.map((o) => groups.map((g) => all.n(k(g.value, q.id, o.value)))),
        rowTotals: list.map((o) => all.n(k('', q.id, o.value))),
        columnTotals: groupAnswered,
        total: answeredTrue,
      },
      opts,
    );
    result.answered = table.total ?? null;
    result.options = list.map((o, i) => {
      const count = table.rowTotals?.[i] ?? null;
      const item: OptionResult = { value: o.value, label: o.label, count, percent: percentOf(count, result.answered) };
      if (groups.length) item.groups = table.cells[i] ?? [];
      if (q.type === 'ranking' || q.type === 'points') {
        const n = all.n(k('', q.id, o.value));
        item.mean = count === null || n === 0 ? null : round1(all.sum(k('', q.id, o.value)) / n);
      }
      return item;
    });
    if (groups.length) result.groups = table.columnTotals ?? [];
    if (q.type === 'rating') {
      result.mean = result.answered === null || answeredTrue === 0 ? null : round1(all.sum(k('', q.id, VALUE)) / answeredTrue);
    } else if (q.scaled) {
      let n = 0;
      let sum = 0;
      list.forEach((o, i) => {
        if (outsideScale(o.value)) return;
        const c = all.n(k('', q.id, o.value));
        n += c;
        sum += c * (i + 1);
      });
      result.mean = result.answered === null || n <= opts.threshold ? null : round1(sum / n);
    }
    results.push(result);
  }

  const indicatorOf = (sums: Sums, ind: IndicatorDefinition) => {
    const answered = sums.n(k('', ind.question, ANSWERED));
    const positive = ind.positive.reduce((acc, v) => acc + sums.n(k('', ind.question, v)), 0);
    const t = suppressSmallCounts({ cells: [[positive, answered - positive]], rowTotals: [answered] }, opts);
    const base = t.rowTotals?.[0] ?? null;
    return { percent: percentOf(t.cells[0]?.[0] ?? null, base), base };
  };
  const indicatorDefinitions = indicatorsOf(definition);
  const indicators: IndicatorResult[] = indicatorDefinitions.map((ind) => {
    const item: IndicatorResult = { id: ind.id, label: ind.label, question: ind.question, ...indicatorOf(all, ind) };
    if (ind.description !== undefined) item.description = ind.description;
    return item;
  });

  const yearList = [...years.keys()].sort((a, b) => a - b);
  const yearBases = suppressSmallCounts(
    { cells: [yearList.map((y) => years.get(y)!.n(k('', RESPONSES, BASE)))], rowTotals: [baseTrue] },
    opts,
  );
  const trends: TrendPoint[] = yearList.map((year, i) => {
    const base = yearBases.cells[0]?.[i] ?? null;
    return {
      year,
      base,
      indicators: indicatorDefinitions.map((ind) => ({
        id: ind.id,
        percent: base === null ? null : indicatorOf(years.get(year)!, ind).percent,
      })),
    };
  });

  const model: ResultsModel = { instrument, suppression, base, suppressed: false, questions: results, indicators, trends };
  if (options.by) {
    model.by = {
      question: options.by,
      label: byQuestion?.label ?? options.by,
      groups: groups.map((g, i) => ({ value: g.value, label: g.label, base: groupBases?.cells[0]?.[i] ?? null })),
    };
  }
  return model;
}
