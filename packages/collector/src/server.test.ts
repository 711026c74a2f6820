/**
 * The HTTP API, endpoint by endpoint and status by status, on PGlite and on PostgreSQL (a throwaway
 * cluster, or DATABASE_URL) — the same tests against both.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { receiptCode } from '@carers-voice/core/response';
import { buildApp, type App } from './server.js';
import { createUser } from './auth.js';
import { openBackends, resetDatabase, type Backend } from './testing/databases.js';
import { envelope, partnerA, partnerB, testConfig, testSurvey } from './testing/fixtures.js';
import { deleteOlderThan } from './retention.js';
import { pollAfterClose, pollAfterVote, pollNoResults } from '@carers-voice/core/content/fixtures';

const backends = await openBackends();
after(async () => {
  for (const b of backends) await b.stop();
});

const DASH = { 'x-requested-with': 'carers-voice' };

async function signInAs(app: App, username: string, password = 'a long enough password'): Promise<string> {
  const r = await app.app.inject({ method: 'POST', url: '/api/v1/session', headers: DASH, payload: { username, password } });
  assert.equal(r.statusCode, 200, r.body);
  const cookie = r.cookies.find((c) => c.name === 'cv_session');
  assert.ok(cookie);
  return `cv_session=${cookie.value}`;
}

for (const backend of backends) {
  describe(`collector API on ${backend.name}`, () => {
    let app: App;
    const cookies: Record<string, string> = {};
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: body as object, headers });

    before(async () => {
      await resetDatabase(backend.database);
      app = await buildApp({ config: testConfig(), database: backend.database });
      await app.store.upsertPartner(partnerA);
      await app.store.upsertPartner(partnerB);
      const reg = await app.store.registerInstrument(testSurvey as never, ['age-band']);
      assert.equal(reg.created, true);
      const db = backend.database.db;
      await createUser(db, { username: 'admin', password: 'a long enough password', role: 'admin' });
      await createUser(db, { username: 'viewer', password: 'a long enough password', role: 'viewer', partnerId: 'council' });
      await createUser(db, { username: 'mod', password: 'a long enough password', role: 'moderator' });
      for (const u of ['admin', 'viewer', 'mod']) cookies[u] = await signInAs(app, u);
    });
    after(async () => {
      await app.close();
    });

    test('GET /health says which storage is in use', async () => {
      const r = await app.app.inject({ method: 'GET', url: '/health' });
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json(), { ok: true, storage: backend.name });
    });

    test('a response is stored once: 201, the same again 200, a different body with that id 409', async () => {
      const env = envelope();
      const first = await post(env);
      assert.equal(first.statusCode, 201, first.body);
      assert.deepEqual(first.json(), { id: env.id, status: 'received' });
      const again = await post({ ...env, answers: { ...env.answers } });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), first.json());
      const changed = await post({ ...env, answers: { ...env.answers, break: 'disagree' } });
      assert.equal(changed.statusCode, 409);
      assert.match(changed.json().error, /different response/);
      const rows = await backend.database.db.selectFrom('responses').select('id').where('id', '=', env.id).execute();
      assert.equal(rows.length, 1);
    });

    test('bad input is a 400 that names each problem', async () => {
      const notEnvelope = await post({ hello: 'world' });
      assert.equal(notEnvelope.statusCode, 400);
      assert.ok(Array.isArray(notEnvelope.json().problems) && notEnvelope.json().problems.length > 0);
      const badAnswer = await post(envelope({}, { 'age-band': 'ancient', support: ['gp', 'none'] }));
      assert.equal(badAnswer.statusCode, 400, badAnswer.body);
      const problems = badAnswer.json().problems as { question: string; message: string }[];
      assert.ok(problems.some((p) => p.question === 'age-band'), JSON.stringify(problems));
      const badJson = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: '{"id":', headers: { 'content-type': 'application/json' } });
      assert.equal(badJson.statusCode, 400);
      assert.match(badJson.json().error, /not valid JSON/);
      const proto = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: '{"__proto__":{"x":1}}', headers: { 'content-type': 'application/json' } });
      assert.equal(proto.statusCode, 400);
      assert.match(proto.json().error, /forbidden key/);
    });

    test('an unknown instrument, version or partner is a 422 naming it', async () => {
      const unknown = await post(envelope({ instrument: { id: 'no-such-survey', version: 1 } }));
      assert.equal(unknown.statusCode, 422);
      assert.match(unknown.json().error, /no-such-survey/);
      const version = await post(envelope({ instrument: { id: 'test-survey', version: 9 } }));
      assert.equal(version.statusCode, 422);
      assert.match(version.json().error, /version 9/);
      const partner = await post(envelope({ partner: 'nobody' }));
      assert.equal(partner.statusCode, 422);
      assert.match(partner.json().error, /nobody/);
    });

    test('CORS: exact registered origins only, Vary: Origin, never null, no credentials; 403 for another partner\'s origin', async () => {
      const ok = await post(envelope(), { origin: 'https://council.example' });
      assert.equal(ok.statusCode, 201);
      assert.equal(ok.headers['access-control-allow-origin'], 'https://council.example');
      assert.match(String(ok.headers.vary), /Origin/);
      assert.equal(ok.headers['access-control-allow-credentials'], undefined);
      const wrongPartner = await post(envelope(), { origin: 'https://carers.example' });
      assert.equal(wrongPartner.statusCode, 403);
      assert.match(wrongPartner.json().error, /not registered for partner "council"/);
      const preflight = await app.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/responses',
        headers: { origin: 'https://carers.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], 'https://carers.example');
      for (const origin of ['https://evil.example', 'null', 'https://council.example.evil.example']) {
        const r = await app.app.inject({ method: 'OPTIONS', url: '/api/v1/responses', headers: { origin, 'access-control-request-method': 'POST' } });
        assert.equal(r.headers['access-control-allow-origin'], undefined, origin);
      }
      const nullOrigin = await post(envelope(), { origin: 'null' });
      assert.equal(nullOrigin.statusCode, 403);
      // The dashboard's routes never answer CORS at all.
      const results = await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey', headers: { origin: 'https://council.example' } });
      assert.equal(results.headers['access-control-allow-origin'], undefined);
    });

    test('a body over 64 KiB is a 413; a non-JSON content type a 415; text/plain JSON (sendBeacon) is accepted', async () => {
      const big = await post(envelope({}, { comments: 'x'.repeat(70 * 1024) }));
      assert.equal(big.statusCode, 413);
      assert.match(big.json().error, /64 KiB/);
      const form = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(form.statusCode, 415);
      const beacon = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: JSON.stringify(envelope()), headers: { 'content-type': 'text/plain;charset=UTF-8' } });
      assert.equal(beacon.statusCode, 201, beacon.body);
    });

    test('rate limits per client and per partner answer 429 with Retry-After', async () => {
      const limited = await buildApp({ config: testConfig({ RATE_LIMIT_CLIENT: '3', RATE_LIMIT_PARTNER: '5' }), database: backend.database });
      try {
        const codes: number[] = [];
        let last;
        for (let i = 0; i < 4; i++) {
          last = await limited.app.inject({ method: 'POST', url: '/api/v1/responses', payload: envelope(), remoteAddress: '10.0.0.1' });
          codes.push(last.statusCode);
        }
        assert.deepEqual(codes, [201, 201, 201, 429]);
        assert.ok(Number(last!.headers['retry-after']) > 0);
        assert.match(last!.json().error, /try again in \d+ seconds/);
        // Other clients of the same partner: the partner's limit (5) is reached after two more.
        const more = [];
        for (let i = 0; i < 3; i++) more.push((await limited.app.inject({ method: 'POST', url: '/api/v1/responses', payload: envelope(), remoteAddress: `10.0.1.${i}` })).statusCode);
        assert.deepEqual(more, [201, 201, 429]);
        const otherPartner = await limited.app.inject({ method: 'POST', url: '/api/v1/responses', payload: envelope({ partner: 'charity' }), remoteAddress: '10.0.2.1' });
        assert.equal(otherPartner.statusCode, 201);
      } finally {
        await limited.app.close();
      }
    });

    test('suspected bots (honeypot, too fast) are quarantined, answered like anyone, and not counted', async () => {
      const before = await backend.database.db.selectFrom('tallies').select(sql<number>`coalesce(sum(n), 0)`.as('n')).where('question', '=', '_responses').where('group_question', '=', '').executeTakeFirstOrThrow();
      const bot = envelope({ meta: { honeypot: 'http://spam.example' } });
      const r1 = await post(bot);
      assert.equal(r1.statusCode, 201);
      const now = new Date().toISOString();
      const fast = envelope({ startedAt: now, submittedAt: now });
      assert.equal((await post(fast)).statusCode, 201);
      const rows = await backend.database.db.selectFrom('responses').select(['id', 'status', 'quarantine_reason']).where('id', 'in', [bot.id, fast.id]).execute();
      assert.deepEqual(rows.map((r) => r.status).sort(), ['quarantined', 'quarantined']);
      const afterCount = await backend.database.db.selectFrom('tallies').select(sql<number>`coalesce(sum(n), 0)`.as('n')).where('question', '=', '_responses').where('group_question', '=', '').executeTakeFirstOrThrow();
      assert.equal(Number(afterCount.n), Number(before.n));
      const q = await app.app.inject({ method: 'GET', url: '/api/v1/quarantine', headers: { cookie: cookies.mod! } });
      assert.equal(q.statusCode, 200);
      assert.ok(q.json().quarantined.some((x: { id: string; reason: string }) => x.id === bot.id && /honeypot/.test(x.reason)));
      const release = await app.app.inject({ method: 'POST', url: `/api/v1/quarantine/${fast.id}/release`, headers: { cookie: cookies.mod!, ...DASH } });
      assert.equal(release.statusCode, 200);
      const released = await backend.database.db.selectFrom('tallies').select(sql<number>`coalesce(sum(n), 0)`.as('n')).where('question', '=', '_responses').where('group_question', '=', '').executeTakeFirstOrThrow();
      assert.equal(Number(released.n), Number(before.n) + 1);
    });

    test('contact details are stored apart from the answers; no IP address is stored anywhere', async () => {
      const env = envelope({}, { 'contact-ok': 'yes', email: 'carer@example.org' });
      assert.equal((await post(env, { 'x-forwarded-for': '203.0.113.9' })).statusCode, 201);
      const row = await backend.database.db.selectFrom('responses').selectAll().where('id', '=', env.id).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes('carer@example.org'));
      assert.ok(!JSON.stringify(row).includes('203.0.113.9') && !JSON.stringify(row).includes('127.0.0.1'));
      const contact = await backend.database.db.selectFrom('contacts').selectAll().where('response_id', '=', env.id).executeTakeFirstOrThrow();
      assert.deepEqual(contact.details, { email: 'carer@example.org' });
    });

    test('500 concurrent posts of one id store one row and count once', async () => {
      const env = envelope({ partner: 'charity' }, { 'age-band': '65-plus' });
      const countBefore = await tallyCount(backend, 'charity');
      const results = await Promise.all(Array.from({ length: 500 }, () => post(env)));
      const codes = results.map((r) => r.statusCode);
      assert.equal(codes.filter((c) => c === 201).length, 1, JSON.stringify([...new Set(codes)]));
      assert.equal(codes.filter((c) => c === 200).length, 499);
      const rows = await backend.database.db.selectFrom('responses').select('id').where('id', '=', env.id).execute();
      assert.equal(rows.length, 1);
      assert.equal(await tallyCount(backend, 'charity'), countBefore + 1);
    });

    test('results need a signed-in account; a partner viewer sees only their own partner', async () => {
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey' })).statusCode, 401);
      const own = await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey?partner=council', headers: { cookie: cookies.viewer! } });
      assert.equal(own.statusCode, 200, own.body);
      const other = await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey?partner=charity', headers: { cookie: cookies.viewer! } });
      assert.equal(other.statusCode, 403);
      assert.match(other.json().error, /own organisation/);
      const area = await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey?area=south', headers: { cookie: cookies.viewer! } });
      assert.equal(area.statusCode, 403);
    });

    test('results: counts rounded, small numbers hidden, a small filtered base says "too few responses to show"', async () => {
      await resetResponses(backend);
      for (let i = 0; i < 40; i++) assert.equal((await post(envelope({}, { break: i < 30 ? 'agree' : 'disagree', 'age-band': i < 37 ? '18-64' : 'under-18' }))).statusCode, 201);
      const r = await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey', headers: { cookie: cookies.admin! } });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.suppressed, false);
      assert.equal(body.base, 40);
      const age = body.questions.find((q: { id: string }) => q.id === 'age-band');
      assert.equal(age.options.find((o: { value: string }) => o.value === 'under-18').count, null);
      const brk = body.questions.find((q: { id: string }) => q.id === 'break');
      assert.equal(brk.options.find((o: { value: string }) => o.value === 'agree').count, 30);
      assert.equal(body.indicators[0].percent, 75);
      const comments = body.questions.find((q: { id: string }) => q.id === 'comments');
      assert.equal(comments.options, undefined, 'free text never appears in results');
      const small = await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey?where=age-band:under-18', headers: { cookie: cookies.admin! } });
      assert.equal(small.statusCode, 200);
      assert.deepEqual({ suppressed: small.json().suppressed, reason: small.json().reason }, { suppressed: true, reason: 'too few responses to show' });
      const by = await app.app.inject({ method: 'GET', url: '/api/v1/results/test-survey?by=age-band&from=2020&to=2099', headers: { cookie: cookies.admin! } });
      assert.equal(by.statusCode, 200, by.body);
      assert.deepEqual(by.json().by.groups.map((g: { value: string; base: number | null }) => [g.value, g.base]), [['under-18', null], ['18-64', null], ['65-plus', 0]]);
    });

    test('bad result filters are a 400 naming the filter; an unknown instrument a 404', async () => {
      const h = { cookie: cookies.admin! };
      for (const [url, re] of [
        ['/api/v1/results/test-survey?from=2025-04', /kept by year/],
        ['/api/v1/results/test-survey?by=support', /grouped or filtered only by: age-band/],
        ['/api/v1/results/test-survey?colour=red', /colour/],
        ['/api/v1/results/test-survey?partner=nobody', /nobody/],
        ['/api/v1/results/test-survey?from=2026&to=2025', /after/],
        ['/api/v1/results/test-survey?by=age-band&where=age-band:18-64', /either/],
      ] as const) {
        const r = await app.app.inject({ method: 'GET', url, headers: h });
        assert.equal(r.statusCode, 400, url);
        assert.match(JSON.stringify(r.json()), re, url);
      }
      const missing = await app.app.inject({ method: 'GET', url: '/api/v1/results/nothing-here', headers: h });
      assert.equal(missing.statusCode, 404);
    });

    test('CSV export: suppressed, RFC 4180, formula-safe, logged; raw responses for admins only', async () => {
      const csv = await app.app.inject({ method: 'GET', url: '/api/v1/export/test-survey.csv', headers: { cookie: cookies.viewer! } });
      assert.equal(csv.statusCode, 200, csv.body);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.ok(csv.body.startsWith('question,question_label,option,option_label,group,count,percent,mean,hidden\r\n'));
      for (const line of csv.body.trim().split('\r\n').slice(1)) {
        const count = line.split(',')[5];
        if (count) assert.ok(Number(count) === 0 || Number(count) > 7, line);
      }
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/export/test-survey/responses.csv', headers: { cookie: cookies.viewer! } })).statusCode, 403);
      await post(envelope({}, { comments: '=HYPERLINK("http://evil.example","click")', 'contact-ok': 'yes', email: 'x@example.org' }));
      const raw = await app.app.inject({ method: 'GET', url: '/api/v1/export/test-survey/responses.csv', headers: { cookie: cookies.admin! } });
      assert.equal(raw.statusCode, 200);
      assert.ok(raw.body.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), raw.body.slice(-300));
      assert.ok(!raw.body.includes('x@example.org'), 'contact details never go into the raw export');
      const logged = await backend.database.db.selectFrom('export_log').select(['kind', 'rows']).execute();
      assert.deepEqual(logged.map((l) => l.kind).sort(), ['responses', 'results']);
    });

    test('free text only for moderators and admins, never for a slice below the threshold', async () => {
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/text/test-survey?question=comments', headers: { cookie: cookies.viewer! } })).statusCode, 403);
      const few = await app.app.inject({ method: 'GET', url: '/api/v1/text/test-survey?question=comments', headers: { cookie: cookies.mod! } });
      assert.equal(few.statusCode, 200, few.body);
      assert.equal(few.json().suppressed, true);
      for (let i = 0; i < 8; i++) await post(envelope({}, { comments: `comment ${i}` }));
      const many = await app.app.inject({ method: 'GET', url: '/api/v1/text/test-survey?question=comments', headers: { cookie: cookies.mod! } });
      assert.ok(many.json().answers.some((a: { text: string }) => a.text === 'comment 3'));
    });

    test('sign in: wrong password 401, CSRF header required, cookie HttpOnly + SameSite=Strict, sign out ends the session', async () => {
      const wrong = await app.app.inject({ method: 'POST', url: '/api/v1/session', headers: DASH, payload: { username: 'admin', password: 'not the password' } });
      assert.equal(wrong.statusCode, 401);
      const noHeader = await app.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'admin', password: 'a long enough password' } });
      assert.equal(noHeader.statusCode, 403);
      const crossSite = await app.app.inject({ method: 'POST', url: '/api/v1/session', headers: { ...DASH, origin: 'https://evil.example' }, payload: { username: 'admin', password: 'a long enough password' } });
      assert.equal(crossSite.statusCode, 403);
      const ok = await app.app.inject({ method: 'POST', url: '/api/v1/session', headers: DASH, payload: { username: 'admin', password: 'a long enough password' } });
      const setCookie = String(ok.headers['set-cookie']);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Strict/);
      assert.doesNotMatch(setCookie, /Domain=/);
      const cookie = `cv_session=${ok.cookies[0]!.value}`;
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).json().user.role, 'admin');
      assert.equal((await app.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie, ...DASH } })).statusCode, 200);
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode, 401);
    });

    test('admins register instruments, partners and users; others cannot', async () => {
      const h = { cookie: cookies.admin!, ...DASH };
      const v2 = { ...testSurvey, version: 2 };
      assert.equal((await app.app.inject({ method: 'POST', url: '/api/v1/instruments', headers: { cookie: cookies.viewer!, ...DASH }, payload: { definition: v2 } })).statusCode, 403);
      const created = await app.app.inject({ method: 'POST', url: '/api/v1/instruments', headers: h, payload: { definition: v2, groupBy: ['age-band'] } });
      assert.equal(created.statusCode, 201, created.body);
      const changed = await app.app.inject({ method: 'POST', url: '/api/v1/instruments', headers: h, payload: { definition: { ...v2, title: 'Changed' } } });
      assert.equal(changed.statusCode, 409);
      const broken = await app.app.inject({ method: 'POST', url: '/api/v1/instruments', headers: h, payload: { definition: { ...v2, kind: 'nonsense' } } });
      assert.equal(broken.statusCode, 400);
      assert.ok(broken.json().problems.length > 0);
      const list = await app.app.inject({ method: 'GET', url: '/api/v1/instruments' });
      assert.deepEqual(list.json().instruments.find((i: { id: string }) => i.id === 'test-survey').versions, [1, 2]);
      const one = await app.app.inject({ method: 'GET', url: '/api/v1/instruments/test-survey' });
      assert.equal(one.json().versions.length, 2);
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/instruments/nope' })).statusCode, 404);
      const partner = await app.app.inject({ method: 'POST', url: '/api/v1/partners', headers: h, payload: { id: 'gp-practice', name: 'Elm GP', area: 'north', origins: ['https://elm.example/'] } });
      assert.equal(partner.statusCode, 400);
      assert.match(JSON.stringify(partner.json().problems), /origin/);
      const user = await app.app.inject({ method: 'POST', url: '/api/v1/users', headers: h, payload: { username: 'newviewer', password: 'short', role: 'viewer' } });
      assert.equal(user.statusCode, 400);
      const dup = await app.app.inject({ method: 'POST', url: '/api/v1/users', headers: h, payload: { username: 'admin', password: 'a long enough password', role: 'admin' } });
      assert.equal(dup.statusCode, 409);
    });

    test('a carer can delete their response with its receipt code; its counts go too', async () => {
      const env = envelope({ partner: 'charity' });
      await post(env);
      const before = await tallyCount(backend, 'charity');
      const bad = await app.app.inject({ method: 'POST', url: '/api/v1/deletions', payload: { receipt: 'not a code!' } });
      assert.equal(bad.statusCode, 400);
      const r = await app.app.inject({ method: 'POST', url: '/api/v1/deletions', payload: { receipt: receiptCode(env.id).toLowerCase() } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(await tallyCount(backend, 'charity'), before - 1);
      const again = await app.app.inject({ method: 'POST', url: '/api/v1/deletions', payload: { receipt: receiptCode(env.id) } });
      assert.equal(again.statusCode, 404);
    });

    test('retention deletes old raw responses and keeps the counts', async () => {
      const tallyBefore = await tallyCount(backend, 'council');
      await sql`update responses set received_at = now() - interval '800 days' where partner_id = 'council'`.execute(backend.database.db);
      const deleted = await deleteOlderThan(backend.database.db, 730);
      assert.ok(deleted > 0);
      const left = await backend.database.db.selectFrom('responses').select('id').where('partner_id', '=', 'council').execute();
      assert.equal(left.length, 0);
      assert.equal(await tallyCount(backend, 'council'), tallyBefore);
    });

    test('polls: statements held for moderation, "you said, we did", public results only when the poll allows', async () => {
      for (const p of [pollAfterVote, { ...pollAfterClose, closes: '2099-01-01T00:00:00Z' }, pollNoResults]) await app.store.registerInstrument(p as never, []);
      const pollId = pollAfterClose.id;
      const refused = await app.app.inject({ method: 'POST', url: `/api/v1/polls/${pollAfterVote.id}/statements`, payload: { partner: 'council', text: 'More evening support groups' } });
      assert.equal(refused.statusCode, 403);
      const short = await app.app.inject({ method: 'POST', url: `/api/v1/polls/${pollId}/statements`, payload: { partner: 'council', text: 'x' } });
      assert.equal(short.statusCode, 400);
      const wrongOrigin = await app.app.inject({ method: 'POST', url: `/api/v1/polls/${pollId}/statements`, headers: { origin: 'https://carers.example' }, payload: { partner: 'council', text: 'More evening support groups' } });
      assert.equal(wrongOrigin.statusCode, 403);
      const sent = await app.app.inject({ method: 'POST', url: `/api/v1/polls/${pollId}/statements`, headers: { origin: 'https://council.example' }, payload: { partner: 'council', text: 'More evening support groups' } });
      assert.equal(sent.statusCode, 201, sent.body);
      assert.equal(sent.headers['access-control-allow-origin'], 'https://council.example');
      const before = await app.app.inject({ method: 'GET', url: `/api/v1/polls/${pollId}/statements` });
      assert.deepEqual(before.json().statements, [], 'nothing is shown before a moderator approves it');
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/moderation/statements', headers: { cookie: cookies.viewer! } })).statusCode, 403);
      const queue = await app.app.inject({ method: 'GET', url: '/api/v1/moderation/statements', headers: { cookie: cookies.mod! } });
      const pending = queue.json().pending.find((p: { text: string }) => p.text === 'More evening support groups');
      assert.ok(pending);
      const noCsrf = await app.app.inject({ method: 'POST', url: `/api/v1/moderation/statements/${pending.id}`, headers: { cookie: cookies.mod! }, payload: { decision: 'approve' } });
      assert.equal(noCsrf.statusCode, 403);
      const approve = await app.app.inject({ method: 'POST', url: `/api/v1/moderation/statements/${pending.id}`, headers: { cookie: cookies.mod!, ...DASH }, payload: { decision: 'approve' } });
      assert.equal(approve.statusCode, 200);
      const after = await app.app.inject({ method: 'GET', url: `/api/v1/polls/${pollId}/statements` });
      assert.deepEqual(after.json().statements.map((x: { text: string }) => x.text), ['More evening support groups']);
      // "You said, we did" is written by moderators (and admins), never by partner viewers.
      const byViewer = await app.app.inject({ method: 'POST', url: `/api/v1/polls/${pollId}/updates`, headers: { cookie: cookies.viewer!, ...DASH }, payload: { youSaid: 'Evening groups', weDid: 'Nothing yet' } });
      assert.equal(byViewer.statusCode, 403);
      const update = await app.app.inject({ method: 'POST', url: `/api/v1/polls/${pollId}/updates`, headers: { cookie: cookies.mod!, ...DASH }, payload: { youSaid: 'Evening groups', weDid: 'Two new evening groups from March' } });
      assert.equal(update.statusCode, 201, update.body);
      const updates = await app.app.inject({ method: 'GET', url: `/api/v1/polls/${pollId}/updates` });
      assert.equal(updates.json().updates[0].weDid, 'Two new evening groups from March');
      assert.equal((await app.app.inject({ method: 'GET', url: `/api/v1/polls/${pollNoResults.id}/results` })).statusCode, 403);
      assert.equal((await app.app.inject({ method: 'GET', url: `/api/v1/polls/${pollId}/results` })).statusCode, 403);
      const open = await app.app.inject({ method: 'GET', url: `/api/v1/polls/${pollAfterVote.id}/results` });
      assert.equal(open.statusCode, 200);
      assert.deepEqual({ suppressed: open.json().suppressed, reason: open.json().reason }, { suppressed: true, reason: 'too few responses to show' });
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/polls/nope/results' })).statusCode, 404);
    });

    test('unknown routes are a 404 that says what was asked for', async () => {
      const r = await app.app.inject({ method: 'GET', url: '/api/v1/nothing?x=1' });
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().error, 'there is nothing at GET /api/v1/nothing');
    });
  });
}

async function tallyCount(backend: Backend, partner: string): Promise<number> {
  const r = await backend.database.db
    .selectFrom('tallies')
    .select(sql<number>`coalesce(sum(n), 0)`.as('n'))
    .where('question', '=', '_responses')
    .where('group_question', '=', '')
    .where('partner_id', '=', partner)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function resetResponses(backend: Backend) {
  await sql`truncate table contacts, responses, tallies`.execute(backend.database.db);
}
