/**
 * The tallier's in-memory counting (`Merged`, tallier.ts) adds responses up by their set of groups and
 * spreads the counts over the groups at the end: its rows must equal core's `tallyIncrements`, merged,
 * for any answers and any groupings (single and multiple-choice grouping questions, pairs, triples,
 * unanswered parts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseDefinition, type Definition } from '@carers-voice/core/content';
import { fixtures } from '@carers-voice/core/content/fixtures';
import { mergeIncrements, tallyIncrements } from '@carers-voice/core/aggregate';
import { groupsOf } from '@carers-voice/core/aggregate';
import { Merged } from './tallier.js';
import { randomAnswers, seededRandom } from './answers.js';
import { optionsResolver } from './core-api.js';
import type { TallyWrite } from './ingest.js';

const surveyFile = new URL('../../content/instruments/annual-carers-survey.json', import.meta.url).pathname;
const parsed = parseDefinition(JSON.parse(readFileSync(surveyFile, 'utf8')));
if (!parsed.ok) throw new Error('annual survey does not parse');
const survey: Definition = parsed.definition;

const keyOf = (r: TallyWrite) =>
  `${r.instrument_id}\u0000${r.groupQuestion}\u0000${r.partner_id}\u0000${r.year}\u0000${r.instrument_version}\u0000${r.question}\u0000${r.option}\u0000${r.groupValue}`;

function expected(items: { partnerId: string; period: number; answers: Record<string, unknown>; groupBy: string[] }[]): TallyWrite[] {
  const all: TallyWrite[] = [];
  for (const it of items) {
    for (const inc of tallyIncrements(survey as never, it.answers as never, { groupBy: it.groupBy, resolveOptions: optionsResolver() })) {
      all.push({ ...inc, instrument_id: survey.id, instrument_version: survey.version, partner_id: it.partnerId, year: Math.floor(it.period / 100) });
    }
  }
  return mergeIncrements(all, keyOf);
}

const GROUPINGS: string[][] = [
  [],
  ['age-band'],
  ['age-band', 'caring-hours', 'age-band+caring-hours'],
  // Multiple-choice grouping questions: one group per chosen option, pairs per combination.
  ['cared-for', 'needs+age-band', 'age-band+caring-hours+cared-for'],
  ['employer-knows', 'employer-knows+age-band'],
];

test('Merged rows equal core tallyIncrements merged, for generated responses and several groupings', () => {
  const rnd = seededRandom(11);
  for (const groupBy of GROUPINGS) {
    for (const size of [1, 7, 120]) {
      const items: { id: string; instrumentId: string; instrumentVersion: number; partnerId: string; period: number; answers: Record<string, unknown>; definition: never; groupBy: string[] }[] = [];
      while (items.length < size) {
        const answers = randomAnswers(survey, rnd);
        if (!answers) continue;
        // Some grouping answers left out or odd, as stored answers after a definition change might be.
        if (rnd() < 0.1) delete answers['age-band'];
        if (rnd() < 0.05) answers['cared-for'] = [];
        items.push({
          id: String(items.length),
          instrumentId: survey.id,
          instrumentVersion: survey.version,
          partnerId: rnd() < 0.5 ? 'council' : 'charity',
          period: rnd() < 0.8 ? 202611 : 202512,
          answers,
          definition: survey as never,
          groupBy,
        });
      }
      const merged = new Merged();
      for (const it of items) merged.add(it, optionsResolver());
      const rows = merged.rows();
      assert.deepEqual(rows, expected(items), `groupBy ${groupBy.join(',')}, ${size} responses`);
      assert.ok(rows.length > 0);
    }
  }
});

test('groupsOf: non-empty texts, each different list entry once, pairs only when every part is answered', () => {
  const answers = { a: 'x', b: ['p', 'q', 'p', ''], c: '', d: 3, e: ['r'] };
  assert.deepEqual(groupsOf(answers, ['a', 'b', 'c', 'd', 'a+b', 'a+c', 'b+e']), [
    ['a', 'x'],
    ['b', 'p'],
    ['b', 'q'],
    ['a+b', 'x+p'],
    ['a+b', 'x+q'],
    ['b+e', 'p+r'],
    ['b+e', 'q+r'],
  ]);
});

test('Merged rows equal core tallyIncrements merged for every content definition (surveys and statement sets counted without the visitor)', () => {
  const dir = new URL('../../content/instruments/', import.meta.url);
  const rnd = seededRandom(5);
  let kinds = new Set<string>();
  const definitions: [string, Definition][] = [
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((file): [string, Definition][] => {
        const r = parseDefinition(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
        return r.ok ? [[file, r.definition]] : [];
      }),
    // core's samples: a survey with every question type (ranking, points, number, rating, follow-ups).
    ...Object.entries(fixtures).map(([name, d]): [string, Definition] => [name, d as Definition]),
  ];
  for (const [file, def] of definitions) {
    kinds.add(def.kind);
    const items: Parameters<Merged['add']>[0][] = [];
    for (let tries = 0; items.length < 60 && tries < 200; tries++) {
      const answers = randomAnswers(def, rnd);
      if (!answers) continue;
      // Odd stored values too: blank texts, repeated and non-text list entries, points of 0, NaN.
      if (rnd() < 0.3) for (const k of Object.keys(answers)) if (Array.isArray(answers[k]) && (answers[k] as unknown[]).length) (answers[k] as unknown[]).push((answers[k] as unknown[])[0], 7);
      if (rnd() < 0.2) answers['anything-else'] = '  ';
      items.push({ instrumentId: def.id, instrumentVersion: def.version, partnerId: 'council', period: 202611, answers, definition: def as never, groupBy: [] });
    }
    const merged = new Merged();
    for (const it of items) merged.add(it, optionsResolver());
    const want = mergeIncrements(
      items.flatMap((it) => tallyIncrements(def as never, it.answers as never, { resolveOptions: optionsResolver() }).map((inc) => ({ ...inc, instrument_id: def.id, instrument_version: def.version, partner_id: 'council', year: 2026 }))),
      keyOf,
    );
    assert.deepEqual(merged.rows(), want, file);
    assert.ok(items.length > 0 || def.kind === 'quiz', `${file}: no generated responses`);
  }
  assert.ok(kinds.has('survey') && kinds.has('statement-set'), [...kinds].join());
  kinds = new Set();
});

test('Merged counts odd answers as core does: blank text, NaN, points of 0, repeated list entries, a boolean', () => {
  const items = [
    { 'age-band': '  ', 'cared-for': ['parent', 'parent', 3, 'child'], coping: Number.NaN, 'help-most': [], lonely: true, 'anything-else': 'x' },
    { 'age-band': '18-24', coping: 4, 'cared-for': { parent: 0, child: 2 }, 'general-health': ' good ' },
  ].map((answers) => ({ instrumentId: survey.id, instrumentVersion: survey.version, partnerId: 'council', period: 202611, answers: answers as Record<string, unknown>, definition: survey as never, groupBy: ['age-band'] }));
  const merged = new Merged();
  for (const it of items) merged.add(it, optionsResolver());
  assert.deepEqual(merged.rows(), expected(items));
});
