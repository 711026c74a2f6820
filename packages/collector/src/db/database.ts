/**
 * One Kysely database over either PGlite (embedded, a data folder) or a PostgreSQL server
 * (`DATABASE_URL`). Same SQL, same migrations.
 *
 * PGlite is one connection in one process, and Kysely would otherwise interleave two transactions on
 * it (BEGIN … BEGIN … COMMIT commits both). So the PGlite driver hands out its single connection
 * under a lock: a transaction holds it from BEGIN to COMMIT, a lone query for one statement.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import type { DB } from './schema.js';
import * as initial from './migrations/2026_11_001_initial.js';
import * as polls from './migrations/2026_11_002_polls.js';
import * as pollVotes from './migrations/2026_11_003_poll_votes.js';
import * as statementFlags from './migrations/2026_11_005_statement_flags.js';
import * as tallyQueue from './migrations/2026_11_004_tally_queue.js';
import * as talliesSlice from './migrations/2026_11_006_tallies_slice.js';

export type StorageKind = 'pglite' | 'postgres';
export interface Database {
  db: Kysely<DB>;
  kind: StorageKind;
  close(): Promise<void>;
}

/** Migrations are imported, not read from a folder, so the bundled CLI carries them. */
const migrations: Record<string, Migration> = {
  '2026_11_001_initial': initial, '2026_11_002_polls': polls, '2026_11_003_poll_votes': pollVotes, '2026_11_005_statement_flags': statementFlags,
  '2026_11_004_tally_queue': tallyQueue,
  '2026_11_006_tallies_slice': talliesSlice,
};
const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private client: PGlite) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(query.sql, [...query.parameters]);
    const out: QueryResult<R> = { rows: result.rows };
    if (result.affectedRows !== undefined) (out as { numAffectedRows?: bigint }).numAffectedRows = BigInt(result.affectedRows);
    return out;
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream');
  }
}

class LockedPGliteDriver implements Driver {
  private lock = new Lock();
  private releases = new WeakMap<DatabaseConnection, () => void>();
  constructor(private client: PGlite) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.lock.acquire();
    const conn = new PGliteConnection(this.client);
    this.releases.set(conn, release);
    return conn;
  }
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection(c: DatabaseConnection) {
    this.releases.get(c)?.();
    this.releases.delete(c);
  }
  async destroy() {
    await this.client.close();
  }
}

function pgliteDialect(client: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new LockedPGliteDriver(client),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

// bigint counts come back as strings from pg; numbers are safe for any count this service will hold.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir?: string | undefined; poolSize?: number }): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client losing its server must not crash the process.
    pool.on('error', () => {});
    await pool.query('select 1');
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = new Kysely<DB>({ dialect: pgliteDialect(client) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
