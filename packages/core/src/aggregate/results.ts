/**
 * Tallies → the results a dashboard, chart or export shows: counts, percentages, Likert
 * distributions, means, indicators and year-on-year trends, every count suppressed and rounded by
 * `suppressSmallCounts`. There is no unsuppressed variant: the collector has no other path to results.
 */
import {
  ANSWERED,
  BASE,
  COMBINED,
  groupingParts,
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
  type HiddenReason,
  publishCount,
  resolveSuppression,
  suppressSmallCounts,
  type CountTable,
  type SuppressedTable,
  type SuppressionOptions,
} from './suppress.js';

/**
 * Why each hidden (null) number of a result is hidden, by the name of its field; `groups` follows the
 * result's own `groups`. Present only when something is hidden. 'primary': the number is from 1 to the
 * threshold ("fewer than N"); 'secondary': hidden only to protect a small one.
 */
export type HiddenMarks<K extends string> = Partial<Record<K, HiddenReason>> & { groups?: (HiddenReason | null)[] };

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
  hidden?: HiddenMarks<'count' | 'percent' | 'mean'>;
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
  hidden?: HiddenMarks<'answered' | 'mean'>;
}

export interface IndicatorResult {
  id: string;
  label: string;
  description?: string;
  question: string;
  /** Percentage of those who answered that chose a positive option. */
  percent: number | null;
  base: number | null;
  hidden?: HiddenMarks<'percent' | 'base'>;
}

export interface TrendPoint {
  year: number;
  base: number | null;
  indicators: { id: string; percent: number | null; hidden?: HiddenMarks<'percent'> }[];
  hidden?: HiddenMarks<'base'>;
}

export interface ResultsModel {
  instrument: { id: string; version: number; title?: string };
  suppression: { threshold: number; rounding: number };
  base: number | null;
  /** A filtered view's base is hidden ('secondary') when the by= table of its grouping hides that group's base. */
  hidden?: HiddenMarks<'base'>;
  suppressed: false;
  questions: QuestionResult[];
  indicators: IndicatorResult[];
  trends: TrendPoint[];
  by?: { question: string; label: string; groups: { value: string; label: string; base: number | null; hidden?: HiddenMarks<'base'> }[] };
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
  /**
   * For a filtered view (only one group's responses): the rows of each wider view a reader can also
   * ask for — the same results without the filter, and for a combined filter, with only some of its
   * parts. Subtracting this view from a wider one gives the responses the filter leaves out, so any
   * number here whose counterpart there is 1 to threshold more is hidden as well (reason
   * 'secondary'), and when the responses left out are that few in all, the view is "too few".
   */
  wider?: readonly (readonly TallyRow[])[];
  /**
   * For a filtered view of one group (`where=G:v`): the suppression pattern of its whole grouping
   * (`groupPattern` of the rows `by=G` reads) and the group's value. Every count the pattern hides in
   * this group's column is hidden here too, so the by= table and each where= view never disagree.
   */
  group?: { pattern: GroupPattern; value: string };
}

/**
 * One grouping question's suppression pattern, shared by its by= table and every where= view of one
 * of its groups (each is one column of it), so no two of them can be set side by side to work out a
 * hidden count: they hide the same cells.
 */
export interface GroupPattern {
  by: string;
  groups: { value: string; label: string }[];
  /**
   * Per question: its options × the groups. Row totals are the whole view's counts, column totals each
   * group's answered count. Number and free-text questions have no rows, only the answered counts.
   */
  questions: Map<string, { options: { value: string; label: string }[]; table: SuppressedTable }>;
  /** Years × groups: each group's responses in each year; column totals are the group bases. */
  years: { list: number[]; table: SuppressedTable };
}

export interface PatternOptions extends SuppressionOptions {
  resolveOptions?: OptionsResolver;
  /**
   * For a combined grouping (a+b): the pattern of each grouping it is made of that a reader can ask
   * for on its own (a, b; for a+b+c the pairs too), with the rows its by= table reads. The group x+y
   * is compared with the views of x and of y as with the whole view (the wider-view rule), and the
   * groups x+… add up to x there: those lines are protected too, their totals shown or hidden as the
   * part's own pattern says.
   */
  parts?: readonly { pattern: GroupPattern; rows: readonly TallyRow[] }[];
}

