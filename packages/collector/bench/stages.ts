/**
 * CPU per response of each step of `POST /responses` outside HTTP (not a test), on bodies like the
 * ingest bench's: `node --conditions=source --import tsx bench/stages.ts [N]` (tsx adds a little to
 * functions made at run time; compare steps with each other, or before/after a change).
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { parseDefinition } from '@carers-voice/core/content';
import { randomAnswers, seededRandom } from '../src/answers.js';
import { hashBody } from '../src/ingest.js';
import { checkEnvelope, checkEnvelopeAnswers, receiptHash, separateContact } from '../src/core-api.js';
import { unsafeJson } from '../src/server.js';
import { Merged } from '../src/tallier.js';

const n = Number(process.argv[2] ?? 20000);
const surveyFile = process.env.CV_SURVEY_FILE ?? new URL('../../content/instruments/annual-carers-survey.json', import.meta.url).pathname;
const parsed = parseDefinition(JSON.parse(readFileSync(surveyFile, 'utf8')));
if (!parsed.ok) throw new Error('survey');
const survey = parsed.definition;
const rnd = seededRandom(7);
const pool = Array.from({ length: 200 }, () => JSON.stringify(randomAnswers(survey, rnd)!));
const now = Date.now();
const texts = Array.from(
  { length: n },
  (_, i) =>
    `{"id":"${randomUUID()}","instrument":{"id":"${survey.id}","version":${survey.version}},"partner":"council","locale":"en-GB","startedAt":"${new Date(now - 300_000).toISOString()}","submittedAt":"${new Date(now).toISOString()}","answers":${pool[i % pool.length]}}`,
);
const bodies = texts.map((t) => JSON.parse(t));

function time(name: string, fn: (i: number) => unknown) {
  for (let i = 0; i < Math.min(n, 3000); i++) fn(i); // warm up
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const us = ((performance.now() - t) * 1000) / n;
  console.log(`${name.padEnd(28)} ${us.toFixed(1).padStart(6)} µs`);
}
time('JSON.parse', (i) => JSON.parse(texts[i]!));
time('unsafeJson', (i) => unsafeJson(bodies[i]));
time('checkEnvelope (quick)', (i) => checkEnvelope(bodies[i], { fromJson: true }));
time('checkAnswers', (i) => checkEnvelopeAnswers(survey, bodies[i].answers));
time('separateContact', (i) => separateContact(survey, bodies[i].answers));
time('hashBody', (i) => hashBody(bodies[i]));
time('receiptHash', (i) => receiptHash(bodies[i]));
const groupBy = ['age-band', 'caring-hours', 'age-band+caring-hours'];
let merged = new Merged();
time('fold counting (Merged.add)', (i) => {
  if (i % 5000 === 0) merged = new Merged();
  merged.add({ instrumentId: survey.id, instrumentVersion: 1, partnerId: 'council', period: 202611, answers: bodies[i].answers, definition: survey as never, groupBy }, undefined);
});
