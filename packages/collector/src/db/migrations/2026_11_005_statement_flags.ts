import { sql, type Kysely } from 'kysely';

/**
 * Carers' statements: what the screen flagged (`flags`, a JSON list of { kind, start, end, reason }
 * spans into `text`), a rejection's reason, and when a moderator edited a personal detail out
 * (`edited_at`; the edited text replaces the original, which is not kept).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('poll_statements').addColumn('flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)).execute();
  await db.schema.alterTable('poll_statements').addColumn('reason', 'text').execute();
  await db.schema.alterTable('poll_statements').addColumn('edited_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('poll_statements').dropColumn('edited_at').execute();
  await db.schema.alterTable('poll_statements').dropColumn('reason').execute();
  await db.schema.alterTable('poll_statements').dropColumn('flags').execute();
}
