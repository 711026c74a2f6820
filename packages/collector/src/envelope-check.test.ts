import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { parseDefinition } from '@carers-voice/core/content';
import { parseEnvelope } from '@carers-voice/core/response';
import { isPlainValidEnvelope, plainSize, withinSizeLimit } from './envelope-check.js';
import { checkEnvelope } from './core-api.js';
import { randomAnswers, seededRandom } from './answers.js';

const surveyFile = new URL('../../content/instruments/annual-carers-survey.json', import.meta.url).pathname;

/** The quick check never says "valid" where the full check disagrees, and then the value is unchanged. */
function agrees(body: unknown) {
  const plain = JSON.parse(JSON.stringify(body)) as unknown;
  const quick = isPlainValidEnvelope(plain);
  const full = parseEnvelope(plain);
  if (quick) {
    assert.ok(full.ok, `quick check passed a body the full check refuses: ${JSON.stringify(plain).slice(0, 300)} → ${JSON.stringify(!full.ok && full.problems)}`);
    assert.deepStrictEqual(full.envelope, plain);
  }
  return { quick, full: full.ok };
}

const valid = () => ({
  id: randomUUID(),
  instrument: { id: 'annual-carers-survey', version: 1 },
  partner: 'council',
  locale: 'en-GB',
  startedAt: '2026-03-01T09:00:00Z',
  submittedAt: '2026-03-01T09:05:00.123+01:00',
  answers: { 'age-band': '45-64', hours: 35, help: ['breaks', 'money'], points: { breaks: 5, '10': 2 } },
});

test('a widget body of the annual survey takes the quick path; rejections keep the full check and its messages', () => {
  const parsed = parseDefinition(JSON.parse(readFileSync(surveyFile, 'utf8')));
  if (!parsed.ok) throw new Error('the annual survey does not parse');
  const definition = parsed.definition;
  const rnd = seededRandom(11);
  for (let i = 0; i < 50; i++) {
    const answers: Record<string, unknown> = randomAnswers(definition, rnd)!;
    const body: Record<string, unknown> = { ...valid(), answers, meta: { mode: 'inline' }, contact: { email: 'a@example.org' } };
    assert.deepEqual(agrees(body), { quick: true, full: true });
  }
  // A rejected body: the same problems, word for word, as parseEnvelope gives.
  const bad = { ...valid(), id: 'not-a-uuid', extra: 1 };
  assert.equal(isPlainValidEnvelope(bad), false);
  const r = checkEnvelope(bad, { fromJson: true });
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.problems, (parseEnvelope(bad) as { problems: unknown }).problems);
});

