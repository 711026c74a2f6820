/**
 * Reading results: sums the tally rows of one slice (instrument, partners, years, one grouping
 * question or one registered combination of them) in SQL and hands them to `core/aggregate`, which
 * suppresses every count. A results page reads a few hundred rows however many responses are stored.
 *
 * Filters: `where=age-band:65-74` (one grouping question), or two at once
 * (`where=age-band:65-74&where=caring-hours:50-plus`) when the instrument was registered with that
 * combination in its groupBy (`age-band+caring-hours`); the combined group has its own base, and is
 * suppressed like any other slice. A filtered view is built beside the wider views a reader can also
 * ask for (`widerFilters`, `BuildOptions.wider`), so no two can be subtracted to show a few carers' answers,
 * and as one column of its grouping's single suppression pattern (core's `groupPattern`, with its
 * parts' patterns for a combined grouping), so it hides what the by= table hides and the reverse.
 */
import { sql, type Kysely } from 'kysely';
import * as z from 'zod';
import {
  COMBINED,
  MAX_COMBINED,
  buildResults,
  groupForFilters,
  groupPattern,
  groupingParts,
  partValue,
  questionsOf,
  type AggregatableDefinition,
  type GroupPattern,
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
  where: Filter | undefined;
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
): { ok: true; by: string | undefined; where: ResultsQuery['where']; filters: Filter[] } | { ok: false; message: string } {
  const filters = (where === undefined ? [] : Array.isArray(where) ? where : [where]).map((w) => {
    const [question, value] = w.split(':') as [string, string];
    return { question, value };
  });
  if (by && filters.length) return { ok: false, message: 'use either by or where, not both' };
  const singles = groupBy.filter((g) => !g.includes(COMBINED));
  if (by) {
    if (singles.includes(by)) return { ok: true, by, where: undefined, filters };
    return {
      ok: false,
      message: singles.length ? `results can be grouped or filtered only by: ${singles.join(', ')}` : 'this instrument was registered without grouping questions',
    };
  }
  if (!filters.length) return { ok: true, by: undefined, where: undefined, filters };
  const group = groupForFilters(groupBy, filters);
  if (!group.ok) return group;
  return { ok: true, by: undefined, where: { question: group.question, value: group.value }, filters };
}

/** One `where` filter, parsed: a grouping question and the answer asked for. */
export interface Filter {
  question: string;
  value: string;
}

/**
 * A filter whose value is not an answer to its question (`where=age-band:18-64` when the bands are
 * 18-25, 26-44, …), in plain words for a 400: without this it would read as "too few responses",
 * as if nobody had given that answer. Any of `definitions` (the instrument's registered versions)
 * listing the value is enough; a question with no listed options (a number, say) is not checked.
 */
export function unknownFilterValue(
  definitions: readonly AggregatableDefinition[],
  filters: readonly Filter[],
  resolveOptions?: OptionsResolver,
): string | undefined {
  for (const { question, value } of filters) {
    const lists = definitions.flatMap((d) => questionsOf(d, resolveOptions).filter((q) => q.id === question && q.options?.length).map((q) => q.options!));
    if (!lists.length || lists.some((options) => options.some((o) => o.value === value))) continue;
    const values = [...new Set(lists.flatMap((options) => options.map((o) => o.value)))];
    return `"${value}" is not an answer to ${question}: use one of ${values.join(', ')}`;
  }
  return undefined;
}

/**
 * The views a reader can compare a filtered one with: no filter, and for a combined filter
 * (age-band+caring-hours = 65-74+50-plus) each part or pair of parts the instrument also counts.
 */
export function widerFilters(groupBy: readonly string[], where: NonNullable<ResultsQuery['where']>): (ResultsQuery['where'])[] {
  return [
    undefined,
    ...partsOf(groupBy, where.question).flatMap((part) => {
      const value = partValue(where.question, part, where.value);
      return value === undefined ? [] : [{ question: part, value }];
    }),
  ];
}

/**
 * The groupings a combined one is made of that the instrument also counts (for age-band+break:
 * age-band and break when registered; for a+b+c, the registered pairs too).
 */
