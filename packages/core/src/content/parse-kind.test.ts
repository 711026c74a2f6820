import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures } from './fixtures/index.js';
import { formatProblems, parseDefinition, parsePoll, parseQuiz, parseStatementSet, parseSurvey } from './index.js';

const survey = (extra: Record<string, unknown>) => ({ ...structuredClone(fixtures.survey), ...extra });

test('each per-kind parser accepts its own fixtures and gives back what parseDefinition gives', () => {
  const cases = [
    [parseSurvey, fixtures.survey],
    [parseQuiz, fixtures.scoreQuiz],
    [parseQuiz, fixtures.identifyQuiz],
    [parsePoll, fixtures.pollAfterVote],
    [parseStatementSet, fixtures.statementSet],
  ] as const;
  for (const [parse, fixture] of cases) {
    const one = parse(fixture);
    const all = parseDefinition(fixture);
    assert.ok(one.ok, one.ok ? '' : formatProblems(one.problems));
    assert.ok(all.ok);
    assert.deepEqual(one.definition, all.definition);
  }
});

test('a per-kind parser names the same problems as parseDefinition, in plain words', () => {
  const broken = survey({ pages: [{ id: 'p', questions: [{ id: 'a', type: 'single', label: 'A', options: [] }] }], colour: 'red' });
  const one = parseSurvey(broken);
  const all = parseDefinition(broken);
  assert.equal(one.ok, false);
  assert.equal(all.ok, false);
  if (one.ok || all.ok) return;
  assert.deepEqual(one.problems, all.problems);
  assert.ok(one.problems.some((p) => p.path === '' && /colour/.test(p.message)), formatProblems(one.problems));
});

test('a per-kind parser refuses a definition of another kind at "kind"', () => {
  const result = parseSurvey(fixtures.scoreQuiz);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.ok(result.problems.some((p) => p.path === 'kind'), formatProblems(result.problems));
});

test('youngCarer: a survey names the answer that routes under-18s to young wording', () => {
  const result = parseSurvey(survey({ youngCarer: { question: 'age', values: ['under-18'] } }));
  assert.ok(result.ok, result.ok ? '' : formatProblems(result.problems));
  assert.deepEqual(result.definition.youngCarer, { question: 'age', values: ['under-18'] });
});

test('youngCarer: a number question needs no values (under 18 is the rule)', () => {
  const result = parseDefinition(survey({ youngCarer: { question: 'hours' } }));
  assert.ok(result.ok, result.ok ? '' : formatProblems(result.problems));
});

test('youngCarer: problems are named in plain words', () => {
  const cases: [unknown, string, RegExp][] = [
    [{ question: 'nope', values: ['x'] }, 'youngCarer.question', /no question with the id "nope"/],
    [{ question: 'age', values: ['under-12'] }, 'youngCarer.values[0]', /"under-12" is not an option of "age"/],
    [{ question: 'age' }, 'youngCarer.values', /which answers to "age" mean the carer is under 18/],
    [{ question: 'age', values: ['under-18'], extra: 1 }, 'youngCarer', /extra/],
  ];
  for (const [rule, path, message] of cases) {
    const result = parseDefinition(survey({ youngCarer: rule }));
    assert.equal(result.ok, false, JSON.stringify(rule));
    if (result.ok) continue;
    assert.ok(
      result.problems.some((p) => p.path === path && message.test(p.message)),
      `${JSON.stringify(rule)}: expected ${path} ${message}, got\n${formatProblems(result.problems)}`,
    );
  }
});
