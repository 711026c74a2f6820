/**
 * Configuration comes from the environment. A bad value stops start-up with a message that names the
 * setting, so a deployer never has to guess.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as z from 'zod';

export interface PartnerConfig {
  id: string;
  name: string;
  area: string;
  origins: string[];
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  suppression: { threshold: number; rounding: number };
  retentionDays: number;
  partnersFile: string | undefined;
  /** Submissions completed faster than this many seconds are quarantined as suspected bots. */
  minCompletionSeconds: number;
  rateLimit: { perClientPerMinute: number; perPartnerPerMinute: number };
  bodyLimitBytes: number;
  /** The collector's own origin(s) for dashboard CSRF checks; '' means "same host as the request". */
  publicOrigin: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  /** Folder of the built drop-in served at /embed/v1/ (EMBED_DIR); unset: packages/embed/dist/v1. */
  embedDir?: string | undefined;
  /** PGlite's thread (PGLITE_THREAD): `main` (default, measured faster on two cores) or `worker`, which keeps the database's work off the request thread. */
  pgliteThread?: 'worker' | 'main';
  /** Collector processes sharing the port and one PostgreSQL (WORKERS; node:cluster, cluster.ts). 1 = no cluster. */
  workers?: number;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

function int(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new ConfigError(name, `must be from ${min} to ${max}, not ${v}`);
  return v;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const publicOrigin = env.PUBLIC_ORIGIN || undefined;
  if (publicOrigin) {
    let ok = false;
    try {
      ok = new URL(publicOrigin).origin === publicOrigin;
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError('PUBLIC_ORIGIN', `must be an origin such as https://collector.example.org (no path), not "${publicOrigin}"`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', 'must be one of fatal, error, warn, info, debug, trace, silent');
  }
  const host = env.HOST || '127.0.0.1';
  if (/\s/.test(host)) throw new ConfigError('HOST', 'must be a host name or address without spaces');
  const pgliteThread = env.PGLITE_THREAD || 'main';
  if (pgliteThread !== 'worker' && pgliteThread !== 'main') throw new ConfigError('PGLITE_THREAD', `must be worker or main, not "${pgliteThread}"`);
  const workers = env.WORKERS === 'auto' ? availableParallelism() : int(env, 'WORKERS', 1, 1, 64);
  if (workers > 1 && !databaseUrl) throw new ConfigError('WORKERS', 'several worker processes need PostgreSQL (DATABASE_URL): PGlite belongs to one process');
  const trustProxy = env.TRUST_PROXY ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(trustProxy)) throw new ConfigError('TRUST_PROXY', 'must be true or false');
  return {
    port: int(env, 'PORT', 8787, 0, 65535),
    host,
    dataDir: env.DATA_DIR || './.data/collector',
    databaseUrl,
    suppression: {
      threshold: int(env, 'SUPPRESSION_THRESHOLD', 7, 0, 1000),
      rounding: int(env, 'SUPPRESSION_ROUNDING', 5, 1, 1000),
    },
    retentionDays: int(env, 'RETENTION_DAYS', 730, 1, 36500),
    partnersFile: env.PARTNERS_FILE || undefined,
    minCompletionSeconds: int(env, 'MIN_COMPLETION_SECONDS', 5, 0, 3600),
    rateLimit: {
      perClientPerMinute: int(env, 'RATE_LIMIT_CLIENT', 60, 1, 10_000_000),
      perPartnerPerMinute: int(env, 'RATE_LIMIT_PARTNER', 6000, 1, 10_000_000),
    },
    bodyLimitBytes: int(env, 'BODY_LIMIT', 64 * 1024, 1024, 10 * 1024 * 1024),
    publicOrigin,
    trustProxy: trustProxy === '1' || trustProxy === 'true',
    logLevel,
    embedDir: env.EMBED_DIR || undefined,
    pgliteThread,
    workers,
  };
}

/** An http(s) origin exactly as browsers send it: scheme://host[:port], no path or trailing slash. */
export function isOrigin(s: string): boolean {
  try {
    const u = new URL(s);
    return u.origin === s && (u.protocol === 'https:' || u.protocol === 'http:');
  } catch {
    return false;
  }
}
const Origin = z.string().refine(isOrigin, { message: 'an origin is scheme://host[:port] with no path or trailing slash, e.g. https://www.example.org' });
export const PartnerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a partner id uses lower-case letters, digits and "-"'),
  name: z.string().min(1),
  area: z.string().default(''),
  origins: z.array(Origin).default([]),
});
export const PartnersFileSchema = z.union([z.array(PartnerSchema), z.strictObject({ partners: z.array(PartnerSchema) })]);

/** Reads the partners file; any problem is a ConfigError naming PARTNERS_FILE and the place in it. */
export function readPartnersFile(path: string): PartnerConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError('PARTNERS_FILE', `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError('PARTNERS_FILE', `${path} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = PartnersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError('PARTNERS_FILE', `${path} at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.partners;
  return list.map((p) => ({ id: p.id, name: p.name, area: p.area, origins: p.origins }));
}
