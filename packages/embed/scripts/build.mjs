#!/usr/bin/env node
// Builds the drop-in into dist/v1: `carers-voice.js` (the loader), one entry per widget, shared
// chunks, and `manifest.json` (every file's bytes, gzip -9 bytes and sha384 SRI hash, plus what each
// widget makes a host page download). `pnpm --filter @carers-voice/embed build` or `pnpm build:embed`.
import { build } from 'esbuild';
import { rolldown } from 'rolldown';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const root = join(pkg, '../..');

/** Each widget tag and the module that defines it (also its entry name in dist/v1). */
export const widgetEntries = {
  'carer-voice': ['voice', '@carers-voice/elements/provider/define'],
  'carer-survey': ['survey', '@carers-voice/elements/survey/define'],
  'carer-quiz': ['quiz', '@carers-voice/elements/quiz/define'],
  'carer-poll': ['poll', '@carers-voice/elements/poll/define'],
  'carer-priority-check': ['priority-check', '@carers-voice/elements/priority-check/define'],
  'carer-results': ['results', '@carers-voice/charts/define'],
  'carer-statement-heatmap': ['results', '@carers-voice/charts/define'],
};

/** Gzipped bytes a host page may download per widget (loader + widget + shared chunks, JS + CSS). */
export const budgets = {
  'carer-survey': 25 * 1024,
  'carer-quiz': 25 * 1024,
  'carer-poll': 25 * 1024,
  'carer-priority-check': 25 * 1024,
  'carer-results': 90 * 1024,
};

/**
 * Over-budget ceilings (gzip bytes) for a widget CI lets stay above its budget for a while. Empty:
 * every widget is within its budget (session 4 brought them from 27.6-30.5 KB to 23.1-25.0 KB by
 * building each widget as one file beside one shared file of Lit and localisation).
 */
export const knownOverBudget = {};

/** The gzip bytes CI allows a widget today. */
export const ceiling = (tag) => knownOverBudget[tag] ?? budgets[tag];

/**
 * Rolldown's output described the way esbuild's metafile does (paths relative to the repository
 * root; each output's static and dynamic imports, source modules and their bytes before minifying,
 * entry point),
 * which the manifest below, `where-bytes-go.mjs` and the benchmarks read.
 */
function metafileOf(output, outdir) {
  const path = (file) => relative(root, join(outdir, file)).split('\\').join('/');
  const input = (id) => (id.startsWith('\0') ? id.slice(1) : relative(root, id).split('\\').join('/'));
  const outputs = {};
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    outputs[path(chunk.fileName)] = {
      bytes: Buffer.byteLength(chunk.code),
      imports: [
        ...chunk.imports.map((f) => ({ path: path(f), kind: 'import-statement' })),
        ...chunk.dynamicImports.map((f) => ({ path: path(f), kind: 'dynamic-import' })),
      ],
      inputs: Object.fromEntries(Object.entries(chunk.modules).map(([id, m]) => [input(id), { bytesInOutput: m.renderedLength }])),
      ...(chunk.isEntry && chunk.facadeModuleId ? { entryPoint: input(chunk.facadeModuleId) } : {}),
    };
  }
  return { outputs };
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The common Rolldown options of every build below. */
const inputOptions = (input, plugins, quiet) => ({
  input,
  cwd: root,
  platform: 'browser',
  tsconfig: join(root, 'tsconfig.base.json'),
  resolve: { conditionNames: ['source', 'browser', 'production', 'import', 'default'] },
  transform: { target: ['chrome91', 'firefox90', 'safari15'], define: { 'process.env.NODE_ENV': '"production"' } },
  plugins: [minifyTemplatesPlugin, ...plugins],
  logLevel: quiet ? 'silent' : 'warn',
});
const outputOptions = { format: 'esm', minify: true, comments: false };

/**
 * One widget's build: its define module and everything that module imports statically in ONE file
 * (`survey-<hash>.js`), and what it loads later (other screens, controls, content packs, other
 * languages) in chunks named after it (`survey-later-<hash>.js`).
 *
 * Each widget is built on its own rather than splitting code shared between widgets into shared
 * chunks: a page fetches one file for a widget instead of ten to fifteen, and since each file is
 * compressed on its own, that is about 4 KB less gzip per widget. A page that shows two different
 * widgets downloads Lit and the kit twice; the two copies share the page safely: each control's tag is
 * defined once (by whichever copy came first), contexts are keyed by `Symbol.for`, and every copy
 * follows the page's language (i18n/index.ts).
 */
async function buildWidget(name, specifier, outdir, quiet, shared) {
  const bundle = await rolldown({ ...inputOptions({ [name]: specifier }, [shared], quiet), preserveEntrySignatures: false });
  const { output } = await bundle.write({
    ...outputOptions,
    dir: outdir,
    entryFileNames: '[name]-[hash].js',
    chunkFileNames: `${name}-[name]-[hash].js`,
    // Everything the define module imports statically goes in the entry file itself ($initial).
    // The controls most first screens need that are not in it (likert, select, text: kit/define-core)
    // arrive as one file with everything they import, so a first page that shows them waits for
    // one more request, not a chain of two.
    codeSplitting: {
      groups: [
        { name, tags: ['$initial'], priority: 2 },
        { name: 'define-core', test: /[\\/]kit[\\/]define-core\.ts$/, priority: 1 },
      ],
    },
  });
  await bundle.close();
  const entry = output.find((c) => c.type === 'chunk' && c.isEntry);
  if (!entry) throw new Error(`the ${name} build made no entry file`);
  return { output, entry: entry.fileName };
}

