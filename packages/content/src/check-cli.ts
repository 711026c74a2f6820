/**
 * `carers-voice-check <file.json>… [--write]`: checks instrument definitions the way the widgets
 * and the collector do, and says every problem in plain words with where it is.
 *
 * With `--write`, each definition that passes is saved as the checker's output plus a `checked`
 * fingerprint (core's fingerprint.ts). A widget given that file renders it at once, without
 * downloading the checker (about 20 KB gzipped). Edit the file afterwards and the fingerprint no
 * longer matches: the widget then checks it in full again (and shows any problems in place), so run
 * this again after every edit. The fingerprint catches accidental edits, not deliberate ones; it
 * is not a signature.
 *
 * In this repository: `pnpm --filter @carers-voice/content check instruments/my-survey.json --write`
 * (paths are read from the folder you ran pnpm in). Exit code 0 when every file is fine, 1 when any
 * has problems, 2 for a usage mistake.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canonicalJson, definitionFingerprint, hasValidFingerprint, parseDefinition, withFingerprint, type Definition } from '@carers-voice/core/content';

export interface CheckIo {
  /** Where relative paths start (pnpm runs scripts in the package folder, so the CLI passes `INIT_CWD`). */
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: carers-voice-check <definition.json>… [--write]

Checks each instrument definition (survey, quiz, poll or statement set) and lists every problem.
  --write   save each definition that passes with a "checked" fingerprint, so widgets show it
            without loading the checker. Run it again after every edit.`;

/** What a definition is, for the summary line: `survey "Local annual carers survey" (annual-carers-survey, version 1)`. */
function describe(d: Definition): string {
  const kind = d.kind === 'statement-set' ? 'statement set' : d.kind;
  return `${kind} "${d.title}" (${d.id}, version ${d.version})`;
}

/**
 * The checker's output with its object keys in the order the author wrote them (the checker lists
 * keys in its own order; the content is the same), so `--write` changes only what it must.
 */
export function inAuthorsOrder(output: unknown, written: unknown): unknown {
  if (Array.isArray(output)) return output.map((item, i) => inAuthorsOrder(item, Array.isArray(written) ? written[i] : undefined));
  if (output === null || typeof output !== 'object') return output;
  const source = written !== null && typeof written === 'object' && !Array.isArray(written) ? (written as Record<string, unknown>) : {};
  const keys = Object.keys(output);
  const ordered = [...Object.keys(source).filter((k) => keys.includes(k)), ...keys.filter((k) => !Object.hasOwn(source, k))];
  const result: Record<string, unknown> = {};
  for (const key of ordered) {
    Object.defineProperty(result, key, {
      value: inAuthorsOrder((output as Record<string, unknown>)[key], source[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/**
 * The file's new text. When the checker's output is the file's own content (the usual case: the
 * checker fills in no defaults), only the `checked` line at the end is added or renewed, keeping
 * the author's layout; otherwise the checker's output is written out in full (keys in the
 * author's order).
 */
export function checkedText(text: string, checked: Definition & { checked: string }, written: unknown): string {
  const line = `"checked": ${JSON.stringify(checked.checked)}`;
  const body = text.trimEnd();
  const has = written !== null && typeof written === 'object' && Object.hasOwn(written, 'checked');
  const candidate = has
    ? body.replace(/("checked"\s*:\s*"[^"\\]*")(\s*\}$)/, (_, _old: string, end: string) => line + end)
    : body.replace(/(\S)(\s*)\}$/, (_, last: string, gap: string) => `${last},${gap.includes('\n') ? '\n  ' : ' '}${line}${gap.includes('\n') ? '\n' : ''}}`);
  const wanted = canonicalJson(checked);
  try {
    // The edit worked if the text now reads back as exactly the checked definition.
    if (canonicalJson(JSON.parse(candidate)) === wanted) return `${candidate}\n`;
  } catch {
    // not JSON after the edit: write it out in full
  }
  return `${JSON.stringify(inAuthorsOrder(checked, written), null, 2)}\n`;
}

/** Checks one file; returns true when it is fine. */
function checkFile(path: string, write: boolean, io: CheckIo): boolean {
  const full = resolve(io.cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.err(`${path}: cannot be read (${code === 'ENOENT' ? 'there is no such file' : code ?? String(error)})`);
    return false;
  }
  const parsed = parseDefinition(text);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    io.out(`${path}: ${n === 1 ? '1 problem' : `${n} problems`}, so a widget cannot show it:`);
    for (const p of parsed.problems) io.out(`  - ${p.path ? `${p.path}: ` : ''}${p.message}`);
    if (write) io.out(`  Not written: fix ${n === 1 ? 'it' : 'them'} and run this again.`);
    return false;
  }
  const written = JSON.parse(text) as Record<string, unknown>;
  const upToDate = hasValidFingerprint(written);
  const fingerprint = definitionFingerprint(parsed.definition);
  if (!write) {
    const state = upToDate
      ? `its checked fingerprint is up to date (${fingerprint})`
      : typeof written['checked'] === 'string'
        ? 'its checked fingerprint is out of date (the file changed after it was checked): run with --write to renew it'
        : 'it has no checked fingerprint: run with --write to add one, so widgets show it without loading the checker';
    io.out(`${path}: no problems: a ${describe(parsed.definition)}; ${state}.`);
    return true;
  }
  const next = checkedText(text, withFingerprint(parsed.definition), written);
  if (next === text) {
    io.out(`${path}: no problems: a ${describe(parsed.definition)}; already saved with its checked fingerprint (${fingerprint}).`);
    return true;
  }
  writeFileSync(full, next);
  io.out(`${path}: no problems: a ${describe(parsed.definition)}; saved with checked: "${fingerprint}".`);
  return true;
}

/** Runs the command; returns the exit code. */
export function runCheck(args: readonly string[], io: CheckIo): number {
  const write = args.includes('--write');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--write');
  const files = args.filter((a) => !a.startsWith('-'));
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (unknown.length > 0 || files.length === 0) {
    if (unknown.length > 0) io.err(`Unknown option ${unknown.join(', ')}.`);
    io.err(USAGE);
    return 2;
  }
  let ok = true;
  for (const file of files) ok = checkFile(file, write, io) && ok;
  return ok ? 0 : 1;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  process.exitCode = runCheck(process.argv.slice(2), {
    cwd: process.env['INIT_CWD'] ?? process.cwd(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
