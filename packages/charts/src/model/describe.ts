/**
 * Results → what a reader is shown: for each question, the chart to draw, the data table that says
 * the same thing, and a one-sentence summary, all computed from the published numbers only. Pure (no
 * DOM), so the summaries and tables can be tested against the model directly.
 */
import { msg, str } from '@lit/localize';
import type { IndicatorResult, OptionResult, QuestionResult, ResultsModel, TrendPoint } from '@carers-voice/core/aggregate';
import type { NumberWords } from './format.js';

export type ChartKind = 'bar' | 'column' | 'diverging' | 'line' | 'mean';

export type Tone =
  | { kind: 'single' }
  | { kind: 'series'; index: number }
  | { kind: 'diverging'; side: 'negative' | 'neutral' | 'positive'; strength: number };

export interface SeriesView {
  label: string;
  /** What is drawn; null = hidden (never drawn as zero). Diverging negatives are below zero. */
  data: (number | null)[];
  /** What the tooltip says for each point (the whole neutral share, not its half). */
  values: (number | null)[];
  tone: Tone;
  /** Position on the answer scale, for the legend order. */
  order: number;
  /** The second half of a split neutral answer: drawn, but listed once in the legend. */
  legendHidden?: boolean;
}

export interface ChartView {
  kind: ChartKind;
  labels: string[];
  series: SeriesView[];
  unit: 'percent' | 'mean';
  axisTitle?: string;
  /** Largest value the axis must show either side of zero. */
  extent?: number;
}

export interface TableView {
  caption: string;
  rowHeader: string;
  columns: string[];
  rows: { header: string; cells: string[] }[];
  foot?: { header: string; cells: string[] };
}

export interface FigureView {
  key: string;
  title: string;
  /** "Bar chart", "Line chart" … said before the title to a screen reader. */
  kindName: string;
  summary: string;
  chart?: ChartView;
  table: TableView;
  /** Shown beside a diverging chart: the answers outside the scale ("Does not apply: 12%"). */
  aside?: string;
  /** Some number in the table is hidden: the note explaining why is shown under it. */
  hasHidden: boolean;
}

/** What `question` may name besides a question id. */
export const INDICATORS = 'indicators';
export const TRENDS = 'trends';

const CHOICE_TYPES = new Set(['single', 'multiple', 'select', 'statement']);

/** Answers that sit outside a scale (as core/aggregate treats them): never on the diverging bar. */
export function outsideScale(value: string): boolean {
  return /^(not-applicable|n-a|na|not-sure|dont-know|prefer-not-to-say)$/i.test(value);
}

/** Scales written best first (statement sets: met, partly met, not yet); Likert scales are worst first. */
const BEST_FIRST = /^(met|fully-met|yes|always|achieved|in-place)$/i;

export interface LikertSplit {
  /** Nearest zero first. */
  negative: { option: OptionResult; rank: number }[];
  neutral?: { option: OptionResult; rank: number };
  /** Nearest zero first. */
  positive: { option: OptionResult; rank: number }[];
  outside: OptionResult[];
}

/**
 * Splits a scale's options into the negative side, the middle and the positive side. An odd scale's
 * middle option is neutral (drawn half each side); answers outside the scale are kept apart.
 */
export function splitScale(options: readonly OptionResult[]): LikertSplit {
  const outside = options.filter((o) => outsideScale(o.value));
  let scale = options.filter((o) => !outsideScale(o.value));
  if (scale.length && BEST_FIRST.test(scale[0]!.value)) scale = [...scale].reverse();
  const half = Math.floor(scale.length / 2);
  const ranked = scale.map((option, rank) => ({ option, rank }));
  const split: LikertSplit = {
    negative: ranked.slice(0, half).reverse(),
    positive: ranked.slice(scale.length - half),
    outside,
  };
  if (scale.length % 2 === 1) split.neutral = ranked[half]!;
  return split;
}

function percentOf(count: number | null, base: number | null): number | null {
  if (count === null || base === null || base === 0) return null;
  return Math.round((count / base) * 100);
}

