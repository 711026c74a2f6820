/**
 * `checkAnswers` works out visibility and checks each answer in one pass, reading show-if conditions
 * against the posted answers where that is the same. This compares it with the way it was written
 * before (logic/visibility.ts's computeVisibility, then each visible question's check), result for
 * result and problem for problem, on every sample and content definition and on generated answers
 * that reach hidden questions, later questions, unknown ids and wrong types.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fixtures } from '../content/fixtures/index.js';
import { parseDefinition, type Answers, type Definition } from '../content/index.js';
import { listQuestionsOnce } from '../content/walk.js';
import { answerOf } from '../logic/condition.js';
import { computeVisibility } from '../logic/visibility.js';
import { checkAnswers, checkOne, type AnswerProblem, type CheckOptions, type CheckResult } from './check.js';

/** checkAnswers as it was before the single pass. */
function reference(definition: Definition, answers: unknown, options: CheckOptions = {}): CheckResult {
  try {
    if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
      return { ok: false, problems: [{ question: '', code: 'wrong-type', message: 'answers must be an object with one entry per question id' }] };
    }
    const given = answers as Answers;
    const problems: AnswerProblem[] = [];
    const { visible, hidden } = computeVisibility(definition, given);
    const known = new Set(listQuestionsOnce(definition).map((e) => e.question.id));
    const hiddenIds = options.rejectHidden ? new Set(hidden.map((e) => e.question.id)) : undefined;
    const kept: Answers = {};
    for (const key of Object.keys(given)) {
      if (!known.has(key)) problems.push({ question: key, code: 'unknown-question', message: `there is no question with the id "${key}"` });
      else if (hiddenIds?.has(key)) problems.push({ question: key, code: 'hidden', message: 'this question was not shown, so it should not have an answer' });
    }
    for (const { question } of visible) {
      const value = answerOf(given, question.id);
      const found = checkOne(question, value);
      if (found.length > 0) problems.push(...found);
      else if (value !== undefined && value !== null) Object.defineProperty(kept, question.id, { value, enumerable: true, writable: true, configurable: true });
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: kept };
  } catch {
    return { ok: false, problems: [{ question: '', code: 'wrong-type', message: 'the answers could not be read' }] };
  }
}

const contentDir = new URL('../../../content/instruments/', import.meta.url);
const content: Definition[] = readdirSync(contentDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseDefinition(JSON.parse(readFileSync(new URL(f, contentDir), 'utf8'))))
  .flatMap((r) => (r.ok ? [r.definition] : []));

/**
 * Conditions on later questions and unknown questions (parseDefinition refuses those, but checkAnswers
 * takes any definition object), nested all/any/not, and pages that depend on a follow-up and on a rating.
 */
const tricky = { ok: true as const, definition: {
  kind: 'survey',
  id: 'tricky',
  version: 1,
  title: 'Tricky',
  privacy: { anonymous: true },
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'a', type: 'single', label: 'A', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }], reveal: { x: { id: 'a-more', type: 'text', label: 'More', required: false } } },
        { id: 'b', type: 'single', label: 'B', required: false, showIf: { question: 'c', equals: 'x' }, options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
        { id: 'c', type: 'single', label: 'C', required: false, showIf: { not: { question: 'ghost', answered: true } }, options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
        { id: 'd', type: 'multiple', label: 'D', required: false, showIf: { any: [{ question: 'a', equals: 'x' }, { all: [{ question: 'b', in: ['y'] }, { question: 'a-more', answered: true }] }] }, options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }, { value: 'none', label: 'None', exclusive: true }] },
      ],
    },
    { id: 'p2', showIf: { question: 'a-more', answered: true }, questions: [{ id: 'e', type: 'rating', label: 'E', required: false }] },
    { id: 'p3', showIf: { question: 'e', equals: 5 }, questions: [{ id: 'f', type: 'points', label: 'F', total: 10, options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] }] },
  ],
} as unknown as Definition };

const definitions: Definition[] = [...Object.values(fixtures), ...content, tricky.definition];

function answersFor(definition: Definition) {
  const entries = listQuestionsOnce(definition);
  const ids = [...new Set(entries.map((e) => e.question.id)), 'ghost', 'unknown-id'];
  const values = new Set<string>(['yes', 'no', 'x', 'y', 'none', 'agree', '']);
  for (const e of entries) for (const o of (e.question as { options?: { value: string }[] }).options ?? []) values.add(o.value);
  const option = fc.constantFrom(...values);
  const value = fc.oneof(
    { weight: 6, arbitrary: option },
    { weight: 2, arbitrary: fc.array(option, { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.integer({ min: -2, max: 200 }) },
    { weight: 1, arbitrary: fc.dictionary(option, fc.integer({ min: -1, max: 12 }), { maxKeys: 3 }) },
    { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }), fc.double(), fc.boolean()) },
  );
  return fc.dictionary(fc.constantFrom(...ids), value, { maxKeys: ids.length });
}

test('checkAnswers gives exactly what computeVisibility + each visible question\'s check gave, on every sample and content definition', () => {
  for (const definition of definitions) {
    fc.assert(
      fc.property(answersFor(definition), fc.boolean(), (answers, rejectHidden) => {
        const options = rejectHidden ? { rejectHidden: true } : {};
        const got = checkAnswers(definition, answers, options);
        const want = reference(definition, answers, options);
        assert.deepEqual(got, want);
        // Byte for byte, key order included (the collector stores and returns these).
        assert.equal(JSON.stringify(got), JSON.stringify(want));
      }),
      { numRuns: 400 },
    );
  }
  assert.ok(definitions.length >= 8, 'the fixtures and content definitions were found');
});

test('show-if on a later or hidden question reads only what was shown before it (the tricky definition)', () => {
  const d = tricky.definition;
  // c is shown (ghost unanswered) but comes after b: b's condition must not see c's answer.
  const r = checkAnswers(d, { a: 'y', b: 'x', c: 'x' }, { rejectHidden: true });
  assert.deepEqual(r, reference(d, { a: 'y', b: 'x', c: 'x' }, { rejectHidden: true }));
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.problems.map((p) => `${p.question}:${p.code}`), ['b:hidden']);
  // An answer to an unknown question switches nothing on, and is reported.
  const g = checkAnswers(d, { a: 'y', ghost: 'x' });
  assert.deepEqual(g, reference(d, { a: 'y', ghost: 'x' }));
  assert.deepEqual(!g.ok && g.problems.map((p) => `${p.question}:${p.code}`), ['ghost:unknown-question']);
  // A page shown by a follow-up's answer, and one by a rating on it.
  const ok = { a: 'x', 'a-more': 'more', d: ['x'], e: 5, f: { x: 4, y: 6 } };
  assert.deepEqual(checkAnswers(d, ok), { ok: true, answers: ok });
});
