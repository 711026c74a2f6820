#!/usr/bin/env node
// `node scripts/bench-survey.mjs [--runs 7] [--throttle 4]`: the figures issue 4 asks for, for a
// 10-question survey (2 single, 2 multiple, 3 likert, 1 select, 2 free text) on a plain host page in
// headless Chromium at 4× CPU throttle, median of 7 runs, beside a bare hand-written Lit element
// rendering the same 10 questions (the floor):
//   - gzipped bytes the page downloads for <carer-survey> from the real drop-in (`pnpm build:embed`:
//     the loader `carers-voice.js`, which finds the tag and loads the survey): what a page showing
//     only a survey loads up front, what it had fetched when the first question showed, and what it
//     has fetched once idle (the part after the first page is preloaded then). The bare element is
//     one esbuild bundle (Lit + the element, minified).
//   - for a checked definition (with its `checked` fingerprint: rendered without the checker) and
//     an unchecked one (the checker — zod, the parsers, the problem text — loads first)
//   - navigation → first question visible, and → first radio click handled
//   - JS heap after GC once the page is idle (preloaded parts included), minus a blank page's (the
//     page is driven through the DevTools protocol only, so no test-tool script is in either heap)
//   - p95 time to save an answer draft to IndexedDB
// Options: --runs N, --throttle N, --src (also the definition fetched from a file), --latency MS (each request waits MS, like a phone network: files
// fetched one after another show their cost); --trace [--timeline] [--bare|--unchecked] (main-thread
// time by event, long tasks, and any performance.mark named 'cv:…' in its place); --cpu-detail;
// --heap-detail.
// Not a test: numbers vary by machine. Uses Debian's Chromium through playwright-core.
import { build } from 'esbuild';
import { buildEmbed } from '../packages/embed/scripts/build.mjs';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
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
// `--latency 150`: every request also waits this many ms (a phone network's round trip), so each
// file fetched only after another has arrived shows its cost. Off by default (loopback).
const LATENCY = arg('latency', 0);
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
// The checked form of the survey, fingerprinted by core's own code (what `carers-voice-check --write` adds).
await build({
  entryPoints: [join(root, 'packages/core/src/content/fingerprint.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: join(dir, 'fingerprint.mjs'),
  logLevel: 'error',
});
const { withFingerprint } = await import(join(dir, 'fingerprint.mjs'));
const checkedSurvey = withFingerprint(survey);
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

// The survey as partners get it: the drop-in, built into out/ beside the bare element's bundle.
const { manifest } = await buildEmbed({ outdir: join(dir, 'out'), quiet: true });
const carer = { file: manifest.loader, eagerGz: manifest.widgets['carer-survey'].gzip };
const bare = await bundle('bare-survey', join(dir, 'bare-entry.js'));
const gzOf = new Map(readdirSync(join(dir, 'out')).map((f) => [f, gzipSync(readFileSync(join(dir, 'out', f)), { level: 9 }).length]));

// ------------------------------------------------------------------ host pages

const pageFor = (tag, file, extra = '', definition = survey) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Host</title></head>
<body><h1>A partner's page</h1><main id="host"></main>
<script type="module">
  const t0 = performance.now();
  const definition = ${JSON.stringify(definition)};
  window.__bench = {};
  window.__bench.done = new Promise((resolve) => { window.__bench.finish = resolve; });
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
  window.__bench.imported = performance.now();
  const el = document.createElement('${tag}');
  el.addEventListener('carer-ready', () => { window.__bench.ready = performance.now(); });
  ${extra}
  if (definition !== null) el.definition = definition;
  el.addEventListener('carer-answer', () => { if (!window.__bench.clicked) { window.__bench.clicked = performance.now(); window.__bench.finish(); } });
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
writeFileSync(join(dir, 'checked.html'), pageFor('carer-survey', carer.file, `el.database = 'bench-' + Math.random();`, checkedSurvey));
writeFileSync(join(dir, 'unchecked.html'), pageFor('carer-survey', carer.file, `el.database = 'bench-' + Math.random();`, survey));
writeFileSync(join(dir, 'bare.html'), pageFor('bare-survey', bare.file));
// `--src`: the checked definition fetched from a JSON file (`src`), as a partner's own survey is.
const SRC = process.argv.includes('--src');
writeFileSync(join(dir, 'survey.json'), JSON.stringify(checkedSurvey));
writeFileSync(join(dir, 'src.html'), pageFor('carer-survey', carer.file, `el.database = 'bench-' + Math.random(); el.setAttribute('src', './survey.json');`, null));
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

/** A fresh, throttled, uncached page at `pageName`; `before(cdp)` runs just before navigating. */
async function open(pageName, before = async () => {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (LATENCY) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY, downloadThroughput: -1, uploadThroughput: -1 });
  await before(cdp);
  const start = Date.now();
  await page.goto(`${base}/${pageName}.html`);
  return { context, page, cdp, start };
}

/**
 * Waits and reads through the DevTools protocol, not Playwright's `waitForFunction`/`evaluate`: those
 * inject Playwright's own scripts into the page (about 550 KB of heap, and ~130 ms of main-thread time
 * at 4× throttle in the middle of the widget's start), which would be counted as the widget's.
 */
async function inPage(cdp, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, timeout: 60_000 });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}
const untilClicked = (cdp) => inPage(cdp, 'window.__bench.done.then(() => true)');

