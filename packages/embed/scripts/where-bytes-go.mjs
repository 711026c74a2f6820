#!/usr/bin/env node
// `node packages/embed/scripts/where-bytes-go.mjs [tag] [depth]` after `pnpm build:embed`: the
// bytes (before minifying) each source file (or folder, cut at `depth` path parts) puts into what a host page
// downloads up front for one widget (default <carer-survey>), biggest first. Gzip is per file, so
// these are a guide to where to cut, not the budget figure (that is in dist/v1/manifest.json).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const meta = JSON.parse(readFileSync(`${dist}metafile.json`, 'utf8'));
const manifest = JSON.parse(readFileSync(`${dist}v1/manifest.json`, 'utf8'));
const tag = process.argv[2] ?? 'carer-survey';
const depth = Number(process.argv[3] ?? 6);
const widget = manifest.widgets[tag];
if (!widget || widget.missing) {
  console.error(`no widget <${tag}> in the manifest: one of ${Object.keys(manifest.widgets).join(', ')}`);
  process.exit(2);
}
const bytes = {};
for (const file of widget.files) {
  const out = Object.keys(meta.outputs).find((o) => o.endsWith(`/${file}`));
  for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[out].inputs)) {
    const key = input
      .replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, 'npm:')
      .split('/')
      .slice(0, depth)
      .join('/');
    bytes[key] = (bytes[key] ?? 0) + bytesInOutput;
  }
}
const total = Object.values(bytes).reduce((a, b) => a + b, 0);
console.log(`<${tag}> up front: ${widget.files.length} files, ${total} bytes before minifying, ${widget.gzip} bytes gzip`);
for (const [key, n] of Object.entries(bytes).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(n).padStart(7)}  ${key}`);
