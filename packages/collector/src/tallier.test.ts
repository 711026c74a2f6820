/**
 * Counting after the acknowledgement (tallier.ts), on PGlite and PostgreSQL: whatever the order of
 * posts, folds, crashes, deletions and instances, the tallies equal a recount of the stored answers.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { receiptCode } from '@carers-voice/core/response';
import { buildApp, type App, type AppOptions } from './server.js';
import { EnvelopeLoader } from './sample.js';
import { openDatabase, type Database } from './db/database.js';
import { createUser } from './auth.js';
import { openBackends, resetDatabase } from './testing/databases.js';
import { envelope, partnerA, partnerB, testConfig, testSurvey } from './testing/fixtures.js';
import { queuedCount, storedTallies, tallyDifferences } from './testing/recount.js';

const backends = await openBackends();
after(async () => {
  for (const b of backends) await b.stop();
});

/** Counting only when asked (or at start-up): so each test decides when the tallier runs. */
const LAZY: AppOptions['ingest'] = { countBeforeAckUpTo: 0, tally: { flushMs: 600_000, sweepMs: 0 } };

const AGES = ['under-18', '18-64', '65-plus'];
const BREAKS = ['strongly-agree', 'agree', 'disagree', 'strongly-disagree'];
function varied(i: number, overrides: Record<string, unknown> = {}) {
  return envelope(
    { partner: i % 3 ? 'council' : 'charity', ...overrides },
    { 'age-band': AGES[i % 3], break: BREAKS[i % 4], support: i % 5 ? ['gp', 'hub'].slice(0, 1 + (i % 2)) : ['none'], hours: i % 7 ? (i * 13) % 169 : undefined },
  );
}

