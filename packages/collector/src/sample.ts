/**
 * Loading many envelopes at once (sample data, a demo, a migration from another tool), and sample data
 * for demos and trying the dashboard.
 *
 * `EnvelopeLoader` is the supported way to bulk-load: each envelope is checked as POST /responses
 * checks it (shape, partner, registered instrument and version, answers against the definition; contact
 * answers kept apart), then stored through the same writer in large batches and counted by the same
 * tallier, so the results are those the same responses would give over HTTP. What it does not do:
 * rate limits, origins, poll opening times, the one-vote-per-device rule and quarantine — loaded
 * responses are marked `meta.synthetic = true` and get no receipt code.
 */
import { randomUUID } from 'node:crypto';
import type { Definition } from '@carers-voice/core/content';
import type { Database } from './db/database.js';
import { Store } from './store.js';
import { IngestWriter, hashBody, periodOf } from './ingest.js';
import { randomAnswers, seededRandom } from './answers.js';
import { checkEnvelope, checkEnvelopeAnswers, optionsResolver, separateContact, type Problem } from './core-api.js';

/** What loading one envelope came to, in POST /responses terms. */
export type LoadOutcome =
  | { status: 201 | 200; id: string }
  | { status: 400 | 409 | 422; id?: string; error: string; problems?: Problem[] };

export class EnvelopeLoader {
  private store: Store;
  private writer: IngestWriter;

  constructor(database: Database, options: { batchSize?: number } = {}) {
    this.store = new Store(database.db, 60_000);
    // Large batches, and counting in large batches too: nobody reads results while a load runs.
    this.writer = new IngestWriter(database.db, {
      maxBatch: options.batchSize ?? 500,
      lingerMs: 5,
      concurrency: database.kind === 'postgres' ? 2 : 1,
      resolveOptions: optionsResolver(),
      countBeforeAckUpTo: 0,
      tally: { flushMs: 500, flushAt: 5000, sweepMs: 0, oneWriter: database.kind === 'pglite' },
    });
  }

  /** Checks and stores one envelope; resolves once it is stored (it is counted by `close` at the latest). */
  async load(input: unknown): Promise<LoadOutcome> {
    const checked = checkEnvelope(input);
    if (!checked.ok) return { status: 400, error: 'the response is not in the expected shape', problems: checked.problems };
    const env = checked.envelope;
    const id = env.id.toLowerCase();
    if (!(await this.store.partner(env.partner))) return { status: 422, id, error: `unknown partner "${env.partner}"` };
    const instrument = await this.store.instrument(env.instrument.id, env.instrument.version);
    if (!instrument) return { status: 422, id, error: `instrument "${env.instrument.id}" version ${env.instrument.version} is not registered` };
    const answers = checkEnvelopeAnswers(instrument.definition, { ...(env.contact ?? {}), ...env.answers });
    if (!answers.ok) return { status: 400, id, error: 'some answers do not fit the questions', problems: answers.problems };
    const split = separateContact(instrument.definition, answers.answers);
    const contact: Record<string, string> = { ...(env.contact ?? {}), ...split.contact };
    const outcome = await this.writer.submit({
      id,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      partnerId: env.partner,
      locale: env.locale,
      // Filed under the month it says it was given (loads often span years).
      period: periodOf(new Date(env.submittedAt)),
      startedAt: env.startedAt,
      submittedAt: env.submittedAt,
      answers: split.answers,
      meta: { ...(env.meta ?? {}), synthetic: true },
      contact: Object.keys(contact).length ? contact : undefined,
      bodyHash: hashBody(input),
      receiptHash: null,
      quarantineReason: null,
      definition: instrument.definition as never,
      groupBy: instrument.groupBy,
    });
    if (outcome.kind === 'conflict') return { status: 409, id, error: `a different response was already stored with the id ${id}` };
    return { status: outcome.kind === 'stored' ? 201 : 200, id };
  }

  /** Waits until everything loaded is stored and counted. */
  close(): Promise<void> {
    return this.writer.close();
  }
}

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
  const loader = new EnvelopeLoader(database);
  const now = Date.now();
  let stored = 0;
  const pending: Promise<unknown>[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const inst = surveys[i % surveys.length]!;
      const answers = randomAnswers(inst.definition as unknown as Definition, rnd);
      if (!answers) continue;
      const submitted = new Date(now - Math.floor(rnd() * 730) * 86_400_000);
      const envelope = {
        id: randomUUID(),
        instrument: { id: inst.id, version: inst.version },
        partner: partners[Math.floor(rnd() * partners.length)]!,
        locale: 'en-GB',
        startedAt: new Date(submitted.getTime() - 600_000).toISOString(),
        submittedAt: submitted.toISOString(),
        answers,
      };
      pending.push(loader.load(envelope).then((r) => r.status === 201 && stored++));
      if (pending.length >= 500) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
  } finally {
    await loader.close();
  }
  return stored;
};
