#!/usr/bin/env node
// `node scripts/bench-survey.mjs [--runs 7] [--throttle 4]`: the figures issue 4 asks for, for a
// 10-question survey (2 single, 2 multiple, 3 likert, 1 select, 2 free text) on a plain host page in
// headless Chromium at 4× CPU throttle, median of 7 runs, beside a bare hand-written Lit element
// rendering the same 10 questions (the floor):
//   - gzipped bytes the page downloads for <carer-survey> (esbuild, minified, everything included;
//     lazily imported chunks — other languages, built-in instruments — are listed apart)
//   - navigation → first question visible, and → first radio click handled
//   - JS heap after GC, minus a blank page's
//   - p95 time to save an answer draft to IndexedDB
// Not a test: numbers vary by machine. Uses Debian's Chromium through playwright-core.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 7);
const THROTTLE = arg('throttle', 4);
const SAVES = 40;

// ------------------------------------------------------------------ the survey both pages render

const yesNo = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
const survey = {
  kind: 'survey',
  id: 'bench-survey',
  version: 1,
  title: 'Bench survey',
  privacy: { anonymous: true },
  checkAnswers: true,
  pages: [
    {
      id: 'all',
      title: 'Ten questions',
      questions: [
        { id: 'q1', type: 'single', label: 'Do you look after someone?', options: yesNo },
        { id: 'q2', type: 'single', label: 'Have you had a carer’s assessment?', options: yesNo },
        { id: 'q3', type: 'multiple', label: 'Who do you look after?', options: [{ value: 'parent', label: 'A parent' }, { value: 'partner', label: 'A partner' }, { value: 'child', label: 'A child' }] },
        { id: 'q4', type: 'multiple', label: 'What would help?', options: [{ value: 'breaks', label: 'Breaks' }, { value: 'money', label: 'Money advice' }, { value: 'groups', label: 'Groups' }] },
        { id: 'q5', type: 'likert', label: 'I have enough time for myself', scale: 'agreement' },
        { id: 'q6', type: 'likert', label: 'I feel listened to', scale: 'agreement' },
        { id: 'q7', type: 'likert', label: 'Information was easy to find', scale: 'ease' },
        { id: 'q8', type: 'select', label: 'Which area do you live in?', options: [{ value: 'north', label: 'North' }, { value: 'south', label: 'South' }, { value: 'east', label: 'East' }, { value: 'west', label: 'West' }] },
        { id: 'q9', type: 'text', label: 'What is your first language?', required: false },
        { id: 'q10', type: 'textarea', label: 'Anything else?', required: false },
      ],
    },
  ],
};

// The floor: what a developer would hand-write in Lit for the same questions (no drafts, no checks).
const bareSource = `
import { LitElement, html, css } from 'lit';
const AGREE = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];
class BareSurvey extends LitElement {
  static properties = { definition: { attribute: false }, answers: { state: true } };
  static styles = css\`fieldset { border: 0; margin: 0 0 1em; padding: 0 } legend { font-weight: bold }\`;
  constructor() { super(); this.answers = {}; }
  set(id, v) { this.answers = { ...this.answers, [id]: v }; this.dispatchEvent(new CustomEvent('carer-answer', { bubbles: true, composed: true, detail: { question: id, value: v } })); }
  question(q) {
    const opts = q.options ?? AGREE.map((l, i) => ({ value: String(i), label: l }));
    if (q.type === 'single' || q.type === 'likert' || q.type === 'multiple') {
      const type = q.type === 'multiple' ? 'checkbox' : 'radio';
      return html\`<fieldset><legend>\${q.label}</legend>\${opts.map((o, i) => html\`<div><input type=\${type} id=\${q.id + '-' + i} name=\${q.id} .value=\${o.value} @change=\${(e) => this.set(q.id, e.target.value)}><label for=\${q.id + '-' + i}>\${o.label}</label></div>\`)}</fieldset>\`;
    }
    if (q.type === 'select') return html\`<label for=\${q.id}>\${q.label}</label><select id=\${q.id} @change=\${(e) => this.set(q.id, e.target.value)}><option value=""></option>\${opts.map((o) => html\`<option value=\${o.value}>\${o.label}</option>\`)}</select>\`;
    if (q.type === 'textarea') return html\`<label for=\${q.id}>\${q.label}</label><textarea id=\${q.id} @input=\${(e) => this.set(q.id, e.target.value)}></textarea>\`;
    return html\`<label for=\${q.id}>\${q.label}</label><input id=\${q.id} @input=\${(e) => this.set(q.id, e.target.value)}>\`;
  }
  render() { return html\`<form novalidate>\${this.definition.pages[0].questions.map((q) => this.question(q))}<button>Continue</button></form>\`; }
}
customElements.define('bare-survey', BareSurvey);
`;

// ------------------------------------------------------------------ bundles

const dir = mkdtempSync(join(tmpdir(), 'bench-survey-'));
writeFileSync(join(dir, 'bare-entry.js'), bareSource);

async function bundle(name, entry) {
  const result = await build({
    entryPoints: { [name]: entry },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    target: 'es2022',
    outdir: join(dir, 'out'),
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.base.json'),
    nodePaths: [join(root, 'node_modules'), join(root, 'packages/elements/node_modules')],
    absWorkingDir: root,
    metafile: true,
    logLevel: 'error',
  });
  // Chunks loaded up front: the entry and everything it imports statically. Lazy ones apart.
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint && o.endsWith(`${name}.js`));
  const eager = new Set();
  const lazy = new Set();
  const visit = (out) => {
    if (eager.has(out)) return;
    eager.add(out);
    for (const imp of outputs[out].imports) {
      if (imp.external) continue;
      if (imp.kind === 'dynamic-import') lazy.add(imp.path);
      else visit(imp.path);
    }
  };
  visit(entryOut);
  const gz = (files) => [...files].reduce((n, f) => n + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
  return { file: entryOut.split('/').pop(), eagerGz: gz(eager), lazyGz: gz(new Set([...lazy].filter((f) => !eager.has(f)))) };
}

