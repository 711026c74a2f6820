#!/usr/bin/env node
// Dashboard time to first chart with N stored responses of the annual carers survey (default 100k):
// seeds a temporary data folder with the collector's bench seeder (raw rows + matching running
// tallies), starts the demo on it (no sample data), signs in, then loads the results view in headless
// Chromium five times and reports the median time from navigation to the first chart canvas drawn.
// Usage: node scripts/bench-dashboard.mjs [--size 100000] [--runs 5] [--json]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const size = Number(opt('size', 100_000));
const runs = Number(opt('runs', 5));
const json = args.includes('--json');
const say = (s) => { if (!json) console.error(s); };

const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const dataDir = mkdtempSync(join(tmpdir(), 'cv-bench-dashboard-'));
const env = { ...process.env, DATA_DIR: dataDir, CV_REGISTER_FILE: join(root, 'packages/content/instruments/annual-carers-survey.json'), CV_GROUP_BY: 'age-band,caring-hours' };

function run(cmd, argv, options, readyText) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    const onData = (d) => { out += d; if (readyText && out.includes(readyText)) resolve({ child, out }); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => (code === 0 && !readyText ? resolve({ child, out }) : reject(new Error(`${argv.at(-1)} stopped (${code}):\n${out.slice(-2000)}`))));
  });
}

let demo;
let browser;
try {
  say(`seeding ${size.toLocaleString('en-GB')} responses…`);
  const t0 = Date.now();
  await run(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/collector/bench/seed.ts', String(size)], { env });
  say(`  seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const port = await freePort();
  const started = await run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'apps/demo/src/server/main.ts'],
    { env: { ...process.env, DEMO_DATA_DIR: dataDir, DEMO_SAMPLE_SCALE: '0', PORT: String(port), SITE_PORT: String(await freePort()) } },
    'Stop with Ctrl+C',
  );
  demo = started.child;
  const base = `http://127.0.0.1:${port}`;

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--headless', '--no-first-run', '--disable-background-networking'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const signIn = await context.request.post(`${base}/api/v1/session`, { headers: { 'x-requested-with': 'carers-voice', origin: base }, data: { username: 'strategy-admin', password: 'millbrook-demo-2026' } });
  if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);

  const times = [];
  const apiTimes = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await context.newPage();
    const t = Date.now();
    await page.goto(`${base}/dashboard/#/results?instrument=annual-carers-survey`);
    await page.waitForFunction(() => {
      const el = document.querySelector('carer-results');
      const canvas = el?.shadowRoot?.querySelector('canvas');
      return !!canvas && canvas.width > 0 && !!el?.shadowRoot?.textContent?.includes('Based on');
    }, null, { timeout: 120_000 });
    const ms = Date.now() - t;
    const api = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.includes('/api/v1/results/'))?.duration ?? null);
    await page.close();
    if (i === 0) continue; // the first load warms the browser's and the server's caches
    times.push(ms);
    if (api !== null) apiTimes.push(api);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const result = { bench: 'dashboard-first-chart', responses: size, runs, medianMs: median(times), runsMs: times, resultsApiMedianMs: apiTimes.length ? Math.round(median(apiTimes)) : null };
  if (json) console.log(JSON.stringify(result));
  else console.log(`dashboard time to first chart with ${size.toLocaleString('en-GB')} responses: median ${result.medianMs} ms over ${runs} runs (${times.join(', ')} ms); /results took ${result.resultsApiMedianMs} ms (median)`);
} finally {
  await browser?.close();
  if (demo) {
    demo.kill('SIGINT');
    await new Promise((r) => { demo.once('exit', r); setTimeout(r, 10_000); });
  }
  rmSync(dataDir, { recursive: true, force: true });
}
