import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { brokenDefinitions, fixtures } from './fixtures/index.js';
import { formatProblems, parseDefinition } from './index.js';

test('every fixture parses', () => {
  for (const [name, fixture] of Object.entries(fixtures)) {
    const result = parseDefinition(fixture);
    assert.equal(result.ok, true, `${name}: ${result.ok ? '' : formatProblems(result.problems)}`);
  }
});

test('a fixture parses from a JSON string too, and comes back equal', () => {
  const result = parseDefinition(JSON.stringify(fixtures.survey));
  assert.ok(result.ok);
  assert.deepEqual(result.definition, JSON.parse(JSON.stringify(fixtures.survey)));
});

test('the broken-definitions table has at least 30 cases', () => {
  assert.ok(brokenDefinitions.length >= 30, `only ${brokenDefinitions.length}`);
});

for (const broken of brokenDefinitions) {
  test(`broken: ${broken.name} → ${broken.expected.path || '(whole definition)'}: ${broken.expected.message}`, () => {
    const result = parseDefinition(broken.input);
    assert.equal(result.ok, false, 'should not parse');
    if (result.ok) return;
    assert.ok(
      result.problems.some((p) => p.path === broken.expected.path && p.message === broken.expected.message),
      `expected "${broken.expected.path}: ${broken.expected.message}", got:\n${formatProblems(result.problems)}`,
    );
  });
}

test('union noise collapses to one message per mistake', () => {
  const result = parseDefinition({
    kind: 'survey', id: 's', version: 1, title: 'T', privacy: { anonymous: true },
    pages: [{ id: 'p', questions: [
      { id: 'a', type: 'single', label: 'A', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
      { id: 'b', type: 'statement', label: 'B', showIf: { any: [{ question: 'a', equals: 'x' }, { question: 'a', in: 'y' }] } },
    ] }],
  });
  assert.ok(!result.ok);
  assert.deepEqual(result.problems, [{ path: 'pages[0].questions[1].showIf.any[1].in', message: 'must be a list, not "y"' }]);
});

test('a question with a bad type reports only the type, not every question shape', () => {
  const result = parseDefinition({
    kind: 'poll', id: 'p', version: 1, title: 'T', privacy: { anonymous: true }, showResults: 'never',
    questions: [{ id: 'a', type: 'checkbox', label: 'A', options: [] }],
  });
  assert.ok(!result.ok);
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0]!.path, 'questions[0].type');
});

test('formatProblems gives one line per problem', () => {
  const text = formatProblems([
    { path: 'pages[1].questions[3].options', message: 'an option needs a value' },
    { path: '', message: 'the definition is empty' },
  ]);
  assert.equal(text, 'pages[1].questions[3].options: an option needs a value\nthe definition is empty');
});

// ------------------------------------------------------------ never throws

const base = () => JSON.parse(JSON.stringify(fixtures.pollAfterVote)) as Record<string, unknown>;

test('a loop in the input is a problem, not a crash', () => {
  const input = base();
  (input.privacy as Record<string, unknown>).self = input;
  const result = parseDefinition(input);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems, [{ path: 'privacy.self', message: 'this refers back to itself (a loop); use plain data, as in a JSON file' }]);
});

test('the same object used twice (no loop) is fine', () => {
  const input = base();
  const option = { value: 'a', label: 'A' };
  (input.questions as Record<string, unknown>[])[0]!.options = [option, { ...option, value: 'b' }];
  assert.equal(parseDefinition(input).ok, true);
});

test('a getter that throws is reported at its path', () => {
  const input = base();
  Object.defineProperty(input, 'title', { enumerable: true, get() { throw new Error('boom'); } });
  const result = parseDefinition(input);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems[0], { path: 'title', message: 'this value could not be read; use plain data, as in a JSON file' });
});

test('Proxies, revoked Proxies and odd objects never throw', () => {
  const hostile = new Proxy({}, { ownKeys() { throw new Error('no keys'); }, get() { throw new Error('no'); } });
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const input of [hostile, proxy, new Map(), new Date(), () => 1, Symbol('x'), 10n, undefined, null, NaN, Object.create(null)]) {
    const result = parseDefinition(input);
    assert.equal(result.ok, false);
  }
});

test('deep nesting is capped with a plain message', () => {
  let condition: unknown = { question: 'a', equals: 'x' };
  for (let i = 0; i < 5000; i++) condition = { not: condition };
  const input = base();
  (input.questions as Record<string, unknown>[])[0]!.showIf = condition;
  const result = parseDefinition(input);
  assert.ok(!result.ok);
  assert.match(result.problems[0]!.message, /nested too deeply \(more than 32 levels\)/);
});

test('deeply nested JSON text is refused before parsing, quickly', () => {
  const started = Date.now();
  const result = parseDefinition('['.repeat(400_000) + ']'.repeat(400_000));
  assert.ok(!result.ok);
  assert.equal(result.problems[0]!.message, 'the definition is nested too deeply (more than 32 levels, at character 33)');
  assert.ok(Date.now() - started < 1000);
});

