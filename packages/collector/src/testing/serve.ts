/**
 * A collector for tests and benchmarks in its own process: config from the environment, the test
 * partner and survey registered, then "listening <url>" on stdout.
 */
import { loadConfig } from '../config.js';
import { start } from '../main.js';
import { partnerA, partnerB, testSurvey } from './fixtures.js';

const server = await start(loadConfig());
await server.app.store.upsertPartner(partnerA);
await server.app.store.upsertPartner(partnerB);
await server.app.store.registerInstrument(testSurvey as never, ['age-band']);
const extra = process.env.CV_REGISTER_FILE;
if (extra) {
  const { readFileSync } = await import('node:fs');
  const def = JSON.parse(readFileSync(extra, 'utf8'));
  await server.app.store.registerInstrument(def, (process.env.CV_GROUP_BY ?? '').split(',').filter(Boolean));
}
process.stdout.write(`listening ${server.url}\n`);
const stop = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
