/**
 * The cheaper versions of per-request steps give exactly what the plain versions give: the body hash
 * (stored, so it may never change for a body), the canonical answers spliced into the insert, and the
 * unsafe-JSON check with its messages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, hashBody, hashEnvelopeBody } from './ingest.js';
import { unsafeJson, unsafeJsonText } from './server.js';

/** The canonical JSON as first written (map/join, JSON.stringify for every leaf): the reference. */
function reference(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

// Texts with quotes, backslashes, control characters, lone and paired surrogates, long and short.
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 10 }), fc.constantFrom('"', '\\', '\u0000', '\ud800', '\udfff', 'a\ud83d\ude00b', 'x'.repeat(65), 'é'));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(text, tie('value'), { maxKeys: 6 })),
})).value;

test('canonicalJson and hashBody equal the reference on arbitrary JSON values (escapes, surrogates, numbers, numeric keys)', () => {
  fc.assert(
    fc.property(json, (v) => {
      assert.equal(canonicalJson(v), reference(v));
      assert.equal(hashBody(v), sha(reference(v)));
    }),
    { numRuns: 3000 },
  );
  assert.equal(canonicalJson({ b: 1, '10': 'x', '2': ['"\\\u0001'], a: { d: -0, c: 1e21 } }), reference({ b: 1, '10': 'x', '2': ['"\\\u0001'], a: { d: -0, c: 1e21 } }));
});

test('hashEnvelopeBody: the same hash as hashBody, and answersJson is the canonical JSON of the answers', () => {
  fc.assert(
    fc.property(fc.dictionary(text, json, { maxKeys: 5 }), fc.option(fc.dictionary(text, json, { maxKeys: 8 })), (rest, answers) => {
      const body: Record<string, unknown> = { ...rest };
      if (answers) body.answers = answers;
      const r = hashEnvelopeBody(JSON.parse(JSON.stringify(body)));
      const parsed = JSON.parse(JSON.stringify(body));
      assert.equal(r.bodyHash, hashBody(parsed));
      assert.equal(r.answersJson, 'answers' in parsed ? reference(parsed.answers) : undefined);
      if (r.answersJson !== undefined) assert.deepEqual(JSON.parse(r.answersJson), parsed.answers);
    }),
    { numRuns: 1000 },
  );
  assert.equal(hashEnvelopeBody([1]).bodyHash, hashBody([1]));
});

test('unsafeJsonText says what unsafeJson says, for forbidden keys (also spelt with \\u escapes) and deep nesting', () => {
  const cases = [
    '{"a":1}',
    '{"__proto__":{"x":1}}',
    '{"a":{"\\u005f_proto__":1}}',
    '{"constructor":{"prototype":{}}}',
    '{"a":[{"constructor":{"prototype":1}}]}',
    '{"constructor":"fine"}',
    `${'['.repeat(65)}1${']'.repeat(65)}`,
    `${'['.repeat(63)}1${']'.repeat(63)}`,
    `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`,
    `{"answers":${'{"x":'.repeat(63)}{}${'}'.repeat(63)}}`,
    '"just text"',
    'null',
  ];
  for (const t of cases) assert.equal(unsafeJsonText(t, JSON.parse(t)), unsafeJson(JSON.parse(t)), t);
  assert.match(unsafeJsonText(cases[1]!, JSON.parse(cases[1]!)) ?? '', /forbidden key/);
  assert.match(unsafeJsonText(cases[2]!, JSON.parse(cases[2]!)) ?? '', /forbidden key/);
  assert.match(unsafeJsonText(cases[8]!, JSON.parse(cases[8]!)) ?? '', /nested too deeply/);
  fc.assert(
    fc.property(fc.json({ depthSize: 'large' }), (t) => {
      assert.equal(unsafeJsonText(t, JSON.parse(t)), unsafeJson(JSON.parse(t)));
    }),
    { numRuns: 2000 },
  );
});
