import { sql, type Kysely } from 'kysely';

/** Carers' own statements on polls (moderated before anyone sees them) and "you said, we did" updates. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('poll_statements')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('poll_id', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending')) // pending | approved | rejected
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('moderated_at', 'timestamptz')
    .addColumn('moderated_by', 'integer')
    .execute();
  await db.schema.createIndex('poll_statements_poll').on('poll_statements').columns(['poll_id', 'status']).execute();
  await db.schema
    .createTable('poll_updates')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('poll_id', 'text', (c) => c.notNull())
    .addColumn('you_said', 'text', (c) => c.notNull())
    .addColumn('we_did', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('poll_updates').ifExists().execute();
  await db.schema.dropTable('poll_statements').ifExists().execute();
}