/** The value of `part` (a grouping made of some of `grouping`'s questions) within a group `value` of `grouping`. */
export function partValue(grouping: string, part: string, value: string): string | undefined {
  const names = groupingParts(grouping);
  const values = value.split(COMBINED);
  if (names.length !== values.length) return undefined;
  const out: string[] = [];
  for (const p of groupingParts(part)) {
    const i = names.indexOf(p);
    if (i < 0) return undefined;
    out.push(values[i]!);
  }
  return out.join(COMBINED);
}

/**
 * Counts and sums by group, question and option, in maps nested in that order: a lookup hashes the
 * strings it is given (each hashed once, then cached) rather than a joined key built afresh each time
 * (a grouping's suppression pattern makes hundreds of thousands of lookups).
 */
class Sums {
  private groups = new Map<string, Map<string, Map<string, { n: number; sum: number }>>>();
  add(group: string, question: string, option: string, n: number, sum: number) {
    let questions = this.groups.get(group);
    if (!questions) this.groups.set(group, (questions = new Map()));
    let options = questions.get(question);
    if (!options) questions.set(question, (options = new Map()));
    const s = options.get(option);
    if (s) {
      s.n += n;
      s.sum += sum;
    } else options.set(option, { n, sum });
  }
  private cell(group: string, question: string, option: string) {
    return this.groups.get(group)?.get(question)?.get(option);
  }
  n(group: string, question: string, option: string) {
    return this.cell(group, question, option)?.n ?? 0;
  }
  sum(group: string, question: string, option: string) {
    return this.cell(group, question, option)?.sum ?? 0;
  }
}

function round1(x: number) {
  return Math.round(x * 10) / 10;
}

type Reason = HiddenReason | null | undefined;

/** Why a percentage of `count` over `base` is hidden: its count's reason, else its base's. */
function percentReason(count: number | null, countReason: Reason, base: number | null, baseReason: Reason): HiddenReason | undefined {
  if (count === null) return countReason ?? undefined;
  if (base === null) return baseReason ?? undefined;
  return undefined;
}

/** Builds a `hidden` object from field → reason pairs; undefined when nothing is hidden. */
function marks<K extends string>(fields: Partial<Record<K, Reason>>, groups?: (HiddenReason | null)[]): HiddenMarks<K> | undefined {
  const out: HiddenMarks<K> = {};
  let any = false;
  for (const [key, reason] of Object.entries(fields) as [K, Reason][]) {
    if (reason) {
      (out as Record<string, HiddenReason>)[key] = reason;
      any = true;
    }
  }
  if (groups && groups.some((g) => g !== null)) {
    out.groups = groups;
    any = true;
  }
  return any ? out : undefined;
}

/** publishCount, with the reason when hidden: small itself, or (`protect`) hidden for a wider view's sake. */
function publishWithReason(value: number, opts: Required<SuppressionOptions>, protect = false): { count: number | null; reason: HiddenReason | undefined } {
  const count = publishCount(value, opts);
  if (count === null) return { count, reason: 'primary' };
  return protect ? { count: null, reason: 'secondary' } : { count, reason: undefined };
}

/** Options to show: the definition's, then any value seen in the tallies that it does not list. */
function optionList(q: AggregateQuestion, seen: OptionsSeen): { value: string; label: string }[] {
  const list = [...(q.options ?? [])];
  if (q.type === 'statement' && !q.options) list.push(...['agree', 'disagree', 'pass'].map((v) => ({ value: v, label: v })));
  const known = new Set(list.map((o) => o.value));
  const extra = [...(seen.get(q.id) ?? [])].filter((v) => !known.has(v));
  const sorted = extra.sort((a, b) => (q.type === 'rating' ? Number(a) - Number(b) : a.localeCompare(b)));
  return [...list, ...sorted.map((v) => ({ value: v, label: v }))];
}

