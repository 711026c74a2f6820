import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyIncrements, mergeIncrements, CORRECT, OUTCOME, type AggregatableDefinition } from './tally.js';
import { buildResults, type ResultsModel, type TallyRow } from './results.js';
import { scoreQuiz, identifyQuiz } from '../content/fixtures/index.js';
import type { Answers } from '../content/question.js';

function results(definition: AggregatableDefinition, responses: Answers[]): ResultsModel {
  const inc = responses.flatMap((answers) => tallyIncrements(definition, answers).map((r) => ({ ...r, year: 2026 })));
  const rows: TallyRow[] = mergeIncrements(inc, (r) => `${r.question}|${r.option}|${r.groupValue}`).map((r) => ({
    year: r.year,
    question: r.question,
    option: r.option,
    group: r.groupValue,
    n: r.n,
    sum: r.sum,
  }));
  const model = buildResults(definition, rows);
  assert.equal(model.suppressed, false);
  return model as ResultsModel;
}

const times = (n: number, answers: Answers) => Array.from({ length: n }, () => answers);
const quiz = scoreQuiz as unknown as AggregatableDefinition;
const identify = identifyQuiz as unknown as AggregatableDefinition;

test('a scored quiz reports, per question, the share who got it right (the common misconceptions)', () => {
  const model = results(quiz, [
    // 30 know the Census figure; 10 think half a million.
    ...times(30, { 'how-many': 'five-million', 'who-cares': ['children', 'working', 'older'], assessment: 'yes' }),
    ...times(10, { 'how-many': 'half-million', 'who-cares': ['children', 'only-family'], assessment: 'no' }),
  ]);
  const byId = Object.fromEntries(model.indicators.map((i) => [i.id, i]));
  assert.equal(byId[`how-many${CORRECT}`]?.percent, 75);
  assert.equal(byId[`how-many${CORRECT}`]?.label, 'Roughly how many people in England are unpaid carers?');
  assert.equal(byId[`how-many${CORRECT}`]?.base, 40);
  // Partial credit is not "right": only the exact set counts towards the share.
  assert.equal(byId[`who-cares${CORRECT}`]?.percent, 75);
  assert.equal(byId[`assessment${CORRECT}`]?.percent, 75);
  // They trend year on year like any indicator.
  assert.deepEqual(model.trends[0]?.indicators.map((i) => i.percent), [75, 75, 75]);
  // The marker never shows up as an answer option.
  const options = model.questions.find((q) => q.id === 'how-many')?.options?.map((o) => o.value);
  assert.deepEqual(options, ['half-million', 'five-million', 'twenty-million']);
});

test('a small number who got a question right is hidden, not shown', () => {
  const model = results(quiz, [
    ...times(3, { 'how-many': 'five-million' }),
    ...times(40, { 'how-many': 'twenty-million' }),
  ]);
  const howMany = model.indicators.find((i) => i.id === `how-many${CORRECT}`);
  assert.equal(howMany?.percent, null);
});

test('"am I a carer?" results count where people ended: how many found out they are carers', () => {
  const model = results(identify, [
    ...times(20, { helps: 'yes', unpaid: 'yes', 'under-18': 'no' }),
    ...times(10, { helps: 'yes', unpaid: 'yes', 'under-18': 'yes' }),
    ...times(15, { helps: 'no' }),
  ]);
  const outcome = model.questions.find((q) => q.id === OUTCOME);
  assert.ok(outcome, 'an outcome question is in the results');
  const counts = Object.fromEntries((outcome.options ?? []).map((o) => [o.value, o.count]));
  assert.equal(counts['carer'], 20);
  assert.equal(counts['young-carer'], 10);
  assert.equal(outcome.answered, 45);
  assert.equal(model.indicators.length, 0, 'identify mode has no right answers');
});

test('partial credit adds its credit to the sum but does not count as right', () => {
  const answers = { 'how-many': 'five-million', 'who-cares': ['children', 'working'], assessment: 'yes' };
  const rows = tallyIncrements(quiz, answers).filter((r) => r.option === CORRECT);
  // Full credit on two questions, partial (2 right of 3, no wrong) on the third: counted as credit, not as right.
  assert.deepEqual(
    rows.map((r) => [r.question, r.n, r.sum]),
    [['how-many', 1, 1], ['who-cares', 0, 0.67], ['assessment', 1, 1]],
  );
});
