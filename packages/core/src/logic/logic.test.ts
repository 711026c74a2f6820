import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures } from '../content/fixtures/index.js';
import { parseDefinition, type Answers, type Condition, type Definition, type Quiz, type Survey } from '../content/index.js';
import { evaluateCondition, identifyOutcome, isAnswered, pruneHidden, scoreQuiz, visiblePages, visibleQuestions } from './index.js';

function parsed<K extends Definition['kind']>(input: unknown): Extract<Definition, { kind: K }> {
  const result = parseDefinition(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition as Extract<Definition, { kind: K }>;
}
const survey = parsed<'survey'>(fixtures.survey) as Survey;
const scoreQuizDef = parsed<'quiz'>(fixtures.scoreQuiz) as Quiz;
const identifyQuizDef = parsed<'quiz'>(fixtures.identifyQuiz) as Quiz;

// ------------------------------------------------------------ conditions

test('equals and in on single answers; numbers and numeric strings compare equal', () => {
  assert.equal(evaluateCondition({ question: 'a', equals: 'yes' }, { a: 'yes' }), true);
  assert.equal(evaluateCondition({ question: 'a', equals: 'yes' }, { a: 'no' }), false);
  assert.equal(evaluateCondition({ question: 'a', in: ['no', 'yes'] }, { a: 'yes' }), true);
  assert.equal(evaluateCondition({ question: 'n', equals: 5 }, { n: 5 }), true);
  assert.equal(evaluateCondition({ question: 'n', equals: '5' }, { n: 5 }), true);
  assert.equal(evaluateCondition({ question: 'n', equals: 5 }, { n: '' }), false);
});

test('array answers: equals means includes, in means any overlap', () => {
  const answers: Answers = { help: ['breaks', 'advice'] };
  assert.equal(evaluateCondition({ question: 'help', equals: 'advice' }, answers), true);
  assert.equal(evaluateCondition({ question: 'help', equals: 'money' }, answers), false);
  assert.equal(evaluateCondition({ question: 'help', in: ['money', 'breaks'] }, answers), true);
  assert.equal(evaluateCondition({ question: 'help', in: ['money', 'health'] }, answers), false);
});

test('points answers: equals holds when that option got points', () => {
  assert.equal(evaluateCondition({ question: 'spend', equals: 'breaks' }, { spend: { breaks: 3, advice: 0 } }), true);
  assert.equal(evaluateCondition({ question: 'spend', equals: 'advice' }, { spend: { breaks: 3, advice: 0 } }), false);
});

test('answered treats empty strings, blank strings, empty lists and empty points as unanswered', () => {
  for (const empty of ['', '   ', [], {}, { a: 0 }]) {
    assert.equal(evaluateCondition({ question: 'q', answered: true }, { q: empty as never }), false, JSON.stringify(empty));
    assert.equal(evaluateCondition({ question: 'q', answered: false }, { q: empty as never }), true);
  }
  assert.equal(evaluateCondition({ question: 'q', answered: true }, { q: 0 }), true, 'zero is an answer');
  assert.equal(evaluateCondition({ question: 'q', answered: true }, {}), false);
  assert.equal(isAnswered(['a']), true);
});

test('all, any and not combine', () => {
  const c: Condition = { all: [{ question: 'a', equals: 'yes' }, { not: { any: [{ question: 'b', equals: 'x' }, { question: 'c', answered: true }] } }] };
  assert.equal(evaluateCondition(c, { a: 'yes', b: 'y' }), true);
  assert.equal(evaluateCondition(c, { a: 'yes', b: 'x' }), false);
  assert.equal(evaluateCondition(c, { a: 'yes', c: 'hello' }), false);
  assert.equal(evaluateCondition(c, { a: 'no' }), false);
});

test('a question id like "constructor" reads only the answers’ own keys', () => {
  assert.equal(evaluateCondition({ question: 'constructor', answered: true }, {}), false);
  assert.equal(evaluateCondition({ question: 'toString', equals: 'x' }, {}), false);
});

test('malformed conditions are false, never a crash', () => {
  for (const c of [null, 'x', 1, {}, { all: 'nope' }, { question: 1, equals: 1 }, { question: 'a' }] as unknown as Condition[]) {
    assert.equal(evaluateCondition(c, { a: 'x' }), false);
  }
  const loop: Record<string, unknown> = {};
  loop.not = loop;
  assert.equal(typeof evaluateCondition(loop as Condition, {}), 'boolean');
});

// ------------------------------------------------------------ visibility

test('visibleQuestions follows the branching in the sample survey', () => {
  const ids = (answers: Answers) => visibleQuestions(survey, answers).map((q) => q.id);
  const notCarer = ids({ 'is-carer': 'no' });
  assert.deepEqual(notCarer, ['is-carer', 'comments', 'contact-ok']);
  const carer = ids({ 'is-carer': 'yes', 'help-used': ['other'], 'contact-ok': 'yes' });
  assert.ok(carer.includes('hours') && carer.includes('help-used-other') && carer.includes('email'));
  assert.ok(!ids({ 'is-carer': 'not-sure' }).includes('hours'), 'hours only for "yes"');
});

test('visiblePages skips a page whose showIf does not hold', () => {
  assert.deepEqual(visiblePages(survey, { 'is-carer': 'no' }).map((p) => p.id), ['about-you', 'anything-else']);
  assert.deepEqual(visiblePages(survey, { 'is-carer': 'yes' }).map((p) => p.id), ['about-you', 'support', 'anything-else']);
});

test('an answer left on a hidden question does not switch later questions on', () => {
  const chain = parsed<'poll'>({
    kind: 'poll', id: 'p', version: 1, title: 'T', privacy: { anonymous: true }, showResults: 'never',
    questions: [
      { id: 'a', type: 'single', label: 'A', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
      { id: 'b', type: 'single', label: 'B', showIf: { question: 'a', equals: 'yes' }, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
      { id: 'c', type: 'text', label: 'C', showIf: { question: 'b', equals: 'yes' } },
    ],
  });
  assert.deepEqual(visibleQuestions(chain, { a: 'no', b: 'yes' }).map((q) => q.id), ['a']);
  assert.deepEqual(pruneHidden(chain, { a: 'no', b: 'yes', c: 'left over', zzz: 'kept' }), { a: 'no', zzz: 'kept' });
});

// ------------------------------------------------------------ scoring

test('scoreQuiz: all right', () => {
  const result = scoreQuiz(scoreQuizDef, { 'how-many': 'five-million', 'who-cares': ['children', 'working', 'older'], assessment: 'yes' });
  assert.equal(result.score, 3);
  assert.equal(result.max, 3);
  assert.deepEqual(result.perQuestion.map((p) => p.correct), [true, true, true]);
  assert.equal(result.band?.title, 'Excellent');
});

test('scoreQuiz: partial credit = max(0, (right − wrong) / correct count)', () => {
  const credit = (picks: string[]) => scoreQuiz(scoreQuizDef, { 'who-cares': picks }).perQuestion.find((p) => p.id === 'who-cares')!;
  assert.deepEqual(credit(['children', 'working']), { id: 'who-cares', correct: false, credit: 0.67, answered: true });
  assert.equal(credit(['children', 'working', 'older', 'only-family']).credit, 0.67);
  assert.equal(credit(['children', 'only-family']).credit, 0);
  assert.equal(credit(['only-family']).credit, 0);
  assert.equal(credit([]).credit, 0);
  assert.equal(credit(['children', 'children']).credit, 0.33, 'a repeated pick counts once');
});

test('scoreQuiz: without partialCredit anything but the exact set is 0; the band uses the whole-number score', () => {
  const noPartial = structuredClone(scoreQuizDef);
  const q = noPartial.questions[1]!;
  if (q.type === 'multiple' && q.answer) q.answer.partialCredit = false;
  const result = scoreQuiz(noPartial, { 'how-many': 'five-million', 'who-cares': ['children', 'working'] });
  assert.equal(result.score, 1);
  const partial = scoreQuiz(scoreQuizDef, { 'how-many': 'five-million', 'who-cares': ['children', 'working'] });
  assert.equal(partial.score, 1.67);
  assert.equal(partial.band?.title, 'A good start', '1.67 falls in the 0–1 band');
});

test('scoreQuiz: wrong types and unknown values score 0 without throwing', () => {
  const result = scoreQuiz(scoreQuizDef, { 'how-many': ['five-million'] as never, 'who-cares': 'children', assessment: 7 as never });
  assert.equal(result.perQuestion.find((p) => p.id === 'how-many')!.credit, 0, 'a list is not a single answer');
  assert.equal(result.perQuestion.find((p) => p.id === 'who-cares')!.credit, 0, 'a string is not a multiple answer');
  assert.equal(result.score, 0);
  assert.equal(result.band?.title, 'A good start');
});

test('identifyOutcome returns the first outcome whose condition holds', () => {
  assert.equal(identifyOutcome(identifyQuizDef, { helps: 'yes', unpaid: 'yes', 'under-18': 'yes' })?.id, 'young-carer');
  assert.equal(identifyOutcome(identifyQuizDef, { helps: 'yes', unpaid: 'yes', 'under-18': 'no' })?.id, 'carer');
  assert.equal(identifyOutcome(identifyQuizDef, { helps: 'no' })?.id, 'not-a-carer');
  assert.equal(identifyOutcome(identifyQuizDef, {}), undefined);
  // "unpaid" is hidden when helps = no, so its left-over answer does not make them a carer.
  assert.equal(identifyOutcome(identifyQuizDef, { helps: 'no', unpaid: 'yes' })?.id, 'not-a-carer');
});
