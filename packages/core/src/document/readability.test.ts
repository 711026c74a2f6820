import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syllables, readabilityOf, PLAIN_ENGLISH } from './readability.js';
import { checkDocument } from './check.js';
import { SAMPLE_STATEMENT_SET } from './sample-set.js';

test('syllable heuristic on known words', () => {
  const known: Record<string, number> = {
    the: 1, care: 1, cares: 1, cared: 1, breaks: 1, young: 1, carer: 2, caring: 2, table: 2, little: 2,
    wanted: 2, boxes: 2, people: 2, support: 2, being: 2, hospital: 3, services: 3, area: 3, radio: 3,
    assessment: 3, family: 3, information: 4, independent: 4, organisation: 5, '2024': 1,
  };
  for (const [word, n] of Object.entries(known)) assert.equal(syllables(word), n, word);
});

test('Flesch scores on a known one-sentence text', () => {
  // 6 words, 1 sentence, 6 syllables: ease = 206.835 − 1.015×6 − 84.6×1 = 116.1; grade = 0.39×6 + 11.8 − 15.59 = −1.45.
  const r = readabilityOf(['the', 'cat', 'sat', 'on', 'the', 'mat'], 1);
  assert.equal(r.words, 6);
  assert.equal(r.syllables, 6);
  assert.equal(r.fleschReadingEase, 116.1);
  assert.equal(r.fleschKincaidGrade, -1.4);
  assert.equal(r.verdict, 'meets');
});

test('plain text meets the guidance, dense text does not', () => {
  const plain = checkDocument(
    'You can ask for a break. We will help you find one. Call us and we will talk it through. It is free.',
    SAMPLE_STATEMENT_SET,
  ).readability;
  assert.equal(plain.sentences, 4);
  assert.ok(plain.fleschKincaidGrade <= PLAIN_ENGLISH.targetGrade, `grade ${plain.fleschKincaidGrade}`);
  assert.ok(plain.fleschReadingEase >= PLAIN_ENGLISH.targetEase);
  assert.equal(plain.verdict, 'meets');

  const dense = checkDocument(
    'The integrated commissioning organisation will operationalise multidisciplinary interventions ' +
      'facilitating personalised, preventative, community-orientated opportunities, notwithstanding ' +
      'considerable organisational and financial uncertainty regarding sustainability.',
    SAMPLE_STATEMENT_SET,
  ).readability;
  assert.equal(dense.verdict, 'above');
  assert.ok(dense.fleschKincaidGrade > 15, `grade ${dense.fleschKincaidGrade}`);
  assert.ok(dense.fleschReadingEase < 10);
  assert.ok(dense.readingAge > 18);
});

test('empty text has an empty verdict', () => {
  assert.equal(readabilityOf([], 0).verdict, 'empty');
});
