/**
 * Reading results: sums the tally rows of one slice (instrument, partners, years, one grouping
 * question) in SQL and hands them to `core/aggregate`, which suppresses every count. A results page
 * reads a few hundred rows however many responses are stored.
 */
import { sql, type Kysely } from 'kysely';
import { buildResults, type OptionsResolver, type ResultsModel, type SuppressedResults, type TallyRow } from '@carers-voice/core/aggregate';
import type { DB } from './db/schema.js';
import type { RegisteredInstrument } from './store.js';

export interface ResultsQuery {
  /** Partner ids to include; undefined = every partner. */
  partners: string[] | undefined;
  from: number | undefined; // year
  to: number | undefined; // year
  by: string | undefined;
  /** Only responses whose answer to a grouping question is this value. */
  where: { question: string; value: string } | undefined;
  version: number | undefined;
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
  const rows = await readTallies(db, instrument.id, q);
  const opts: Parameters<typeof buildResults>[2] = { ...suppression };
  if (q.by) opts.by = q.by;
  if (resolveOptions) opts.resolveOptions = resolveOptions;
  return buildResults(instrument.definition as never, rows, opts);
}