/** Sum of the shown numbers, and whether any was hidden (so the sum is only a lower bound). */
function sumShown(values: (number | null)[]): { sum: number; partial: boolean } {
  return {
    sum: values.reduce<number>((s, v) => s + (v ?? 0), 0),
    partial: values.some((v) => v === null),
  };
}

function quote(label: string): string {
  return msg(str`“${label}”`, { id: 'results.quote' });
}

function allHiddenSentence(q?: QuestionResult, words?: NumberWords): string {
  if (q && words && q.answered === null && q.hidden?.answered === 'primary') {
    const fewer = words.fewerThan();
    return msg(str`The numbers for this question are hidden: ${fewer} people answered it.`, { id: 'results.summary.fewAnswered' });
  }
  return msg('The numbers for this question are too small to show.', { id: 'results.summary.allHidden' });
}

/**
 * One or two sentences after a summary naming the answers whose overall number is hidden, and why:
 * chosen by "fewer than N" people, or hidden to protect a small group. Never a number but N.
 */
function hiddenSentence(options: readonly OptionResult[], words: NumberWords): string {
  const labels = (reason: 'primary' | 'secondary') => options.filter((o) => o.count === null && o.hidden?.count === reason).map((o) => quote(o.label));
  const small = labels('primary');
  const protecting = labels('secondary');
  const fewer = words.fewerThan();
  const out: string[] = [];
  if (small.length === 1) out.push(msg(str`${small[0]!} was chosen by ${fewer} people, so its number is hidden.`, { id: 'results.summary.smallOne' }));
  else if (small.length > 1) out.push(msg(str`${words.and(small)} were each chosen by ${fewer} people, so their numbers are hidden.`, { id: 'results.summary.smallMany' }));
  if (protecting.length === 1) out.push(msg(str`The number for ${protecting[0]!} is hidden to protect a small group.`, { id: 'results.summary.protectOne' }));
  else if (protecting.length > 1) out.push(msg(str`The numbers for ${words.and(protecting)} are hidden to protect a small group.`, { id: 'results.summary.protectMany' }));
  return out.join(' ');
}

function withHidden(summary: string, q: QuestionResult, words: NumberWords): string {
  if (q.answered === null) return summary;
  const extra = hiddenSentence(q.options ?? [], words);
  return extra ? `${summary} ${extra}` : summary;
}

export function describeResults(model: ResultsModel, words: NumberWords, question?: string | null): FigureView[] {
  const figures: FigureView[] = [];
  const wanted = (id: string) => !question || question === id;
  model.questions.forEach((q, i) => {
    if (wanted(q.id)) figures.push(describeQuestion(q, model, words, `q${i}`));
  });
  if (model.indicators.length && wanted(INDICATORS)) figures.push(describeIndicators(model.indicators, words));
  if (model.trends.length && model.indicators.length && wanted(TRENDS)) figures.push(describeTrends(model, words));
  return figures;
}

export function describeQuestion(q: QuestionResult, model: ResultsModel, words: NumberWords, key: string): FigureView {
  if (q.freeText) return describeFreeText(q, words, key);
  if (q.type === 'number' || !q.options) return describeNumber(q, words, key);
  if (q.type === 'likert') return describeLikert(q, model, words, key);
  if (q.type === 'ranking' || q.type === 'points') return describeMeans(q, words, key);
  return describeChoice(q, model, words, key);
}

