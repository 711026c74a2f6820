/**
 * Test databases: PGlite in memory always, and PostgreSQL when we can have one — `DATABASE_URL` (a
 * fresh database is created in it per test file) or, failing that, a throwaway cluster started from
 * Debian's binaries (/usr/lib/postgresql/<v>/bin) in a temporary folder and stopped afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../db/database.js';

export interface PostgresServer {
  url: string;
  /** The throwaway cluster's data folder (its postmaster.pid names the server's process; benchmarks count its CPU). */
  dataDir?: string;
  stop(): Promise<void>;
}

function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (the server refuses root). */
function run(bin: string, args: string[]) {
  const asRoot = userInfo().uid === 0;
  const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${r.stderr || r.stdout || r.error?.message}`);
  return r.stdout;
}

/** A throwaway PostgreSQL cluster, or undefined when this machine has none. */
export async function startThrowawayPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer | undefined> {
  const bin = pgBin();
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cv-pg-'));
  const data = join(dir, 'data');
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  // Tests run without fsync for speed; benchmarks keep the server's normal durability.
  const durability = options.durable ? '' : ' -c fsync=off';
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${durability} -c max_connections=200`, '-l', join(dir, 'log'), '-w', 'start']);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', () => {
    if (!stopped) spawnSync(userInfo().uid === 0 ? 'runuser' : join(bin, 'pg_ctl'), userInfo().uid === 0 ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'] : ['-D', data, '-m', 'immediate', 'stop']);
  });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDir: data, stop };
}

/** A PostgreSQL database for one test file: a new database in DATABASE_URL's server, or a throwaway cluster. */
export async function postgresForTests(): Promise<PostgresServer | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return startThrowawayPostgres();
  const name = `cv_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Backend {
  name: 'pglite' | 'postgres';
  database: Database;
  /** PostgreSQL only: the test database's address, to open a second connection pool (a second instance). */
  url?: string;
  stop(): Promise<void>;
}

/** The backends a test file runs against: PGlite, plus PostgreSQL when available (skipped otherwise). */
export async function openBackends(): Promise<Backend[]> {
  const out: Backend[] = [];
  const lite = await openDatabase({});
  await migrate(lite.db);
  out.push({ name: 'pglite', database: lite, stop: () => lite.close() });
  if (process.env.SKIP_POSTGRES !== '1') {
    const server = await postgresForTests();
    if (server) {
      const database = await openDatabase({ databaseUrl: server.url, poolSize: 20 });
      await migrate(database.db);
      out.push({
        name: 'postgres',
        database,
        url: server.url,
        async stop() {
          await database.close();
          await server.stop();
        },
      });
    }
  }
  return out;
}

/** Empties every table (between tests sharing one database). */
export async function resetDatabase(database: Database): Promise<void> {
  const { sql } = await import('kysely');
  await sql`truncate table poll_statements, poll_updates, export_log, sessions, users, contacts, tallies, tally_queue, responses, instruments, partners restart identity cascade`.execute(database.db);
}
