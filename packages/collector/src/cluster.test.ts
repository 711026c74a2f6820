/**
 * WORKERS=2 on PostgreSQL (cluster.ts): two collector processes on one port and one database. Many
 * concurrent posts of one id still store one row; every acknowledged response is stored and counted
 * once; and the rate limits count across both processes (the primary keeps the counters), so a client
 * gets its limit in total, not once per process (a larger limit leased to the workers in blocks, never
 * past the limit). Skipped without PostgreSQL.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { sql } from 'kysely';
import { envelope } from './testing/fixtures.js';
import { openDatabase, type Database } from './db/database.js';
import { postgresForTests, type PostgresServer } from './testing/databases.js';
import { queuedCount, tallyDifferences } from './testing/recount.js';
import { leaseSize } from './rate-limit-cluster.js';

const serveScript = new URL('./testing/serve.ts', import.meta.url).pathname;
const pg: PostgresServer | undefined = process.env.SKIP_POSTGRES === '1' ? undefined : await postgresForTests();
let database: Database | undefined;
before(async () => {
  if (pg) database = await openDatabase({ databaseUrl: pg.url, poolSize: 4 });
});
after(async () => {
  await database?.close();
  await pg?.stop();
});

function startCluster(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', serveScript], {
    env: { ...process.env, DATABASE_URL: pg!.url, WORKERS: '2', PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_CLIENT: '1000000', RATE_LIMIT_PARTNER: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, stop });
    });
    child.once('exit', (code) => reject(new Error(`cluster exited (${code}) before listening`)));
  });
}

/** One POST on a connection of its own, so the cluster spreads the posts over its workers. */
function post(url: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = request(`${url}/api/v1/responses`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      let out = '';
      res.on('data', (c: Buffer) => (out += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: out }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

test('cluster of two: 500 concurrent posts of one id → one row; 200 others all stored and counted once', { skip: !pg && 'no PostgreSQL here', timeout: 300_000 }, async () => {
  const server = await startCluster({});
  try {
    const one = envelope();
    const same = await Promise.all(Array.from({ length: 500 }, () => post(server.url, one)));
    assert.equal(same.filter((r) => r.status === 201).length, 1, JSON.stringify([...new Set(same.map((r) => r.status))]));
    assert.equal(same.filter((r) => r.status === 200).length, 499);
    const others = Array.from({ length: 200 }, (_, i) => envelope({ partner: i % 2 ? 'council' : 'charity' }));
    const replies = await Promise.all(others.map((e) => post(server.url, e)));
    assert.deepEqual([...new Set(replies.map((r) => r.status))], [201]);
    const rows = await sql<{ n: number }>`select count(*)::int as n from responses where id = ${one.id}`.execute(database!.db);
    assert.equal(rows.rows[0]!.n, 1);
  } finally {
    await server.stop();
  }
  // Stopping folds what each worker had queued: every stored response counted once.
  assert.equal(await queuedCount(database!.db), 0);
  assert.deepEqual(await tallyDifferences(database!.db), []);
  const total = await sql<{ n: number }>`select count(*)::int as n from responses`.execute(database!.db);
  assert.equal(total.rows[0]!.n, 201);
});

test('cluster of two: the per-client and per-partner limits count across both processes', { skip: !pg && 'no PostgreSQL here', timeout: 300_000 }, async () => {
  const client = await startCluster({ RATE_LIMIT_CLIENT: '12' });
  try {
    const replies = await Promise.all(Array.from({ length: 30 }, () => post(client.url, envelope())));
    // One process alone would have let 12 through on each of them (up to 24).
    assert.equal(replies.filter((r) => r.status === 201).length, 12);
    const refused = replies.filter((r) => r.status === 429);
    assert.equal(refused.length, 18);
  } finally {
    await client.stop();
  }
  const partner = await startCluster({ RATE_LIMIT_PARTNER: '10' });
  try {
    const replies = await Promise.all(Array.from({ length: 24 }, () => post(partner.url, envelope({ partner: 'council' }))));
    assert.equal(replies.filter((r) => r.status === 201).length, 10);
    const refused = replies.filter((r) => r.status === 429);
    assert.equal(refused.length, 14);
    assert.match(JSON.parse(refused[0]!.body).error, /partner "council"/);
    // Another partner has its own allowance.
    assert.equal((await post(partner.url, envelope({ partner: 'charity' }))).status, 201);
  } finally {
    await partner.stop();
  }
});

test('cluster of two: a larger limit is leased in blocks — never more than the limit, at most one block per other worker less', { skip: !pg && 'no PostgreSQL here', timeout: 300_000 }, async () => {
  assert.equal(leaseSize(12), 1);
  assert.equal(leaseSize(60), 1);
  assert.equal(leaseSize(6000), 93);
  assert.equal(leaseSize(10_000_000), 1000);
  const server = await startCluster({ RATE_LIMIT_PARTNER: '640' }); // leases of 10
  try {
    const statuses: number[] = [];
    // In waves of 50 at a time, so both workers take posts all along.
    for (let wave = 0; wave < 14; wave++) {
      const replies = await Promise.all(Array.from({ length: 50 }, () => post(server.url, envelope({ partner: 'council' }))));
      statuses.push(...replies.map((r) => r.status));
    }
    const stored = statuses.filter((s) => s === 201).length;
    assert.ok(stored <= 640, `${stored} stored: more than the limit`);
    assert.ok(stored >= 640 - leaseSize(640), `${stored} stored: more than one lease short of the limit`);
    assert.equal(statuses.filter((s) => s === 429).length, 700 - stored);
  } finally {
    await server.stop();
  }
});
