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
import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerQuery } from './pglite-worker.js';
import type { DB } from './schema.js';
import * as initial from './migrations/2026_11_001_initial.js';
import * as polls from './migrations/2026_11_002_polls.js';
import * as pollVotes from './migrations/2026_11_003_poll_votes.js';
import * as statementFlags from './migrations/2026_11_005_statement_flags.js';
import * as tallyQueue from './migrations/2026_11_004_tally_queue.js';
import * as talliesSlice from './migrations/2026_11_006_tallies_slice.js';
import * as talliesVersion from './migrations/2026_11_007_tallies_version.js';

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
  '2026_11_007_tallies_version': talliesVersion,
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

/** What the driver needs of PGlite: the instance itself, or its proxy in a worker thread (pglite-worker.ts). */
interface PGliteLike {
  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  close(): Promise<void>;
}

/** PGlite running in a worker thread: statements go there one at a time, rows and errors come back. */
class PGliteInWorker implements PGliteLike {
  private next = 1;
  private calls = new Map<number, { resolve: (r: { rows: never[]; affectedRows?: number }) => void; reject: (e: unknown) => void }>();
  private closed: Promise<void> | undefined;
  private constructor(private worker: Worker) {
    worker.on('message', (m: WorkerAnswer) => {
      const call = this.calls.get(m.id);
      if (!call) return;
      this.calls.delete(m.id);
      if ('error' in m) call.reject(Object.assign(new Error(m.error.message), m.error.fields));
      else call.resolve(m as never);
    });
    worker.on('error', (e) => this.failAll(e));
    worker.on('exit', () => this.failAll(new Error('the database thread stopped')));
  }

  static async start(dataDir: string): Promise<PGliteInWorker> {
    // In the bundle the worker is dist/pglite-worker.js. From TypeScript sources (tsx, tests) it is the .ts
    // file, loaded through tsx's API: Node 20 does not carry `--import tsx` into worker threads.
    const fromSource = import.meta.url.endsWith('.ts');
    const workerData = { dataDir };
    const worker = fromSource
      ? new Worker(
          `const { parentPort } = require('node:worker_threads');
           import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
             .then((m) => m.tsImport(${JSON.stringify(new URL('./pglite-worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))
             .catch((e) => parentPort.postMessage({ failed: String((e && e.message) || e) }));`,
          { eval: true, workerData },
        )
      : new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: true; failed?: string }) => {
        if (m.ready) resolve();
        else if (m.failed) reject(new Error(`the database could not be opened: ${m.failed}`));
        else return;
        worker.off('message', onMessage);
        worker.off('error', reject);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return new PGliteInWorker(worker);
  }

  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, params } satisfies WorkerQuery);
    });
  }

  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      const done = () => resolve();
      this.worker.once('exit', done);
      this.worker.on('message', (m: { closed?: true }) => {
        if (m.closed) void this.worker.terminate();
      });
      this.worker.postMessage({ close: true });
    });
    return this.closed;
  }

  private failAll(e: unknown) {
    for (const call of this.calls.values()) call.reject(e);
    this.calls.clear();
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private client: PGliteLike) {}
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
  constructor(private client: PGliteLike) {}
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

function pgliteDialect(client: PGliteLike): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new LockedPGliteDriver(client),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

// bigint counts come back as strings from pg; numbers are safe for any count this service will hold.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /** PGlite only: run it in a worker thread (the service's default, `PGLITE_THREAD=worker`) or in this thread. */
  pgliteThread?: 'worker' | 'main';
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client losing its server must not crash the process.
    pool.on('error', () => {});
    await pool.query('select 1');
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  let client: PGliteLike;
  if (options.pgliteThread === 'worker') client = await PGliteInWorker.start(dataDir);
  else {
    const { PGlite } = await import('@electric-sql/pglite');
    client = (await PGlite.create(dataDir)) as PGlite as PGliteLike;
  }
  const db = new Kysely<DB>({ dialect: pgliteDialect(client) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
