import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIKERT_SCALES, NOT_APPLICABLE, resolveOptions, type Question } from './index.js';

const likert = (extra: Partial<Question> & Record<string, unknown>) => ({ id: 'q', type: 'likert', label: 'L', ...extra }) as Question;

test('every named scale has five options with plain English labels', () => {
  for (const scale of Object.keys(LIKERT_SCALES) as (keyof typeof LIKERT_SCALES)[]) {
    const options = resolveOptions(likert({ scale }), 'en-GB');
    assert.equal(options.length, 5, scale);
    for (const o of options) assert.match(o.label, /^[A-Z][a-z ]+$/, `${scale}.${o.value}`);
  }
  assert.deepEqual(resolveOptions(likert({ scale: 'frequency' })).map((o) => o.label), ['Never', 'Rarely', 'Sometimes', 'Often', 'Always']);
});

test('every named scale has an Urdu label for each value, in Arabic script', () => {
  for (const scale of Object.keys(LIKERT_SCALES) as (keyof typeof LIKERT_SCALES)[]) {
    for (const o of resolveOptions(likert({ scale, notApplicable: true }), 'ur-PK')) {
      assert.match(o.label, /^[\u0600-\u06FF\s،]+$/, `${scale}.${o.value}: ${o.label}`);
    }
  }
});

test('notApplicable adds "Does not apply to me" after the scale; unknown locales get English', () => {
  const options = resolveOptions(likert({ scale: 'agreement', notApplicable: true }), 'pl');
  assert.deepEqual(options.at(-1), { value: NOT_APPLICABLE, label: 'Does not apply to me' });
  assert.equal(options.length, 6);
});

test('statement questions resolve to agree, disagree, pass; text questions to nothing', () => {
  assert.deepEqual(resolveOptions({ id: 's', type: 'statement', label: 'L' }).map((o) => o.value), ['agree', 'disagree', 'pass']);
  assert.deepEqual(resolveOptions({ id: 's', type: 'statement', label: 'L' }, 'ur').map((o) => o.label), ['متفق', 'متفق نہیں', 'چھوڑ دیں']);
  assert.deepEqual(resolveOptions({ id: 't', type: 'text', label: 'L' }), []);
});

test('a likert question with its own options uses them', () => {
  const own = [{ value: 'low', label: 'Low' }, { value: 'high', label: 'High' }];
  assert.deepEqual(resolveOptions(likert({ options: own })), own);
});
