/**
 * Reading results: sums the tally rows of one slice (instrument, partners, years, one grouping
 * question or one registered combination of them) in SQL and hands them to `core/aggregate`, which
 * suppresses every count. A results page reads a few hundred rows however many responses are stored.
 *
 * Filters: `where=age-band:65-74` (one grouping question), or two at once
 * (`where=age-band:65-74&where=caring-hours:50-plus`) when the instrument was registered with that
 * combination in its groupBy (`age-band+caring-hours`); the combined group has its own base, and is
 * suppressed like any other slice. A filtered view is built beside the wider views a reader can also
 * ask for (`widerFilters`, `BuildOptions.wider`), so no two can be subtracted to show a few carers' answers.
 */
import { sql, type Kysely } from 'kysely';
import * as z from 'zod';
import {
  COMBINED,
  MAX_COMBINED,
  buildResults,
  groupForFilters,
  groupPattern,
  type OptionsResolver,
  type ResultsModel,
  type SuppressedResults,
  type TallyRow,
} from '@carers-voice/core/aggregate';
import type { DB } from './db/schema.js';
import type { RegisteredInstrument } from './store.js';

export interface ResultsQuery {
  /** Partner ids to include; undefined = every partner. */
  partners: string[] | undefined;
  from: number | undefined; // year
  to: number | undefined; // year
  by: string | undefined;
  /**
   * Only responses in this tally group: a grouping question and its value, or a combination
   * ("age-band+caring-hours") and the values joined the same way ("65-74+50-plus").
   */
  where: { question: string; value: string } | undefined;
  version: number | undefined;
}

/** One groupBy entry at registration: a question id, or 2–3 joined by "+" (a combined grouping). */
export const GroupingEntry = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,63}(\+[a-z][a-z0-9_-]{0,63}){0,2}$/i,
    'a grouping is a question id, or two or three joined by "+", e.g. age-band+caring-hours',
  );

const WhereItem = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}:[a-z0-9][a-z0-9_-]{0,63}$/i, 'write where as question:value, e.g. age-band:18-24');

/** The `where` query parameter: once, or repeated to combine filters (`?where=a:x&where=b:y`). */
export const WhereParam = z
  .preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z.array(WhereItem).min(1).max(MAX_COMBINED, `combine at most ${MAX_COMBINED} filters`),
  )
  .optional();

/**
 * Turns `by` and the `where` filters into the tally group to read, checked against the groupings
 * the instrument was registered with. A problem is in plain words, for a 400.
 */
export function groupingFor(
  groupBy: readonly string[],
  by: string | undefined,
  where: string | string[] | undefined,
): { ok: true; by: string | undefined; where: ResultsQuery['where'] } | { ok: false; message: string } {
  const filters = (where === undefined ? [] : Array.isArray(where) ? where : [where]).map((w) => {
    const [question, value] = w.split(':') as [string, string];
    return { question, value };
  });
  if (by && filters.length) return { ok: false, message: 'use either by or where, not both' };
  const singles = groupBy.filter((g) => !g.includes(COMBINED));
  if (by) {
    if (singles.includes(by)) return { ok: true, by, where: undefined };
    return {
      ok: false,
      message: singles.length ? `results can be grouped or filtered only by: ${singles.join(', ')}` : 'this instrument was registered without grouping questions',
    };
  }
  if (!filters.length) return { ok: true, by: undefined, where: undefined };
  const group = groupForFilters(groupBy, filters);
  if (!group.ok) return group;
  return { ok: true, by: undefined, where: { question: group.question, value: group.value } };
}

/**
 * The views a reader can compare a filtered one with: no filter, and for a combined filter
 * (age-band+caring-hours = 65-74+50-plus) each part or pair of parts the instrument also counts.
 */