export function partsOf(groupBy: readonly string[], grouping: string): string[] {
  const names = groupingParts(grouping);
  const out: string[] = [];
  for (let mask = 1; names.length > 1 && mask < (1 << names.length) - 1; mask++) {
    const group = groupForFilters(
      groupBy,
      names.filter((_, i) => mask & (1 << i)).map((question) => ({ question, value: 'x' })),
    );
    if (group.ok) out.push(group.question);
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

/**
 * A digest of tally rows that does not depend on their order (SQL gives no order here): two
 * independent 32-bit FNV-1a sums over each row's fields, and the count. Equal digests mean the same
 * rows, short of a collision no real change of counts will meet.
 */
export function rowsDigest(rows: readonly TallyRow[]): string {
  let a = 0;
  let b = 0;
  for (const r of rows) {
    const text = `${r.year}\u0001${r.question}\u0001${r.option}\u0001${r.group}\u0001${r.n}\u0001${r.sum}`;
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    a = (a + (h1 >>> 0)) % 0x100000000;
    b = (b + ((h2 ^ (h2 >>> 15)) >>> 0)) % 0x100000000;
  }
  return `${rows.length}:${a.toString(36)}:${b.toString(36)}`;
}

/**
 * Grouping patterns already built (core's groupPattern suppresses every question across every group:
 * ~100 ms for the 42 groups of age band × hours caring, most of a filtered request), by definition,
 * then by grouping, the query's other filters and the suppression. Each keeps the digest of the rows
 * (and parts) it was built from and, when known, the tallies' version then (`tallies_version`, bumped
 * by every write to the tallies). A pattern is never applied to counts it was not built from: it is
 * used with the same version, reading only the rows the view needs, or after reading its whole
 * grouping again and finding the same digest.
 */
const patternCache = new WeakMap<object, Map<string, CachedPattern>>();
interface CachedPattern {
  digest: string;
  pattern: GroupPattern;
  /** The tallies' version it was built or matched at, when read between two equal versions. */
  version?: string;
}
const PATTERNS_PER_DEFINITION = 64;

/** The tallies' version now (see migration 2026_11_007): equal versions mean equal tallies. */
export async function talliesVersion(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('tallies_version').select(sql<string>`version::text`.as('version')).where('id', '=', 1).executeTakeFirst();
  return row?.version ?? '';
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

  // A filtered view is one group of its grouping. One suppression pattern per grouping (core's
  // groupPattern): this view hides at least what the by= table hides in this group's column, and the
  // by= table whatever this view would hide. A combined grouping's pattern also takes its parts'
  // patterns (age-band, caring-hours), so the pairs within one age band never give away what that
  // band's view hides. Differencing: a wider view (without the filter, or with only some parts of a
  // combined one) minus this one is the responses the filter leaves out.
  const where = q.where;
  let cache = patternCache.get(instrument.definition);
  if (!cache) patternCache.set(instrument.definition, (cache = new Map()));
  const cached = cache;
  const keyOf = (grouping: string) =>
    JSON.stringify([grouping, q.partners ?? null, q.from ?? null, q.to ?? null, q.version ?? null, suppression.threshold, suppression.rounding]);
  const partNames = partsOf(instrument.groupBy, where.question);
  const build = (pattern: GroupPattern, own: TallyRow[], wider: TallyRow[][]) => {
    opts.wider = wider;
    opts.group = { pattern, value: where.value };
    return buildResults(instrument.definition as never, own, opts);
  };
  const version = await talliesVersion(db);

  // The pattern was built at this very version: read only this group's rows and the wider views'.
  const known = cached.get(keyOf(where.question));
  if (known && known.version === version) {
    const [own, ...wider] = await Promise.all([
      readTallies(db, instrument.id, q),
      ...widerFilters(instrument.groupBy, where).map((w) => readTallies(db, instrument.id, { ...q, where: w })),
    ]);
    // Unchanged since: these rows are the ones the pattern was built from (or a fold came between, and
    // the request goes the long way below). The wider views are read here and taken from the grouping's
    // rows below: results.test.ts checks the two ways agree on random data.
    if ((await talliesVersion(db)) === version) return build(known.pattern, own, wider);
  }

  // Otherwise read the whole grouping (the by= table's rows, whose group '' rows are the view without
  // the filter) and take the group's rows from it; the pattern is built again unless those rows are
  // the ones it was built from.
  const groupRows = (rows: readonly TallyRow[], value: string) => rows.filter((r) => r.group === value).map((r) => ({ ...r, group: '' }));
  type Built = { entry: CachedPattern; rows: TallyRow[] };
  const patterns = new Map<string, Promise<Built>>();
  const patternOf = (grouping: string): Promise<Built> => {
    let found = patterns.get(grouping);
    if (!found) {
      found = (async () => {
        // The parts' rows are read at the same time (another connection on PostgreSQL).
        const [rows, parts] = await Promise.all([
          readTallies(db, instrument.id, { ...q, where: undefined, by: grouping }),
          Promise.all(partsOf(instrument.groupBy, grouping).map(patternOf)),
        ]);
        const digest = [rowsDigest(rows), ...parts.map((p) => p.entry.digest)].join('/');
        const key = keyOf(grouping);
        const hit = cached.get(key);
        if (hit && hit.digest === digest) return { entry: hit, rows };
        const pattern = groupPattern(instrument.definition as never, rows, grouping, {
          ...suppression,
          ...(resolveOptions && { resolveOptions }),
          parts: parts.map((p) => ({ pattern: p.entry.pattern, rows: p.rows })),
        });
        const entry: CachedPattern = { digest, pattern };
        cached.delete(key);
        cached.set(key, entry);
        if (cached.size > PATTERNS_PER_DEFINITION) cached.delete(cached.keys().next().value!);
        return { entry, rows };
      })();
      patterns.set(grouping, found);
    }
    return found;
  };
  const { entry: { pattern }, rows: byRows } = await patternOf(where.question);
  const parts = await Promise.all(partNames.map(patternOf));
  // Read between two equal versions, every pattern used here belongs to that version. (Only the
  // entries this request built or matched: another request's may come from other rows.)
  if ((await talliesVersion(db)) === version) for (const built of patterns.values()) (await built).entry.version = version;
  return build(pattern, groupRows(byRows, where.value), [
    byRows.filter((r) => r.group === ''),
    ...partNames.map((part, i) => groupRows(parts[i]!.rows, partValue(where.question, part, where.value) ?? '\u0000')),
  ]);
}
