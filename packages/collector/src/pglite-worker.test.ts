/**
 * PGlite in a worker thread (PGLITE_THREAD=worker, the service's default): every acknowledged response
 * is stored once and counted once, database errors keep their codes, and the data survives a reopen.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from './server.js';
import { migrate, openDatabase } from './db/database.js';
import { envelope, partnerA, partnerB, testConfig, testSurvey } from './testing/fixtures.js';
import { queuedCount, tallyDifferences } from './testing/recount.js';

const dir = mkdtempSync(join(tmpdir(), 'cv-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('PGlite in a worker thread: 300 concurrent posts (and 50 retries) → 300 rows, each counted once; same after reopening', async () => {
  const database = await openDatabase({ dataDir: dir, pgliteThread: 'worker' });
  await migrate(database.db);
  const app = await buildApp({ config: testConfig(), database });
  await app.store.upsertPartner(partnerA);
  await app.store.upsertPartner(partnerB);
  await app.store.registerInstrument(testSurvey as never, ['age-band']);
  const envs = Array.from({ length: 300 }, (_, i) =>
    envelope({ partner: i % 2 ? 'council' : 'charity' }, { 'age-band': ['under-18', '18-64', '65-plus'][i % 3], break: 'agree', support: ['gp'] }),
  );
  const replies = await Promise.all([...envs, ...envs.slice(0, 50)].map((e) => app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: e })));
  assert.equal(replies.filter((r) => r.statusCode === 201).length, 300, replies.find((r) => r.statusCode >= 300)?.body);
  assert.equal(replies.filter((r) => r.statusCode === 200).length, 50);
  // A different body under a stored id is still a conflict (the stored hash came back from the worker).
  const changed = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: { ...envs[0]!, locale: 'cy' } });
  assert.equal(changed.statusCode, 409);

  // Errors cross the thread with their PostgreSQL code.
  await assert.rejects(sql`insert into partners (id, name) values ('council', 'again')`.execute(database.db), (e: { code?: string }) => e.code === '23505');
  // A failed transaction rolls back as it does in the main thread.
  await assert.rejects(
    database.db.transaction().execute(async (tx) => {
      await sql`insert into partners (id, name) values ('x-partner', 'X')`.execute(tx);
      throw new Error('stop');
    }),
  );
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from partners where id = 'x-partner'`.execute(database.db)).rows[0]!.n, 0);

  await app.writer.tallier.flushAll();
  assert.equal(await queuedCount(database.db), 0);
  assert.deepEqual(await tallyDifferences(database.db), []);
  await app.close();
  await database.close();

  const again = await openDatabase({ dataDir: dir, pgliteThread: 'worker' });
  const rows = await sql<{ n: number }>`select count(*)::int as n from responses`.execute(again.db);
  assert.equal(rows.rows[0]!.n, 300);
  assert.deepEqual(await tallyDifferences(again.db), []);
  await again.close();
});
