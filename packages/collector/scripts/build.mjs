#!/usr/bin/env node
// Bundles the CLI (and everything it imports except npm dependencies) into dist/cli.js.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
await build({
  // PGlite's worker thread (PGLITE_THREAD=worker) is its own file beside cli.js and index.js.
  entryPoints: { cli: `${root}src/cli.ts`, index: `${root}src/index.ts`, 'pglite-worker': `${root}src/db/pglite-worker.ts` },
  outdir: `${root}dist`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  conditions: ['source'],
  // npm dependencies stay external; workspace packages are TypeScript sources, so they are bundled in.
  plugins: [{
    name: 'externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@carers-voice/') ? undefined : { path: args.path, external: true }));
    },
  }],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'info',
});
chmodSync(`${root}dist/cli.js`, 0o755);