/** Each question's options found in the rows (not the `_` counts such as answered), read once for all questions. */
type OptionsSeen = Map<string, Set<string>>;
function optionsSeen(rows: readonly TallyRow[]): OptionsSeen {
  const seen: OptionsSeen = new Map();
  for (const r of rows) {
    if (r.option.startsWith('_')) continue;
    let options = seen.get(r.question);
    if (!options) seen.set(r.question, (options = new Set()));
    options.add(r.option);
  }
  return seen;
}

/** Not-applicable style options sit outside a scale and never count towards its mean. */
function outsideScale(value: string) {
  return /^(not-applicable|n-a|na|not-sure|dont-know|prefer-not-to-say)$/i.test(value);
}

/** One question's options against its answered count, as a view without groups hides them. */
function wholeLine(rowTotals: number[], total: number, opts: Required<SuppressionOptions>, protect?: CountTable['protect']): SuppressedTable {
  return suppressSmallCounts({ cells: rowTotals.map(() => []), rowTotals, total, ...(protect && { protect }) }, opts);
}

/**
 * Rows summed, and summed by year: every group, or by year only the whole view (group ''), for a
 * reader that never asks a group's yearly counts.
 */
function sumRows(rows: readonly TallyRow[], years: 'every group' | 'whole only' = 'every group'): { whole: Sums; byYear: Map<number, Sums> } {
  const whole = new Sums();
  const byYear = new Map<number, Sums>();
  for (const r of rows) {
    whole.add(r.group, r.question, r.option, r.n, r.sum);
    if (years === 'whole only' && r.group !== '') continue;
    let y = byYear.get(r.year);
    if (!y) byYear.set(r.year, (y = new Sums()));
    y.add(r.group, r.question, r.option, r.n, r.sum);
  }
  return { whole, byYear };
}

/**
 * The suppression pattern of grouping `by`, from the rows a by= table of it reads (group '' and every
 * group of `by`). Besides small counts and the lines of each table, it hides each count of a group
 * that some view wider than that group's where= view (the whole, and for a combined grouping each of
 * its `parts`) would give away by subtraction — so the by= table hides whatever any where= view of one of its groups hides,
 * and each where= view (one column, see `BuildOptions.group`) hides whatever the by= table hides.
 */