/**
 * Builds into `outdir` (default dist/v1) and returns the manifest: each widget on its own (above),
 * then the loader, whose lazy import of each widget names that widget's built entry file.
 */
export async function buildEmbed({ outdir = join(pkg, 'dist/v1'), quiet = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const builds = {};
  const outputs = [];
  // The shared file first (src/shared.ts: Lit and localisation). Its exports get one- or two-letter
  // names (every widget imports them by name, so long names would cost bytes in every file).
  const sharedSource = join(pkg, 'src/shared.ts');
  const exported = await rolldown(inputOptions({ shared: sharedSource }, [], true)).then(async (b) => {
    const { output } = await b.generate({ format: 'esm' });
    await b.close();
    return output.find((c) => c.type === 'chunk' && c.isEntry).exports;
  });
  const shortName = (i) => (i < 26 ? String.fromCharCode(97 + i) : shortName(Math.floor(i / 26) - 1) + String.fromCharCode(97 + (i % 26)));
  const short = new Map(exported.map((name, i) => [name, shortName(i)]));
  const sharedEntry = {
    name: 'shared-entry',
    resolveId: (source) => (source === '\0shared-entry' ? source : null),
    load: (id) => (id === '\0shared-entry' ? `export { ${[...short].map(([n, s]) => `${n} as ${s}`).join(', ')} } from ${JSON.stringify(sharedSource)};` : null),
  };
  const sharedBundle = await rolldown({ ...inputOptions({ shared: '\0shared-entry' }, [sharedEntry], quiet), preserveEntrySignatures: 'allow-extension' });
  const { output: sharedOutput } = await sharedBundle.write({ ...outputOptions, dir: outdir, entryFileNames: '[name]-[hash].js', chunkFileNames: 'shared-[name]-[hash].js', codeSplitting: { groups: [{ name: 'shared', tags: ['$initial'] }] } });
  await sharedBundle.close();
  const sharedChunk = sharedOutput.find((c) => c.type === 'chunk' && c.isEntry);
  if (sharedChunk.imports.length) throw new Error(`src/shared.ts must build to one file (it imports ${sharedChunk.imports.join(', ')})`);
  outputs.push(...sharedOutput);
  const sharedModules = new Set(Object.keys(sharedChunk.modules));
  const sharedFile = `./${sharedChunk.fileName}`;
  // In a widget's build, every module of the shared file is this one module, which takes the
  // shared file's exports under their own names.
  const shared = {
    name: 'shared',
    async resolveId(source, importer, options) {
      if (source === sharedFile) return { id: sharedFile, external: true };
      if (source === '\0shared') return source;
      if (!importer || source.startsWith('\0')) return null;
      const found = await this.resolve(source, importer, { ...options, skipSelf: true });
      return found && sharedModules.has(found.id) ? '\0shared' : null;
    },
    load: (id) =>
      id === '\0shared' ? `export { ${[...short].map(([n, s]) => `${s} as ${n}`).join(', ')} } from ${JSON.stringify(sharedFile)};` : null,
  };
  for (const [name, specifier] of Object.values(widgetEntries)) {
    if (builds[specifier]) continue;
    const resolved = await buildWidget(name, specifier, outdir, quiet, shared);
    builds[specifier] = resolved.entry;
    outputs.push(...resolved.output);
  }
  // The loader (and `frame`, iframe mode's size reporter, loaded by the collector's /embed/frame/
  // page): each widget's module is the external file built above.
  const widgetFiles = {
    name: 'widget-files',
    resolveId(source) {
      if (source === 'carers-voice:shared') return { id: sharedFile, external: true };
      if (builds[source]) return { id: `./${builds[source]}`, external: true };
      return null;
    },
  };
  const loader = await rolldown(inputOptions({ 'carers-voice': join(pkg, 'src/carers-voice.ts'), frame: join(pkg, 'src/frame/frame.ts') }, [widgetFiles], quiet));
  const { output: loaderOutput } = await loader.write({ ...outputOptions, dir: outdir, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
  await loader.close();
  outputs.push(...loaderOutput);
  const result = { metafile: metafileOf(outputs, outdir) };
  writeFileSync(join(pkg, 'dist/metafile.json'), JSON.stringify(result.metafile));
  // The frame page's stylesheet (no inline styles under its strict policy).
  copyFileSync(join(pkg, 'src/frame/frame.css'), join(outdir, 'frame.css'));

  const metaOutputs = result.metafile.outputs;
  const rel = (out) => relative(outdir, join(root, out)).split('\\').join('/');
  const out = (file) => relative(root, join(outdir, file)).split('\\').join('/');
  // What the page downloads for a widget: the loader, the widget's entry file, and every chunk
  // that imports statically (none, unless a build splits its first file). Lazy imports inside
  // the widget (later screens, other languages, content packs) are listed apart: a page loads them
  // when it needs them.
  const loaderOut = out('carers-voice.js');
  const staticClosure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imp of metaOutputs[file]?.imports ?? []) if (imp.kind === 'import-statement' && metaOutputs[imp.path]) staticClosure(imp.path, seen);
    return seen;
  };
  const loaderStatic = staticClosure(loaderOut);
  const dynamicOf = (outs) => [...outs].flatMap((o) => metaOutputs[o].imports.filter((i) => i.kind === 'dynamic-import' && metaOutputs[i.path]).map((i) => i.path));
  const outputsRef = metaOutputs;

  // A chunk's imports are found only once it has downloaded, so a widget whose chunks import
  // chunks that import chunks arrives in as many round trips. Every chunk something loads lazily
  // therefore also imports its whole static closure directly, at the end of its import list (all
  // of them are evaluated before that point, so the order code runs in is unchanged): the browser
  // asks for all of them at once.
  for (const target of new Set(dynamicOf(Object.keys(outputsRef)))) {
    const direct = new Set(outputsRef[target].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path));
    const missing = [...staticClosure(target)].filter((o) => o !== target && !direct.has(o));
    if (missing.length === 0) continue;
    const file = join(root, target);
    const extra = missing.map((o) => `import"./${relative(dirname(file), join(root, o)).split('\\').join('/')}";`).join('');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n${extra}\n`);
  }

  const manifestFiles = {};
  for (const path of files(outdir).sort()) {
    const bytes = readFileSync(path);
    manifestFiles[relative(outdir, path).split('\\').join('/')] = { bytes: bytes.length, gzip: gz(bytes), integrity: sri(bytes) };
  }

  const widgets = {};
  const lazyClosure = (file) => {
    const seen = new Set();
    const walk = (o) => {
      for (const d of dynamicOf(staticClosure(o))) if (!seen.has(d)) (seen.add(d), walk(d));
    };
    walk(file);
    return seen;
  };
  for (const [tag, [, specifier]] of Object.entries(widgetEntries)) {
    if (!builds[specifier]) {
      widgets[tag] = { missing: true };
      continue;
    }
    const widgetOut = out(builds[specifier]);
    const eager = new Set([...loaderStatic, ...staticClosure(widgetOut)]);
    const lazy = [...lazyClosure(widgetOut)].filter((o) => !eager.has(o));
    const list = [...eager].map(rel);
    widgets[tag] = {
      entry: rel(widgetOut),
      files: list,
      bytes: list.reduce((n, f) => n + manifestFiles[f].bytes, 0),
      gzip: list.reduce((n, f) => n + manifestFiles[f].gzip, 0),
      lazy: lazy.map(rel),
      ...(budgets[tag] ? { budget: budgets[tag] } : {}),
    };
  }
  // Iframe mode: what a partner page downloads for a widget with mode="frame" (the loader and the
  // light frame host, never the widget), and the frame page's own script.
  const hostOut = dynamicOf([loaderOut]).find((o) => Object.keys(metaOutputs[o].inputs).some((i) => i.endsWith('src/frame/frame-host.ts')));
  const hostFiles = hostOut ? [...new Set([...loaderStatic, ...staticClosure(hostOut)])].map(rel) : [];
  const frame = {
    page: ['frame.js', 'frame.css'],
    host: { files: hostFiles, gzip: hostFiles.reduce((n, f) => n + manifestFiles[f].gzip, 0) },
  };
  const manifest = {
    version: 1,
    loader: rel(loaderOut),
    note: 'bytes: raw; gzip: gzip -9; integrity: SRI sha384 of the file as served',
    files: manifestFiles,
    widgets,
    frame,
  };
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, metafile: result.metafile, outdir };
}

/**
 * Bundles the framework host pages' own code (src/hosts/react-host.ts, a partner's React app)
 * into dist/hosts/, apart from the drop-in and its manifest: the browser tests load it from there.
 */
export async function buildTestHosts() {
  await build({
    entryPoints: [join(pkg, 'src/hosts/react-host.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    outdir: join(pkg, 'dist/hosts'),
    define: { 'process.env.NODE_ENV': '"production"' },
    absWorkingDir: pkg,
    nodePaths: [join(pkg, 'node_modules')],
    logLevel: 'error',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { manifest, outdir } = await buildEmbed();
  await buildTestHosts();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`carers-voice.js → ${relative(process.cwd(), outdir)}  (${Object.keys(manifest.files).length} files)`);
  console.log(`loader ${kb(manifest.files[manifest.loader].gzip)} gz  ${manifest.files[manifest.loader].integrity}`);
  for (const [tag, w] of Object.entries(manifest.widgets)) {
    if (w.missing) console.log(`  <${tag}> not built yet (no module)`);
    else console.log(`  <${tag}> ${kb(w.gzip)} gz${w.budget ? ` / budget ${kb(w.budget)}${w.gzip > w.budget ? '  OVER' : ''}` : ''}`);
  }
  void dirname;
}