test('the quick check agrees with parseEnvelope on generated and mutated bodies', () => {
  const text = (max: number) => fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'a', 'x'.repeat(max), 'x'.repeat(max + 1), 'é'.repeat(max)));
  const id = fc.oneof(fc.constantFrom('council', 'a', 'A-b_9', '9lives', '-x', 'a'.repeat(64), 'a'.repeat(65), 'has space', 's:1', ''), fc.string({ maxLength: 6 }));
  const answerKey = fc.oneof(id, fc.constantFrom(`s:${randomUUID()}`, 's:not-a-uuid', `S:${randomUUID()}`, 'constructor', 'toString'));
  const number = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(2 ** 53, 2 ** 53 - 1, 0.5));
  const answerValue = fc.oneof(
    text(10000),
    number,
    fc.array(text(200), { maxLength: 3 }),
    fc.constantFrom(Array(200).fill('a'), Array(201).fill('a'), ['a', 1], [null], [['a']]),
    fc.dictionary(fc.oneof(text(200), fc.constantFrom('10', '2', '0')), number, { maxKeys: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(text(5), fc.constant(null)), { minKeys: 1, maxKeys: 2 }),
    fc.constantFrom(null, true, false, {}, []),
  );
  const dateTime = fc.oneof(
    fc.constantFrom('2026-03-01T09:00:00Z', '2024-02-29T23:59:59.5+05:30', '2025-02-29T10:00:00Z', '2026-03-01T09:00:00', '2026-03-01 09:00:00Z', '2026-13-01T09:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T09:00:00.123456789-11:00'),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  // Mostly valid fields (so valid bodies are common), sometimes anything; sometimes a key left out or added.
  const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
  const goodId = fc.constantFrom('council', 'a', 'A-b_9', 'a'.repeat(64));
  const goodText = (max: number) => fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('x'.repeat(max), 'é'.repeat(max)));
  const goodAnswer = fc.oneof(goodText(10000), fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.array(goodText(200), { maxLength: 3 }), fc.dictionary(goodText(200), fc.integer(), { maxKeys: 3 }));
  const envelope = fc
    .record({
      id: mostly(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1b4e28ba-2fa1-11d2-883f-b9a761bde3fb', '1b4e28ba-2fa1-01d2-883f-b9a761bde3fb', 'not-a-uuid', '', 7)),
      instrument: mostly(
        fc.record({ id: goodId, version: fc.integer({ min: 1, max: 3 }) }),
        fc.oneof(fc.record({ id, version: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom(1.5, 2 ** 53, '1')) }), fc.constantFrom(null, 'annual', { id: 'a', version: 1, extra: true }, { id: 'a' })),
      ),
      partner: mostly(goodId, id),
      locale: mostly(fc.constantFrom('en-GB', 'ur', 'cy'), fc.oneof(fc.constantFrom('EN', 'en_GB', 'en-GB-x-toolongtag1'), fc.string({ maxLength: 5 }))),
      startedAt: mostly(fc.constantFrom('2026-03-01T09:00:00Z'), dateTime),
      submittedAt: mostly(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('9999-12-31') }).map((d) => d.toISOString()), dateTime),
      answers: mostly(fc.dictionary(mostly(goodId, answerKey), mostly(goodAnswer, answerValue), { maxKeys: 5 }), fc.constantFrom(null, [], 'x')),
      meta: optional(
        mostly(
          fc.record({ honeypot: optional(mostly(goodText(1000), text(1000))), device: optional(mostly(goodText(40), text(40))), mode: optional(mostly(fc.constantFrom('inline', 'frame'), fc.constantFrom('popup', 'INLINE'))) }),
          fc.constantFrom(null, { other: 1 }),
        ),
      ),
      contact: optional(mostly(fc.dictionary(goodId, goodText(500), { maxKeys: 2 }), fc.oneof(fc.dictionary(id, fc.oneof(text(500), fc.constant(3)), { maxKeys: 2 }), fc.constant(null)))),
      drop: mostly(fc.constant(undefined), fc.constantFrom('id', 'instrument', 'partner', 'locale', 'startedAt', 'submittedAt', 'answers')),
      extra: mostly(fc.constant(undefined), fc.constantFrom('unexpected', '__proto__', 'constructor')),
    })
    .map(({ drop, extra, ...e }) => {
      const out: Record<string, unknown> = { ...e };
      for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
      if (drop) delete out[drop];
      if (extra) Object.defineProperty(out, extra, { value: 1, enumerable: true, writable: true, configurable: true });
      return out;
    });
  let quick = 0;
  let full = 0;
  fc.assert(
    fc.property(envelope, (e) => {
      const r = agrees(e);
      if (r.quick) quick++;
      if (r.full) full++;
    }),
    { numRuns: 3000, seed: 20261122 },
  );
  // Both kinds were generated, and the quick path took most of the valid ones.
  assert.ok(full > 50 && full < 2950, `valid: ${full}`);
  assert.ok(quick > full * 0.8, `quick ${quick} of ${full} valid`);
});

test('a body over parseEnvelope\'s size limit takes the full check', () => {
  const big = { ...valid(), answers: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`q${i}`, 'x'.repeat(9000)])) };
  assert.deepEqual(agrees(big), { quick: false, full: false });
});

test('plainSize is at most 4 × the JSON text\'s length, so a body under the limit in bytes needs no walk', () => {
  fc.assert(
    fc.property(fc.oneof(fc.json({ depthSize: 'medium' }), fc.json({ depthSize: 'medium', stringUnit: 'binary' })), (text) => {
      assert.ok(plainSize(JSON.parse(text), Infinity) <= 4 * text.length, text);
    }),
    { numRuns: 3000 },
  );
  // The worst cases: many tiny values, empty strings, empty containers, one-letter keys.
  for (const text of ['[0,0,0,0,0]', '["","",""]', '[[],[],{}]', '{"a":0,"b":"","c":[]}', '0', '""', '{}']) {
    assert.ok(plainSize(JSON.parse(text), Infinity) <= 4 * text.length, text);
  }
  assert.equal(withinSizeLimit(65_536), true);
  assert.equal(withinSizeLimit(125_001), false);
  assert.equal(withinSizeLimit(undefined), false);
});
