import { sql, type Kysely } from 'kysely';

/**
 * Reading one slice of the tallies fast, however many grouping rows there are.
 *
 * A results page with a filter reads the rows of one tally group (`group_question`, `group_value`:
 * e.g. age band 45–64, or the pair age band + hours caring). The primary key starts
 * (instrument_id, group_question, partner_id, …) with `group_value` last, so a filter scanned every
 * row of its grouping question (every age band, or all 42 age × hours pairs) and PostgreSQL chose a
 * sequential scan of the whole table for a combined filter. This index goes straight to the group.
 * It holds no counted column (n, sum), so adding to a tally can still be a HOT update.
 *
 * Tallies are updated in place all day: pages keep 30% free so those updates stay on their page
 * (HOT, no index writes), and autovacuum clears the dead row versions after 2% of the table changed
 * rather than the default 20%, so reads do not wade through them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tallies_slice').on('tallies').columns(['instrument_id', 'group_question', 'group_value']).execute();
  await sql`alter table tallies set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tallies_slice').ifExists().execute();
  await sql`alter table tallies reset (fillfactor, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor)`.execute(db);
}