const surveyEntry = join(dir, 'survey-entry.js');
writeFileSync(surveyEntry, `import '${join(root, 'packages/elements/src/survey/define.ts')}';`);
const carer = await bundle('carer-survey', surveyEntry);
const bare = await bundle('bare-survey', join(dir, 'bare-entry.js'));

// ------------------------------------------------------------------ host pages

const pageFor = (tag, file, extra = '') => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Host</title></head>
<body><h1>A partner's page</h1><main id="host"></main>
<script type="module">
  const t0 = performance.now();
  const definition = ${JSON.stringify(survey)};
  window.__bench = {};
  const deepRadio = (node) => {
    const root = node.shadowRoot ?? node;
    const direct = root.querySelector?.('input[type=radio]');
    if (direct) return direct;
    for (const el of root.querySelectorAll?.('*') ?? []) {
      if (el.shadowRoot) { const found = deepRadio(el); if (found) return found; }
    }
    return null;
  };
  await import('./out/${file}');
  const el = document.createElement('${tag}');
  ${extra}
  el.definition = definition;
  el.addEventListener('carer-answer', () => { if (!window.__bench.clicked) window.__bench.clicked = performance.now(); });
  document.getElementById('host').append(el);
  const poll = () => {
    const radio = deepRadio(el);
    if (radio && radio.getBoundingClientRect().height > 0) {
      window.__bench.visible = performance.now();
      radio.click();
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  window.__bench.el = el;
</script></body></html>`;
writeFileSync(join(dir, 'carer.html'), pageFor('carer-survey', carer.file, `el.database = 'bench-' + Math.random();`));
writeFileSync(join(dir, 'bare.html'), pageFor('bare-survey', bare.file));
writeFileSync(join(dir, 'blank.html'), '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Host</title></head><body><h1>A partner\'s page</h1></body></html>');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try {
    const body = readFileSync(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// ------------------------------------------------------------------ measuring

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--headless', '--no-first-run', '--disable-background-networking', '--js-flags=--expose-gc'],
});

async function open(pageName) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const start = Date.now();
  await page.goto(`${base}/${pageName}.html`);
  return { context, page, cdp, start };
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function run(pageName) {
  const { context, page, cdp } = await open(pageName);
  await page.waitForFunction(() => window.__bench?.clicked, null, { timeout: 60_000 });
  const timing = await page.evaluate(() => ({ visible: window.__bench.visible, clicked: window.__bench.clicked }));
  const heap = await heapAfterGc(cdp);
  let saves = [];
  if (pageName === 'carer') {
    saves = await page.evaluate(async (n) => {
      const el = window.__bench.el;
      const inputs = [];
      const collect = (node) => {
        for (const x of (node.shadowRoot ?? node).querySelectorAll('*')) {
          if (x.localName === 'input' && x.name === 'q1') inputs.push(x);
          if (x.shadowRoot) collect(x);
        }
      };
      collect(el);
      await el.saved;
      const times = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        inputs[(i + 1) % inputs.length].click();
        await el.saved;
        times.push(performance.now() - t);
      }
      return times;
    }, SAVES);
  }
  await context.close();
  return { ...timing, heap, saves };
}

async function blankHeap() {
  const { context, cdp } = await open('blank');
  const heap = await heapAfterGc(cdp);
  await context.close();
  return heap;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

const results = { carer: [], bare: [], blank: [] };
try {
  // Interleaved, so a busy moment on the machine hits both alike.
  for (let i = 0; i < RUNS; i++) {
    results.carer.push(await run('carer'));
    results.bare.push(await run('bare'));
    results.blank.push(await blankHeap());
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

const blank = median(results.blank);
const summary = (rs) => ({
  visible: median(rs.map((r) => r.visible)),
  clicked: median(rs.map((r) => r.clicked)),
  heap: median(rs.map((r) => r.heap)) - blank,
});
const c = summary(results.carer);
const b = summary(results.bare);
const saves = results.carer.flatMap((r) => r.saves);
const pct = (x, y) => `${x >= y ? '+' : ''}${(((x - y) / y) * 100).toFixed(0)}%`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;

console.log(`\n<carer-survey> vs a bare Lit element — 10 questions, ${THROTTLE}× CPU throttle, median of ${RUNS} runs\n`);
const rows = [
  ['measure', '<carer-survey>', 'bare Lit', 'difference', 'aim'],
  ['gzipped JS loaded up front', kb(carer.eagerGz), kb(bare.eagerGz), kb(carer.eagerGz - bare.eagerGz), 'under 25 KB'],
  ['  + lazy chunks (other languages, built-in instruments)', kb(carer.lazyGz), kb(bare.lazyGz), '', 'only when used'],
  ['navigation → first question visible', ms(c.visible), ms(b.visible), pct(c.visible, b.visible), 'within 15%'],
  ['navigation → first radio click handled', ms(c.clicked), ms(b.clicked), pct(c.clicked, b.clicked), 'within 15%'],
  ['JS heap after GC (minus a blank page)', kb(c.heap), kb(b.heap), kb(c.heap - b.heap), 'under 1 MB'],
  [`draft save, p95 of ${saves.length}`, ms(p95(saves)), '—', `median ${ms(median(saves))}`, ''],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const [i, r] of rows.entries()) {
  console.log(r.map((cell, j) => String(cell).padEnd(widths[j])).join('  |  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('--|--'));
}
