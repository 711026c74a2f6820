/**
 * Poll rules on POST /api/v1/responses, on PGlite and on PostgreSQL: a poll takes votes only between
 * `opens` and `closes` (the server's clock), and one counted vote per device — the latest wins.
 * Carers' statements: screened and flagged (never blocked) for moderation, edited or rejected by a
 * moderator, voted on as `s:<id>` only once approved, and summed into the "broad agreement" and
 * "divided" lists with small numbers left out.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp, type App } from './server.js';
import { openBackends, resetDatabase } from './testing/databases.js';
import { partnerA, partnerB, testConfig } from './testing/fixtures.js';
import { createUser } from './auth.js';
import { pollWithApprovedStatements } from './polls.js';
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

const DASH = { 'x-requested-with': 'carers-voice' };

/** A statements poll; its own statements are optional so a vote may answer only some. */
function statementsPoll(id: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'poll',
    id,
    version: 1,
    title: 'Is this true for you?',
    privacy: { anonymous: true },
    showResults: 'after-vote',
    allowStatements: true,
    questions: [
      { id: 'info', type: 'statement', label: 'I know where to get information.', required: false },
      { id: 'break', type: 'statement', label: 'I can take a break when I need one.', required: false },
      { id: 'listened', type: 'statement', label: 'Staff listen to me.', required: false },
    ],
    ...extra,
  };
}

function statementVote(pollId: string, partner: string, device: string, answers: Record<string, string>, submittedAt = NOW) {
  return {
    id: randomUUID(),
    instrument: { id: pollId, version: 1 },
    partner,
    locale: 'en-GB',
    startedAt: new Date(submittedAt.getTime() - 60_000).toISOString(),
    submittedAt: submittedAt.toISOString(),
    answers,
    meta: { device, mode: 'inline' },
  };
}

interface Listed {
  id: string;
  text: string;
  source: string;
  base: number | null;
  agree: number | null;
  disagree: number | null;
  reason?: string;
  slices: number;
}

