/**
 * Where ingest time goes, without HTTP (not a test): the counting alone in JavaScript, then three rounds
 * of storing N responses of the annual carers survey in batches (rows and queue lines only) and counting
 * them in one fold. Usage: node --conditions=source --import tsx bench/micro.ts [pglite|<postgres url>] [N] [batch]
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseDefinition, resolveOptions } from '@carers-voice/core/content';
import { migrate, openDatabase } from '../src/db/database.js';
import { IngestWriter, hashBody, periodOf, type IngestItem } from '../src/ingest.js';
import { randomAnswers, seededRandom } from '../src/answers.js';

const target = process.argv[2] ?? 'pglite';
const n = Number(process.argv[3] ?? 2000);
const batch = Number(process.argv[4] ?? 64);
const surveyFile = new URL('../../content/instruments/annual-carers-survey.json', import.meta.url).pathname;
const parsed = parseDefinition(JSON.parse(readFileSync(surveyFile, 'utf8')));
if (!parsed.ok) throw new Error('survey');
const survey = parsed.definition;
const dir = target === 'pglite' ? mkdtempSync(join(tmpdir(), 'cv-micro-')) : undefined;
const database = await openDatabase(dir ? { dataDir: dir } : { databaseUrl: target });
await migrate(database.db);
const rnd = seededRandom(3);
const pool = Array.from({ length: 200 }, () => randomAnswers(survey, rnd)!);
const writer = new IngestWriter(database.db, { maxBatch: batch, countBeforeAckUpTo: 0, tally: { flushMs: 1e9, flushAt: 1e9, sweepMs: 0 }, resolveOptions: (q) => resolveOptions(q) });
const item = (i: number): IngestItem => {
  const id = randomUUID();
  const now = new Date();
  return { id, instrumentId: survey.id, instrumentVersion: survey.version, partnerId: i % 2 ? 'council' : 'charity', locale: 'en-GB', period: periodOf(now), startedAt: now.toISOString(), submittedAt: now.toISOString(), answers: pool[i % pool.length]!, meta: {}, contact: undefined, bodyHash: hashBody({ id }), receiptHash: null, quarantineReason: null, definition: survey as never, groupBy: ['age-band', 'caring-hours'] };
};
{
  // The counting itself, in JavaScript only.
  const { forEachIncrement } = await import('@carers-voice/core/aggregate');
  const t0 = performance.now();
  let visits = 0;
  for (let i = 0; i < n; i++) forEachIncrement(survey as never, pool[i % pool.length] as never, () => visits++, { groupBy: ['age-band', 'caring-hours'], resolveOptions: (q) => resolveOptions(q) });
  console.log(`forEachIncrement over ${n}: ${(performance.now() - t0).toFixed(0)} ms, ${visits / n} increments each`);
}
for (let round = 1; round <= 3; round++) {
  let t = performance.now();
  for (let i = 0; i < n; i += batch) await Promise.all(Array.from({ length: Math.min(batch, n - i) }, (_, j) => writer.submit(item(i + j))));
  const store = performance.now() - t;
  t = performance.now();
  await writer.tallier.flush();
  const fold = performance.now() - t;
  const rows = await database.db.selectFrom('tallies').select((e) => e.fn.countAll().as('c')).executeTakeFirstOrThrow();
  console.log(`round ${round}, ${target === 'pglite' ? 'pglite' : 'postgres'}: store ${n} in batches of ${batch}: ${store.toFixed(0)} ms (${(store / n).toFixed(2)} ms each); one fold of ${n}: ${fold.toFixed(0)} ms (${(fold / n).toFixed(2)} ms each; ${rows.c} tally rows)`);
}
await writer.close();
await database.close();
if (dir) rmSync(dir, { recursive: true, force: true });
