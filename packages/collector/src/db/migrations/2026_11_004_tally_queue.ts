import type { Kysely } from 'kysely';

/**
 * Responses not yet folded into the tallies. Ingest writes a counted response's row and its line here in
 * one transaction and acknowledges after that commit; the tallier later adds many responses' increments
 * to the tallies and deletes their lines in one transaction, so a crash between the two never loses or
 * doubles a count (a line still here after a restart is folded in again from the stored answers).
 *
 * A table of its own rather than a flag on `responses`: clearing a flag would rewrite every response row
 * (and each of its indexes) a second time; a deleted line here costs almost nothing. No foreign key, so
 * `truncate responses` keeps working; the tallier only folds lines whose response still exists.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tally_queue')
    .addColumn('response_id', 'uuid', (c) => c.primaryKey())
    .execute();
  // Rows counted before this migration are already in the tallies: nothing to queue.
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tally_queue').ifExists().execute();
}
