/**
 * `pnpm demo`: builds the drop-in and the dashboard, starts the collector with its embedded database
 * in a data folder (DEMO_DATA_DIR, default .data/demo), registers the demo partners, instruments and
 * accounts, loads synthetic sample data on the first start, serves three fictional partner websites
 * and the dashboard, and prints where to look. Ctrl+C stops everything.
 */
import { resolve } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, startDemo } from './demo.js';
import { repoRoot } from './build.js';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(repoRoot, process.env.DEMO_DATA_DIR ?? '.data/demo');
const firstSite = Number(process.env.SITE_PORT ?? port + 1);

console.log('carers-voice demo: building the drop-in script and the dashboard…');
let demo: Awaited<ReturnType<typeof startDemo>>;
try {
  demo = await startDemo({
    dataDir,
    buildEmbed: true,
    host,
    port,
    sitePorts: { centre: firstSite, surgery: firstSite + 1, school: firstSite + 2 },
    ...(process.env.DEMO_SAMPLE_SCALE === undefined ? {} : { sampleScale: Number(process.env.DEMO_SAMPLE_SCALE) }),
    log: (line) => console.log(line),
  });
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') console.error(`\nA port the demo needs is busy (${err.message}). Try another:  PORT=9787 pnpm demo`);
  else console.error(`\nThe demo could not start: ${err.message}`);
  process.exit(1);
}

const line = '─'.repeat(72);
console.log(`\n${line}
  carers-voice demo is running (fictional organisations, synthetic data)

  Partner websites (each a registered partner with its own origin):
${demo.sites.map((s) => `    ${s.name.padEnd(26)} ${s.url}/`).join('\n')}

  Strategy group's dashboard:  ${demo.dashboardUrl}
${DEMO_ACCOUNTS.map((a) => `    sign in as ${a.username.padEnd(16)} password ${DEMO_PASSWORD}   — ${a.who}`).join('\n')}

  Collector API:  ${demo.collectorUrl}/api/v1/…   health: ${demo.collectorUrl}/health
  Data folder:    ${dataDir}  (delete it to start again with fresh sample data)
  Drop-in script: ${demo.built.embedSource === 'packages/embed' ? 'packages/embed (published build)' : 'stand-in build of the same tags (packages/embed not built yet)'}
  Sample data:    ${demo.sampleLoaded === 'already' ? 'loaded on an earlier start' : `${demo.sampleLoaded} synthetic responses loaded now`}
  Storybook (every widget in every state): pnpm storybook

  Stop with Ctrl+C.
${line}\n`);

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\nStopping the demo…');
    demo.stop().then(
      () => process.exit(0),
      (e: Error) => {
        console.error(e.message);
        process.exit(1);
      },
    );
  });
}