for (const backend of backends) {
  describe(`tallier on ${backend.name}`, () => {
    const db = backend.database.db;
    const apps: App[] = [];
    async function newApp(database: Database = backend.database, ingest: AppOptions['ingest'] = LAZY): Promise<App> {
      const app = await buildApp({ config: testConfig(), database, ingest });
      apps.push(app);
      return app;
    }
    const post = (app: App, body: unknown) => app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: body as object });

    before(async () => {
      await resetDatabase(backend.database);
      const setup = await newApp();
      await setup.store.upsertPartner(partnerA);
      await setup.store.upsertPartner(partnerB);
      await setup.store.registerInstrument(testSurvey as never, ['age-band']);
      await createUser(db, { username: 'admin', password: 'a long enough password', role: 'admin' });
    });
    after(async () => {
      for (const a of apps) await a.close();
    });

    test('300 concurrent posts are acknowledged before they are counted; after a fold the tallies equal a recount, and /results reads its writes', async () => {
      const app = await newApp();
      const envs = Array.from({ length: 300 }, (_, i) => varied(i));
      const bots = Array.from({ length: 10 }, (_, i) => varied(i, { meta: { honeypot: 'x' } }));
      const codes = await Promise.all([...envs, ...envs.slice(0, 50), ...bots].map((e) => post(app, e).then((r) => r.statusCode)));
      assert.equal(codes.filter((c) => c === 201).length, 310, JSON.stringify([...new Set(codes)]));
      assert.equal(codes.filter((c) => c === 200).length, 50);
      // Acknowledged, stored and queued; nothing counted yet (this writer never counts before the ack).
      assert.equal(await queuedCount(db), 300);
      assert.equal((await storedTallies(db)).size, 0);
      await app.writer.tallier.flushAll();
      assert.equal(await queuedCount(db), 0);
      assert.deepEqual(await tallyDifferences(db), []);

      // Read-your-writes: /results counts what was acknowledged a moment ago, fold or no fold.
      for (let i = 0; i < 20; i++) assert.equal((await post(app, varied(i))).statusCode, 201);
      assert.equal(await queuedCount(db), 20);
      const login = await app.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'x-requested-with': 'carers-voice' }, payload: { username: 'admin', password: 'a long enough password' } });
      const cookie = `cv_session=${login.cookies.find((c) => c.name === 'cv_session')!.value}`;
      const results = await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey', headers: { cookie } });
      assert.equal(results.statusCode, 200, results.body);
      assert.equal(results.json().base, 320);
      assert.deepEqual(await tallyDifferences(db), []);
    });

    test('a crash between the acknowledgement and the fold: the next start counts those responses exactly once', async () => {
      const crashed = await newApp();
      const envs = Array.from({ length: 120 }, (_, i) => varied(i + 7));
      for (const r of await Promise.all(envs.map((e) => post(crashed, e)))) assert.equal(r.statusCode, 201);
      assert.equal(await queuedCount(db), 120);
      // "Restart": a new instance on the same data, with the default start-up sweep. The crashed one's
      // memory is never used; its responses are counted from their stored answers.
      const restarted = await newApp(backend.database, { tally: { sweepMs: 60_000 } });
      for (let i = 0; i < 200 && (await queuedCount(db)) > 0; i++) await new Promise((r) => setTimeout(r, 25));
      assert.equal(await queuedCount(db), 0, 'the start-up sweep counted the queued responses');
      assert.deepEqual(await tallyDifferences(db), []);
      // The old process coming back to life (its memory still holds those responses) counts nothing twice.
      await crashed.writer.tallier.flush();
      await restarted.writer.tallier.flushAll();
      assert.deepEqual(await tallyDifferences(db), []);
    });

    test('deleting a response by receipt: a not-yet-counted one takes nothing back, a counted one is taken back, and deletions racing a fold agree with a recount', async () => {
      const app = await newApp();
      const deletion = (id: string) => app.app.inject({ method: 'POST', url: '/api/v1/deletions', payload: { receipt: receiptCode(id) } });
      const before = await storedTallies(db);

      const uncounted = varied(1);
      assert.equal((await post(app, uncounted)).statusCode, 201);
      assert.equal(await queuedCount(db), 1);
      assert.equal((await deletion(uncounted.id)).statusCode, 200);
      assert.equal(await queuedCount(db), 0, 'its queue line went with it');
      await app.writer.tallier.flushAll();
      assert.deepEqual(await storedTallies(db), before, 'nothing was added and nothing taken away');

      const counted = varied(2);
      assert.equal((await post(app, counted)).statusCode, 201);
      await app.writer.tallier.flushAll();
      assert.notDeepEqual(await storedTallies(db), before);
      assert.equal((await deletion(counted.id)).statusCode, 200);
      assert.deepEqual(await tallyDifferences(db), []);

      const many = Array.from({ length: 60 }, (_, i) => varied(i + 100));
      for (const r of await Promise.all(many.map((e) => post(app, e)))) assert.equal(r.statusCode, 201);
      const deletions = many.filter((_, i) => i % 2 === 0);
      const [codes] = await Promise.all([Promise.all(deletions.map((e) => deletion(e.id).then((r) => r.statusCode))), app.writer.tallier.flush(), app.writer.tallier.flushAll()]);
      assert.deepEqual([...new Set(codes)], [200]);
      await app.writer.tallier.flushAll();
      assert.deepEqual(await tallyDifferences(db), []);
    });

    test('EnvelopeLoader (the public bulk loader): checked like POST /responses, stored once, marked synthetic, counted by close()', async () => {
      const loader = new EnvelopeLoader(backend.database);
      const good = Array.from({ length: 200 }, (_, i) => varied(i + 5000));
      const outcomes = await Promise.all([...good, good[0]].map((e) => loader.load(e)));
      assert.deepEqual(outcomes.slice(0, 200).map((o) => o.status), good.map(() => 201));
      assert.equal(outcomes[200]!.status, 200, 'the same envelope again');
      assert.equal((await loader.load({ ...good[1], answers: { ...good[1]!.answers, break: 'strongly-disagree' } })).status, 409, 'the same id with other answers');
      const bad = await loader.load(varied(1, { partner: 'nobody' }));
      assert.deepEqual([bad.status, 'error' in bad && bad.error], [422, 'unknown partner "nobody"']);
      const wrong = await loader.load(envelope({}, { 'age-band': 'old' }));
      assert.equal(wrong.status, 400);
      assert.ok('problems' in wrong && wrong.problems!.some((p) => p.question === 'age-band'));
      await loader.close();
      assert.equal(await queuedCount(db), 0);
      assert.deepEqual(await tallyDifferences(db), []);
      const row = await db.selectFrom('responses').select(['meta', 'receipt_hash']).where('id', '=', good[0]!.id).executeTakeFirstOrThrow();
      assert.equal((typeof row.meta === 'string' ? JSON.parse(row.meta) : row.meta).synthetic, true);
      assert.equal(row.receipt_hash, null);
    });

    test('after the start-up sweep, a sweep leaves lines younger than sweepMinAgeMs to the fold that counted them, and takes older ones', async () => {
      await newApp(); // (flushes nothing: LAZY)
      const storing = await newApp();
      // An instance that only sweeps: the first sweep at start, then every 20 ms lines at least a minute old.
      const sweeper = await newApp(backend.database, { countBeforeAckUpTo: 0, tally: { flushMs: 600_000, sweepMs: 20 } });
      await new Promise((r) => setTimeout(r, 60)); // its start-up sweep has run
      const before = await queuedCount(db);
      assert.equal((await post(storing, varied(5000))).statusCode, 201);
      await new Promise((r) => setTimeout(r, 200)); // several sweeps
      assert.equal(await queuedCount(db), before + 1, 'a young line is left to the instance that stored it');
      await sweeper.close();
      // The same, with lines counting as old at once: swept.
      const eager = await newApp(backend.database, { countBeforeAckUpTo: 0, tally: { flushMs: 600_000, sweepMs: 20, sweepMinAgeMs: 1 } });
      await new Promise((r) => setTimeout(r, 60)); // its start-up sweep has run
      assert.equal((await post(storing, varied(5001))).statusCode, 201);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await queuedCount(db), 0, 'a periodic sweep takes lines older than sweepMinAgeMs');
      await storing.writer.tallier.flushAll();
      assert.deepEqual(await tallyDifferences(db), []);
      void eager;
    });

    test('two collector instances on one database, folding at the same time, never count a response twice', async () => {
      // On PostgreSQL the second instance has its own connection pool, as a second process would.
      const second = backend.url ? await openDatabase({ databaseUrl: backend.url, poolSize: 10 }) : backend.database;
      try {
        const eager = { countBeforeAckUpTo: 0, tally: { flushMs: 1, flushAt: 20, batchSize: 25, sweepMs: 15 } };
        const one = await newApp(backend.database, eager);
        const two = await newApp(second, eager);
        const envs = Array.from({ length: 400 }, (_, i) => varied(i + 1000));
        let folding = true;
        const folds = (async () => {
          while (folding) {
            await Promise.all([one.writer.tallier.flushAll(), two.writer.tallier.flushAll()]);
            // PGlite answers without a trip through the event loop: a loop that never waits starves the posts.
            await new Promise((r) => setTimeout(r, 2));
          }
        })();
        const codes = await Promise.all(envs.map((e, i) => post(i % 2 ? one : two, e).then((r) => r.statusCode)));
        // The same responses posted again to the other instance: stored once, counted once.
        const again = await Promise.all(envs.slice(0, 100).map((e, i) => post(i % 2 ? two : one, e).then((r) => r.statusCode)));
        folding = false;
        await folds;
        assert.deepEqual([...new Set(codes)], [201]);
        assert.deepEqual([...new Set(again)], [200]);
        await Promise.all([one.writer.tallier.flushAll(), two.writer.tallier.flushAll()]);
        assert.equal(await queuedCount(db), 0);
        assert.deepEqual(await tallyDifferences(db), []);
      } finally {
        if (second !== backend.database) {
          // Close that instance's apps before its pool.
          for (const a of apps.splice(-1)) await a.close();
          await second.close();
        }
      }
    });
  });
}
