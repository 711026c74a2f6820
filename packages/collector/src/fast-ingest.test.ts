/**
 * The ingest fast path (fast-ingest.ts) answers exactly as the Fastify route does: the same good and
 * bad requests posted over HTTP to a collector with the fast path and to one without it (each on its
 * own database) get the same status, headers and body, and leave the same stored rows.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp, type App } from './server.js';
import { openDatabase, migrate, type Database } from './db/database.js';
import { resetDatabase } from './testing/databases.js';
import { envelope, partnerA, partnerB, testConfig, testSurvey } from './testing/fixtures.js';

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request written as raw bytes on a fresh connection (so content type and length are exactly as given). */
function rawPost(port: number, path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Raw> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const head = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(bytes.length), connection: 'close', ...headers };
  const lines = Object.entries(head)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const end = all.indexOf('\r\n\r\n');
      const [statusLine, ...headerLines] = all.slice(0, end).split('\r\n');
      const h: Record<string, string> = {};
      for (const l of headerLines) {
        const i = l.indexOf(':');
        const k = l.slice(0, i).toLowerCase();
        h[k] = h[k] === undefined ? l.slice(i + 1).trim() : `${h[k]}, ${l.slice(i + 1).trim()}`;
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers: h, body: all.slice(end + 4) });
    });
    socket.write(Buffer.concat([Buffer.from(`POST ${path} HTTP/1.1\r\n${lines}\r\n`), bytes]));
  });
}

interface Side {
  app: App;
  database: Database;
  port: number;
  /** Requests to /api/v1/responses Fastify saw (the fast path's are not among them). */
  fastifySaw: number;
}

// Two in-memory databases for the file (opening PGlite is the slow part), emptied for each pair of collectors.
const databases = await Promise.all([0, 1].map(async () => {
  const d = await openDatabase({});
  await migrate(d.db);
  return d;
}));
after(async () => {
  for (const d of databases) await d.close();
});

async function side(fast: boolean, env: Record<string, string>): Promise<Side> {
  const database = databases[fast ? 0 : 1]!;
  await resetDatabase(database);
  const app = await buildApp({ config: testConfig({ MIN_COMPLETION_SECONDS: '5', ...env }), database, fastIngest: fast });
  await app.store.upsertPartner(partnerA);
  await app.store.upsertPartner(partnerB);
  await app.store.registerInstrument(testSurvey as never, ['age-band']);
  const s: Side = { app, database, port: 0, fastifySaw: 0 };
  app.app.addHook('onRequest', (req, _reply, done) => {
    if (req.url.startsWith('/api/v1/responses')) s.fastifySaw++;
    done();
  });
  const url = await app.app.listen({ port: 0, host: '127.0.0.1' });
  s.port = Number(new URL(url).port);
  return s;
}

interface Case {
  name: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  path?: string;
  /** Answered by the fast path (a plain POST); otherwise by Fastify both ways. */
  fast: boolean;
}

function comparable(r: Raw) {
  const { date: _date, 'x-ratelimit-reset': reset, ...headers } = r.headers;
  return { status: r.status, headers, reset: reset === undefined ? undefined : Number(reset), body: r.body };
}

/** Posts each case to both sides in turn; asserts the answers match and the fast side used its fast path where expected. */
async function compare(fastSide: Side, fastifySide: Side, cases: Case[]) {
  const statuses: number[] = [];
  for (const c of cases) {
    const saw = fastSide.fastifySaw;
    const a = comparable(await rawPost(fastSide.port, c.path ?? '/api/v1/responses', c.body, c.headers));
    const b = comparable(await rawPost(fastifySide.port, c.path ?? '/api/v1/responses', c.body, c.headers));
    assert.equal(fastSide.fastifySaw - saw, c.fast ? 0 : 1, `${c.name}: ${c.fast ? 'not' : ''} answered by the fast path`);
    // The window's seconds left may tick over between the two posts.
    if (a.reset !== undefined || b.reset !== undefined) assert.ok(Math.abs(a.reset! - b.reset!) <= 1, `${c.name}: x-ratelimit-reset ${a.reset} vs ${b.reset}`);
    assert.deepEqual({ ...a, reset: 0 }, { ...b, reset: 0 }, c.name);
    statuses.push(a.status);
  }
  return statuses;
}