export function groupPattern(
  definition: AggregatableDefinition,
  rows: readonly TallyRow[],
  by: string,
  options: PatternOptions = {},
): GroupPattern {
  const opts = resolveSuppression(options);
  const { whole: all, byYear: years } = sumRows(rows);
  const seen = new Set<string>();
  for (const r of rows) if (r.group !== '') seen.add(r.group);
  const questions = questionsOf(definition, options.resolveOptions);
  const defined = questions.find((q) => q.id === by)?.options ?? [];
  const groups = [...defined, ...[...seen].filter((v) => !defined.some((d) => d.value === v)).sort().map((v) => ({ value: v, label: v }))];
  const sumsOf = (year: number | undefined) => (year === undefined ? all : years.get(year));
  // The groupings this one is made of: their sums, and each of our groups' value in them.
  const parts = (options.parts ?? []).map((part) => {
    const { whole: sums, byYear } = sumRows(part.rows);
    const valueOf = groups.map((g) => partValue(by, part.pattern.by, g.value));
    const count = (value: string, question: string, option: string, year?: number) =>
      (year === undefined ? sums : byYear.get(year))?.n(value, question, option) ?? 0;
    return { pattern: part.pattern, valueOf, count };
  });
  // Each group's wider views: the whole (group '' here), and its value in each part.
  type Count = (question: string, option: string, year?: number) => number;
  const whole: Count = (question, option, year) => sumsOf(year)?.n('', question, option) ?? 0;
  const wider: Count[][] = groups.map((_, j) => [
    whole,
    ...parts.flatMap((part) => {
      const value = part.valueOf[j];
      return value === undefined ? [] : [(question: string, option: string, year?: number) => part.count(value, question, option, year)];
    }),
  ]);
  /**
   * The lines of each part: for each of its groups x, our groups within x add up to x's count there
   * (`member(j)` names our group j's cell in the line), shown or hidden as the part's pattern says.
   */
  type Part = (typeof parts)[number];
  const partLines = (
    member: (j: number) => { row?: number; column: number },
    total: (part: Part, value: string) => number,
    reason: (pattern: GroupPattern, px: number) => HiddenReason | null | undefined,
  ): NonNullable<CountTable['lines']> =>
    parts.flatMap((part) =>
      part.pattern.groups.flatMap((g, px) => {
        const members = groups.flatMap((_, j) => (part.valueOf[j] === g.value ? [member(j)] : []));
        if (!members.length) return [];
        const value = total(part, g.value);
        const why = reason(part.pattern, px);
        // A part that does not list this count (it is 0 there) shows it; otherwise as it says.
        return [{ members, total: value, reason: why === undefined ? (value > 0 ? ('secondary' as const) : null) : why }];
      }),
    );
  const few = (left: number) => left >= 1 && left <= opts.threshold;
  const givesAway = (j: number, question: string, option: string, year?: number) => {
    const value = sumsOf(year)?.n(groups[j]!.value, question, option) ?? 0;
    return value > 0 && wider[j]!.some((w) => few(w(question, option, year) - value));
  };

  const tables: GroupPattern['questions'] = new Map();
  let optionsInRows: OptionsSeen | undefined;
  for (const q of questions) {
    const columnTotals = groups.map((g) => all.n(g.value, q.id, ANSWERED));
    const protectColumns = groups.map((_, j) => givesAway(j, q.id, ANSWERED));
    const total = all.n('', q.id, ANSWERED);
    const answeredLines = partLines(
      (j) => ({ column: j }),
      (part, value) => part.count(value, q.id, ANSWERED),
      (pattern, px) => pattern.questions.get(q.id)?.table.reasons.columnTotals?.[px],
    );
    if (q.type === 'text' || q.type === 'textarea' || q.type === 'number') {
      const fixed = { total: publishCount(total, opts) === null ? ('primary' as const) : null };
      tables.set(q.id, {
        options: [],
        table: suppressSmallCounts({ cells: [], columnTotals, total, protect: { columnTotals: protectColumns }, fixed, lines: answeredLines }, opts),
      });
      continue;
    }
    const list = optionList(q, (optionsInRows ??= optionsSeen(rows)));
    const rowTotals = list.map((o) => all.n('', q.id, o.value));
    // The row totals and the total are the whole view's counts: hidden exactly as it hides them.
    const whole = wholeLine(rowTotals, total, opts);
    const table = suppressSmallCounts(
      {
        cells: list.map((o) => groups.map((g) => all.n(g.value, q.id, o.value))),
        rowTotals,
        columnTotals,
        total,
        protect: { cells: list.map((o) => groups.map((_, j) => givesAway(j, q.id, o.value))), columnTotals: protectColumns },
        fixed: { rowTotals: whole.reasons.rowTotals ?? [], total: whole.reasons.total ?? null },
        lines: [
          ...answeredLines,
          ...list.flatMap((o, i) =>
            partLines(
              (j) => ({ row: i, column: j }),
              (part, value) => part.count(value, q.id, o.value),
              (pattern, px) => {
                const t = pattern.questions.get(q.id);
                const pi = t?.options.findIndex((x) => x.value === o.value) ?? -1;
                return pi < 0 ? undefined : t!.table.reasons.cells[pi]?.[px];
              },
            ),
          ),
        ],
      },
      opts,
    );
    tables.set(q.id, { options: list, table });
  }
  const yearList = [...years.keys()].sort((a, b) => a - b);
  const baseIn = (sums: Sums | undefined, group: string) => sums?.n(group, RESPONSES, BASE) ?? 0;
  const yearBases = yearList.map((y) => baseIn(years.get(y), ''));
  const baseTrue = baseIn(all, '');
  // The years' bases and the base are the whole view's trend line: hidden exactly as it hides them.
  const wholeYears = suppressSmallCounts({ cells: [yearBases], rowTotals: [baseTrue] }, opts);
  const yearTable = suppressSmallCounts(
    {
      cells: yearList.map((y) => groups.map((g) => baseIn(years.get(y), g.value))),
      rowTotals: yearBases,
      columnTotals: groups.map((g) => baseIn(all, g.value)),
      total: baseTrue,
      fixed: { rowTotals: wholeYears.reasons.cells[0] ?? [], total: publishCount(baseTrue, opts) === null ? 'primary' : null },
      protect: {
        cells: yearList.map((y) => groups.map((_, j) => givesAway(j, RESPONSES, BASE, y))),
        columnTotals: groups.map((_, j) => givesAway(j, RESPONSES, BASE)),
      },
      lines: [
        ...partLines(
          (j) => ({ column: j }),
          (part, value) => part.count(value, RESPONSES, BASE),
          (pattern, px) => pattern.years.table.reasons.columnTotals?.[px],
        ),
        ...yearList.flatMap((y, yi) =>
          partLines(
            (j) => ({ row: yi, column: j }),
            (part, value) => part.count(value, RESPONSES, BASE, y),
            (pattern, px) => {
              const pyi = pattern.years.list.indexOf(y);
              return pyi < 0 ? undefined : pattern.years.table.reasons.cells[pyi]?.[px];
            },
          ),
        ),
      ],
    },
    opts,
  );
  return { by, groups, questions: tables, years: { list: yearList, table: yearTable } };
}

