#!/usr/bin/env node
// Size of <carer-results> as a partner's dashboard would ship it: one minified ESM bundle of
// @carers-voice/charts/define (Lit, chart.js, core/aggregate types), gzipped at level 9.
// Fails (exit 1) when chart.js/auto sneaks in, when a chart type we never draw is bundled, or when
// the bundle is over the budget. Usage: node packages/charts/bench/size.mjs [--json] [--out file.js]
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUDGET = 90 * 1024;
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');

const result = await build({
  entryPoints: [here('../src/define.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['source'],
  tsconfig: here('../../../tsconfig.base.json'),
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'warning',
});

const code = result.outputFiles[0].contents;
const text = Buffer.from(code).toString('utf8');
const gzipped = gzipSync(code, { level: 9 }).length;
const inputs = Object.keys(result.metafile.inputs);
const problems = [];
if (inputs.some((p) => /chart\.js[\\/]auto/.test(p))) problems.push('chart.js/auto is bundled: import the parts you draw with from "chart.js" instead');
// Controllers we never register must be tree-shaken away (their ids appear only in their own class).
for (const id of ['doughnut', 'polarArea', 'radar', 'bubble', 'scatter']) {
  if (text.includes(`"${id}"`) || text.includes(`'${id}'`)) problems.push(`chart.js "${id}" controller is bundled`);
}
if (gzipped > BUDGET) problems.push(`${gzipped} bytes gzipped is over the ${BUDGET} byte budget`);

if (outIndex >= 0 && args[outIndex + 1]) writeFileSync(args[outIndex + 1], code);
const chartInputs = inputs.filter((p) => p.includes('chart.js'));
const report = { bundle: '@carers-voice/charts/define', minifiedBytes: code.length, gzipBytes: gzipped, budgetBytes: BUDGET, chartJsInputs: chartInputs.map((p) => p.replace(/.*node_modules[\\/]/, '')), problems };
if (args.includes('--json')) console.log(JSON.stringify(report));
else {
  console.log(`<carer-results> bundle: ${(code.length / 1024).toFixed(1)} KiB minified, ${(gzipped / 1024).toFixed(1)} KiB gzipped (budget ${BUDGET / 1024} KiB)`);
  console.log(`chart.js inputs: ${report.chartJsInputs.join(', ')}`);
  for (const p of problems) console.error(`problem: ${p}`);
}
process.exit(problems.length ? 1 : 0);