/** Number / percentage table for an option question, with a column per group when cut `by`. */
function optionTable(q: QuestionResult, model: ResultsModel, words: NumberWords): TableView {
  const groups = model.by && q.groups ? model.by.groups : [];
  return {
    caption: msg(str`${q.label}: number and percentage who chose each answer`, { id: 'results.table.caption.options' }),
    rowHeader: msg('Answer', { id: 'results.table.answer' }),
    columns: [
      msg('Number', { id: 'results.table.number' }),
      msg('Percentage', { id: 'results.table.percentage' }),
      ...groups.map((g) => msg(str`${g.label} (number)`, { id: 'results.table.groupNumber' })),
    ],
    rows: (q.options ?? []).map((o) => ({
      header: o.label,
      cells: [
        words.count(o.count, o.hidden?.count),
        words.percent(o.percent),
        ...groups.map((_, g) => words.count(o.groups?.[g] ?? null, o.hidden?.groups?.[g])),
      ],
    })),
    foot: {
      header: msg('Answered this question', { id: 'results.table.answered' }),
      cells: [words.smallCount(q.answered, q.hidden?.answered), '', ...groups.map((_, g) => words.count(q.groups?.[g] ?? null, q.hidden?.groups?.[g]))],
    },
  };
}

function optionsHidden(q: QuestionResult): boolean {
  return q.answered === null || (q.options ?? []).some((o) => o.count === null || (o.groups ?? []).some((c) => c === null));
}

function describeChoice(q: QuestionResult, model: ResultsModel, words: NumberWords, key: string): FigureView {
  const options = q.options ?? [];
  const rating = q.type === 'rating';
  // A shown zero is never "the most common answer".
  const shown = options.filter((o) => o.percent !== null && o.count !== null && o.count > 0).sort((a, b) => b.count! - a.count!);
  let summary: string;
  if (rating && q.mean !== null && q.mean !== undefined) {
    const mean = words.decimal(q.mean);
    const answered = words.smallCount(q.answered, q.hidden?.answered);
    summary = msg(str`The average rating was ${mean} out of 10, from ${answered} answers.`, { id: 'results.summary.rating' });
  } else if (!shown.length) {
    summary = allHiddenSentence(q, words);
  } else if (q.type === 'multiple' || !CHOICE_TYPES.has(q.type) && !rating) {
    const top = shown[0]!;
    summary = msg(str`The answer chosen most often was ${quote(top.label)}, by ${words.percent(top.percent)} of those who answered.`, {
      id: 'results.summary.multiple',
    });
  } else if (shown.length > 1) {
    const [a, b] = [shown[0]!, shown[1]!];
    summary = msg(
      str`The most common answer was ${quote(a.label)} (${words.percent(a.percent)}), then ${quote(b.label)} (${words.percent(b.percent)}).`,
      { id: 'results.summary.choice' },
    );
  } else {
    const a = shown[0]!;
    summary = msg(str`The most common answer was ${quote(a.label)} (${words.percent(a.percent)}).`, { id: 'results.summary.choiceOne' });
  }
  // A rating's summary is its average; its table names any hidden score.
  if (!rating) summary = withHidden(summary, q, words);
  return {
    key,
    title: q.label,
    kindName: msg('Bar chart', { id: 'results.kind.bar' }),
    summary,
    chart: {
      kind: rating ? 'column' : 'bar',
      labels: options.map((o) => o.label),
      series: [
        {
          label: msg('Percentage', { id: 'results.table.percentage' }),
          data: options.map((o) => o.percent),
          values: options.map((o) => o.percent),
          tone: { kind: 'single' },
          order: 0,
        },
      ],
      unit: 'percent',
      axisTitle: msg('Percentage of those who answered', { id: 'results.axis.percentAnswered' }),
    },
    table: optionTable(q, model, words),
    hasHidden: optionsHidden(q),
  };
}

