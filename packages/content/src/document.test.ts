/**
 * The statement sets drive core's document checker: each phrase and synonym must be findable in a
 * text that uses it, and a realistic paragraph must light up the statements it is about.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from '@carers-voice/core/document';
import type { DefinitionOf } from '@carers-voice/core/content';
import { instruments } from './index.js';

const sets = Object.values(instruments).filter((d): d is DefinitionOf<'statement-set'> => d.kind === 'statement-set');

for (const set of sets) {
  test(`${set.id}: every phrase and synonym, written in a sentence, is found for its statement`, () => {
    for (const group of set.groups) {
      for (const s of group.statements) {
        for (const phrase of [...s.phrases, ...(s.synonyms ?? [])]) {
          const report = checkDocument(`Our plan says this: ${phrase}.`, { groups: [{ ...group, statements: [s] }] });
          assert.equal(report.statements[0]?.coverage, 'addressed', `${s.id}: "${phrase}" is not found`);
        }
      }
    }
  });
}

test('a leaflet about breaks and advice addresses the matching Bury themes, and not the others', () => {
  const bury = instruments['bury-priorities-and-themes'] as DefinitionOf<'statement-set'>;
  const text =
    'Carers can book short breaks through the hub, and we arrange replacement care so you can have time off. ' +
    'Our advice line gives information and advice about benefits. Every month there is a carers cafe where you can meet other carers.';
  const report = checkDocument(text, bury);
  for (const id of ['respite', 'information-advice', 'peer-support']) assert.ok(report.addressed.includes(id), `${id} should be addressed`);
  for (const id of ['identification', 'joined-up']) assert.ok(report.notMentioned.includes(id), `${id} should not be mentioned`);
});

test('"we do not offer respite" is not counted as offering breaks', () => {
  const bury = instruments['bury-priorities-and-themes'] as DefinitionOf<'statement-set'>;
  const report = checkDocument('At present we do not offer respite.', bury);
  assert.ok(!report.addressed.includes('respite'));
});
