#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by file/package, and
// inclusive time for a few frames. `node bench/profile-summary.mjs file.cpuprofile [top=30]`
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : undefined;
};
// --from/--to: seconds since the profile started (e.g. only the measured window); --timeline: CPU per second.
const from = opt('from') ?? 0;
const to = opt('to') ?? Infinity;
const timeline = args.includes('--timeline');
const [file, topArg] = args.filter((a) => !a.startsWith('--'));
const top = Number(topArg ?? 30);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const deltas = prof.timeDeltas;
let total = 0;
let at = 0;
const perSecond = [];
prof.samples.forEach((id, i) => {
  const d = deltas[i] ?? 0;
  at += d;
  const s = at / 1e6;
  if (s < from || s > to) return;
  total += d;
  self.set(id, (self.get(id) ?? 0) + d);
  const name = byId.get(id).callFrame.functionName;
  const sec = Math.floor(s);
  perSecond[sec] ??= { idle: 0, busy: 0 };
  if (name === '(idle)') perSecond[sec].idle += d;
  else perSecond[sec].busy += d;
});
if (timeline) perSecond.forEach((v, s) => v && console.log(`${String(s).padStart(4)} s  busy ${((100 * v.busy) / (v.busy + v.idle)).toFixed(0).padStart(3)}%`));
const where = (cf) => {
  const url = cf.url || '';
  const m = /node_modules\/(?:\.pnpm\/)?((?:@[^/]+\/)?[^/@]+)/.exec(url);
  if (m) return m[1];
  const w = /\/work\/main\/(.*)/.exec(url);
  return w ? w[1] : url || '(native)';
};
const fn = new Map();
const pkg = new Map();
const incl = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'}  ${where(cf)}:${cf.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + t);
  const p = where(cf).replace(/\/[^/]*$/, '');
  pkg.set(p, (pkg.get(p) ?? 0) + t);
  // inclusive by function name+file (counted once per sample stack)
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const c = byId.get(cur).callFrame;
    const k = `${c.functionName || '(anon)'}  ${where(c)}:${c.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + t);
  }
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
const show = (title, m, n) => {
  console.log(`\n${title}`);
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, t]) => console.log(`${pct(t)}  ${k}`));
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
show('self time by file', pkg, top);
show('self time by function', fn, top);
show('inclusive time', incl, top);
