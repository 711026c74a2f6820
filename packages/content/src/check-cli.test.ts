import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { hasValidFingerprint, parseDefinition, withFingerprint } from '@carers-voice/core/content';
import { pollAfterVote } from '@carers-voice/core/content/fixtures';
import { checkedText, runCheck } from './check-cli.js';

const instruments = fileURLToPath(new URL('../instruments/', import.meta.url));

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(args, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'carers-voice-check-'));

test('every built-in pack carries an up-to-date checked fingerprint, so widgets show it without loading the checker', () => {
  for (const file of readdirSync(instruments).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(instruments, file), 'utf8')) as Record<string, unknown>;
    const parsed = parseDefinition(data);
    assert.ok(parsed.ok, `${file} has problems`);
    assert.ok(
      hasValidFingerprint(data),
      `${file}: its checked fingerprint is missing or out of date: run pnpm --filter @carers-voice/content check instruments/${file} --write`,
    );
    // The checked form is exactly the checker's output, so a widget can use the file as it is.
    assert.deepEqual(withFingerprint(parsed.definition), JSON.parse(JSON.stringify(data)));
  }
});

test('the CLI lists every problem in plain words with its path, exits 1 and writes nothing', () => {
  const dir = tmp();
  const broken = { ...pollAfterVote, id: '9lives', colour: 'blue', questions: [{ ...pollAfterVote.questions[0]!, options: [{ value: 'only', label: 'Only one' }] }] };
  const text = JSON.stringify(broken, null, 2);
  writeFileSync(join(dir, 'poll.json'), text);
  const { code, out } = run(['poll.json', '--write'], dir);
  assert.equal(code, 1);
  assert.match(out, /^poll\.json: 3 problems, so a widget cannot show it:/);
  assert.match(out, /- id: an id must start with a letter/);
  assert.match(out, /- questions\[0\]\.options: a choice question needs at least two options/);
  assert.match(out, /unknown key "colour"/);
  assert.match(out, /Not written/);
  assert.equal(readFileSync(join(dir, 'poll.json'), 'utf8'), text);
});

test('the CLI says when a file is not JSON or is missing', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'oops.json'), '{ "kind": "poll", ');
  const bad = run(['oops.json'], dir);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /oops\.json: 1 problem, so a widget cannot show it:\n {2}- the definition is not valid JSON/);
  const missing = run(['nope.json'], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /nope\.json: cannot be read \(there is no such file\)/);
  assert.equal(run([], dir).code, 2);
  assert.equal(run(['x.json', '--force'], dir).code, 2);
});

test('--write saves the checked definition (only a checked line added); a hand edit later is noticed', () => {
  const dir = tmp();
  const text = `${JSON.stringify(pollAfterVote, null, 2)}\n`;
  writeFileSync(join(dir, 'poll.json'), text);
  assert.match(run(['poll.json'], dir).out, /no problems: a poll .*; it has no checked fingerprint: run with --write/);

  const written = run(['poll.json', '--write'], dir);
  assert.equal(written.code, 0);
  assert.match(written.out, /saved with checked: "fnv1a64:[0-9a-f]{16}"/);
  const saved = readFileSync(join(dir, 'poll.json'), 'utf8');
  const data = JSON.parse(saved) as Record<string, unknown>;
  assert.equal(hasValidFingerprint(data), true);
  const parsed = parseDefinition(pollAfterVote);
  assert.ok(parsed.ok);
  assert.deepEqual(data, withFingerprint(parsed.definition));
  // The author's layout is kept: the only change is the new last line.
  assert.equal(saved.replace(/,\n {2}"checked": "[^"]+"\n\}\n$/, '\n}\n'), text);

  assert.match(run(['poll.json', '--write'], dir).out, /already saved with its checked fingerprint/);
  assert.equal(readFileSync(join(dir, 'poll.json'), 'utf8'), saved);

  writeFileSync(join(dir, 'poll.json'), saved.replace('"title": "', '"title": "Edited: '));
  assert.match(run(['poll.json'], dir).out, /its checked fingerprint is out of date \(the file changed after it was checked\)/);
  assert.match(run(['poll.json', '--write'], dir).out, /saved with checked/);
  assert.equal(hasValidFingerprint(JSON.parse(readFileSync(join(dir, 'poll.json'), 'utf8'))), true);
});

test('checkedText writes the definition in full when a line cannot simply be added', () => {
  const parsed = parseDefinition(pollAfterVote);
  assert.ok(parsed.ok);
  const checked = withFingerprint(parsed.definition);
  // An old fingerprint that is not the last key: the whole file is rewritten, in the author's key order.
  const text = JSON.stringify({ checked: 'fnv1a64:0000000000000000', ...pollAfterVote });
  const out = checkedText(text, checked, JSON.parse(text));
  assert.deepEqual(JSON.parse(out), checked);
  assert.deepEqual(Object.keys(JSON.parse(out)), Object.keys(JSON.parse(text)));
});

test('the carers-voice-check command runs from a shell and sets its exit code', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'poll.json'), JSON.stringify(pollAfterVote));
  const bin = fileURLToPath(new URL('../bin/carers-voice-check.mjs', import.meta.url));
  const ok = spawnSync(process.execPath, [bin, 'poll.json', '--write'], { cwd: dir, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir } });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /saved with checked/);
  writeFileSync(join(dir, 'bad.json'), '{"kind":"quiz"}');
  const bad = spawnSync(process.execPath, [bin, 'bad.json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir } });
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /bad\.json: \d+ problems/);
});
