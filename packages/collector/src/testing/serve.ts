/**
 * A collector for tests and benchmarks in its own process: config from the environment, the test
 * partner and survey registered, then "listening <url>" on stdout. `CV_INGEST` (JSON) tunes the ingest
 * writer and its tallier (`AppOptions.ingest`), e.g. `{"countBeforeAckUpTo":0,"tally":{"flushMs":60000}}`.
 */
import { loadConfig } from '../config.js';
import { openFromConfig } from '../main.js';
import { buildApp } from '../server.js';
import { partnerA, partnerB, testSurvey } from './fixtures.js';

const config = loadConfig();
const database = await openFromConfig(config);
const app = await buildApp({ config, database, ingest: process.env.CV_INGEST ? JSON.parse(process.env.CV_INGEST) : undefined });
await app.store.upsertPartner(partnerA);
await app.store.upsertPartner(partnerB);
await app.store.registerInstrument(testSurvey as never, ['age-band']);
const extra = process.env.CV_REGISTER_FILE;
if (extra) {
  const { readFileSync } = await import('node:fs');
  const def = JSON.parse(readFileSync(extra, 'utf8'));
  await app.store.registerInstrument(def, (process.env.CV_GROUP_BY ?? '').split(',').filter(Boolean));
}
const url = await app.app.listen({ port: config.port, host: config.host });
process.stdout.write(`listening ${url}\n`);
const stop = () =>
  void app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
