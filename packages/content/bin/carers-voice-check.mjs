#!/usr/bin/env node
// `carers-voice-check <definition.json>… [--write]` (see src/check-cli.ts). Runs the compiled
// command when the package is built (dist/), otherwise the TypeScript source through tsx, as in
// this repository.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const io = { cwd: process.env.INIT_CWD ?? process.cwd(), out: (l) => console.log(l), err: (l) => console.error(l) };
const built = new URL('../dist/src/check-cli.js', import.meta.url);
if (existsSync(built)) {
  const { runCheck } = await import(built.href);
  process.exitCode = runCheck(args, io);
} else {
  const source = fileURLToPath(new URL('../src/check-cli.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', source, ...args], {
    stdio: 'inherit',
    // tsx is found from the package folder; the files named stay relative to where the command ran.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, INIT_CWD: io.cwd },
  });
  process.exitCode = run.status ?? 1;
}
