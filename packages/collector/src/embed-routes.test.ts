/**
 * The drop-in's static files (/embed/v1/) and iframe mode's page (/embed/frame/:widget): headers a
 * partner's browser enforces, and a 4xx page naming the problem for every bad address — on PGlite
 * and on PostgreSQL, since the page reads partners and instruments from the database.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from './server.js';
import { openBackends, resetDatabase } from './testing/databases.js';
import { partnerA, partnerB, testConfig, testSurvey } from './testing/fixtures.js';

const backends = await openBackends();
const embedDir = mkdtempSync(join(tmpdir(), 'cv-embed-'));
writeFileSync(join(embedDir, 'carers-voice.js'), 'export const loader = 1;\n');
writeFileSync(join(embedDir, 'frame.js'), 'export {};\n');
writeFileSync(join(embedDir, 'frame.css'), 'body{margin:0}\n');
writeFileSync(join(embedDir, 'chunk-2BLNEZIO.js'), 'export const chunk = 1;\n');
writeFileSync(join(embedDir, 'manifest.json'), '{"version":1}\n');
const outside = mkdtempSync(join(tmpdir(), 'cv-embed-outside-'));
writeFileSync(join(outside, 'secret.js'), 'TOP-SECRET-BYTES');
mkdirSync(join(embedDir, 'sub'));
after(async () => {
  for (const b of backends) await b.stop();
  rmSync(embedDir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const twoSites = { id: 'two-sites', name: 'Two sites', area: 'north', origins: ['https://a.example', 'https://b.example:8443'] };
const noSites = { id: 'no-sites', name: 'No sites', area: 'north', origins: [] };
const quiz = {
  kind: 'quiz',
  id: 'test-quiz',
  version: 1,
  title: 'A quiz <about> "caring"',
  privacy: { anonymous: true },
  mode: 'identify',
  questions: [{ id: 'q1', type: 'single', label: 'Do you look after someone?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }],
};

for (const backend of backends) {
  describe(`embed routes on ${backend.name}`, () => {
    let app: App;
    const get = (url: string) => app.app.inject({ method: 'GET', url });

    before(async () => {
      await resetDatabase(backend.database);
      app = await buildApp({ config: { ...testConfig(), embedDir }, database: backend.database });
      for (const p of [partnerA, partnerB, twoSites, noSites]) await app.store.upsertPartner(p);
      await app.store.registerInstrument(testSurvey as never);
      await app.store.registerInstrument(quiz as never);
    });
    after(() => app.close());

    test('the frame page: framed only by the partner\'s origins, strict policy, no inline script, no cookie', async () => {
      const r = await get('/embed/frame/survey?partner=council&instrument=test-survey&lang=en-GB');
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-type']), /^text\/html; charset=utf-8/);
      const csp = String(r.headers['content-security-policy']);
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      assert.equal(directives['frame-ancestors'], 'https://council.example');
      assert.equal(directives['default-src'], "'self'");
      assert.equal(directives['script-src'], "'self'");
      assert.equal(directives['require-trusted-types-for'], "'script'");
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['set-cookie'], undefined);
      assert.equal(r.headers['x-frame-options'], undefined, 'frame-ancestors decides, not X-Frame-Options');
      // Every script is a file from the collector's own /embed/v1/.
      const scripts = [...r.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.deepEqual(scripts.map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1]), ['/embed/v1/carers-voice.js', '/embed/v1/frame.js']);
      assert.ok(scripts.every((m) => m[2] === ''), 'no inline script');
      assert.match(r.body, /<carer-survey instrument="test-survey" partner="council" endpoint="http:\/\/localhost:80" lang="en-GB"><\/carer-survey>/);
      assert.match(r.body, /data-parent-origin="https:\/\/council\.example"/);
      assert.match(r.body, /<title>Test carers survey<\/title>/);
    });

    test('a partner with several origins: frame-ancestors lists all, the page posts to the one named', async () => {
      const r = await get('/embed/frame/quiz?partner=two-sites&instrument=test-quiz&origin=https%3A%2F%2Fb.example%3A8443');
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-security-policy']), /frame-ancestors https:\/\/a\.example https:\/\/b\.example:8443;/);
      assert.match(r.body, /data-parent-origin="https:\/\/b\.example:8443"/);
      assert.match(r.body, /<title>A quiz &lt;about&gt; &quot;caring&quot;<\/title>/, 'the title is escaped');
      const other = await get('/embed/frame/survey?partner=charity&instrument=test-survey');
      assert.match(String(other.headers['content-security-policy']), /frame-ancestors https:\/\/carers\.example;/);
    });

    const bad: [string, string, number, RegExp][] = [
      ['an unknown widget', '/embed/frame/results?partner=council&instrument=test-survey', 404, /no widget called &quot;results&quot;.*survey, quiz, poll, priority-check/],
      ['no partner', '/embed/frame/survey?instrument=test-survey', 400, /partner/],
      ['a malformed partner id', '/embed/frame/survey?partner=Council!&instrument=test-survey', 400, /partner id uses lower-case/],
      ['an unknown partner', '/embed/frame/survey?partner=nobody&instrument=test-survey', 404, /no partner &quot;nobody&quot;/],
      ['an unknown instrument', '/embed/frame/survey?partner=council&instrument=nothing-here', 404, /no instrument &quot;nothing-here&quot;/],
      ['an instrument of another kind', '/embed/frame/survey?partner=council&instrument=test-quiz', 400, /is a quiz, not a survey: show it with \/embed\/frame\/quiz/],
      ['an origin the partner did not register', '/embed/frame/survey?partner=council&instrument=test-survey&origin=https%3A%2F%2Fevil.example', 403, /https:\/\/evil\.example is not registered for partner &quot;council&quot;/],
      ['an origin with a path', '/embed/frame/survey?partner=council&instrument=test-survey&origin=https%3A%2F%2Fcouncil.example%2Fx', 400, /origin/],
      ['several origins and none named', '/embed/frame/survey?partner=two-sites&instrument=test-survey', 400, /several website origins/],
      ['a partner with no origins', '/embed/frame/survey?partner=no-sites&instrument=test-survey', 403, /no website origins registered/],
      ['a bad lang', '/embed/frame/survey?partner=council&instrument=test-survey&lang=%3Cscript%3E', 400, /lang/],
    ];
    for (const [what, url, status, message] of bad) {
      test(`the frame page refuses ${what} with ${status} and says why`, async () => {
        const r = await get(url);
        assert.equal(r.statusCode, status, r.body);
        assert.match(String(r.headers['content-type']), /^text\/html/);
        assert.match(r.body, message);
        assert.doesNotMatch(r.body, /<script/);
        assert.doesNotMatch(r.body, /<carer-/);
      });
    }

    test('the drop-in: CORS for any page, long cache only for hashed chunks, right content types', async () => {
      const loader = await get('/embed/v1/carers-voice.js');
      assert.equal(loader.statusCode, 200);
      assert.equal(loader.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.equal(loader.headers['access-control-allow-origin'], '*');
      assert.equal(loader.headers['x-content-type-options'], 'nosniff');
      assert.doesNotMatch(String(loader.headers['cache-control']), /immutable/);
      assert.equal(loader.body, 'export const loader = 1;\n');
      const chunk = await get('/embed/v1/chunk-2BLNEZIO.js');
      assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal((await get('/embed/v1/frame.css')).headers['content-type'], 'text/css; charset=utf-8');
      assert.equal((await get('/embed/v1/manifest.json')).headers['content-type'], 'application/json; charset=utf-8');
      for (const path of ['/embed/v1/nothing.js', '/embed/v1/sub', `/embed/v1/..%2F${outside.split('/').pop()}%2Fsecret.js`, '/embed/v1/%E0%A4%A']) {
        const r = await get(path);
        assert.ok(r.statusCode === 404 || r.statusCode === 400, `${path}: ${r.statusCode}`);
        assert.doesNotMatch(r.body, /TOP-SECRET-BYTES/);
      }
    });
  });
}

test('a collector whose drop-in is not built says how to build it', async () => {
  const backend = backends[0]!;
  const app = await buildApp({ config: { ...testConfig(), embedDir: join(embedDir, 'sub') }, database: backend.database });
  try {
    const r = await app.app.inject({ method: 'GET', url: '/embed/v1/carers-voice.js' });
    assert.equal(r.statusCode, 503);
    assert.match(r.body, /not built.*pnpm build:embed.*EMBED_DIR/);
  } finally {
    await app.close();
  }
});
