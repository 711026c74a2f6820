/**
 * Poll votes: one counted vote per (poll, device). A vote is written in its own transaction, under a
 * transaction-scoped advisory lock on (poll, device), so votes from one device queue behind each other
 * (PGlite runs one transaction at a time anyway); the partial unique index
 * `responses_one_vote_per_device` is the backstop, and a unique violation is retried.
 *
 * The vote with the latest `submittedAt` wins (a tie goes to the one that arrived later): a newer vote
 * takes the counted vote's tallies back off (the same code as deletion by receipt), marks it
 * 'replaced', then is stored and counted; an older vote arriving late (outbox retries) is stored as
 * 'superseded' and not counted. Same id + same body → the first answer again; a different body → conflict.
 */
import { sql, type Kysely } from 'kysely';
import { tallyIncrements, type OptionsResolver } from '@carers-voice/core/aggregate';
import type { DB } from './db/schema.js';
import { addTallies, type IngestItem } from './ingest.js';
import { uncount } from './retention.js';

export type VoteOutcome =
  | { kind: 'stored'; status: 'received' | 'superseded'; replaced?: string }
  | { kind: 'duplicate'; status: 'received' | 'superseded' }
  | { kind: 'conflict' };

export async function writePollVote(db: Kysely<DB>, item: IngestItem, device: string, resolveOptions?: OptionsResolver): Promise<VoteOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => writeOnce(tx, item, device, resolveOptions));
    } catch (e) {
      const code = (e as { code?: string }).code;
      // Unique index (a vote counted by another instance), deadlock, serialisation: try again.
      if ((code === '23505' || code === '40P01' || code === '40001') && attempt < 5) continue;
      throw e;
    }
  }
}

async function writeOnce(tx: Kysely<DB>, item: IngestItem, device: string, resolveOptions?: OptionsResolver): Promise<VoteOutcome> {
  await sql`select pg_advisory_xact_lock(hashtext(${item.instrumentId}), hashtext(${device}))`.execute(tx);

  const same = await tx.selectFrom('responses').select(['body_hash', 'status']).where('id', '=', item.id).executeTakeFirst();
  if (same) {
    if (same.body_hash !== item.bodyHash) return { kind: 'conflict' };
    return { kind: 'duplicate', status: same.status === 'superseded' ? 'superseded' : 'received' };
  }

  const quarantined = item.quarantineReason !== null;
  const current = quarantined
    ? undefined
    : await sql<{ id: string; instrument_id: string; instrument_version: number; partner_id: string; period: number; answers: unknown; submitted_at: Date }>`
        select id, instrument_id, instrument_version, partner_id, period, answers, submitted_at from responses
        where instrument_id = ${item.instrumentId} and device = ${device} and status = 'counted'
        for update`.execute(tx).then((r) => r.rows[0]);

  const newer = !current || new Date(item.submittedAt).getTime() >= new Date(current.submitted_at).getTime();
  const status = quarantined ? 'quarantined' : newer ? 'counted' : 'superseded';

  if (current && newer) {
    await uncount(tx, current, resolveOptions);
    await tx.updateTable('responses').set({ status: 'replaced', replaced_by: item.id }).where('id', '=', current.id).execute();
  }

  const inserted = await tx
    .insertInto('responses')
    .values({
      id: item.id,
      instrument_id: item.instrumentId,
      instrument_version: item.instrumentVersion,
      partner_id: item.partnerId,
      locale: item.locale,
      period: item.period,
      started_at: item.startedAt,
      submitted_at: item.submittedAt,
      answers: JSON.stringify(item.answers),
      meta: JSON.stringify(item.meta),
      body_hash: item.bodyHash,
      receipt_hash: item.receiptHash,
      status,
      quarantine_reason: item.quarantineReason,
      // A quarantined vote keeps no device: were it released, it must not collide with the counted one.
      device: quarantined ? null : device,
      replaced_by: status === 'superseded' ? current!.id : null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    // The same id arrived from another device in the meantime: roll back and answer as for that row.
    throw Object.assign(new Error('id taken meanwhile'), { code: '40001' });
  }

  if (status === 'counted') {
    const inc = tallyIncrements(item.definition, item.answers as never, { groupBy: item.groupBy, ...(resolveOptions ? { resolveOptions } : {}) });
    const year = Math.floor(item.period / 100);
    await addTallies(tx, inc.map((r) => ({ ...r, instrument_id: item.instrumentId, instrument_version: item.instrumentVersion, partner_id: item.partnerId, year })), 1);
  }
  if (current && newer) await sql`delete from tallies where instrument_id = ${item.instrumentId} and n <= 0 and sum = 0`.execute(tx);
  if (item.contact && Object.keys(item.contact).length) {
    await tx.insertInto('contacts').values({ response_id: item.id, details: JSON.stringify(item.contact) }).execute();
  }
  return { kind: 'stored', status: status === 'superseded' ? 'superseded' : 'received', ...(current && newer ? { replaced: current.id } : {}) };
}
