import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, readPartnersFile } from './config.js';
import { csvCell, toCsv } from './csv.js';
import { canonicalJson, hashBody } from './ingest.js';

test('defaults need no configuration at all', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8787);
  assert.equal(c.dataDir, './.data/collector');
  assert.deepEqual(c.suppression, { threshold: 7, rounding: 5 });
  assert.equal(c.workers, 1);
  assert.equal(c.pgliteThread, 'main');
  assert.equal(loadConfig({ WORKERS: '3', DATABASE_URL: 'postgres://db.example/cv' }).workers, 3);
});

test('a bad setting stops start-up with a message naming it', () => {
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ PORT: 'eighty' }, 'PORT', /whole number/],
    [{ PORT: '70000' }, 'PORT', /0 to 65535/],
    [{ SUPPRESSION_THRESHOLD: 'seven' }, 'SUPPRESSION_THRESHOLD', /seven/],
    [{ SUPPRESSION_ROUNDING: '0' }, 'SUPPRESSION_ROUNDING', /1 to/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres:\/\//],
    [{ RETENTION_DAYS: '-1' }, 'RETENTION_DAYS', /whole number/],
    [{ PUBLIC_ORIGIN: 'https://x.example/path' }, 'PUBLIC_ORIGIN', /no path/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of/],
    [{ WORKERS: '2' }, 'WORKERS', /PostgreSQL \(DATABASE_URL\)/],
    [{ WORKERS: 'many', DATABASE_URL: 'postgres://x' }, 'WORKERS', /whole number/],
    [{ PGLITE_THREAD: 'both' }, 'PGLITE_THREAD', /worker or main/],
  ];
  for (const [env, setting, message] of cases) {
    assert.throws(() => loadConfig(env), (e: unknown) => e instanceof ConfigError && e.setting === setting && message.test(e.message), JSON.stringify(env));
  }
});

test('the partners file: read, and every problem named with its place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cv-partners-'));
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify([{ id: 'council', name: 'Council', area: 'north', origins: ['https://www.council.example'] }]));
  assert.deepEqual(readPartnersFile(good), [{ id: 'council', name: 'Council', area: 'north', origins: ['https://www.council.example'] }]);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ partners: [{ id: 'council', name: 'Council', origins: ['https://www.council.example/'] }] }));
  assert.throws(() => readPartnersFile(bad), /PARTNERS_FILE: .*partners\.0\.origins\.0: an origin/);
  writeFileSync(bad, '{ nope');
  assert.throws(() => readPartnersFile(bad), /PARTNERS_FILE: .* is not valid JSON/);
  assert.throws(() => readPartnersFile(join(dir, 'missing.json')), /PARTNERS_FILE: cannot read/);
  rmSync(dir, { recursive: true, force: true });
});

test('CSV cells are RFC 4180 quoted and formula-safe', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  for (const danger of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(danger).replace(/^"/, '').startsWith("'"), danger);
  assert.equal(csvCell(-3), '-3', 'numbers stay numbers');
  assert.equal(csvCell(null), '');
  assert.equal(toCsv(['a', 'b'], [[1, '=x']]), "a,b\r\n1,'=x\r\n");
});

test('the body hash ignores key order but not values', () => {
  assert.equal(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }), '{"a":[2,{"c":4,"d":3}],"b":1}');
  assert.equal(hashBody({ a: 1, b: 2 }), hashBody({ b: 2, a: 1 }));
  assert.notEqual(hashBody({ a: 1 }), hashBody({ a: 2 }));
});
