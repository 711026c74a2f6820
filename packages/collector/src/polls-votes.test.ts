/**
 * Poll rules on POST /api/v1/responses, on PGlite and on PostgreSQL: a poll takes votes only between
 * `opens` and `closes` (the server's clock), and one counted vote per device — the latest wins.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp, type App } from './server.js';
import { openBackends, resetDatabase } from './testing/databases.js';
import { partnerA, testConfig } from './testing/fixtures.js';
import { pollAfterVote } from '@carers-voice/core/content/fixtures';

const backends = await openBackends();
after(async () => {
  for (const b of backends) await b.stop();
});

const NOW = new Date('2026-06-01T12:00:00Z');
let pollCount = 0;

function vote(pollId: string, choice: string, device: string | undefined, submittedAt: Date, id: string = randomUUID()) {
  return {
    id,
    instrument: { id: pollId, version: 1 },
    partner: 'council',
    locale: 'en-GB',
    startedAt: new Date(submittedAt.getTime() - 60_000).toISOString(),
    submittedAt: submittedAt.toISOString(),
    answers: { 'break-kind': choice },
    ...(device === undefined ? {} : { meta: { device, mode: 'inline' } }),
  };
}

for (const backend of backends) {
  describe(`poll votes on ${backend.name}`, () => {
    let app: App;
    const post = (body: unknown) => app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: body as object });

    before(async () => {
      await resetDatabase(backend.database);
      app = await buildApp({ config: testConfig(), database: backend.database, now: () => NOW });
      await app.store.upsertPartner(partnerA);
    });
    after(async () => {
      await app.close();
    });

    /** A fresh poll for each test, so counts do not mix. */
    async function newPoll(extra: Record<string, unknown> = {}): Promise<string> {
      const id = `poll-${backend.name}-${++pollCount}`;
      await app.store.registerInstrument({ ...pollAfterVote, id, ...extra } as never, []);
      return id;
    }
    /** What the results are built from: the counted tallies for the poll's question, by option. */
    async function counts(pollId: string): Promise<Record<string, number>> {
      const rows = await backend.database.db
        .selectFrom('tallies')
        .select(['option', 'n'])
        .where('instrument_id', '=', pollId)
        .where('question', '=', 'break-kind')
        .where('group_question', '=', '')
        .execute();
      const out: Record<string, number> = {};
      let answered = 0;
      for (const r of rows) {
        if (r.option === '_answered') answered = Number(r.n);
        else if (Number(r.n) !== 0) out[r.option] = Number(r.n);
      }
      // One choice per vote: the "answered" base must move with the options.
      assert.equal(answered, Object.values(out).reduce((a, b) => a + b, 0), 'the answered count matches the votes');
      return out;
    }
    async function statuses(pollId: string): Promise<Record<string, string>> {
      const rows = await backend.database.db.selectFrom('responses').select(['id', 'status']).where('instrument_id', '=', pollId).execute();
      return Object.fromEntries(rows.map((r) => [String(r.id), r.status]));
    }

    test('a closed poll refuses a vote with 403 "this poll has closed", and stores nothing', async () => {
      const pollId = await newPoll({ opens: '2026-01-01T00:00:00Z', closes: '2026-05-31T23:59:59Z' });
      const r = await post(vote(pollId, 'day', 'device-a', new Date(NOW.getTime() - 1000)));
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error, 'this poll has closed');
      assert.deepEqual(await statuses(pollId), {});
      assert.deepEqual(await counts(pollId), {});
    });

    test('a poll not open yet refuses with 403 "this poll is not open yet"; inside its dates it takes the vote', async () => {
      const early = await newPoll({ opens: '2026-06-02T09:00:00Z', closes: '2026-07-01T00:00:00Z' });
      const r = await post(vote(early, 'day', 'device-a', NOW));
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error, 'this poll is not open yet');
      const open = await newPoll({ opens: '2026-05-01T00:00:00Z', closes: '2026-06-30T00:00:00Z' });
      const ok = await post(vote(open, 'day', 'device-a', NOW));
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual(await counts(open), { day: 1 });
    });

    test('the server clock decides, not the device: a vote stamped before closing but arriving after is refused', async () => {
      const pollId = await newPoll({ closes: '2026-06-01T11:00:00Z' });
      const r = await post(vote(pollId, 'day', 'device-a', new Date('2026-06-01T10:00:00Z')));
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error, 'this poll has closed');
    });

    test('a poll vote without meta.device is a 400 naming meta.device', async () => {
      const pollId = await newPoll();
      for (const body of [vote(pollId, 'day', undefined, NOW), vote(pollId, 'day', '', NOW)]) {
        const r = await post(body);
        assert.equal(r.statusCode, 400, r.body);
        assert.match(r.json().error, /meta\.device/);
        assert.ok(r.json().problems.some((p: { path: string }) => p.path === 'meta.device'));
      }
      assert.deepEqual(await counts(pollId), {});
    });

    test('a second vote from the same device replaces the first: one counted, showing the new choice', async () => {
      const pollId = await newPoll();
      const first = vote(pollId, 'day', 'device-a', new Date(NOW.getTime() - 60_000));
      assert.equal((await post(first)).statusCode, 201);
      assert.deepEqual(await counts(pollId), { day: 1 });
      const second = vote(pollId, 'overnight', 'device-a', NOW);
      const r = await post(second);
      assert.equal(r.statusCode, 201, r.body);
      assert.deepEqual(r.json(), { id: second.id, status: 'received' });
      assert.deepEqual(await counts(pollId), { overnight: 1 });
      assert.deepEqual(await statuses(pollId), { [first.id]: 'replaced', [second.id]: 'counted' });
      const replaced = await backend.database.db.selectFrom('responses').select('replaced_by').where('id', '=', first.id).executeTakeFirstOrThrow();
      assert.equal(String(replaced.replaced_by), second.id);
    });

    test('an older vote arriving late does not win: stored as superseded, answered so the outbox stops', async () => {
      const pollId = await newPoll();
      const newer = vote(pollId, 'sitting', 'device-a', NOW);
      const older = vote(pollId, 'day', 'device-a', new Date(NOW.getTime() - 3_600_000));
      assert.equal((await post(newer)).statusCode, 201);
      const late = await post(older);
      assert.ok(late.statusCode === 200 || late.statusCode === 201, late.body);
      assert.equal(late.json().status, 'superseded');
      assert.equal(late.json().id, older.id);
      assert.deepEqual(await counts(pollId), { sitting: 1 });
      assert.deepEqual(await statuses(pollId), { [newer.id]: 'counted', [older.id]: 'superseded' });
      // Its retry gets the same answer again.
      const retry = await post(older);
      assert.equal(retry.statusCode, 200);
      assert.deepEqual(retry.json(), late.json());
    });

    test('different devices count separately', async () => {
      const pollId = await newPoll();
      for (const [device, choice] of [['device-a', 'day'], ['device-b', 'day'], ['device-c', 'overnight']] as const) {
        assert.equal((await post(vote(pollId, choice, device, NOW))).statusCode, 201);
      }
      assert.deepEqual(await counts(pollId), { day: 2, overnight: 1 });
    });

    test('the same id and body again gives the first result; a different body with that id is a 409', async () => {
      const pollId = await newPoll();
      const v = vote(pollId, 'day', 'device-a', NOW);
      const first = await post(v);
      assert.equal(first.statusCode, 201);
      const again = await post({ ...v });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), first.json());
      assert.deepEqual(await counts(pollId), { day: 1 });
      const changed = await post({ ...v, answers: { 'break-kind': 'overnight' } });
      assert.equal(changed.statusCode, 409);
      assert.deepEqual(await counts(pollId), { day: 1 });
    });

    test('50 different votes from one device at once: exactly one counted, the latest', async () => {
      const pollId = await newPoll();
      const choices = ['day', 'overnight', 'sitting'];
      const votes = Array.from({ length: 50 }, (_, i) => vote(pollId, choices[i % 3]!, 'device-rush', new Date(NOW.getTime() - (50 - i) * 1000)));
      // Sent in a shuffled order, all at once.
      const order = [...votes].sort(() => Math.random() - 0.5);
      const replies = await Promise.all(order.map((v) => post(v)));
      for (const r of replies) assert.ok(r.statusCode === 200 || r.statusCode === 201, r.body);
      const st = await statuses(pollId);
      const counted = Object.entries(st).filter(([, s]) => s === 'counted');
      assert.equal(Object.keys(st).length, 50);
      assert.deepEqual(counted.map(([id]) => id), [votes[49]!.id]);
      assert.deepEqual(await counts(pollId), { [votes[49]!.answers['break-kind']]: 1 });
    });
  });
}