async function storedRows(s: Side) {
  const responses = await sql<Record<string, unknown>>`select id, instrument_id, instrument_version, partner_id, locale, period, started_at, submitted_at,
      answers::text as answers, meta::text as meta, body_hash, receipt_hash, status, quarantine_reason from responses order by id`.execute(s.database.db);
  const contacts = await sql<Record<string, unknown>>`select response_id, details::text as details from contacts order by response_id`.execute(s.database.db);
  const queued = await sql<Record<string, unknown>>`select response_id from tally_queue order by response_id`.execute(s.database.db);
  return { responses: responses.rows, contacts: contacts.rows, queued: queued.rows };
}

describe('the ingest fast path answers as the Fastify route', () => {
  let fast: Side;
  let slow: Side;
  before(async () => {
    fast = await side(true, {});
    slow = await side(false, {});
  });
  after(async () => {
    for (const s of [fast, slow]) await s.app.close();
  });

  test('good and bad posts: same status, headers, body and stored rows', async () => {
    const council = { origin: 'https://council.example' };
    const good = envelope();
    const goodText = JSON.stringify(good);
    const { answers: _answers, ...withoutAnswers } = good;
    const ids = Array.from({ length: 12 }, () => randomUUID());
    const old = (id: string, extra: Record<string, unknown> = {}, answers: Record<string, unknown> = {}) => {
      const e = envelope({ id, ...extra }, answers);
      // Started long enough before (MIN_COMPLETION_SECONDS 5), except where a case says otherwise.
      return JSON.stringify({ ...e, startedAt: new Date(Date.parse(e.submittedAt) - 600_000).toISOString(), ...extra });
    };
    const cases: Case[] = [
      { name: 'a good response from a partner page', body: goodText, headers: council, fast: true },
      { name: 'the same again (duplicate)', body: goodText, headers: council, fast: true },
      { name: 'the same id with other answers (conflict)', body: JSON.stringify({ ...good, answers: { ...good.answers, break: 'disagree' } }), headers: council, fast: true },
      { name: 'key order differs, same content (duplicate)', body: JSON.stringify({ answers: good.answers, ...withoutAnswers }), headers: council, fast: true },
      { name: 'sendBeacon text/plain', body: old(ids[0]!), headers: { ...council, 'content-type': 'text/plain;charset=UTF-8' }, fast: true },
      { name: 'charset in the JSON type', body: old(ids[1]!), headers: { ...council, 'content-type': 'application/json; charset=utf-8' }, fast: true },
      { name: 'no Origin (server to server)', body: old(ids[2]!), fast: true },
      { name: 'another partner\'s origin', body: old(ids[3]!), headers: { origin: 'https://carers.example' }, fast: true },
      { name: 'an unknown origin', body: old(ids[4]!), headers: { origin: 'https://elsewhere.example' }, fast: true },
      { name: 'Origin: null', body: old(ids[5]!), headers: { origin: 'null' }, fast: true },
      { name: 'the collector\'s own origin', body: old(ids[6]!), headers: { origin: `http://127.0.0.1:PORT` }, fast: true },
      { name: 'unknown partner', body: old(randomUUID(), { partner: 'nobody' }), headers: council, fast: true },
      { name: 'unknown instrument', body: old(randomUUID(), { instrument: { id: 'nothing', version: 1 } }), headers: council, fast: true },
      { name: 'unknown version', body: old(randomUUID(), { instrument: { id: 'test-survey', version: 9 } }), headers: council, fast: true },
      { name: 'not an envelope', body: '{}', headers: council, fast: true },
      { name: 'wrong types in the envelope', body: JSON.stringify({ ...good, id: 'x', locale: 5 }), headers: council, fast: true },
      { name: 'answers that do not fit', body: old(randomUUID(), {}, { 'age-band': 'ninety', hours: 'lots', support: ['gp', 'none'] }), headers: council, fast: true },
      { name: 'a required answer missing', body: old(randomUUID(), { answers: { hours: 3 } }), headers: council, fast: true },
      { name: 'honeypot filled in (quarantined)', body: old(ids[7]!, { meta: { honeypot: 'buy now', mode: 'inline' } }), headers: council, fast: true },
      { name: 'too quick (quarantined)', body: JSON.stringify(envelope({ id: ids[8] })), headers: council, fast: true },
      { name: 'contact details', body: old(ids[9]!, {}, { 'contact-ok': 'yes', email: 'carer@example.org' }), headers: council, fast: true },
      { name: 'contact in env.contact', body: old(ids[10]!, { contact: { email: 'c@example.org' } }, { 'contact-ok': 'yes' }), headers: council, fast: true },
      { name: 'invalid JSON', body: '{"id": "x", ', headers: council, fast: true },
      { name: 'JSON null', body: 'null', headers: council, fast: true },
      { name: 'JSON array', body: '[1,2]', headers: council, fast: true },
      { name: 'JSON string', body: '"hello"', headers: council, fast: true },
      { name: '__proto__ key', body: goodText.replace('"answers":{', '"answers":{"__proto__":{"x":1},'), headers: council, fast: true },
      { name: 'constructor.prototype', body: goodText.replace('"answers":{', '"answers":{"constructor":{"prototype":{}},'), headers: council, fast: true },
      { name: 'escaped __proto__', body: goodText.replace('"answers":{', '"answers":{"\\u005f_proto__":{"x":1},'), headers: council, fast: true },
      { name: 'nested too deeply', body: `{"answers":${'['.repeat(100)}${']'.repeat(100)}}`, headers: council, fast: true },
      { name: 'bad UTF-8 in a text', body: Buffer.concat([Buffer.from(old(ids[11]!, {}, { comments: 'AB' }).replace('"AB"', '"A')), Buffer.from([0xff, 0xfe]), Buffer.from('B"')]), headers: council, fast: true },
      { name: 'whitespace only', body: '   ', headers: council, fast: true },
      // Not the plain case: Fastify answers both ways.
      { name: 'too large', body: JSON.stringify({ ...good, answers: { comments: 'x'.repeat(70_000) } }), headers: council, fast: false },
      { name: 'an XML content type', body: goodText, headers: { ...council, 'content-type': 'application/xml' }, fast: false },
      { name: 'no content type', body: goodText, headers: { ...council, 'content-type': '' }, fast: false },
      { name: 'a query string', body: old(randomUUID()), headers: council, path: '/api/v1/responses?x=1', fast: false },
      { name: 'an empty body', body: '', headers: council, fast: false },
      { name: 'upper-case JSON type', body: old(randomUUID()), headers: { ...council, 'content-type': 'Application/JSON' }, fast: false },
    ];
    // (The collector's own origin differs by port between the two: each side gets its own, below.)
    const own = cases.find((c) => c.name === "the collector's own origin")!;
    cases.splice(cases.indexOf(own), 1);
    const statuses = await compare(fast, slow, cases);
    // The cases cover what they say.
    assert.deepEqual(new Set(statuses), new Set([201, 200, 409, 403, 422, 400, 413, 415]));
    const ownBody = old(ids[6]!);
    const ownFast = await rawPost(fast.port, '/api/v1/responses', ownBody, { origin: `http://127.0.0.1:${fast.port}` });
    const ownSlow = await rawPost(slow.port, '/api/v1/responses', ownBody, { origin: `http://127.0.0.1:${slow.port}` });
    assert.equal(ownFast.status, 201);
    const [ownA, ownB] = [comparable(ownFast), comparable(ownSlow)];
    assert.ok(Math.abs(ownA.reset! - ownB.reset!) <= 1);
    assert.deepEqual({ ...ownA, reset: 0 }, { ...ownB, reset: 0 });
    assert.equal(ownFast.headers['keep-alive'], undefined, 'Connection: close was asked for');
    await Promise.all([fast.app.writer.tallier.flushAll(), slow.app.writer.tallier.flushAll()]);
    const [a, b] = await Promise.all([storedRows(fast), storedRows(slow)]);
    assert.ok(a.responses.length >= 10 && a.contacts.length === 2);
    assert.deepEqual(a, b);
  });
});

