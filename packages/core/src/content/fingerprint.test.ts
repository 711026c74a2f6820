import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, definitionFingerprint, fnv1a64, hasValidFingerprint, withFingerprint } from './fingerprint.js';
import { parseDefinition, parseSurvey } from './parse.js';
import { sampleSurvey, pollAfterVote as samplePoll } from './fixtures/index.js';

/** The textbook FNV-1a 64 with BigInt, to check the 16-bit version against. */
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

test('fnv1a64 gives the published FNV-1a 64 values', () => {
  assert.equal(fnv1a64(''), 'cbf29ce484222325');
  assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
  assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  for (const text of ['{"kind":"survey"}', 'Gofal — ਦੇਖਭਾਲ کرنے والے 😀', 'x'.repeat(5000)]) assert.equal(fnv1a64(text), reference(text));
});

test('canonical JSON sorts keys at every level and drops undefined, like JSON.stringify', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 2, y: undefined }], c: 'x' } }), '{"a":{"c":"x","d":[1,{"z":2}]},"b":1}');
  assert.equal(canonicalJson([undefined, null]), '[null,null]');
  const loop: Record<string, unknown> = {};
  loop['self'] = loop;
  assert.throws(() => canonicalJson(loop));
});

test('round trip: a parsed definition with its fingerprint is recognised, also after JSON and key reordering', () => {
  const parsed = parseSurvey(sampleSurvey);
  assert.ok(parsed.ok);
  const checked = withFingerprint(parsed.definition);
  assert.match(checked.checked, /^fnv1a64:[0-9a-f]{16}$/);
  assert.equal(hasValidFingerprint(checked), true);
  const stored = JSON.parse(JSON.stringify(checked)) as Record<string, unknown>;
  assert.equal(hasValidFingerprint(stored), true);
  // A database may hand the keys back in another order.
  const reordered = Object.fromEntries(Object.entries(stored).reverse());
  assert.equal(hasValidFingerprint(reordered), true);
  // Adding it again changes nothing.
  assert.equal(withFingerprint(checked).checked, checked.checked);
  assert.equal(definitionFingerprint(checked), checked.checked);
});

test('a hand edit anywhere breaks the fingerprint', () => {
  const checked = withFingerprint(samplePoll);
  const edited = structuredClone(checked);
  (edited.questions[0] as { label: string }).label += '!';
  assert.equal(hasValidFingerprint(edited), false);
  assert.equal(hasValidFingerprint({ ...checked, version: checked.version + 1 }), false);
  assert.equal(hasValidFingerprint({ ...checked, checked: 'fnv1a64:0000000000000000' }), false);
  const { checked: _gone, ...unchecked } = checked;
  assert.equal(hasValidFingerprint(unchecked), false);
});

test('hasValidFingerprint never throws on odd input', () => {
  for (const input of [undefined, null, 'text', 3, [], new Proxy({}, { ownKeys: () => { throw new Error('no'); } })]) {
    assert.equal(hasValidFingerprint(input), false);
  }
  const throwing = { kind: 'survey', checked: 'fnv1a64:0', get pages(): unknown { throw new Error('boom'); } };
  assert.equal(hasValidFingerprint(throwing), false);
});

test('the parsers accept a checked definition and never return the fingerprint', () => {
  const checked = withFingerprint(samplePoll);
  const all = parseDefinition(checked);
  assert.ok(all.ok);
  assert.equal('checked' in all.definition, false);
  const one = parseSurvey(withFingerprint(sampleSurvey));
  assert.ok(one.ok);
  assert.equal('checked' in one.definition, false);
  // The parser's output is the content as written, so the checked form is that output plus the key.
  assert.deepEqual(withFingerprint(one.definition), withFingerprint(sampleSurvey));
});
