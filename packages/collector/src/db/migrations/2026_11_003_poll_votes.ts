import { sql, type Kysely } from 'kysely';

/**
 * One counted vote per device on a poll. `device` is set only on poll votes taken through
 * POST /api/v1/responses (never on sample loads); `replaced_by` names the vote that replaced this one
 * (status 'replaced') or that was already counted when this older one arrived (status 'superseded').
 * The partial unique index is the last word: two counted votes for one (poll, device) cannot exist.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('device', 'text').execute();
  await db.schema.alterTable('responses').addColumn('replaced_by', 'uuid').execute();
  await sql`create unique index responses_one_vote_per_device on responses (instrument_id, device) where device is not null and status = 'counted'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists responses_one_vote_per_device`.execute(db);
  await db.schema.alterTable('responses').dropColumn('replaced_by').execute();
  await db.schema.alterTable('responses').dropColumn('device').execute();
}
