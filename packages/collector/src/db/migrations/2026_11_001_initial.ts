import { sql, type Kysely } from 'kysely';

/**
 * The first schema. Raw responses, their contact details and bot-suspected submissions are kept apart
 * from the tallies the results pages read; tallies stay when raw responses are deleted by retention.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('origins', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('instruments')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('group_by', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('instruments_pk', ['id', 'version'])
    .execute();

  // No IP address, no user agent: only what the carer sent, when it arrived, and how it was judged.
  await db.schema
    .createTable('responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull()) // yyyymm of submittedAt, the tally period
    .addColumn('started_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('meta', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('receipt_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // 'counted' | 'quarantined'
    .addColumn('quarantine_reason', 'text')
    .execute();
  await db.schema.createIndex('responses_received_at').on('responses').column('received_at').execute();
  await db.schema.createIndex('responses_instrument').on('responses').columns(['instrument_id', 'partner_id', 'period']).execute();
  await db.schema.createIndex('responses_receipt').on('responses').column('receipt_hash').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('response_id', 'uuid', (c) => c.primaryKey().references('responses.id').onDelete('cascade'))
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('tallies')
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull()) // results are kept by year: 12× fewer rows than by month
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('option', 'text', (c) => c.notNull())
    .addColumn('group_question', 'text', (c) => c.notNull())
    .addColumn('group_value', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('sum', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('tallies_pk', [
      'instrument_id',
      'group_question',
      'partner_id',
      'year',
      'instrument_version',
      'question',
      'option',
      'group_value',
    ])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // admin | viewer | moderator
    .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('export_log')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('query', 'jsonb', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['export_log', 'sessions', 'users', 'tallies', 'contacts', 'responses', 'instruments', 'partners']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