function describeLikert(q: QuestionResult, model: ResultsModel, words: NumberWords, key: string): FigureView {
  const split = splitScale(q.options ?? []);
  const groups = model.by && q.groups ? model.by.groups : [];
  const rowLabels = [msg('Everyone who answered', { id: 'results.likert.everyone' }), ...groups.map((g) => g.label)];
  // Row 0 is everyone (the model's percentages); a row per group computes its own from published counts.
  const pct = (o: OptionResult, row: number): number | null =>
    row === 0 ? o.percent : percentOf(o.groups?.[row - 1] ?? null, q.groups?.[row - 1] ?? null);
  const rows = rowLabels.map((_, r) => r);
  const strengthOf = (i: number, n: number) => (n <= 1 ? 1 : 0.5 + (0.5 * i) / (n - 1));

  const series: SeriesView[] = [];
  if (split.neutral) {
    const n = split.neutral;
    const half = (sign: number) => rows.map((r) => { const p = pct(n.option, r); return p === null ? null : (sign * p) / 2; });
    const values = rows.map((r) => pct(n.option, r));
    series.push({ label: n.option.label, data: half(-1), values, tone: { kind: 'diverging', side: 'neutral', strength: 0 }, order: n.rank });
    series.push({ label: n.option.label, data: half(1), values, tone: { kind: 'diverging', side: 'neutral', strength: 0 }, order: n.rank, legendHidden: true });
  }
  split.negative.forEach(({ option, rank }, i) => {
    const values = rows.map((r) => pct(option, r));
    series.push({
      label: option.label,
      data: values.map((v) => (v === null ? null : -v)),
      values,
      tone: { kind: 'diverging', side: 'negative', strength: strengthOf(i, split.negative.length) },
      order: rank,
    });
  });
  split.positive.forEach(({ option, rank }, i) => {
    const values = rows.map((r) => pct(option, r));
    series.push({ label: option.label, data: values, values, tone: { kind: 'diverging', side: 'positive', strength: strengthOf(i, split.positive.length) }, order: rank });
  });
  let extent = 0;
  for (const r of rows) {
    const left = series.filter((s) => (s.data[r] ?? 0) < 0).reduce((a, s) => a + Math.abs(s.data[r] ?? 0), 0);
    const right = series.filter((s) => (s.data[r] ?? 0) > 0).reduce((a, s) => a + (s.data[r] ?? 0), 0);
    extent = Math.max(extent, left, right);
  }

  const pos = sumShown(split.positive.map((p) => p.option.percent));
  const neg = sumShown(split.negative.map((p) => p.option.percent));
  const amount = (s: { sum: number; partial: boolean }) => {
    const p = words.percent(s.sum);
    return s.partial ? msg(str`at least ${p}`, { id: 'results.atLeast' }) : p;
  };
  const labels = (side: { option: OptionResult }[]) => words.or([...side].reverse().map((s) => quote(s.option.label)));
  let summary: string;
  if (q.answered === null || (pos.partial && pos.sum === 0 && neg.partial && neg.sum === 0)) summary = allHiddenSentence(q, words);
  else
    summary = withHidden(
      msg(str`${amount(pos)} chose ${labels(split.positive)}; ${amount(neg)} chose ${labels(split.negative)}.`, {
        id: 'results.summary.likert',
      }),
      q,
      words,
    );

  const aside = split.outside.length
    ? split.outside.map((o) => msg(str`${o.label}: ${words.percent(o.percent)}`, { id: 'results.likert.outside' })).join('; ')
    : undefined;
  const figure: FigureView = {
    key,
    title: q.label,
    kindName: msg('Diverging bar chart', { id: 'results.kind.diverging' }),
    summary,
    chart: {
      kind: 'diverging',
      labels: rowLabels,
      series,
      unit: 'percent',
      axisTitle: msg('Percentage of those who answered (negative answers to the left of zero)', { id: 'results.axis.diverging' }),
      extent: Math.min(100, Math.max(10, Math.ceil(extent / 10) * 10)),
    },
    table: optionTable(q, model, words),
    hasHidden: optionsHidden(q),
  };
  if (aside) figure.aside = aside;
  return figure;
}