/**
 * `--heap-detail`: a heap snapshot after GC, summed by what holds the memory (V8's node type and
 * constructor or script), so the biggest holders can be compared between two pages.
 */
async function heapSnapshot(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const meta = snap.snapshot.meta;
  const width = meta.node_fields.length;
  const typeNames = meta.node_types[0];
  const f = (name) => meta.node_fields.indexOf(name);
  const [T, N, S] = [f('type'), f('name'), f('self_size')];
  const byKind = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = typeNames[snap.nodes[i + T]];
    let name = snap.strings[snap.nodes[i + N]];
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = name.length > 60 ? `${type} ${name.length > 2000 ? '(long)' : '(medium)'}` : `${type} (short)`;
    else if (type === 'code') name = `code ${name.slice(0, 40)}`;
    else name = `${type} ${name.slice(0, 60)}`;
    byKind.set(name, (byKind.get(name) ?? 0) + snap.nodes[i + S]);
  }
  return byKind;
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function run(pageName) {
  const { context, page, cdp } = await open(pageName);
  await untilClicked(cdp);
  const timing = await inPage(cdp, '({ visible: window.__bench.visible, clicked: window.__bench.clicked })');
  // Idle: what the widget preloads after its first page (requestIdleCallback) is fetched and run.
  await page.waitForTimeout(2000);
  // The scripts fetched, and when (on the same clock as `visible`).
  const fetched = await inPage(
    cdp,
    "performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname.split('/').pop(), end: e.responseEnd }))",
  );
  const gzBy = (list) => list.reduce((n, f) => n + (gzOf.get(f.name) ?? 0), 0);
  const bytes = { beforeVisible: gzBy(fetched.filter((f) => f.end <= timing.visible)), idle: gzBy(fetched) };
  const heap = await heapAfterGc(cdp);
  let saves = [];
  if (pageName !== 'bare') {
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
  return { ...timing, heap, saves, bytes };
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

if (process.argv.includes('--trace')) {
  // Where the main thread's time goes up to the first click: a Chromium trace (throttled), the
  // renderer main thread's events summed by name (top-level tasks' children, exclusive time).
  const which = process.argv.includes('--unchecked') ? 'unchecked' : process.argv.includes('--bare') ? 'bare' : process.argv.includes('--src') ? 'src' : 'checked';
  const { context, page, cdp } = await open(which, async (session) => {
    await session.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', 'toplevel', 'blink.user_timing'] } });
  });
  await untilClicked(cdp);
  const marks = await page.evaluate(() => {
    // The size of what was rendered: elements and shadow roots, through every shadow root.
    let elements = 0;
    let roots = 0;
    let sheets = 0;
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        elements++;
        if (el.shadowRoot) {
          roots++;
          sheets += el.shadowRoot.adoptedStyleSheets.length + el.shadowRoot.querySelectorAll('style').length;
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    const resources = performance.getEntriesByType('resource').map((e) => `${new URL(e.name).pathname.split('/').pop()} ${e.startTime.toFixed(0)}→${e.responseEnd.toFixed(0)}`);
    return { visible: window.__bench.visible, imported: window.__bench.imported, ready: window.__bench.ready, elements, roots, sheets, resources };
  });
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const { data, eof } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += data;
    if (eof) break;
  }
  await context.close();
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
  const events = JSON.parse(text).traceEvents ?? JSON.parse(text);
  const threadName = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const main = events.filter((e) => threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && e.dur);
  // Renderer for our page: the one with the most events.
  const byPid = new Map();
  for (const e of main) byPid.set(e.pid, (byPid.get(e.pid) ?? 0) + 1);
  const pid = [...byPid].sort((a, b) => b[1] - a[1])[0][0];
  const ev = main.filter((e) => e.pid === pid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts ?? ev[0].ts;
  const end = nav + marks.visible * 1000;
  // Exclusive time per event name, nesting by ts/dur on the one thread.
  const excl = new Map();
  const stack = [];
  let busy = 0;
  let cpu = 0; // thread time: what the main thread computed, without the throttle's pauses or other processes' turns
  for (const e of ev) {
    if (e.ts > end) break;
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) excl.set(parent.name, (excl.get(parent.name) ?? 0) - Math.min(e.dur, parent.ts + parent.dur - e.ts));
    else {
      busy += e.dur;
      cpu += e.tdur ?? 0;
    }
    excl.set(e.name, (excl.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  console.log(`${which}: first question visible ${marks.visible.toFixed(0)} ms; main thread busy ${(busy / 1000).toFixed(0)} ms of it (${(cpu / 1000).toFixed(0)} ms of CPU time); ${marks.elements} elements, ${marks.roots} shadow roots, ${marks.sheets} style sheets in them`);
  console.log(`  loader imported ${marks.imported?.toFixed(0)} ms, carer-ready ${marks.ready?.toFixed(0) ?? '—'} ms; fetched: ${marks.resources.join(', ')}`);
  for (const [name, us] of [...excl].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  // A timeline: top-level tasks of 8 ms or more, with the biggest things inside them.
  if (process.argv.includes('--timeline')) {
    const tops = [];
    let cur = null;
    for (const e of ev) {
      if (e.ts > end) break;
      if (!cur || e.ts >= cur.ts + cur.dur) { cur = { ...e, kids: new Map() }; tops.push(cur); continue; }
      if (e.dur > 2000) cur.kids.set(e.name, (cur.kids.get(e.name) ?? 0) + e.dur);
    }
    // Exclusive time by name inside one top-level task.
    const inside = (t) => {
      const m = new Map();
      const st = [];
      for (const e of ev) {
        if (e.ts < t.ts || e.ts >= t.ts + t.dur) continue;
        while (st.length && st.at(-1).ts + st.at(-1).dur <= e.ts) st.pop();
        const p = st.at(-1);
        if (p) m.set(p.name, (m.get(p.name) ?? 0) - Math.min(e.dur, p.ts + p.dur - e.ts));
        m.set(e.name, (m.get(e.name) ?? 0) + e.dur);
        st.push(e);
      }
      return [...m].filter(([, us]) => us >= 3000).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`).join(', ');
    };
    // The widget's own marks (performance.mark names starting 'cv:'), in their place on the timeline.
    const userMarks = events.filter((e) => e.pid === pid && typeof e.name === 'string' && e.name.startsWith('cv:') && e.ts <= end).sort((a, b) => a.ts - b.ts);
    const printed = tops.filter((t) => t.dur >= 8000);
    const flushMarks = (upTo) => {
      while (userMarks.length && userMarks[0].ts <= upTo) {
        const m = userMarks.shift();
        console.log(`  @${((m.ts - nav) / 1000).toFixed(0).padStart(5)}  mark ${m.name}`);
      }
    };
    for (const t of printed) {
      flushMarks(t.ts);
      if (t.dur >= 100_000) {
        console.log(`  @${((t.ts - nav) / 1000).toFixed(0).padStart(5)} ${(t.dur / 1000).toFixed(0).padStart(4)} ms, own time: ${inside(t)}`);
        continue;
      }
      const kids = [...t.kids].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`).join(', ');
      console.log(`  @${((t.ts - nav) / 1000).toFixed(0).padStart(5)} ${(t.dur / 1000).toFixed(0).padStart(4)} ms ${t.name}: ${kids}`);
    }
    flushMarks(end);
  }
  process.exit(0);
}

if (process.argv.includes('--cpu-detail')) {
  // Where the time to the first question goes: a CPU profile (throttled) up to the first click,
  // self time summed by function and by file, and the widget's own timeline marks.
  const which = process.argv.includes('--unchecked') ? 'unchecked' : process.argv.includes('--bare') ? 'bare' : process.argv.includes('--src') ? 'src' : 'checked';
  const { context, page, cdp } = await open(which, async (session) => {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
  });
  await untilClicked(cdp);
  const { profile } = await cdp.send('Profiler.stop');
  const marks = await page.evaluate(() => ({ ...window.__bench, el: undefined, marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`), resources: performance.getEntriesByType('resource').map((e) => `${new URL(e.name).pathname.split('/').pop()} ${e.startTime.toFixed(0)}→${e.responseEnd.toFixed(0)}`) }));
  await context.close();
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const byFn = new Map();
  const byFile = new Map();
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame;
    const file = f.url ? f.url.split('/').pop() : `(${f.functionName || 'native'})`;
    const fn = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber}:${f.columnNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  console.log(`${which}: modules imported ${marks.imported?.toFixed(0)} ms, carer-ready ${marks.ready?.toFixed(0)} ms, visible ${marks.visible?.toFixed(0)} ms, clicked ${marks.clicked?.toFixed(0)} ms\nfetched:\n  ${marks.resources.join('\n  ')}${marks.marks.length ? `\nmarks:\n  ${marks.marks.join('\n  ')}` : ''}`);
  // Inclusive time: each function's samples with everything it called (counted once per stack).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      if (!f.url) continue;
      const fn = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      if (seen.has(fn)) continue;
      seen.add(fn);
      total.set(fn, (total.get(fn) ?? 0) + us);
    }
  }
  console.log(`self time by file:\n${top(byFile, 15)}\nself time by function:\n${top(byFn, 25)}\ntotal time by function (with what it calls):\n${top(total, 40)}`);
  process.exit(0);
}

if (process.argv.includes('--heap-detail')) {
  // What holds the memory: a heap snapshot of the (checked) survey page beside the bare element's.
  const which = process.argv.includes('--unchecked') ? 'unchecked' : 'checked';
  const detail = async (pageName) => {
    const { context, page, cdp } = await open(pageName);
    await untilClicked(cdp);
    await page.waitForTimeout(2000);
    const byKind = await heapSnapshot(cdp);
    await context.close();
    return byKind;
  };
  try {
    const [c, b] = [await detail(which), await detail('bare')];
    const total = (m) => [...m.values()].reduce((x, y) => x + y, 0);
    console.log(`heap snapshot: <carer-survey> (${which}) ${(total(c) / 1024).toFixed(0)} KB, bare Lit ${(total(b) / 1024).toFixed(0)} KB; biggest differences:`);
    const keys = new Set([...c.keys(), ...b.keys()]);
    const diffs = [...keys].map((k) => [k, (c.get(k) ?? 0) - (b.get(k) ?? 0), c.get(k) ?? 0]).sort((x, y) => y[1] - x[1]);
    for (const [k, d, v] of diffs.slice(0, 30)) console.log(`  ${(d / 1024).toFixed(1).padStart(8)} KB  (${(v / 1024).toFixed(1)} KB)  ${k}`);
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

const results = { checked: [], unchecked: [], bare: [], blank: [], src: [] };
try {
  // Interleaved, so a busy moment on the machine hits all alike.
  for (let i = 0; i < RUNS; i++) {
    results.checked.push(await run('checked'));
    results.unchecked.push(await run('unchecked'));
    results.bare.push(await run('bare'));
    if (SRC) results.src.push(await run('src'));
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
  beforeVisible: median(rs.map((r) => r.bytes.beforeVisible)),
  idle: median(rs.map((r) => r.bytes.idle)),
});
// The fastest run of each, for comparing two builds on a busy machine (the least disturbed run).
const fastest = (rs) => Math.min(...rs.map((r) => r.visible));
console.log(`fastest run to first question visible: checked ${fastest(results.checked).toFixed(0)} ms, unchecked ${fastest(results.unchecked).toFixed(0)} ms, bare ${fastest(results.bare).toFixed(0)} ms`);
const c = summary(results.checked);
const u = summary(results.unchecked);
const b = summary(results.bare);
const saves = [...results.checked, ...results.unchecked].flatMap((r) => r.saves);
const pct = (x, y) => `${x >= y ? '+' : ''}${(((x - y) / y) * 100).toFixed(0)}%`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;

console.log(`\n<carer-survey> vs a bare Lit element — 10 questions, ${THROTTLE}× CPU throttle${LATENCY ? `, ${LATENCY} ms network latency` : ''}, median of ${RUNS} runs`);
console.log('checked: the definition carries its `checked` fingerprint (no checker loaded); unchecked: plain JSON (the checker loads first)\n');
const rows = [
  ['measure', 'checked', 'unchecked', 'bare Lit', 'checked vs bare', 'unchecked vs bare', 'aim'],
  ['gzipped JS, static imports (up front)', kb(carer.eagerGz), kb(carer.eagerGz), kb(bare.eagerGz), kb(carer.eagerGz - bare.eagerGz), '', 'under 25 KB'],
  ['gzipped JS fetched by first question', kb(c.beforeVisible), kb(u.beforeVisible), kb(b.beforeVisible), kb(c.beforeVisible - b.beforeVisible), kb(u.beforeVisible - b.beforeVisible), 'under 25 KB'],
  ['gzipped JS fetched once idle (preloads)', kb(c.idle), kb(u.idle), kb(b.idle), kb(c.idle - b.idle), kb(u.idle - b.idle), ''],
  ['navigation → first question visible', ms(c.visible), ms(u.visible), ms(b.visible), pct(c.visible, b.visible), pct(u.visible, b.visible), 'within 15%'],
  ['navigation → first radio click handled', ms(c.clicked), ms(u.clicked), ms(b.clicked), pct(c.clicked, b.clicked), pct(u.clicked, b.clicked), 'within 15%'],
  ['JS heap after GC, idle (minus blank page)', kb(c.heap), kb(u.heap), kb(b.heap), kb(c.heap - b.heap), kb(u.heap - b.heap), 'under 1 MB'],
  [`draft save, p95 of ${saves.length}`, ms(p95(saves)), '', '—', `median ${ms(median(saves))}`, '', ''],
];
if (SRC) {
  const f = summary(results.src);
  rows.push(['definition from src: first question visible', ms(f.visible), '', ms(b.visible), pct(f.visible, b.visible), '', `(fetched by then: ${kb(f.beforeVisible)})`]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const [i, r] of rows.entries()) {
  console.log(r.map((cell, j) => String(cell).padEnd(widths[j])).join('  |  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('--|--'));
}
