#!/usr/bin/env node
// Document check speed: 5,000 and 50,000 words against the 20-statement sample set, in Node and in
// headless Chromium (Debian's /usr/bin/chromium through playwright-core). Median of several runs
// after one warm-up run; both the synchronous check and the sliced async check the widget uses.
// Targets (issue 7): under 100 ms for 5,000 words and under 1 s for 50,000 words.
//
//   node scripts/bench-document.mjs            # table
//   node scripts/bench-document.mjs --json     # machine-readable
//   node scripts/bench-document.mjs --check    # exit 1 when a median misses its target
//   node scripts/bench-document.mjs --runs=9 --no-browser
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
const SIZES = [5_000, 50_000];
const TARGET_MS = { 5000: 100, 50000: 1000 };
const entry = fileURLToPath(new URL('../packages/core/src/document/index.ts', import.meta.url));

// One bundle of the engine (pure TS, no dependencies) for Node (ESM) and the browser (IIFE).
async function bundle(format) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format,
    globalName: format === 'iife' ? 'CarersVoiceDocument' : undefined,
    platform: 'neutral',
    target: 'es2022',
    write: false,
    minify: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The measuring code runs as-is in Node and (serialised) in the page.
async function measure(lib, sizes, runs) {
  const out = [];
  for (const words of sizes) {
    const text = lib.longDocument(words);
    const set = lib.SAMPLE_STATEMENT_SET;
    const statements = set.groups.reduce((n, g) => n + g.statements.length, 0);
    lib.checkDocument(text, set); // warm-up
    const sync = [];
    const asyncRuns = [];
    const cpu = [];
    const cpuUsage = globalThis.process?.cpuUsage;
    for (let i = 0; i < runs; i++) {
      const c0 = cpuUsage ? cpuUsage() : undefined;
      let t0 = performance.now();
      const report = lib.checkDocument(text, set);
      sync.push(performance.now() - t0);
      if (c0) {
        const c = cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      t0 = performance.now();
      await lib.checkDocumentAsync(text, set);
      asyncRuns.push(performance.now() - t0);
      if (report.words < words) throw new Error(`expected ${words} words, got ${report.words}`);
    }
    out.push({ words, statements, sync, async: asyncRuns, cpu });
  }
  return out;
}

async function inNode() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-document-'));
  try {
    const file = join(dir, 'document.mjs');
    writeFileSync(file, await bundle('esm'));
    const lib = await import(pathToFileURL(file).href);
    return await measure(lib, SIZES, runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function inChromium() {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!executablePath) throw new Error('Chromium not found (apt-get install -y chromium)');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--headless', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="en"><title>bench</title><body></body></html>');
    await page.addScriptTag({ content: await bundle('iife') });
    const measureSource = measure.toString();
    return await page.evaluate(
      async ({ source, sizes, runs }) => {
        const fn = new Function(`return (${source})`)();
        return fn(globalThis.CarersVoiceDocument, sizes, runs);
      },
      { source: measureSource, sizes: SIZES, runs },
    );
  } finally {
    await browser.close();
  }
}

const results = [];
for (const [where, run] of [['node', inNode], ['chromium', inChromium]]) {
  if (where === 'chromium' && flag('no-browser')) continue;
  try {
    for (const r of await run()) {
      results.push({
        where,
        words: r.words,
        statements: r.statements,
        runs: r.sync.length,
        syncMedianMs: Math.round(median(r.sync) * 10) / 10,
        asyncMedianMs: Math.round(median(r.async) * 10) / 10,
        ...(r.cpu.length ? { syncCpuMedianMs: Math.round(median(r.cpu) * 10) / 10 } : {}),
        targetMs: TARGET_MS[r.words],
      });
    }
  } catch (error) {
    results.push({ where, error: String(error?.message ?? error) });
  }
}

const missed = results.filter((r) => r.error || r.syncMedianMs >= r.targetMs || r.asyncMedianMs >= r.targetMs);
if (flag('json')) {
  console.log(JSON.stringify({ benchmark: 'document-check', loadAverage: loadavg()[0], cores: cpus().length, results }, null, 2));
} else {
  console.log(`Document check, 20-statement set, median of ${runs} runs (after a warm-up)\n`);
  console.log(`(load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores: wall times grow with other work on the machine; Node's CPU time does not)\n`);
  console.log('where     words    sync ms   async ms    cpu ms   target');
  for (const r of results) {
    if (r.error) {
      console.log(`${r.where.padEnd(9)} error: ${r.error}`);
      continue;
    }
    const ok = r.syncMedianMs < r.targetMs && r.asyncMedianMs < r.targetMs ? 'met' : 'MISSED';
    console.log(
      `${r.where.padEnd(9)} ${String(r.words).padStart(6)} ${String(r.syncMedianMs).padStart(10)} ${String(r.asyncMedianMs).padStart(10)} ${String(r.syncCpuMedianMs ?? '–').padStart(9)}   < ${String(r.targetMs).padEnd(5)} ${ok}`,
    );
  }
  console.log('\nasync = the sliced check the widget uses (yields every 8 ms so the page keeps painting).');
}
if (flag('check') && missed.length) process.exit(1);