function describeMeans(q: QuestionResult, words: NumberWords, key: string): FigureView {
  const ranking = q.type === 'ranking';
  const options = q.options ?? [];
  const shown = options.filter((o) => o.mean !== null && o.mean !== undefined);
  // Ranking: a lower average place is better. Points: more is better.
  shown.sort((a, b) => (ranking ? a.mean! - b.mean! : b.mean! - a.mean!));
  const top = shown[0];
  const summary = !top
    ? allHiddenSentence(q, words)
    : ranking
      ? msg(str`${quote(top.label)} was ranked highest on average (average place ${words.decimal(top.mean!)}).`, { id: 'results.summary.ranking' })
      : msg(str`${quote(top.label)} was given the most points on average (${words.decimal(top.mean!)} points).`, { id: 'results.summary.points' });
  const meanHeader = ranking
    ? msg('Average place (1 = most important)', { id: 'results.table.meanPlace' })
    : msg('Average points', { id: 'results.table.meanPoints' });
  return {
    key,
    title: q.label,
    kindName: msg('Bar chart', { id: 'results.kind.bar' }),
    summary,
    chart: {
      kind: 'mean',
      labels: options.map((o) => o.label),
      series: [
        {
          label: meanHeader,
          data: options.map((o) => o.mean ?? null),
          values: options.map((o) => o.mean ?? null),
          tone: { kind: 'single' },
          order: 0,
        },
      ],
      unit: 'mean',
      axisTitle: meanHeader,
    },
    table: {
      caption: ranking
        ? msg(str`${q.label}: average place given to each answer`, { id: 'results.table.caption.ranking' })
        : msg(str`${q.label}: average points given to each answer`, { id: 'results.table.caption.points' }),
      rowHeader: msg('Answer', { id: 'results.table.answer' }),
      columns: [meanHeader, msg('Number who placed it', { id: 'results.table.placedBy' })],
      rows: options.map((o) => ({ header: o.label, cells: [words.decimal(o.mean ?? null), words.count(o.count, o.hidden?.count)] })),
      foot: { header: msg('Answered this question', { id: 'results.table.answered' }), cells: [words.smallCount(q.answered, q.hidden?.answered), ''] },
    },
    hasHidden: optionsHidden(q) || options.some((o) => o.mean === null),
  };
}

function describeNumber(q: QuestionResult, words: NumberWords, key: string): FigureView {
  const answered = words.smallCount(q.answered, q.hidden?.answered);
  const summary =
    q.mean === null || q.mean === undefined
      ? allHiddenSentence(q, words)
      : msg(str`The average answer was ${words.decimal(q.mean)}, from ${answered} answers.`, { id: 'results.summary.number' });
  return {
    key,
    title: q.label,
    kindName: '',
    summary,
    table: {
      caption: msg(str`${q.label}: number who answered and the average answer`, { id: 'results.table.caption.number' }),
      rowHeader: msg('Question', { id: 'results.table.question' }),
      columns: [msg('Answered this question', { id: 'results.table.answered' }), msg('Average answer', { id: 'results.table.mean' })],
      rows: [{ header: q.label, cells: [answered, words.decimal(q.mean ?? null)] }],
    },
    hasHidden: q.answered === null,
  };
}

function describeFreeText(q: QuestionResult, words: NumberWords, key: string): FigureView {
  const answered = words.smallCount(q.answered, q.hidden?.answered);
  return {
    key,
    title: q.label,
    kindName: '',
    summary: msg(str`${answered} people answered in their own words; those answers are read by moderators and not shown here.`, {
      id: 'results.summary.freeText',
    }),
    table: {
      caption: msg(str`${q.label}: number who answered in their own words`, { id: 'results.table.caption.freeText' }),
      rowHeader: msg('Question', { id: 'results.table.question' }),
      columns: [msg('Answered this question', { id: 'results.table.answered' })],
      rows: [{ header: q.label, cells: [answered] }],
    },
    hasHidden: q.answered === null,
  };
}