describe('the fast path keeps the rate limits', () => {
  for (const [name, env, expected] of [
    ['per client', { RATE_LIMIT_CLIENT: '3' }, [201, 201, 201, 429, 429]],
    ['per partner', { RATE_LIMIT_PARTNER: '2' }, [201, 201, 429, 429, 201]],
  ] as const) {
    test(`${name}: the same 201s, 429s and Retry-After; one count with the Fastify routes`, async () => {
      const fast = await side(true, env);
      const slow = await side(false, env);
      try {
        const cases: Case[] = expected.map((_, i) => ({
          name: `post ${i + 1}`,
          body: JSON.stringify({ ...envelope({ partner: i === 4 ? 'charity' : 'council' }), startedAt: '2026-01-01T00:00:00.000Z' }),
          headers: { origin: i === 4 ? 'https://carers.example' : 'https://council.example' },
          fast: true,
        }));
        assert.deepEqual(await compare(fast, slow, cases), expected);
        // A refusal says when to come back.
        const again = await rawPost(fast.port, '/api/v1/responses', cases[3]!.body, cases[3]!.headers);
        assert.equal(again.status, 429);
        assert.ok(Number(again.headers['retry-after']) >= 1);
        if (name === 'per client') {
          // The deletions route (Fastify) counts against the same per-client limit.
          const del = await rawPost(fast.port, '/api/v1/deletions', JSON.stringify({ receipt: 'ABCD-EFGH' }));
          assert.equal(del.status, 429);
        }
      } finally {
        for (const s of [fast, slow]) await s.app.close();
      }
    });
  }
});

