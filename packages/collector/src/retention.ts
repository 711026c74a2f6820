/**
 * Deleting raw responses: the retention job (older than RETENTION_DAYS; the counts in the tallies stay,
 * they name nobody) and deletion on a carer's request by receipt code (the response's counts are taken
 * back out of the tallies too, so nothing of it remains). Both mind `tally_queue`: a response stored but
 * not yet counted by the tallier is never taken back, and retention waits until it is counted.
 */
import { sql, type Kysely } from 'kysely';
import { tallyIncrements, type OptionsResolver } from '@carers-voice/core/aggregate';
import type { DB } from './db/schema.js';
import { addTallies } from './ingest.js';
import { hashReceipt } from './core-api.js';

export async function deleteOlderThan(db: Kysely<DB>, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  // A response not yet counted stays until it is (the next run deletes it): its counts must not be lost.
  const result = await db
    .deleteFrom('responses')
    .where('received_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('tally_queue').select('response_id').whereRef('tally_queue.response_id', '=', 'responses.id'))))
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

/** Deletes the response with this receipt code; -1 when the text cannot be a receipt code. */
export async function deleteByReceipt(db: Kysely<DB>, receipt: string, resolveOptions?: OptionsResolver): Promise<number> {
  const hash = hashReceipt(receipt);
  if (!hash) return -1;
  return db.transaction().execute(async (tx) => {
    // A response still queued for the tallier was never counted: removing its queue line (first, so a
    // tallier folding it right now finishes before we look) is all it takes; otherwise take counts back.
    const uncounted = await sql<{ id: string }>`
      delete from tally_queue where response_id in (select id from responses where receipt_hash = ${hash})
      returning response_id as id`.execute(tx);
    const queued = new Set(uncounted.rows.map((r) => String(r.id).toLowerCase()));
    const rows = await tx
      .deleteFrom('responses')
      .where('receipt_hash', '=', hash)
      .returning(['id', 'instrument_id', 'instrument_version', 'partner_id', 'period', 'answers', 'status'])
      .execute();
    for (const row of rows) {
      if (row.status === 'counted' && !queued.has(String(row.id).toLowerCase())) await takeTalliesBack(tx, row, resolveOptions);
    }
    await sql`delete from tallies where n <= 0 and sum = 0`.execute(tx);
    return rows.length;
  });
}

/**
 * Un-counts one counted response that is about to be deleted or replaced: if it is still queued for the
 * tallier, deleting its queue line is enough (it was never added); otherwise its increments are taken back.
 */
export async function uncount(
  tx: Kysely<DB>,
  row: { id: string; instrument_id: string; instrument_version: number; partner_id: string; period: number; answers: unknown },
  resolveOptions?: OptionsResolver,
): Promise<void> {
  const queued = await tx.deleteFrom('tally_queue').where('response_id', '=', row.id).returning('response_id').executeTakeFirst();
  if (!queued) await takeTalliesBack(tx, row, resolveOptions);
}

/** Takes one counted response's increments back off the tallies (deletion by receipt, a replaced poll vote). */
export async function takeTalliesBack(
  tx: Kysely<DB>,
  row: { instrument_id: string; instrument_version: number; partner_id: string; period: number; answers: unknown },
  resolveOptions?: OptionsResolver,
): Promise<void> {
  const inst = await tx
    .selectFrom('instruments')
    .select(['definition', 'group_by'])
    .where('id', '=', row.instrument_id)
    .where('version', '=', row.instrument_version)
    .executeTakeFirst();
  if (!inst) return;
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const inc = tallyIncrements(parse(inst.definition), parse(row.answers), {
    groupBy: parse(inst.group_by),
    ...(resolveOptions ? { resolveOptions } : {}),
  });
  await addTallies(
    tx,
    inc.map((r) => ({ ...r, instrument_id: row.instrument_id, instrument_version: row.instrument_version, partner_id: row.partner_id, year: Math.floor(row.period / 100) })),
    -1,
  );
}

/** Runs the retention job now and then every `everyMs` until stopped. */
export function scheduleRetention(db: Kysely<DB>, days: number, log: (msg: string) => void, everyMs = 6 * 3600_000): () => void {
  const run = () =>
    deleteOlderThan(db, days).then(
      (n) => n && log(`retention: deleted ${n} responses older than ${days} days`),
      (e) => log(`retention failed: ${(e as Error).message}`),
    );
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
