import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDefinition } from '@carers-voice/core/content';
import { getInstrument, instruments, INSTRUMENT_IDS, listInstruments } from './index.js';
import { loadInstrument } from './lazy.js';

const dir = fileURLToPath(new URL('../instruments/', import.meta.url));

test('every JSON file in instruments/ is in the registry, and nothing else is', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
  assert.deepEqual([...INSTRUMENT_IDS].sort(), files);
  assert.deepEqual(Object.keys(instruments).sort(), files);
});

test('listInstruments gives id, kind, title and version for each pack', () => {
  const list = listInstruments();
  assert.equal(list.length, INSTRUMENT_IDS.length);
  const survey = list.find((i) => i.id === 'annual-carers-survey');
  assert.deepEqual(survey, { id: 'annual-carers-survey', kind: 'survey', title: 'Local annual carers survey', version: 1 });
  for (const item of list) assert.deepEqual(Object.keys(item).sort(), ['id', 'kind', 'title', 'version']);
});

test('getInstrument returns a valid definition, and undefined for an unknown id', () => {
  const quiz = getInstrument('am-i-a-carer');
  assert.equal(quiz?.kind, 'quiz');
  assert.equal(parseDefinition(quiz).ok, true);
  assert.equal(getInstrument('no-such-pack'), undefined);
  assert.equal(getInstrument('constructor'), undefined);
  assert.equal(getInstrument('__proto__'), undefined);
});

test('registry definitions are frozen so one widget cannot change another one\'s copy', () => {
  const survey = getInstrument('annual-carers-survey');
  assert.ok(survey && Object.isFrozen(survey));
  assert.throws(() => {
    (survey as { title: string }).title = 'changed';
  }, TypeError);
});

test('loadInstrument loads one pack on demand as a fresh copy', async () => {
  const loaded = await loadInstrument('carer-statements');
  assert.deepEqual(loaded, instruments['carer-statements']);
  assert.equal(Object.isFrozen(loaded), false);
  assert.equal(await loadInstrument('not-a-pack'), undefined);
});