for (const backend of backends) {
  describe(`carers' statements on ${backend.name}`, () => {
    let app: App;
    let mod = '';
    let pollNo = 0;
    const inject = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
      app.app.inject({ method, url, ...(payload ? { payload } : {}), headers });
    const asMod = (method: 'GET' | 'POST', url: string, payload?: object) => inject(method, url, payload, { cookie: mod, ...DASH });

    before(async () => {
      await resetDatabase(backend.database);
      app = await buildApp({ config: testConfig(), database: backend.database, now: () => NOW });
      for (const p of [partnerA, partnerB, { id: 'school', name: 'High School', area: 'north', origins: [] }, { id: 'gp', name: 'GP surgery', area: 'south', origins: [] }]) {
        await app.store.upsertPartner(p);
      }
      await createUser(backend.database.db, { username: 'mod', password: 'a long enough password', role: 'moderator' });
      const r = await inject('POST', '/api/v1/session', { username: 'mod', password: 'a long enough password' }, DASH);
      assert.equal(r.statusCode, 200, r.body);
      mod = `cv_session=${r.cookies.find((c) => c.name === 'cv_session')!.value}`;
    });
    after(async () => {
      await app.close();
    });

    async function newPoll(extra: Record<string, unknown> = {}): Promise<string> {
      const id = `st-${backend.name}-${++pollNo}`;
      await app.store.registerInstrument(statementsPoll(id, extra) as never, []);
      return id;
    }
    async function submit(pollId: string, text: string): Promise<string> {
      const r = await inject('POST', `/api/v1/polls/${pollId}/statements`, { partner: 'council', text });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().status, 'pending');
      return r.json().id;
    }
    async function decide(sid: string, body: object) {
      return asMod('POST', `/api/v1/moderation/statements/${sid}`, body);
    }
    async function listed(pollId: string): Promise<{ id: string; key: string; text: string }[]> {
      const r = await inject('GET', `/api/v1/polls/${pollId}/statements`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json().statements;
    }
    async function tally(pollId: string, question: string): Promise<Record<string, number>> {
      const rows = await backend.database.db
        .selectFrom('tallies')
        .select(['option', 'n'])
        .where('instrument_id', '=', pollId)
        .where('question', '=', question)
        .where('group_question', '=', '')
        .execute();
      // Summed over partners (each partner has its own tally rows).
      const out: Record<string, number> = {};
      for (const r of rows) if (Number(r.n) !== 0) out[r.option] = (out[r.option] ?? 0) + Number(r.n);
      return out;
    }

    test('the screen flags contact details and abuse; the queue says why and where, and nothing flagged is listed', async () => {
      const pollId = await newPoll();
      const text = 'I am Sam, call me on 07700 900123 about the sh*t respite';
      const sid = await submit(pollId, text);
      const plain = await submit(pollId, 'I need breaks at weekends.');
      const q = await asMod('GET', `/api/v1/moderation/statements?poll=${pollId}`);
      assert.equal(q.statusCode, 200, q.body);
      const pending = q.json().pending as { id: string; text: string; flags: { kind: string; start: number; end: number; reason: string }[] }[];
      const flagged = pending.find((p) => p.id === sid)!;
      assert.deepEqual(
        flagged.flags.map((f) => [f.kind, flagged.text.slice(f.start, f.end), f.reason]),
        [
          ['name', 'Sam', 'may name a person'],
          ['phone', '07700 900123', 'looks like a phone number'],
          ['abuse', 'sh*t', 'may be abusive language'],
        ],
      );
      assert.deepEqual(pending.find((p) => p.id === plain)!.flags, []);
      // Flagged or not, nothing is shown before a moderator decides.
      assert.deepEqual(await listed(pollId), []);
    });

    test('a moderator edits the personal detail out: the edited text is approved, the original is not kept', async () => {
      const pollId = await newPoll();
      const sid = await submit(pollId, 'My husband Dave needs a sitter, ring 0161 496 0000');
      const r = await decide(sid, { decision: 'approve', text: 'My husband needs a sitter so I can go out.' });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { id: sid, status: 'approved', text: 'My husband needs a sitter so I can go out.', edited: true, flags: [] });
      assert.deepEqual((await listed(pollId)).map((s) => s.text), ['My husband needs a sitter so I can go out.']);
      const stored = await backend.database.db.selectFrom('poll_statements').selectAll().where('id', '=', sid).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(stored).includes('0161'), 'the phone number is gone from storage');
      assert.ok(stored.edited_at);
      // Decided once: a second decision finds nothing pending.
      assert.equal((await decide(sid, { decision: 'reject' })).statusCode, 404);
    });

    test('results read the poll with its approved statements as one definition while they stay the same (their suppression patterns are kept per definition), and a new one after an approval or an edit', async () => {
      const pollId = await newPoll();
      const poll = (await app.store.instrument(pollId))!;
      assert.equal(await pollWithApprovedStatements(backend.database.db, poll), poll, 'no statements: the poll itself');
      const first = await submit(pollId, 'Evening support groups would help me.');
      assert.equal((await decide(first, { decision: 'approve' })).statusCode, 200);
      const a = await pollWithApprovedStatements(backend.database.db, poll);
      const b = await pollWithApprovedStatements(backend.database.db, (await app.store.instrument(pollId))!);
      assert.equal(a.definition, b.definition, 'the same statements: the same definition object');
      assert.ok(JSON.stringify(a.definition).includes('Evening support groups would help me.'));
      const second = await submit(pollId, 'More help with forms, please.');
      assert.equal((await decide(second, { decision: 'approve', text: 'More help with filling in forms.' })).statusCode, 200);
      const c = await pollWithApprovedStatements(backend.database.db, poll);
      assert.notEqual(c.definition, a.definition, 'a new approval: a new definition');
      assert.ok(JSON.stringify(c.definition).includes('More help with filling in forms.'));
      assert.equal((await pollWithApprovedStatements(backend.database.db, poll)).definition, c.definition);
    });

    test('reject keeps a reason; wrong decision bodies are a 400 in plain words', async () => {
      const pollId = await newPoll();
      const sid = await submit(pollId, 'The council are useless bastards');
      assert.equal((await decide(sid, { decision: 'reject', text: 'edited' })).statusCode, 400);
      assert.equal((await decide(sid, { decision: 'approve', reason: 'fine' })).statusCode, 400);
      assert.equal((await decide(sid, { decision: 'approve', text: 'x' })).statusCode, 400);
      const r = await decide(sid, { decision: 'reject', reason: 'abusive about staff' });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { id: sid, status: 'rejected', reason: 'abusive about staff' });
      const stored = await backend.database.db.selectFrom('poll_statements').select(['status', 'reason']).where('id', '=', sid).executeTakeFirstOrThrow();
      assert.deepEqual({ ...stored }, { status: 'rejected', reason: 'abusive about staff' });
      assert.deepEqual(await listed(pollId), []);
    });

    test('carers vote on an approved statement as s:<id>; pending, rejected, made-up and other polls\' statements are a 422 naming them', async () => {
      const pollId = await newPoll();
      const other = await newPoll();
      const approved = await submit(pollId, 'Carers should get a free parking permit at the hospital.');
      const pending = await submit(pollId, 'GP receptions should know who is a carer.');
      const rejected = await submit(pollId, 'Something a moderator turned down.');
      const elsewhere = await submit(other, 'A statement of another poll.');
      assert.equal((await decide(approved, { decision: 'approve' })).statusCode, 200);
      assert.equal((await decide(rejected, { decision: 'reject' })).statusCode, 200);
      assert.equal((await decide(elsewhere, { decision: 'approve' })).statusCode, 200);
      assert.deepEqual((await listed(pollId)).map((s) => s.key), [`s:${approved}`]);

      // Not even shaped like a statement id: the envelope's own check names it (400).
      const shapeless = await inject('POST', '/api/v1/responses', statementVote(pollId, 'council', 'device-x', { 's:not-a-uuid': 'agree' }));
      assert.equal(shapeless.statusCode, 400, shapeless.body);
      assert.match(shapeless.body, /s:not-a-uuid/);
      for (const bad of [`s:${pending}`, `s:${rejected}`, `s:${elsewhere}`, `s:${randomUUID()}`]) {
        const r = await inject('POST', '/api/v1/responses', statementVote(pollId, 'council', 'device-x', { info: 'agree', [bad]: 'agree' }));
        assert.equal(r.statusCode, 422, `${bad}: ${r.body}`);
        assert.ok(r.json().error.includes(bad), r.json().error);
        assert.deepEqual(r.json().problems.map((p: { question: string }) => p.question), [bad]);
      }
      assert.deepEqual(await tally(pollId, 'info'), {}, 'a refused vote counts nothing');

      const ok = await inject('POST', '/api/v1/responses', statementVote(pollId, 'council', 'device-x', { info: 'agree', [`s:${approved}`]: 'agree' }));
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual(await tally(pollId, `s:${approved}`), { _answered: 1, agree: 1 });
      // Only agree, disagree or pass.
      const odd = await inject('POST', '/api/v1/responses', statementVote(pollId, 'council', 'device-y', { [`s:${approved}`]: 'maybe' }));
      assert.equal(odd.statusCode, 400, odd.body);
    });

    test('one device cannot vote twice on a carer\'s statement: its new vote replaces the old one', async () => {
      const pollId = await newPoll();
      const sid = await submit(pollId, 'Carers should get a free parking permit at the hospital.');
      await decide(sid, { decision: 'approve' });
      const key = `s:${sid}`;
      const first = await inject('POST', '/api/v1/responses', statementVote(pollId, 'council', 'device-a', { [key]: 'agree' }, new Date(NOW.getTime() - 60_000)));
      assert.equal(first.statusCode, 201, first.body);
      const second = await inject('POST', '/api/v1/responses', statementVote(pollId, 'council', 'device-a', { [key]: 'disagree' }));
      assert.equal(second.statusCode, 201, second.body);
      assert.deepEqual(await tally(pollId, key), { _answered: 1, disagree: 1 });
      const another = await inject('POST', '/api/v1/responses', statementVote(pollId, 'charity', 'device-b', { [key]: 'agree' }));
      assert.equal(another.statusCode, 201, another.body);
      assert.deepEqual(await tally(pollId, key), { _answered: 2, agree: 1, disagree: 1 });
    });

    test('a poll without carers\' statements refuses s: answers', async () => {
      const pollId = await newPoll({ allowStatements: false });
      const r = await inject('POST', '/api/v1/responses', statementVote(pollId, 'council', 'device-a', { [`s:${randomUUID()}`]: 'agree' }));
      assert.equal(r.statusCode, 422, r.body);
    });

    test('broad agreement and divided lists across partners and areas, with small numbers left out', async () => {
      const pollId = await newPoll();
      const x = await submit(pollId, 'Carers should get a free parking permit at the hospital.');
      const y = await submit(pollId, 'Carers groups should meet in the evening.');
      const z = await submit(pollId, 'Nobody has voted on this one.');
      const p = await submit(pollId, 'Still pending, never counted.');
      for (const s of [x, y, z]) await decide(s, { decision: 'approve' });
      const X = `s:${x}`;
      const Y = `s:${y}`;
      const votes: [string, number, (i: number) => Record<string, string>][] = [
        // council (north): everyone agrees on info and X; break split; listened agree; Y only 5 votes.
        ['council', 10, (i) => ({ info: 'agree', break: i < 5 ? 'agree' : 'disagree', listened: 'agree', [X]: 'agree', ...(i < 5 ? { [Y]: 'agree' } : {}) })],
        // charity (south): listened disagree — agreement differs by partner and area.
        ['charity', 10, (i) => ({ info: 'agree', break: i < 5 ? 'agree' : 'disagree', listened: 'disagree', [X]: i === 0 ? 'disagree' : 'agree' })],
        // school (north)
        ['school', 10, (i) => ({ info: i === 0 ? 'pass' : 'agree', break: i < 5 ? 'agree' : 'disagree', listened: 'agree', [X]: 'agree' })],
        // gp (south): three who disagree on info — too few to count as a partner of its own.
        ['gp', 3, () => ({ info: 'disagree' })],
      ];
      for (const [partner, n, answers] of votes) {
        for (let i = 0; i < n; i++) {
          const r = await inject('POST', '/api/v1/responses', statementVote(pollId, partner, `${partner}-${i}`, answers(i)));
          assert.equal(r.statusCode, 201, r.body);
        }
      }
      const r = await inject('GET', `/api/v1/polls/${pollId}/results`);
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      const lists = body.statementLists as { considered: number; tooFew: number; broad: Listed[]; divided: Listed[]; rules: Record<string, number> };
      assert.deepEqual(lists.rules, { broadAgree: 70, dividedEach: 35, dividedSpread: 30, threshold: 7 });
      assert.deepEqual(lists.broad.map((e) => e.id).sort(), [X, 'info'].sort());
      assert.deepEqual(
        lists.divided.map((e) => [e.id, e.reason]),
        [
          ['break', 'split'],
          ['listened', 'differs'],
        ],
      );
      // Y (5 votes) and Z (none) are left out and only counted; the pending one is not there at all.
      assert.equal(lists.considered, 4);
      assert.equal(lists.tooFew, 2);
      const all = [...lists.broad, ...lists.divided];
      assert.ok(!JSON.stringify(body).includes(p), 'a pending statement never appears in results');
      assert.ok(!all.some((e) => e.id === Y), 'a statement below the threshold is in neither list');
      for (const e of all) assert.ok(e.base === null || e.base > 7, `no base from 1 to 7 (${e.id}: ${e.base})`);
      const info = lists.broad.find((e) => e.id === 'info')!;
      // council, charity, school and both areas have enough responses (gp's 3 do not count alone).
      assert.equal(info.slices, 5);
      assert.equal(info.base, 35); // 33, rounded to 5
      assert.equal(lists.broad.find((e) => e.id === X)!.source, 'carer');
      assert.equal(lists.broad.find((e) => e.id === X)!.text, 'Carers should get a free parking permit at the hospital.');
      // The carer's statement is counted like the poll's own in the results table too.
      const xq = (body.questions as { id: string; label: string; answered: number | null }[]).find((q) => q.id === X);
      assert.equal(xq?.label, 'Carers should get a free parking permit at the hospital.');
      assert.equal(xq?.answered, 30);
      const yq = (body.questions as { id: string; answered: number | null }[]).find((q) => q.id === Y);
      assert.ok(yq && (yq.answered === null || yq.answered === 0 || yq.answered > 7), 'Y\'s 5 votes are not shown as a number');
      // Signed in: the dashboard's results carry the same lists; a partner filter narrows them.
      const dash = await asMod('GET', `/api/v1/results/${pollId}`);
      assert.equal(dash.statusCode, 200, dash.body);
      assert.deepEqual(dash.json().statementLists.broad.map((e: Listed) => e.id).sort(), [X, 'info'].sort());
      const council = await asMod('GET', `/api/v1/results/${pollId}?partner=council`);
      assert.equal(council.json().statementLists.divided.map((e: Listed) => e.id).join(), 'break', 'one partner: split, but nothing to differ from');
      // The CSV export counts the carer's statement like the poll's own.
      const csv = await asMod('GET', `/api/v1/export/${pollId}.csv`);
      assert.equal(csv.statusCode, 200, csv.body);
      assert.ok(csv.body.includes(X) && csv.body.includes('free parking permit'), 'the carer\'s statement is in the export');
    });
  });
}