export function widerFilters(groupBy: readonly string[], where: NonNullable<ResultsQuery['where']>): (ResultsQuery['where'])[] {
  const questions = where.question.split(COMBINED);
  const values = where.value.split(COMBINED);
  const out: ResultsQuery['where'][] = [undefined];
  if (questions.length < 2 || questions.length !== values.length) return out;
  const parts = questions.map((question, i) => ({ question, value: values[i]! }));
  // Every non-empty proper subset of the parts (at most 3 parts: 6 subsets).
  for (let mask = 1; mask < (1 << parts.length) - 1; mask++) {
    const subset = parts.filter((_, i) => mask & (1 << i));
    const group = groupForFilters(groupBy, subset);
    if (group.ok) out.push({ question: group.question, value: group.value });
  }
  return out;
}

export async function readTallies(db: Kysely<DB>, instrumentId: string, q: ResultsQuery): Promise<TallyRow[]> {
  if (q.partners && q.partners.length === 0) return [];
  const groupFilter = q.where
    ? sql`group_question = ${q.where.question} and group_value = ${q.where.value}`
    : q.by
      ? sql`group_question in ('', ${q.by})`
      : sql`group_question = ''`;
  const result = await sql<{ year: number; question: string; option: string; grp: string; n: number | string; s: number }>`
    select year, question, option, ${q.where ? sql`''` : sql`group_value`} as grp, sum(n) as n, sum(sum) as s
    from tallies
    where instrument_id = ${instrumentId}
      and ${groupFilter}
      ${q.partners ? sql`and partner_id in (${sql.join(q.partners)})` : sql``}
      ${q.from !== undefined ? sql`and year >= ${q.from}` : sql``}
      ${q.to !== undefined ? sql`and year <= ${q.to}` : sql``}
      ${q.version !== undefined ? sql`and instrument_version = ${q.version}` : sql``}
    group by 1, 2, 3, 4`.execute(db);
  return result.rows.map((r) => ({ year: Number(r.year), question: r.question, option: r.option, group: r.grp, n: Number(r.n), sum: Number(r.s) }));
}

export async function computeResults(
  db: Kysely<DB>,
  instrument: RegisteredInstrument,
  q: ResultsQuery,
  suppression: { threshold: number; rounding: number },
  resolveOptions?: OptionsResolver,
): Promise<ResultsModel | SuppressedResults> {
  const opts: Parameters<typeof buildResults>[2] = { ...suppression };
  if (resolveOptions) opts.resolveOptions = resolveOptions;
  if (q.by) opts.by = q.by;
  if (!q.where) return buildResults(instrument.definition as never, await readTallies(db, instrument.id, q), opts);

  // A filtered view is one group of its grouping: read the whole grouping (the by= table's rows,
  // whose group '' rows are the view without the filter) and take the group's rows from it.
  const where = q.where;
  const byRows = await readTallies(db, instrument.id, { ...q, where: undefined, by: where.question });
  const groupRows = (rows: readonly TallyRow[], value: string) => rows.filter((r) => r.group === value).map((r) => ({ ...r, group: '' }));
  // Differencing: a wider view (without the filter, or with only some parts of a combined one)
  // minus this one is the responses the filter leaves out. The parts of a combined grouping are read
  // whole too, since the pattern compares every group with its own parts.
  const partsOf = widerFilters(instrument.groupBy, where).slice(1);
  const partRows = new Map<string, TallyRow[]>();
  for (const part of partsOf) {
    if (part) partRows.set(part.question, await readTallies(db, instrument.id, { ...q, where: undefined, by: part.question }));
  }
  const widerOf = (value: string) =>
    widerFilters(instrument.groupBy, { question: where.question, value })
      .slice(1)
      .flatMap((part) => (part && partRows.has(part.question) ? [groupRows(partRows.get(part.question)!, part.value)] : []));
  // One suppression pattern for the grouping: this view hides at least what the by= table hides in
  // this group's column, and the by= table hides whatever this view would (buildResults, groupPattern).
  const pattern = groupPattern(instrument.definition as never, byRows, where.question, { ...suppression, ...(resolveOptions && { resolveOptions }), widerOf });
  opts.wider = [byRows.filter((r) => r.group === ''), ...widerOf(where.value)];
  opts.group = { pattern, value: where.value };
  return buildResults(instrument.definition as never, groupRows(byRows, where.value), opts);
}