describe('the fast path behind a proxy (TRUST_PROXY)', () => {
  test('clients counted by X-Forwarded-For, the own origin from X-Forwarded-Proto and -Host, as Fastify does', async () => {
    const env = { RATE_LIMIT_CLIENT: '2', TRUST_PROXY: 'true' };
    const fast = await side(true, env);
    const slow = await side(false, env);
    try {
      const body = () => JSON.stringify({ ...envelope(), startedAt: '2026-01-01T00:00:00.000Z' });
      const from = (xff: string, extra: Record<string, string> = {}) => ({ origin: 'https://council.example', 'x-forwarded-for': xff, ...extra });
      const own = { origin: 'https://collector.example', 'x-forwarded-proto': 'http, https', 'x-forwarded-host': 'inner, collector.example' };
      const cases: Case[] = [
        { name: 'client a, 1', body: body(), headers: from('203.0.113.5, 10.0.0.1'), fast: true },
        { name: 'client a, 2', body: body(), headers: from(' 203.0.113.5 ,10.0.0.2'), fast: true },
        { name: 'client a, 3 (refused)', body: body(), headers: from('203.0.113.5'), fast: true },
        { name: 'client b', body: body(), headers: from('2001:db8:1:2::5'), fast: true },
        { name: 'client b, same /64', body: body(), headers: from('2001:db8:1:2::6'), fast: true },
        { name: 'client b, same /64 (refused)', body: body(), headers: from('2001:db8:1:2:ffff::1'), fast: true },
        { name: 'the collector\'s own origin through the proxy', body: body(), headers: { ...from('198.51.100.7'), ...own }, fast: true },
        { name: 'an origin that is neither', body: body(), headers: { ...from('198.51.100.8'), origin: 'https://elsewhere.example' }, fast: true },
      ];
      assert.deepEqual(await compare(fast, slow, cases), [201, 201, 429, 201, 201, 429, 201, 403]);
    } finally {
      for (const s of [fast, slow]) await s.app.close();
    }
  });
});
