#!/usr/bin/env node
// `node scripts/bench-embed.mjs [--runs 7] [--throttle 4] [--no-browser] [--analyze]` (or `pnpm bench embed`):
// builds the drop-in (packages/embed → dist/v1) and prints, per widget,
//   - the gzipped bytes a host page downloads (loader + widget + shared chunks, JS + CSS, gzip -9)
//     against its budget, and the lazy chunks apart (other languages, built-in content packs);
//   - the biggest contributors per widget (source bytes before minifying, from the build's metafile, and their share
//     of gzip); `--analyze` adds esbuild's own `analyzeMetafile` report for every output file;
//   - time from navigation to the first interactive question at 4× CPU throttle, median of 7,
//     in Debian's Chromium through playwright-core (not a test: it varies by machine).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { analyzeMetafile } from 'esbuild';
import { buildEmbed, ceiling } from '../packages/embed/scripts/build.mjs';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 7);
const THROTTLE = arg('throttle', 4);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const { manifest, metafile, outdir } = await buildEmbed({ quiet: true });

console.log(`\nGzipped bytes a host page downloads per widget (drop-in ${kb(manifest.files['carers-voice.js'].gzip)} included)`);
console.log('widget                  files      raw     gzip   budget  status      lazy (not counted)');
for (const [tag, w] of Object.entries(manifest.widgets)) {
  if (w.missing) { console.log(`${tag.padEnd(22)}  not built yet`); continue; }
  const status = !w.budget ? '' : w.gzip <= w.budget ? 'ok' : w.gzip <= ceiling(tag) ? 'OVER (held)' : 'OVER';
  const lazy = w.lazy.map((f) => `${f.replace(/-[A-Z0-9]{8}\.js$/, '')} ${kb(manifest.files[f].gzip)}`).join(', ');
  console.log(`${tag.padEnd(22)} ${String(w.files.length).padStart(6)} ${kb(w.bytes).padStart(9)} ${kb(w.gzip).padStart(8)} ${(w.budget ? kb(w.budget) : '').padStart(8)}  ${status.padEnd(11)} ${lazy}`);
}

// Contributors: bytes before minifying per source group across a widget's files; gzip share estimated
// in proportion (gzip does not split exactly by source).
const group = (path) => {
  const nm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)(?:\/([^/]+))?/.exec(path);
  if (nm) return nm[1] === 'zod' ? 'zod (mini + core)' : nm[1];
  const ws = /^packages\/([^/]+)\/src\/([^/]+)/.exec(path);
  return ws ? `${ws[1]}/${ws[2].replace(/\.ts$/, '')}` : path;
};
for (const tag of ['carer-survey', 'carer-quiz', 'carer-poll', 'carer-priority-check', 'carer-results']) {
  const w = manifest.widgets[tag];
  if (!w || w.missing) continue;
  const by = new Map();
  let total = 0;
  for (const f of w.files) {
    const out = metafile.outputs[join(outdir, f).slice(root.length)];
    for (const [input, { bytesInOutput }] of Object.entries(out?.inputs ?? {})) {
      by.set(group(input), (by.get(group(input)) ?? 0) + bytesInOutput);
      total += bytesInOutput;
    }
  }
  // Each file is gzipped on its own: many small shared chunks cost more than one big one.
  console.log(`\nBiggest contributors to <${tag}> (bytes before minifying, ~gzip share; ${w.files.length} files)`);
  for (const [name, bytes] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${name.padEnd(28)} ${kb(bytes).padStart(9)}  ~${kb((bytes / total) * w.gzip)}`);
  }
}

if (process.argv.includes('--analyze')) console.log(`\n${await analyzeMetafile(metafile, { verbose: false })}`);

if (process.argv.includes('--no-browser')) process.exit(0);

// ------------------------------------------------------- time to first interactive question
const { chromium } = await import('playwright-core');
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!executablePath) { console.log('\n(no Chromium: time to first question skipped)'); process.exit(0); }

const pages = {
  'carer-survey': '<carer-survey instrument="annual-carers-survey" partner="bench"></carer-survey>',
  'carer-quiz': '<carer-quiz instrument="carer-awareness-quiz" partner="bench"></carer-quiz>',
  'carer-poll': '<carer-poll instrument="quick-poll-have-your-say" partner="bench"></carer-poll>',
  'carer-priority-check': '<carer-priority-check instrument="gm-commitment-to-carers" partner="bench"></carer-priority-check>',
};
// Polls (from an external file: no inline script) until an enabled input inside the widget exists.
const probe = `
const deep = (n) => [...n.querySelectorAll('*')].flatMap((e) => e.shadowRoot ? [e, ...deep(e.shadowRoot)] : [e]);
const tick = () => {
  const w = document.querySelector('carer-survey,carer-quiz,carer-poll,carer-priority-check');
  const input = w && w.shadowRoot && deep(w.shadowRoot).find((e) => (e.localName === 'input' || e.localName === 'textarea') && !e.disabled && e.getClientRects().length);
  if (input) window.__firstQuestion = performance.now(); else requestAnimationFrame(tick);
};
tick();`;
const types = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/probe.js') { res.writeHead(200, { 'content-type': types['.js'] }); return res.end(probe); }
  if (url.pathname === '/page.html') {
    const tag = url.searchParams.get('tag');
    res.writeHead(200, { 'content-type': types['.html'] });
    return res.end(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><script type="module" src="/embed/v1/carers-voice.js"></script><script type="module" src="/probe.js"></script></head><body><h1>Bench</h1>${pages[tag]}</body></html>`);
  }
  const file = join(outdir, url.pathname.replace(/^\/embed\/v1\//, ''));
  if (!url.pathname.startsWith('/embed/v1/') || !existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  console.log(`\nNavigation → first interactive question, ${THROTTLE}× CPU throttle, median of ${RUNS} (cold cache each run)`);
  for (const tag of Object.keys(pages)) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      await page.goto(`http://127.0.0.1:${port}/page.html?tag=${tag}`);
      await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 30000 });
      times.push(await page.evaluate(() => window.__firstQuestion));
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`  ${tag.padEnd(22)} ${times[Math.floor(times.length / 2)].toFixed(0).padStart(6)} ms  (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})`);
  }
} finally {
  await browser.close();
  server.close();
}