/**
 * What the pattern hides in one group's column, for that group's where= view: its base, each year's
 * base, each question's answered count and option counts. Each answer is the reason it is hidden, or
 * undefined/false when it is shown.
 */
function columnOf(pattern: GroupPattern, value: string) {
  const j = pattern.groups.findIndex((g) => g.value === value);
  // A group the pattern does not know was not read with it: hide everything rather than guess.
  const known = j >= 0;
  const years = pattern.years;
  return {
    options: (question: string) => pattern.questions.get(question)?.options,
    base: (): HiddenReason | undefined => (known ? (years.table.reasons.columnTotals?.[j] ?? undefined) : 'secondary'),
    year: (year: number) => !known || years.list.indexOf(year) < 0 || years.table.cells[years.list.indexOf(year)]?.[j] === null,
    answered: (question: string) => {
      const t = pattern.questions.get(question);
      return !known || !t || t.table.columnTotals?.[j] === null;
    },
    option: (question: string, option: string) => {
      const t = pattern.questions.get(question);
      const i = t?.options.findIndex((o) => o.value === option) ?? -1;
      return !known || !t || i < 0 || t.table.cells[i]?.[j] === null;
    },
  };
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

  const { whole: all, byYear: years } = sumRows(rows, 'whole only');

  const baseTrue = all.n('', RESPONSES, BASE);
  if (baseTrue <= opts.threshold) return { instrument, suppression, suppressed: true, reason: TOO_FEW };

  // The wider views this one is part of (see BuildOptions.wider), whole and by year.
  const wider = (options.wider ?? []).map((w) => sumRows(w, 'whole only'));
  const few = (left: number) => left >= 1 && left <= opts.threshold;
  /**
   * Whether a number of this view (`count` of its sums, or of one year's) must be hidden: the same
   * number in some wider view is 1 to threshold more.
   */
  const givesAway = (count: (sums: Sums) => number, year?: number) => {
    const value = count(year === undefined ? all : years.get(year)!);
    return (
      value > 0 &&
      wider.some((w) => {
        const from = year === undefined ? w.whole : w.byYear.get(year);
        return from !== undefined && few(count(from) - value);
      })
    );
  };
  const countOf = (question: string, option: string) => (sums: Sums) => sums.n('', question, option);
  if (wider.some((w) => few(w.whole.n('', RESPONSES, BASE) - baseTrue))) return { instrument, suppression, suppressed: true, reason: TOO_FEW };

  const questions = questionsOf(definition, options.resolveOptions);
  const byQuestion = options.by ? questions.find((q) => q.id === options.by) : undefined;
  // A by= table is its grouping's pattern; a where= view is one column of its grouping's pattern.
  const pattern = options.by
    ? groupPattern(definition, rows, options.by, { ...opts, ...(options.resolveOptions && { resolveOptions: options.resolveOptions }) })
    : undefined;
  const groups = pattern?.groups ?? [];
  const column = options.group ? columnOf(options.group.pattern, options.group.value) : undefined;

  let base = publishCount(baseTrue, opts);
  const baseReason = column?.base();
  if (baseReason) base = null;
  const results: QuestionResult[] = [];
  let optionsInRows: OptionsSeen | undefined;
  for (const q of questions) {
    const answeredTrue = all.n('', q.id, ANSWERED);
    const result: QuestionResult = { id: q.id, label: q.label, type: q.type, answered: null };
    const answeredInColumn = column?.answered(q.id) ?? false;
    if (q.type === 'text' || q.type === 'textarea') {
      const published = publishWithReason(answeredTrue, opts, givesAway(countOf(q.id, ANSWERED)) || answeredInColumn);
      result.answered = published.count;
      result.freeText = true;
      const hidden = marks<'answered'>({ answered: published.reason });
      if (hidden) result.hidden = hidden;
      results.push(result);
      continue;
    }
    if (q.type === 'number') {
      const published = publishWithReason(answeredTrue, opts, givesAway(countOf(q.id, ANSWERED)) || answeredInColumn);
      result.answered = published.count;
      result.mean = result.answered === null || answeredTrue === 0 ? null : round1(all.sum('', q.id, VALUE) / answeredTrue);
      const hidden = marks<'answered' | 'mean'>({ answered: published.reason, mean: published.reason });
      if (hidden) result.hidden = hidden;
      results.push(result);
      continue;
    }
    const grouped = pattern?.questions.get(q.id);
    // A where= view lists the options its grouping's pattern lists (an option missing here would say 0).
    const list = grouped?.options ?? column?.options(q.id) ?? optionList(q, (optionsInRows ??= optionsSeen(rows)));
    const table =
      grouped?.table ??
      wholeLine(
        list.map((o) => all.n('', q.id, o.value)),
        answeredTrue,
        opts,
        wider.length || column
          ? {
              rowTotals: list.map((o) => givesAway(countOf(q.id, o.value)) || (column?.option(q.id, o.value) ?? false)),
              total: givesAway(countOf(q.id, ANSWERED)) || answeredInColumn,
            }
          : undefined,
      );
    result.answered = table.total ?? null;
    const answeredReason = table.reasons.total;
    result.options = list.map((o, i) => {
      const count = table.rowTotals?.[i] ?? null;
      const countReason = table.reasons.rowTotals?.[i];
      const item: OptionResult = { value: o.value, label: o.label, count, percent: percentOf(count, result.answered) };
      if (groups.length) item.groups = table.cells[i] ?? [];
      let meanReason: Reason;
      if (q.type === 'ranking' || q.type === 'points') {
        const n = all.n('', q.id, o.value);
        item.mean = count === null || n === 0 ? null : round1(all.sum('', q.id, o.value) / n);
        if (count === null) meanReason = countReason;
      }
      const hidden = marks<'count' | 'percent' | 'mean'>(
        { count: countReason, percent: percentReason(count, countReason, result.answered, answeredReason), mean: meanReason },
        groups.length ? table.reasons.cells[i] : undefined,
      );
      if (hidden) item.hidden = hidden;
      return item;
    });
    if (groups.length) result.groups = table.columnTotals ?? [];
    let meanReason: Reason;
    if (q.type === 'rating') {
      result.mean = result.answered === null || answeredTrue === 0 ? null : round1(all.sum('', q.id, VALUE) / answeredTrue);
      if (result.answered === null) meanReason = answeredReason;
    } else if (q.scaled) {
      const onScale = list.filter((o) => !outsideScale(o.value));
      const scaleN = (from: Sums) => onScale.reduce((acc, o) => acc + from.n('', q.id, o.value), 0);
      const n = scaleN(all);
      const sum = list.reduce((acc, o, i) => (outsideScale(o.value) ? acc : acc + all.n('', q.id, o.value) * (i + 1)), 0);
      // A wider view's mean and this one's give the mean of the carers left out: hidden when they are few.
      const protectMean = givesAway(scaleN);
      result.mean = result.answered === null || n <= opts.threshold || protectMean ? null : round1(sum / n);
      if (result.answered === null) meanReason = answeredReason;
      else if (n >= 1 && n <= opts.threshold) meanReason = 'primary';
      else if (protectMean) meanReason = 'secondary';
    }
    const hidden = marks<'answered' | 'mean'>({ answered: answeredReason, mean: meanReason }, groups.length ? table.reasons.columnTotals : undefined);
    if (hidden) result.hidden = hidden;
    results.push(result);
  }

  /** An indicator of the whole view, or of one year. */
  const indicatorOf = (ind: IndicatorDefinition, year?: number) => {
    const answeredOf = countOf(ind.question, ANSWERED);
    const positiveOf = (from: Sums) => ind.positive.reduce((acc, v) => acc + from.n('', ind.question, v), 0);
    const otherOf = (from: Sums) => answeredOf(from) - positiveOf(from);
    const sums = year === undefined ? all : years.get(year)!;
    // Its question's option counts are published too: where one is hidden, the indicator's share
    // (the positive options together, or the others) would give it back, so that share is hidden.
    const shown = year === undefined ? results.find((q) => q.id === ind.question) : undefined;
    const hiddenAmong = (positive: boolean) => (shown?.options ?? []).some((o) => o.count === null && ind.positive.includes(o.value) === positive);
    const t = suppressSmallCounts(
      {
        cells: [[positiveOf(sums), otherOf(sums)]],
        rowTotals: [answeredOf(sums)],
        protect: {
          cells: [[givesAway(positiveOf, year) || hiddenAmong(true), givesAway(otherOf, year) || hiddenAmong(false)]],
          rowTotals: [givesAway(answeredOf, year) || (shown !== undefined && shown.answered === null)],
        },
      },
      opts,
    );
    const base = t.rowTotals?.[0] ?? null;
    const baseReason = t.reasons.rowTotals?.[0];
    const count = t.cells[0]?.[0] ?? null;
    return {
      percent: percentOf(count, base),
      base,
      hidden: marks<'percent' | 'base'>({ percent: percentReason(count, t.reasons.cells[0]?.[0], base, baseReason), base: baseReason }),
    };
  };
  const indicatorDefinitions = indicatorsOf(definition);
  const indicators: IndicatorResult[] = indicatorDefinitions.map((ind) => {
    const { percent, base, hidden } = indicatorOf(ind);
    const item: IndicatorResult = { id: ind.id, label: ind.label, question: ind.question, percent, base };
    if (ind.description !== undefined) item.description = ind.description;
    if (hidden) item.hidden = hidden;
    return item;
  });

  const yearList = [...years.keys()].sort((a, b) => a - b);
  const baseOf = countOf(RESPONSES, BASE);
  const yearBases = suppressSmallCounts(
    {
      cells: [yearList.map((y) => baseOf(years.get(y)!))],
      rowTotals: [baseTrue],
      protect: { cells: [yearList.map((y) => givesAway(baseOf, y) || (column?.year(y) ?? false))], rowTotals: [baseReason !== undefined] },
    },
    opts,
  );
  const trends: TrendPoint[] = yearList.map((year, i) => {
    const base = yearBases.cells[0]?.[i] ?? null;
    const baseReason = yearBases.reasons.cells[0]?.[i] ?? undefined;
    const point: TrendPoint = {
      year,
      base,
      indicators: indicatorDefinitions.map((ind) => {
        if (base === null) return baseReason ? { id: ind.id, percent: null, hidden: { percent: baseReason } } : { id: ind.id, percent: null };
        const { percent, hidden } = indicatorOf(ind, year);
        const item: TrendPoint['indicators'][number] = { id: ind.id, percent };
        if (hidden?.percent) item.hidden = { percent: hidden.percent };
        return item;
      }),
    };
    if (baseReason) point.hidden = { base: baseReason };
    return point;
  });

  const model: ResultsModel = { instrument, suppression, base, suppressed: false, questions: results, indicators, trends };
  if (baseReason) model.hidden = { base: baseReason };
  if (options.by && pattern) {
    const groupBases = pattern.years.table;
    model.by = {
      question: options.by,
      label: byQuestion?.label ?? options.by,
      groups: groups.map((g, i) => {
        const reason = groupBases.reasons.columnTotals?.[i];
        const item: { value: string; label: string; base: number | null; hidden?: HiddenMarks<'base'> } = { value: g.value, label: g.label, base: groupBases.columnTotals?.[i] ?? null };
        if (reason) item.hidden = { base: reason };
        return item;
      }),
    };
  }
  return model;
}
