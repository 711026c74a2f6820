import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { Question } from './question.js';

test('a single-choice question with a show-if condition parses', () => {
  const r = z.safeParse(Question, {
    id: 'caring-hours', type: 'single', label: 'How many hours a week do you care?',
    options: [{ value: 'under-20', label: 'Under 20' }, { value: '20-49', label: '20 to 49' }],
    showIf: { all: [{ question: 'is-carer', equals: 'yes' }, { not: { question: 'age', in: ['under-18'] } }] },
  });
  assert.equal(r.success, true);
});

test('an unknown key is a problem, not silently dropped', () => {
  const r = z.safeParse(Question, { id: 'q', type: 'statement', label: 'I can take a break', colour: 'red' });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues[0]?.code, 'unrecognized_keys');
});