test('class instances, typed arrays and huge sparse lists are refused without walking them', () => {
  const started = Date.now();
  const typed = parseDefinition({ ...base(), questions: new Uint8Array(5_000_000) });
  assert.ok(!typed.ok);
  assert.deepEqual(typed.problems[0], { path: 'questions', message: 'this is not plain data (only objects, lists, text, numbers, true/false and null)' });
  const sparse = parseDefinition({ ...base(), questions: new Array(1e9) });
  assert.ok(!sparse.ok);
  assert.match(sparse.problems[0]!.message, /too large/);
  assert.ok(Date.now() - started < 1000);
});

test('empty text gets one message, blank text another', () => {
  const empty = parseDefinition({ ...base(), title: '' });
  assert.ok(!empty.ok);
  assert.deepEqual(empty.problems, [{ path: 'title', message: 'this text must not be empty' }]);
});

test('a huge definition is refused with a plain message, as object or string', () => {
  const input = base();
  input.intro = 'x'.repeat(2_000_000);
  for (const candidate of [input, JSON.stringify(input)]) {
    const result = parseDefinition(candidate);
    assert.ok(!result.ok);
    assert.match(result.problems[0]!.message, /too large \(more than 1,000,000 characters\)/);
  }
});

test('bad JSON says where', () => {
  const result = parseDefinition('{\n  "kind": "poll",\n  "id": "p"\n  "version": 1\n}');
  assert.ok(!result.ok);
  assert.match(result.problems[0]!.message, /^the definition is not valid JSON \(line 4, column 3/);
});

test('__proto__ and constructor keys are reported, never obeyed', () => {
  const json = '{"kind":"poll","id":"p","version":1,"title":"T","privacy":{"anonymous":true,"__proto__":{"x":1}},"showResults":"never",' +
    '"questions":[{"id":"constructor","type":"statement","label":"L"}],"translations":{"ur":{"questions":{"toString":{"label":"x"}}}}}';
  const result = parseDefinition(json);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => `${p.path}: ${p.message}`), [
    'privacy: unknown key "__proto__" (check the spelling)',
  ]);
  const fixed = parseDefinition(json.replace(',"__proto__":{"x":1}', ''));
  assert.ok(!fixed.ok);
  assert.deepEqual(fixed.problems, [{ path: 'translations.ur.questions.toString', message: 'there is no question with the id "toString" to translate' }]);
  assert.equal(({} as Record<string, unknown>).x, undefined, 'Object.prototype untouched');
});

const jsonish = fc.jsonValue({ maxDepth: 6 });
const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'kind', 'type', 'showIf', 'options', 'questions', 'pages');
const hostileObject = fc.dictionary(hostileKeys, fc.oneof(jsonish, fc.string({ maxLength: 5000 })), { maxKeys: 8 });

test('fuzz: parseDefinition never throws on arbitrary JSON values and strings', () => {
  fc.assert(
    fc.property(fc.oneof(jsonish, fc.string(), hostileObject, fc.json()), (input) => {
      const result = parseDefinition(input);
      assert.equal(typeof result.ok, 'boolean');
      if (!result.ok) for (const p of result.problems) assert.equal(typeof p.message, 'string');
    }),
    { numRuns: 400 },
  );
});

test('fuzz: mutating a valid definition never throws and every problem has a path string and message', () => {
  const keys = fc.constantFrom('kind', 'id', 'version', 'title', 'privacy', 'questions', 'showResults', 'opens', '__proto__', 'extra');
  fc.assert(
    fc.property(keys, fc.oneof(jsonish, hostileObject), (key, value) => {
      const input = base();
      Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
      const result = parseDefinition(input);
      if (!result.ok) {
        assert.ok(result.problems.length > 0);
        for (const p of result.problems) {
          assert.equal(typeof p.path, 'string');
          assert.ok(p.message.length > 0 && !p.message.includes('\u0000'), p.message);
          assert.ok(!/Invalid input|expected .* received/.test(p.message), `zod wording leaked: ${p.message}`);
        }
      }
    }),
    { numRuns: 400 },
  );
});

test('fuzz: random nested conditions never throw', () => {
  const condition = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ question: fc.constantFrom('q1', 'zzz', ''), equals: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }),
      fc.record({ question: fc.string(), in: fc.array(fc.string()) }),
      fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
      fc.record({ not: tie('node') }),
      jsonish,
    ),
  })).node;
  fc.assert(
    fc.property(condition, (showIf) => {
      const input = base();
      (input.questions as Record<string, unknown>[]).push({ id: 'q2', type: 'statement', label: 'L', showIf });
      parseDefinition(input);
    }),
    { numRuns: 300 },
  );
});
