#!/usr/bin/env node
// `pnpm storybook`: starts Storybook (every control and widget in every state, in English and Urdu,
// with the partner themes) and prints where to look. Needs no build step: Storybook's Vite
// reads the TypeScript sources directly. Ctrl+C stops it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.PORT ?? 6006);
const host = process.env.HOST ?? 'localhost';
const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`;

const bin = `${root}node_modules/.bin/storybook`;
if (!existsSync(bin)) {
  console.error('Storybook is not installed yet. Run first:  npx -y pnpm@10.34.9 install --frozen-lockfile');
  process.exit(1);
}

console.log(`Starting Storybook for carers-voice on ${url} …`);
const child = spawn(
  bin,
  ['dev', '-p', String(port), '--host', host, '--no-open', '--ci', '--no-version-updates', '--quiet'],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
);
// Storybook's own output, passed through (its warnings matter when something is wrong).
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stderr);

function answers() {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.end();
  });
}

let stopped = false;
child.on('exit', (code, signal) => {
  stopped = true;
  if (signal || code === 0) process.exit(0);
  console.error(`\nStorybook stopped (exit ${code}). If port ${port} is busy, try:  PORT=6007 pnpm storybook`);
  process.exit(code ?? 1);
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { if (!stopped) child.kill(sig); });
}

const started = Date.now();
while (!stopped && Date.now() - started < 120_000) {
  if (await answers()) {
    const line = '─'.repeat(url.length + 30);
    console.log(`\n${line}\n  carers-voice Storybook is ready:  ${url}\n${line}`);
    console.log('  Every question control in every state; use the toolbar for Urdu (RTL), easy read and partner themes.');
    console.log('  The first page load after an install can take half a minute while Vite prepares the modules.');
    console.log('  Stop it with Ctrl+C.\n');
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
if (!stopped && Date.now() - started >= 120_000) console.error(`Storybook has not answered on ${url} after 2 minutes; its output above says why.`);
