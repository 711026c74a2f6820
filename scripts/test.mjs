#!/usr/bin/env node
// `pnpm test`: everything CI checks, in the order that fails fastest.
// Installs missing system packages (Debian's Chromium and PostgreSQL), type-checks, runs the Node
// tests, the element tests in real Chromium, and builds Storybook offline. Prints one closing line
// "N passed, N failed" that CI can read.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const steps = [
  { name: 'system packages', cmd: 'bash', args: ['scripts/ensure-system-deps.sh'] },
  { name: 'type-check', cmd: 'pnpm', args: ['run', '--silent', 'typecheck'] },
  // The drop-in's browser tests load the built files, so build them before any test runs.
  { name: 'build embed', cmd: 'pnpm', args: ['run', '--silent', 'build:embed'] },
  { name: 'node tests', cmd: 'node', args: ['scripts/test-node.mjs'], count: 'node' },
  { name: 'browser tests', cmd: 'pnpm', args: ['exec', 'web-test-runner'], count: 'wtr' },
  { name: 'storybook build', cmd: 'pnpm', args: ['run', '--silent', 'build-storybook'] },
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${step.name} ===`);
    const child = spawn(step.cmd, step.args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (d) => { out += d; (stream === child.stdout ? process.stdout : process.stderr).write(d); });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
  });
}

function counts(kind, out) {
  const clean = out.replace(/\x1b\[[0-9;]*m/g, '');
  if (kind === 'node') {
    const pass = Number(/(?:ℹ|#) pass (\d+)/.exec(clean)?.[1] ?? 0);
    const fail = Number(/(?:ℹ|#) fail (\d+)/.exec(clean)?.[1] ?? 0);
    return { pass, fail };
  }
  const all = [...clean.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = all.at(-1);
  return { pass: Number(last?.[1] ?? 0), fail: Number(last?.[2] ?? 0) };
}

let passed = 0;
let failed = 0;
const only = process.argv.slice(2);
for (const step of steps) {
  if (only.length && !only.some((s) => step.name.includes(s))) continue;
  const { code, out, seconds } = await run(step);
  if (step.count) {
    const c = counts(step.count, out);
    passed += c.pass;
    failed += c.fail;
    console.log(`--- ${step.name}: ${c.pass} passed, ${c.fail} failed in ${seconds.toFixed(0)} s`);
  }
  if (code !== 0) {
    if (!step.count) failed += 1;
    console.error(`\n✗ ${step.name} failed (exit ${code}).`);
    console.log(`\n${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
