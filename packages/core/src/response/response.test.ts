import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixtures } from '../content/fixtures/index.js';
import { parseDefinition, type Answers, type Definition } from '../content/index.js';
import {
  checkAnswers,
  createEnvelope,
  formatReceiptCode,
  normaliseReceiptCode,
  parseEnvelope,
  pruneHidden,
  receiptCode,
  splitContact,
  type AnswerProblem,
} from './index.js';

function parsed(input: unknown): Definition {
  const result = parseDefinition(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}
const survey = parsed(fixtures.survey);
const poll = parsed(fixtures.pollAfterClose);
const statements = parsed(fixtures.statementSet);

/** A complete, valid set of answers for a carer who answers "yes" to everything. */
const full: Answers = {
  'is-carer': 'yes',
  age: '25-64',
  hours: 35,
  'help-used': ['breaks', 'other'],
  'help-used-other': 'A sitting service',
  'breaks-easy': 'not-applicable',
  'feel-valued': 'agree',
  wellbeing: 4,
  priorities: ['money', 'breaks'],
  spend: { breaks: 6, advice: 4 },
  'contact-ok': 'no',
};

const codes = (r: ReturnType<typeof checkAnswers>) => (r.ok ? [] : r.problems.map((p) => `${p.question}:${p.code}`));
const only = (r: ReturnType<typeof checkAnswers>): AnswerProblem => {
  assert.ok(!r.ok, 'expected a problem');
  assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
  return r.problems[0]!;
};
const withAnswer = (id: string, value: unknown): Answers => ({ ...full, [id]: value as never });

test('a complete set of answers passes and comes back unchanged', () => {
  const result = checkAnswers(survey, full);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  assert.deepEqual(result.answers, full);
});

test('a required question left out is "required"; optional ones may be left out', () => {
  const { age: _age, ...rest } = full;
  assert.deepEqual(only(checkAnswers(survey, rest)), { question: 'age', code: 'required', message: 'this question needs an answer' });
  assert.equal(checkAnswers(survey, withAnswer('age', '   ')).ok, false, 'blank text is no answer');
  const { 'help-used-other': _o, ...noOther } = full;
  assert.equal(checkAnswers(survey, noOther).ok, true, 'the follow-up is optional');
});

test('a hidden required question is not required, and answers to hidden questions are dropped', () => {
  const notCarer: Answers = { 'is-carer': 'no', 'contact-ok': 'no', hours: 20, 'feel-valued': 'agree' };
  const result = checkAnswers(survey, notCarer);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  assert.deepEqual(result.answers, { 'is-carer': 'no', 'contact-ok': 'no' });
  assert.deepEqual(pruneHidden(survey, notCarer), { 'is-carer': 'no', 'contact-ok': 'no' });
});

test('with rejectHidden, answers to hidden questions are "hidden" problems', () => {
  const result = checkAnswers(survey, { 'is-carer': 'no', 'contact-ok': 'no', hours: 20 }, { rejectHidden: true });
  assert.deepEqual(codes(result), ['hours:hidden']);
});

test('a follow-up is hidden unless its option is chosen', () => {
  const result = checkAnswers(survey, withAnswer('help-used', ['breaks']), { rejectHidden: true });
  assert.deepEqual(codes(result), ['help-used-other:hidden']);
});

test('an option that does not exist is "not-an-option"', () => {
  const p = only(checkAnswers(survey, withAnswer('age', 'ancient')));
  assert.deepEqual(p, { question: 'age', code: 'not-an-option', message: '"ancient" is not one of the options', params: { value: 'ancient' } });
  assert.equal(only(checkAnswers(survey, withAnswer('feel-valued', 'not-applicable'))).code, 'not-an-option', 'n/a only when the question allows it');
});

test('statement questions take agree, disagree or pass', () => {
  assert.equal(checkAnswers(survey, withAnswer('listened', 'pass')).ok, true);
  assert.equal(only(checkAnswers(survey, withAnswer('listened', 'maybe'))).code, 'not-an-option');
});

test('an exclusive option mixed with others is "too-many" with params.exclusive', () => {
  const p = only(checkAnswers(survey, withAnswer('help-used', ['none', 'breaks'])));
  assert.equal(p.code, 'too-many');
  assert.deepEqual(p.params, { exclusive: 'none' });
  assert.equal(p.message, '"None of these" cannot be chosen together with other options');
  assert.equal(checkAnswers(survey, { ...withAnswer('help-used', ['none']), 'help-used-other': undefined as never }).ok, true);
});

test('multiple: maxSelected and duplicates', () => {
  const tooMany = checkAnswers(poll, { 'top-two': ['breaks', 'money', 'health'], 'strategy-fair': 'agree' });
  assert.deepEqual(only(tooMany), { question: 'top-two', code: 'too-many', message: 'choose at most 2 options', params: { max: 2, count: 3 } });
  assert.equal(only(checkAnswers(poll, { 'top-two': ['breaks', 'breaks'], 'strategy-fair': 'agree' })).code, 'duplicate');
});

test('ranking: duplicates, unknown options and too few are each reported', () => {
  assert.deepEqual(codes(checkAnswers(survey, withAnswer('priorities', ['money', 'money']))), ['priorities:duplicate']);
  assert.deepEqual(codes(checkAnswers(survey, withAnswer('priorities', ['money', 'cake']))), ['priorities:not-an-option']);
  const few = only(checkAnswers(survey, withAnswer('priorities', ['money'])));
  assert.deepEqual(few, { question: 'priorities', code: 'too-few', message: 'put 2 options in order', params: { min: 2, count: 1 } });
  assert.equal(only(checkAnswers(survey, withAnswer('priorities', ['money', 'breaks', 'health']))).code, 'too-many');
  assert.equal(only(checkAnswers(survey, withAnswer('priorities', 'money'))).code, 'wrong-type');
});

test('points: over the total, under the total (allocateAll), negative, fractional, unknown option', () => {
  const over = only(checkAnswers(survey, withAnswer('spend', { breaks: 8, advice: 4 })));
  assert.deepEqual(over, {
    question: 'spend', code: 'points-over', message: '12 points are given out but only 10 are available', params: { total: 10, given: 12 },
  });
  const under = only(checkAnswers(survey, withAnswer('spend', { breaks: 7 })));
  assert.deepEqual([under.code, under.message], ['points-under', 'give out all 10 points (3 left)']);
  assert.equal(only(checkAnswers(survey, withAnswer('spend', { breaks: 12, advice: -2 }))).code, 'below-min');
  assert.equal(only(checkAnswers(survey, withAnswer('spend', { breaks: 5.5, advice: 4 }))).code, 'not-whole');
  assert.equal(only(checkAnswers(survey, withAnswer('spend', { breaks: 5, cake: 5 }))).code, 'not-an-option');
  assert.equal(only(checkAnswers(survey, withAnswer('spend', { breaks: '5', advice: 5 }))).code, 'not-a-number');
  assert.equal(only(checkAnswers(survey, withAnswer('spend', { breaks: 0 }))).code, 'required', 'no points given is no answer');
});

test('rating and number ranges', () => {
  assert.deepEqual(only(checkAnswers(survey, withAnswer('wellbeing', 11))).params, { max: 10 });
  assert.equal(only(checkAnswers(survey, withAnswer('wellbeing', -1))).code, 'below-min');
  assert.equal(only(checkAnswers(survey, withAnswer('wellbeing', 4.5))).code, 'not-whole');
  assert.equal(only(checkAnswers(survey, withAnswer('hours', 200))).message, 'the number must be 168 or less');
  assert.equal(only(checkAnswers(survey, withAnswer('hours', 2.5))).code, 'not-whole');
  assert.equal(only(checkAnswers(survey, withAnswer('hours', '35'))).code, 'not-a-number');
});

test('text length counts characters, not UTF-16 units', () => {
  const answers = { ...full, 'contact-ok': 'no', comments: '😀'.repeat(2000) };
  assert.equal(checkAnswers(survey, answers).ok, true, '2000 emoji fit in 2000');
  const p = only(checkAnswers(survey, { ...answers, comments: 'x'.repeat(2001) }));
  assert.deepEqual([p.code, p.params], ['too-long', { max: 2000, length: 2001 }]);
});

test('answers to questions that do not exist, and wrong shapes', () => {
  assert.deepEqual(codes(checkAnswers(survey, { ...full, colour: 'red' })), ['colour:unknown-question']);
  assert.deepEqual(codes(checkAnswers(survey, JSON.parse('{"__proto__": "x", "constructor": 1}'))).slice(0, 2), [
    '__proto__:unknown-question',
    'constructor:unknown-question',
  ]);
  assert.equal(only(checkAnswers(survey, withAnswer('age', ['25-64']))).code, 'wrong-type');
  for (const bad of [null, 'x', [1], 7]) {
    const r = checkAnswers(survey, bad);
    assert.ok(!r.ok && r.problems[0]!.code === 'wrong-type');
  }
});

test('contact details: required once consent is given, and split out for the envelope', () => {
  assert.deepEqual(codes(checkAnswers(survey, { ...full, 'contact-ok': 'yes' })), ['email:required']);
  const answers = { ...full, 'contact-ok': 'yes', email: 'sam@example.org' };
  assert.equal(checkAnswers(survey, answers).ok, true);
  const split = splitContact(survey, answers);
  assert.deepEqual(split.contact, { email: 'sam@example.org' });
  assert.equal('email' in split.answers, false);
});

test('statement sets: statements are optional and take their group’s scale', () => {
  assert.equal(checkAnswers(statements, {}).ok, true);
  assert.equal(checkAnswers(statements, { 'asked-if-carer': 'sometimes', 'carer-register': 'partly-met' }).ok, true);
  assert.deepEqual(codes(checkAnswers(statements, { 'asked-if-carer': 'met' })), ['asked-if-carer:not-an-option']);
});

// ------------------------------------------------------------ envelope

test('createEnvelope → parseEnvelope round trip', () => {
  const envelope = createEnvelope({
    instrument: survey, partner: 'barnet-council', locale: 'en-GB', answers: full, startedAt: new Date('2026-03-01T10:00:00Z'),
    meta: { mode: 'inline' },
  });
  assert.match(envelope.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual(envelope.instrument, { id: 'sample-survey', version: 1 });
  assert.equal(envelope.startedAt, '2026-03-01T10:00:00.000Z');
  const back = parseEnvelope(JSON.stringify(envelope));
  assert.ok(back.ok, JSON.stringify(!back.ok && back.problems));
  assert.deepEqual(back.envelope, envelope);
  assert.notEqual(createEnvelope({ instrument: survey, partner: 'p', locale: 'ur', answers: {}, startedAt: new Date() }).id, envelope.id);
});

test('parseEnvelope reports plain problems', () => {
  const good = createEnvelope({ instrument: survey, partner: 'p', locale: 'en-GB', answers: { a: 'x' }, startedAt: '2026-03-01T10:00:00Z' });
  const cases: [unknown, string, string][] = [
    [{ ...good, id: 'not-a-uuid' }, 'id', 'must be a UUID like 1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b'],
    [{ ...good, answers: { a: true } }, 'answers.a', 'an answer must be text, a number, a list of option values, or points by option (like { "breaks": 5 })'],
    [{ ...good, extra: 1 }, '', 'unknown key "extra" (check the spelling)'],
    [{ ...good, submittedAt: 'yesterday' }, 'submittedAt', 'use a date and time like 2026-03-01T09:00:00Z'],
    [(({ partner: _p, ...rest }) => rest)(good), '', 'a response needs a partner id'],
    [{ ...good, meta: { mode: 'popup' } }, 'meta.mode', 'must be one of inline, frame'],
    ['{"id":', '', 'the response is not valid JSON (it ends too early: check for a missing "}", "]" or quote)'],
    ['{"id": 1,}', '', 'the response is not valid JSON (line 1, column 10: check for a missing comma, quote or bracket)'],
  ];
  for (const [input, path, message] of cases) {
    const r = parseEnvelope(input);
    assert.ok(!r.ok);
    assert.deepEqual(r.problems[0], { path, message });
  }
});

// ------------------------------------------------------------ receipt codes

test('receiptCode: 8 unambiguous characters, stable for an id, different across ids', () => {
  const id = '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b';
  const code = receiptCode(id);
  assert.match(code, /^[2-9A-HJKMNP-TV-Z]{8}$/);
  assert.equal(receiptCode(id), code);
  assert.equal(receiptCode(id.toUpperCase()), code);
  const many = new Set(Array.from({ length: 2000 }, () => receiptCode(crypto.randomUUID())));
  assert.equal(many.size, 2000);
  assert.equal(normaliseReceiptCode(` ${formatReceiptCode(code).toLowerCase()} `), code);
  assert.equal(normaliseReceiptCode('0OIL-1234'), undefined);
});

// ------------------------------------------------------------ fuzz

const jsonish = fc.jsonValue({ maxDepth: 5 });
const keys = fc.constantFrom('__proto__', 'constructor', 'is-carer', 'help-used', 'spend', 'priorities', 'hours', 'email', 'x');
const answerLike = fc.dictionary(keys, fc.oneof(jsonish, fc.array(fc.string()), fc.dictionary(fc.string(), fc.double())), { maxKeys: 9 });

test('fuzz: checkAnswers never throws, and every problem has a known code and a message', () => {
  const known = new Set(['required', 'not-an-option', 'too-many', 'too-few', 'too-long', 'below-min', 'above-max', 'not-a-number', 'not-whole', 'duplicate', 'points-over', 'points-under', 'hidden', 'unknown-question', 'wrong-type']);
  fc.assert(
    fc.property(fc.oneof(jsonish, answerLike), fc.constantFrom(...[survey, poll, statements, parsed(fixtures.scoreQuiz), parsed(fixtures.identifyQuiz)]), (answers, definition) => {
      const result = checkAnswers(definition, answers);
      if (!result.ok) for (const p of result.problems) assert.ok(known.has(p.code) && p.message.length > 0);
    }),
    { numRuns: 500 },
  );
});

test('fuzz: parseEnvelope never throws on arbitrary JSON, deep nesting or huge strings', () => {
  fc.assert(
    fc.property(fc.oneof(jsonish, fc.string(), fc.json(), answerLike), (input) => {
      assert.equal(typeof parseEnvelope(input).ok, 'boolean');
    }),
    { numRuns: 400 },
  );
  let deep: unknown = 'x';
  for (let i = 0; i < 10000; i++) deep = [deep];
  assert.equal(parseEnvelope({ answers: deep }).ok, false);
  assert.equal(parseEnvelope('"' + 'x'.repeat(600_000) + '"').ok, false);
});
