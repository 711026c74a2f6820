/**
 * Property-based fuzzing of POST /responses and of the results query string: whatever arrives, the
 * answer is never a 5xx, and every rejection names the problem. (PGlite; the parsing under test is the
 * same code for both storages.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openDatabase, migrate, type Database } from './db/database.js';
import { buildApp, type App } from './server.js';
import { createUser } from './auth.js';
import { envelope, partnerA, testConfig, testSurvey } from './testing/fixtures.js';

let database: Database;
let app: App;
let cookie = '';

before(async () => {
  database = await openDatabase({});
  await migrate(database.db);
  app = await buildApp({ config: testConfig(), database });
  await app.store.upsertPartner(partnerA);
  await app.store.registerInstrument(testSurvey as never, ['age-band']);
  await createUser(database.db, { username: 'admin', password: 'a long enough password', role: 'admin' });
  const r = await app.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'x-requested-with': 'carers-voice' }, payload: { username: 'admin', password: 'a long enough password' } });
  cookie = `cv_session=${r.cookies[0]!.value}`;
});
after(async () => {
  await app.close();
  await database.close();
});

function assertNamed(status: number, body: string, input: unknown) {
  assert.ok(status < 500, `status ${status} for ${JSON.stringify(input)?.slice(0, 300)}: ${body.slice(0, 300)}`);
  if (status >= 400) {
    const json = JSON.parse(body) as { error?: unknown };
    assert.equal(typeof json.error, 'string', body);
    assert.ok((json.error as string).length > 5, body);
  }
}

const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'answers', 'id', '', ' ', '\u0000', 'é');
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '=cmd|/c calc', 'null', 'NaN', '1e999', '<script>', '%FF%FE', '%', '%E0%A4%A', 'x'.repeat(20_000)),
);
const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyKey, fc.string()), tie('value'), { maxKeys: 4 }),
  ),
})).value;

test('fuzz: arbitrary JSON bodies never cause a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(nastyValue, async (body) => {
      const r = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json' } });
      assertNamed(r.statusCode, r.body, body);
    }),
    { numRuns: 150 },
  );
});

test('fuzz: a valid envelope with one field replaced by anything never causes a 5xx', async () => {
  const fields = ['id', 'instrument', 'partner', 'locale', 'startedAt', 'submittedAt', 'answers', 'meta', 'contact', '__proto__', 'extra'];
  const answerKeys = ['age-band', 'break', 'support', 'hours', 'comments', 'email', 'contact-ok', '__proto__', 'constructor'];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...fields), nastyValue, fc.constantFrom(...answerKeys), nastyValue, async (field, value, answerKey, answerValue) => {
      const env: Record<string, unknown> = envelope();
      // Written as JSON text so "__proto__" arrives as a key, as an attacker would send it.
      const answers = JSON.parse(`{${Object.entries(env.answers as object).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')},${JSON.stringify(answerKey)}:${JSON.stringify(answerValue) ?? 'null'}}`);
      const text = JSON.stringify({ ...env, answers }).replace(/}$/, `,${JSON.stringify(field)}:${JSON.stringify(value) ?? 'null'}}`);
      const r = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: text, headers: { 'content-type': 'application/json' } });
      assertNamed(r.statusCode, r.body, { field, value, answerKey, answerValue });
    }),
    { numRuns: 200 },
  );
});

test('fuzz: raw bytes, invalid UTF-8 and broken JSON never cause a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom(Buffer.from([0xff, 0xfe, 0x7b, 0x22]), Buffer.from('{"id":"\xc3\x28"}', 'latin1'), Buffer.from(JSON.stringify(envelope()).replace('18-64', '\udc00'))),
      ),
      fc.constantFrom('application/json', 'text/plain', 'application/json; charset=latin1', 'application/octet-stream', 'multipart/form-data; boundary=x'),
      async (bytes, type) => {
        const r = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: Buffer.from(bytes), headers: { 'content-type': type } });
        assertNamed(r.statusCode, r.body, { bytes: bytes.length, type });
      },
    ),
    { numRuns: 150 },
  );
});

test('deep nesting and huge strings are refused with a reason', async () => {
  const deep = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: '['.repeat(30_000) + ']'.repeat(30_000), headers: { 'content-type': 'application/json' } });
  assert.equal(deep.statusCode, 400);
  assert.match(deep.json().error, /nested too deeply/);
  const deepObject = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), headers: { 'content-type': 'application/json' } });
  assert.equal(deepObject.statusCode, 400);
  const huge = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: envelope({}, { comments: 'é'.repeat(40_000) }) });
  assert.equal(huge.statusCode, 413);
});

/** Percent-encodes text, lone surrogates included, and lets raw "%" sequences through now and then. */
function encodeQuery(v: string): string {
  if (/^%/.test(v)) return v.replace(/[^%0-9A-Za-z]/g, '');
  return [...Buffer.from(v, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

test('fuzz: results query strings never cause a 5xx and every rejection is named', async () => {
  const paramName = fc.constantFrom('partner', 'area', 'from', 'to', 'by', 'where', 'version', '__proto__', 'constructor[prototype]', 'partner[]', 'x');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(paramName, nastyString), { maxLength: 5 }), fc.constantFrom('test-survey', 'nope', '..%2F..', '%00', 'a'.repeat(300)), async (params, id) => {
      const qs = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeQuery(v.slice(0, 2000))}`).join('&');
      for (const path of [`/api/v1/results/${id}`, `/api/v1/export/${id}.csv`]) {
        const r = await app.app.inject({ method: 'GET', url: `${path}?${qs}`, headers: { cookie } });
        assertNamed(r.statusCode, r.body, { path, qs });
      }
    }),
    { numRuns: 150 },
  );
});
