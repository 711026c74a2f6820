#!/usr/bin/env node
// `pnpm bench [name…] [-- flags]`: runs the project's benchmarks (not tests) and prints their figures.
// Each bench is a TypeScript file run with tsx; add one by adding a line to `benches`.
//   pnpm bench                       every bench, quick defaults
//   pnpm bench collector --sizes 10k,100k,1m --storage postgres --duration 30
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const benches = {
  collector: {
    file: 'packages/collector/bench/collector.bench.ts',
    about: 'collector ingest rate and /results latency (PGlite and PostgreSQL)',
  },
  embed: {
    file: 'scripts/bench-embed.mjs',
    about: 'drop-in: gzipped bytes per widget against budgets, biggest contributors, time to first question at 4x throttle',
  },
  document: {
    file: 'scripts/bench-document.mjs',
    about: 'document check time, 5,000 and 50,000 words against 20 statements (Node and Chromium)',
  },
  charts: {
    file: 'packages/charts/bench/size.mjs',
    about: '<carer-results> gzipped bundle size against its 90 KB budget; chart.js stays tree-shaken',
  },
  dashboard: {
    file: 'scripts/bench-dashboard.mjs',
    about: 'demo dashboard: time to first chart with 100k stored responses (median of 5, headless Chromium)',
  },
  survey: {
    file: 'scripts/bench-survey.mjs',
    about: '<carer-survey> gzipped size, time to first question / first click at 4x CPU throttle, heap, draft save p95',
  },
};

const args = process.argv.slice(2).filter((a) => a !== '--');
const names = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')) && a in benches);
const flags = args.filter((a) => !names.includes(a));
if (args.includes('--help')) {
  for (const [name, b] of Object.entries(benches)) console.log(`${name.padEnd(12)} ${b.about}  (${b.file})`);
  process.exit(0);
}
let failed = false;
for (const name of names.length ? names : Object.keys(benches)) {
  console.log(`\n== ${name}: ${benches[name].about}`);
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', benches[name].file, ...flags], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
