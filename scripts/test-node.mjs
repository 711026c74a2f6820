#!/usr/bin/env node
// Runs every Node-side test (`*.test.ts` outside the browser packages) with Node's own test runner.
// Node 20 does not expand globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const browserOnly = [/^packages\/(elements|charts)\//, /\.browser\.test\.ts$/, /^test\/browser\//];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const filter = process.argv.slice(2);
const files = ['packages', 'apps', 'test']
  .flatMap((d) => { try { return walk(join(root, d)); } catch { return []; } })
  .filter((f) => !browserOnly.some((re) => re.test(f)))
  .filter((f) => filter.length === 0 || filter.some((s) => f.includes(s)))
  .sort();

if (files.length === 0) { console.error('No Node tests found.'); process.exit(1); }
const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(result.status ?? 1);
