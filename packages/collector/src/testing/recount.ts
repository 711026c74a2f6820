/**
 * Counting every stored, counted response again from its raw answers, and comparing that with the
 * running tallies: the check that the tallier never lost or doubled a count.
 */
import { sql, type Kysely } from 'kysely';
import { tallyIncrements } from '@carers-voice/core/aggregate';
import type { DB } from '../db/schema.js';
import { optionsResolver } from '../core-api.js';

type Counts = Map<string, { n: number; sum: number }>;

function key(r: { instrument_id: string; instrument_version: number; partner_id: string; year: number; question: string; option: string; group_question: string; group_value: string }) {
  return [r.instrument_id, r.instrument_version, r.partner_id, r.year, r.question, r.option, r.group_question, r.group_value].join('|');
}

/** The tallies as stored (rows whose count and sum are both zero are left out). */
export async function storedTallies(db: Kysely<DB>): Promise<Counts> {
  const rows = await db.selectFrom('tallies').selectAll().execute();
  const out: Counts = new Map();
  for (const r of rows) if (Number(r.n) !== 0 || Number(r.sum) !== 0) out.set(key(r), { n: Number(r.n), sum: Number(r.sum) });
  return out;
}

/** The tallies every counted response should add up to. */
export async function recountTallies(db: Kysely<DB>): Promise<Counts> {
  const instruments = await db.selectFrom('instruments').select(['id', 'version', 'definition', 'group_by']).execute();
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const defs = new Map(instruments.map((i) => [`${i.id}@${i.version}`, { definition: parse(i.definition), groupBy: parse(i.group_by) as string[] }]));
  const rows = await sql<{ instrument_id: string; instrument_version: number; partner_id: string; period: number; answers: unknown }>`
    select instrument_id, instrument_version, partner_id, period, answers from responses where status = 'counted'`.execute(db);
  const out: Counts = new Map();
  for (const r of rows.rows) {
    const inst = defs.get(`${r.instrument_id}@${r.instrument_version}`);
    if (!inst) continue;
    for (const inc of tallyIncrements(inst.definition, parse(r.answers), { groupBy: inst.groupBy, resolveOptions: optionsResolver() })) {
      const k = key({ instrument_id: r.instrument_id, instrument_version: r.instrument_version, partner_id: r.partner_id, year: Math.floor(r.period / 100), question: inc.question, option: inc.option, group_question: inc.groupQuestion, group_value: inc.groupValue });
      const seen = out.get(k);
      if (seen) {
        seen.n += inc.n;
        seen.sum += inc.sum;
      } else out.set(k, { n: inc.n, sum: inc.sum });
    }
  }
  for (const [k, v] of out) if (v.n === 0 && v.sum === 0) out.delete(k);
  return out;
}

/** Differences between the stored tallies and a recount, as readable lines (empty when they agree). */
export async function tallyDifferences(db: Kysely<DB>): Promise<string[]> {
  const [stored, expected] = await Promise.all([storedTallies(db), recountTallies(db)]);
  const out: string[] = [];
  for (const [k, v] of expected) {
    const s = stored.get(k);
    if (!s || s.n !== v.n || Math.abs(s.sum - v.sum) > 1e-6) out.push(`${k}: stored ${s ? `${s.n}/${s.sum}` : 'nothing'}, recount ${v.n}/${v.sum}`);
  }
  for (const [k, s] of stored) if (!expected.has(k)) out.push(`${k}: stored ${s.n}/${s.sum}, recount nothing`);
  return out;
}

/** Responses stored but not yet counted by a tallier. */
export async function queuedCount(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('tally_queue').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
