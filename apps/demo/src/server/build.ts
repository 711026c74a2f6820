/**
 * Builds what the demo serves: the drop-in script partners paste (the real one from packages/embed
 * when it has been built, otherwise a stand-in bundle of the same tags) and the dashboard's script.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const repoRoot = here('../../../../');
export const demoRoot = here('../../');
export const distDir = `${demoRoot}dist/`;

export interface Built {
  /** Folder served at /embed/v1/ on the collector's origin. */
  embedDir: string;
  /** The drop-in file name inside embedDir and its SRI hash. */
  embedFile: string;
  integrity: string;
  /** 'packages/embed' when the published drop-in is used, 'stand-in' otherwise. */
  embedSource: 'packages/embed' | 'stand-in';
  dashboardDir: string;
}

function sri(path: string) {
  return `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
}

async function bundle(entry: string, outfile: string, minify: boolean) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: `${repoRoot}tsconfig.base.json`,
    legalComments: 'none',
    logLevel: 'warning',
    sourcemap: false,
  });
}

/**
 * Builds the published drop-in (`pnpm build:embed`) when the embed package is there. Returns a
 * problem in words when it could not (the demo then uses its stand-in).
 */
export function buildEmbed(): string | undefined {
  if (!existsSync(`${repoRoot}packages/embed/package.json`)) return 'packages/embed is not in this checkout';
  const execPath = process.env.npm_execpath;
  const [cmd, args] = execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath, 'run', 'build:embed']] : ['pnpm', ['run', 'build:embed']];
  const r = spawnSync(cmd, args as string[], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status === 0) return undefined;
  return (r.stderr || r.stdout || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-5).join('\n');
}

export async function buildDemo(options: { minify?: boolean; embed?: boolean } = {}): Promise<Built> {
  mkdirSync(distDir, { recursive: true });
  const embedProblem = options.embed ? buildEmbed() : undefined;
  if (embedProblem) console.warn(`Could not build the drop-in with pnpm build:embed; using the demo's stand-in.\n${embedProblem}`);
  const minify = options.minify ?? true;
  const dashboardDir = `${distDir}dashboard/`;
  await bundle(`${demoRoot}src/dashboard/app.ts`, `${dashboardDir}app.js`, minify);

  // The published drop-in, when packages/embed has built it (`pnpm build:embed`).
  const embedDist = `${repoRoot}packages/embed/dist/v1/`;
  if (!embedProblem && existsSync(`${embedDist}carers-voice.js`)) {
    let integrity = sri(`${embedDist}carers-voice.js`);
    try {
      const manifest = JSON.parse(readFileSync(`${embedDist}manifest.json`, 'utf8')) as Record<string, unknown>;
      const found = JSON.stringify(manifest).match(/sha384-[A-Za-z0-9+/=]+/);
      if (found && found[0] === integrity) integrity = found[0];
    } catch {
      // No manifest: the hash of the file itself is the one partners would paste.
    }
    return { embedDir: embedDist, embedFile: 'carers-voice.js', integrity, embedSource: 'packages/embed', dashboardDir };
  }
  const embedDir = `${distDir}embed/v1/`;
  await bundle(`${demoRoot}src/embed/carers-voice.ts`, `${embedDir}carers-voice.js`, minify);
  return { embedDir, embedFile: 'carers-voice.js', integrity: sri(`${embedDir}carers-voice.js`), embedSource: 'stand-in', dashboardDir };
}
