// Builds the drop-in into dist/v1 (the browser tests and the demo load it from there) and checks
// what a partner relies on: the manifest's SRI hashes and sizes are those of the files served, the
// loader stays tiny and loads widgets lazily, no file uses eval, and each widget fits its budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// @ts-expect-error: a plain .mjs build script, no type declarations
import { buildEmbed, buildTestHosts, budgets, ceiling } from '../scripts/build.mjs';

type FileEntry = { bytes: number; gzip: number; integrity: string };
type Widget = { missing?: true; entry: string; files: string[]; gzip: number; lazy: string[]; budget?: number };
type Manifest = { loader: string; files: Record<string, FileEntry>; widgets: Record<string, Widget> };

const built: Promise<{ manifest: Manifest; outdir: string }> = buildEmbed({ quiet: true });

test('the framework host pages build (React app for the browser tests)', async () => {
  await built;
  await buildTestHosts();
});

test('the manifest lists every built file with its real size, gzip size and sha384', async () => {
  const { manifest, outdir } = await built;
  const onDisk = readdirSync(outdir).filter((f) => f !== 'manifest.json').sort();
  assert.deepEqual(Object.keys(manifest.files).sort(), onDisk);
  for (const name of onDisk) {
    const bytes = readFileSync(join(outdir, name));
    const entry = manifest.files[name]!;
    assert.equal(entry.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, name);
    assert.equal(entry.bytes, bytes.length, name);
    assert.equal(entry.gzip, gzipSync(bytes, { level: 9 }).length, name);
  }
});

test('the loader is one small file that imports every widget lazily', async () => {
  const { manifest, outdir } = await built;
  assert.equal(manifest.loader, 'carers-voice.js');
  assert.ok(manifest.files['carers-voice.js']!.gzip < 1536, `loader is ${manifest.files['carers-voice.js']!.gzip} bytes gzipped`);
  const loader = readFileSync(join(outdir, 'carers-voice.js'), 'utf8');
  assert.doesNotMatch(loader, /^import[\s{*]/m, 'no static import: nothing loads before a tag is found');
  for (const tag of ['carer-survey', 'carer-quiz', 'carer-priority-check', 'carer-results', 'carer-voice']) {
    const widget = manifest.widgets[tag]!;
    assert.ok(!widget.missing, `${tag} is built`);
    assert.ok(widget.files.includes('carers-voice.js'));
  }
  // Survey code never carries chart.js, and built-in content packs stay lazy.
  const survey = manifest.widgets['carer-survey']!;
  assert.ok(survey.lazy.some((f) => f.startsWith('survey-annual-carers-survey-')), 'the annual survey pack is a lazy chunk');
  for (const f of survey.files) assert.doesNotMatch(readFileSync(join(outdir, f), 'utf8'), /Chart\.js|chartjs/i, f);
});

test('no built file uses eval, new Function, document.write or a style attribute', async () => {
  const { manifest, outdir } = await built;
  for (const name of Object.keys(manifest.files)) {
    const code = readFileSync(join(outdir, name), 'utf8');
    for (const bad of [/\beval\(/, /new Function\(/, /document\.write/, /setAttribute\(\s*["']style["']/, /insertAdjacentHTML/, /outerHTML\s*=/]) {
      assert.doesNotMatch(code, bad, `${name} uses ${bad}`);
    }
    assert.doesNotMatch(code, /Lit is in dev mode/, `${name} carries Lit's development build`);
    // Lit's template element is the one innerHTML in the bundle; it goes through its Trusted Types policy.
    const innerHtml = code.match(/innerHTML/g)?.length ?? 0;
    if (innerHtml) assert.match(code, /createPolicy\(["'`]lit-html["'`]/, `${name} sets innerHTML outside Lit`);
  }
});

test('each widget stays within its gzip size budget (loader + widget + shared chunks)', async () => {
  const { manifest } = await built;
  const rows: string[] = [];
  for (const [tag, widget] of Object.entries(manifest.widgets)) {
    if (widget.missing) {
      rows.push(`${tag.padEnd(22)} not built yet`);
      continue;
    }
    const limit = ceiling(tag) as number | undefined;
    const target = (budgets as Record<string, number>)[tag];
    rows.push(`${tag.padEnd(22)} ${(widget.gzip / 1024).toFixed(1).padStart(6)} KB gz` + (target ? `  budget ${(target / 1024).toFixed(0)} KB${widget.gzip > target ? ' (OVER: see packages/embed/README.md)' : ''}` : ''));
    if (limit !== undefined) assert.ok(widget.gzip <= limit, `<${tag}> is ${widget.gzip} bytes gzipped, over its limit of ${limit}`);
  }
  console.log(rows.join('\n'));
});

// esbuild already hoists a lazily loaded chunk's whole static closure into its own import list;
// this keeps it so (a chain of chunk imports would cost a phone one round trip per level).
test('a widget arrives in two round trips after the loader: its first chunk imports every chunk it needs', async () => {
  const { manifest, outdir } = await built;
  // The relative imports a built file makes, as the browser sees them.
  const importsOf = (file: string) =>
    new Set([...readFileSync(join(outdir, file), 'utf8').matchAll(/import\s*(?:[\w$*{}\s,]*from\s*)?["'`]\.\/([^"'`]+)["'`]/g)].map((m) => m[1]!));
  const loader = readFileSync(join(outdir, manifest.loader), 'utf8');
  for (const [tag, widget] of Object.entries(manifest.widgets)) {
    if (widget.missing) continue;
    assert.match(loader, new RegExp(`import\\(["'\`]\\./${widget.entry.replace(/[.$]/g, '\\$&')}["'\`]\\)`), `<${tag}>: the loader imports ${widget.entry}`);
    const direct = importsOf(widget.entry);
    for (const file of widget.files) {
      if (file === manifest.loader || file === widget.entry) continue;
      assert.ok(direct.has(file), `<${tag}>: ${widget.entry} does not import ${file} directly, so the browser finds it a round trip later`);
    }
  }
});

test('every widget shares one copy of Lit and localisation, so a page has one lit-html Trusted Types policy', async () => {
  const { manifest, outdir } = await built;
  const withPolicy = Object.keys(manifest.files).filter((f) => /createPolicy\(["'`]lit-html/.test(readFileSync(join(outdir, f), 'utf8')));
  assert.equal(withPolicy.length, 1, `files creating the policy: ${withPolicy.join(', ')}`);
  const withLocalize = Object.keys(manifest.files).filter((f) => /lit-localize can only be configured once/.test(readFileSync(join(outdir, f), "utf8")));
  assert.deepEqual(withLocalize, withPolicy, 'localisation lives in the same shared file');
  for (const [tag, widget] of Object.entries(manifest.widgets)) {
    if (widget.missing) continue;
    assert.ok(widget.files.includes(withPolicy[0]!), `<${tag}> loads the shared file`);
    // Loader, widget, shared: one file of the widget's own up front.
    assert.equal(widget.files.length, 3, `<${tag}> up front: ${widget.files.join(', ')}`);
  }
});
