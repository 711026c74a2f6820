/**
 * Sample data for demos and trying the dashboard: plausible answers to every registered survey,
 * spread over the registered partners and the last 24 months, stored through the same writer as real
 * responses (so the counts match). The demo may register its own generator with `setSampleLoader`.
 */
import { randomUUID } from 'node:crypto';
import type { Definition } from '@carers-voice/core/content';
import { resolveOptions } from '@carers-voice/core/content';
import type { Database } from './db/database.js';
import { Store } from './store.js';
import { IngestWriter, hashBody, periodOf } from './ingest.js';
import { randomAnswers, seededRandom } from './answers.js';

export interface SampleOptions {
  count: number;
  seed?: number;
}

export type SampleLoader = (database: Database, options: SampleOptions) => Promise<number>;

let loader: SampleLoader | undefined;

/** The demo registers its own generator here (optional). */
export function setSampleLoader(fn: SampleLoader) {
  loader = fn;
}

export async function loadSample(database: Database, options: SampleOptions): Promise<number> {
  return (loader ?? defaultLoader)(database, options);
}

const defaultLoader: SampleLoader = async (database, { count, seed = 1 }) => {
  const store = new Store(database.db);
  const partners = [...(await store.partners()).keys()];
  if (!partners.length) throw new Error('add a partner first (add-partner), so sample responses have somewhere to come from');
  const surveys = [];
  for (const item of await store.instrumentList()) {
    const inst = await store.instrument(item.id);
    if (inst && inst.kind === 'survey') surveys.push(inst);
  }
  if (!surveys.length) throw new Error('register a survey first (register-instrument annual-carers-survey)');
  const rnd = seededRandom(seed);
  const writer = new IngestWriter(database.db, { maxBatch: 200, resolveOptions: (q) => resolveOptions(q) });
  const now = Date.now();
  let stored = 0;
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const inst = surveys[i % surveys.length]!;
    const answers = randomAnswers(inst.definition as unknown as Definition, rnd);
    if (!answers) continue;
    const submitted = new Date(now - Math.floor(rnd() * 730) * 86_400_000);
    const id = randomUUID();
    pending.push(
      writer
        .submit({
          id,
          instrumentId: inst.id,
          instrumentVersion: inst.version,
          partnerId: partners[Math.floor(rnd() * partners.length)]!,
          locale: 'en-GB',
          period: periodOf(submitted),
          startedAt: new Date(submitted.getTime() - 600_000).toISOString(),
          submittedAt: submitted.toISOString(),
          answers,
          meta: { sample: true },
          contact: undefined,
          bodyHash: hashBody({ id, answers }),
          receiptHash: null,
          quarantineReason: null,
          definition: inst.definition as never,
          groupBy: inst.groupBy,
        })
        .then(() => stored++),
    );
    if (pending.length >= 200) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  await writer.close();
  return stored;
};