function describeIndicators(indicators: IndicatorResult[], words: NumberWords): FigureView {
  const shown = indicators.filter((i) => i.percent !== null).sort((a, b) => b.percent! - a.percent!);
  let summary: string;
  if (!shown.length) summary = allHiddenSentence();
  else if (shown.length === 1)
    summary = msg(str`${quote(shown[0]!.label)}: ${words.percent(shown[0]!.percent)} of those who answered.`, { id: 'results.summary.indicator' });
  else {
    const [hi, lo] = [shown[0]!, shown[shown.length - 1]!];
    summary = msg(
      str`The highest indicator was ${quote(hi.label)} (${words.percent(hi.percent)}) and the lowest ${quote(lo.label)} (${words.percent(lo.percent)}).`,
      { id: 'results.summary.indicators' },
    );
  }
  return {
    key: 'indicators',
    title: msg('Indicators', { id: 'results.indicators' }),
    kindName: msg('Bar chart', { id: 'results.kind.bar' }),
    summary,
    chart: {
      kind: 'bar',
      labels: indicators.map((i) => i.label),
      series: [
        {
          label: msg('Percentage', { id: 'results.table.percentage' }),
          data: indicators.map((i) => i.percent),
          values: indicators.map((i) => i.percent),
          tone: { kind: 'single' },
          order: 0,
        },
      ],
      unit: 'percent',
      axisTitle: msg('Percentage of those who answered', { id: 'results.axis.percentAnswered' }),
    },
    table: {
      caption: msg('Indicators: percentage of those who answered who gave a positive answer', { id: 'results.table.caption.indicators' }),
      rowHeader: msg('Indicator', { id: 'results.table.indicator' }),
      columns: [msg('Percentage', { id: 'results.table.percentage' }), msg('Answered this question', { id: 'results.table.answered' })],
      rows: indicators.map((i) => ({ header: i.label, cells: [words.percent(i.percent), words.smallCount(i.base, i.hidden?.base)] })),
    },
    hasHidden: indicators.some((i) => i.percent === null || i.base === null),
  };
}

function trendSentence(model: ResultsModel, words: NumberWords): string {
  for (const ind of model.indicators) {
    const points = model.trends
      .map((t: TrendPoint) => ({ year: t.year, percent: t.indicators.find((x) => x.id === ind.id)?.percent ?? null }))
      .filter((p): p is { year: number; percent: number } => p.percent !== null);
    if (points.length < 2) continue;
    const [first, last] = [points[0]!, points[points.length - 1]!];
    return msg(
      str`${quote(ind.label)} went from ${words.percent(first.percent)} in ${words.year(first.year)} to ${words.percent(last.percent)} in ${words.year(last.year)}.`,
      { id: 'results.summary.trend' },
    );
  }
  return msg('There are not yet two years with numbers large enough to compare.', { id: 'results.summary.noTrend' });
}

function describeTrends(model: ResultsModel, words: NumberWords): FigureView {
  const years = model.trends.map((t) => words.year(t.year));
  const percentIn = (t: TrendPoint, id: string) => t.indicators.find((x) => x.id === id)?.percent ?? null;
  return {
    key: 'trends',
    title: msg('Indicators year on year', { id: 'results.trends' }),
    kindName: msg('Line chart', { id: 'results.kind.line' }),
    summary: trendSentence(model, words),
    chart: {
      kind: 'line',
      labels: years,
      series: model.indicators.map((ind, index) => {
        const data = model.trends.map((t) => percentIn(t, ind.id));
        return { label: ind.label, data, values: data, tone: { kind: 'series', index }, order: index };
      }),
      unit: 'percent',
      axisTitle: msg('Percentage of those who answered', { id: 'results.axis.percentAnswered' }),
    },
    table: {
      caption: msg('Indicators by year: percentage who gave a positive answer', { id: 'results.table.caption.trends' }),
      rowHeader: msg('Year', { id: 'results.table.year' }),
      columns: [msg('Responses', { id: 'results.table.responses' }), ...model.indicators.map((i) => i.label)],
      rows: model.trends.map((t) => ({
        header: words.year(t.year),
        cells: [words.count(t.base, t.hidden?.base), ...model.indicators.map((i) => words.percent(percentIn(t, i.id)))],
      })),
    },
    hasHidden: model.trends.some((t) => t.base === null || t.indicators.some((i) => i.percent === null)),
  };
}
