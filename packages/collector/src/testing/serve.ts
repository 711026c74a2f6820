/**
 * A collector for tests and benchmarks in its own process: config from the environment, the test
 * partner and survey registered, then "listening <url>" on stdout. `CV_INGEST` (JSON) tunes the ingest
 * writer and its tallier (`AppOptions.ingest`), e.g. `{"countBeforeAckUpTo":0,"tally":{"flushMs":60000}}`.
 * `WORKERS=N` (with DATABASE_URL) runs N worker processes on one port, as `start` does (cluster.ts).
 */
import cluster from 'node:cluster';
import { loadConfig } from '../config.js';
import { openFromConfig } from '../main.js';
import { openDatabase } from '../db/database.js';
import { buildApp } from '../server.js';
import { Store } from '../store.js';
import { clusterTallyOptions, runCluster } from '../cluster.js';
import { partnerA, partnerB, testSurvey } from './fixtures.js';

const config = loadConfig();
const ingest = process.env.CV_INGEST ? JSON.parse(process.env.CV_INGEST) : undefined;
// CV_FAST_INGEST=0: every ingest post through Fastify's pipeline (compares the fast path, fast-ingest.ts).
const fastIngest = process.env.CV_FAST_INGEST !== '0';

async function register(store: Store) {
  await store.upsertPartner(partnerA);
  await store.upsertPartner(partnerB);
  await store.registerInstrument(testSurvey as never, ['age-band']);
  const extra = process.env.CV_REGISTER_FILE;
  if (extra) {
    const { readFileSync } = await import('node:fs');
    const def = JSON.parse(readFileSync(extra, 'utf8'));
    await store.registerInstrument(def, (process.env.CV_GROUP_BY ?? '').split(',').filter(Boolean));
  }
}

let running: { url: string; stop(): Promise<void> };
if ((config.workers ?? 1) > 1) {
  running = await runCluster({
    workers: config.workers!,
    prepare: async () => {
      const database = await openFromConfig(config);
      await register(new Store(database.db));
      return { stop: () => database.close() };
    },
    serve: async () => {
      const database = await openDatabase({ databaseUrl: config.databaseUrl });
      const cluster = clusterTallyOptions(config.workers!);
      const app = await buildApp({ config, database, fastIngest, ingest: { ...cluster, ...ingest, tally: { ...cluster.tally, ...ingest?.tally } } });
      const url = await app.app.listen({ port: config.port, host: config.host });
      return { url, stop: () => app.close().then(() => database.close()) };
    },
  });
} else {
  const database = await openFromConfig(config);
  const app = await buildApp({ config, database, ingest, fastIngest });
  await register(app.store);
  const url = await app.app.listen({ port: config.port, host: config.host });
  running = { url, stop: () => app.close().then(() => database.close()) };
}
// In a cluster only the primary announces the address (once every worker listens).
if (!cluster.isWorker) process.stdout.write(`listening ${running.url}\n`);
const stop = () => void running.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
