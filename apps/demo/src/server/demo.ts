/**
 * The whole demo in one process: the collector (embedded PostgreSQL in a data folder) serving the
 * strategy group's dashboard and the drop-in script, plus three fictional partner websites on their
 * own ports (so each is a different origin, registered for its own partner).
 *
 * The collector is the real one (`buildApp` from packages/collector); this file only adds the demo's
 * partners, accounts, instruments and sample data, and serves static files.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { parseDefinition } from '@carers-voice/core/content';
import { buildApp, createUser, EnvelopeLoader, loadConfig, openFromConfig, type App, type Database } from '../../../../packages/collector/src/index.js';
import { buildDemo, demoRoot, repoRoot, type Built } from './build.js';
import { loadDemoSample, type SamplePartner } from './sample.js';

export const DEMO_PASSWORD = 'millbrook-demo-2026';
export const DEMO_ACCOUNTS = [
  { username: 'strategy-admin', role: 'admin' as const, partnerId: null, who: 'Millbrook carers partnership board (sees every partner, moderates polls)' },
  { username: 'surgery-viewer', role: 'viewer' as const, partnerId: 'kestrel-road-surgery', who: 'Kestrel Road Surgery (sees its own results only)' },
];

export interface SiteSpec {
  key: 'centre' | 'surgery' | 'school';
  partner: string;
  name: string;
  area: string;
  folder: string;
}
export const SITES: SiteSpec[] = [
  { key: 'centre', partner: 'millbrook-carers-centre', name: 'Millbrook Carers Centre', area: 'Millbrook Town', folder: 'carers-centre' },
  { key: 'surgery', partner: 'kestrel-road-surgery', name: 'Kestrel Road Surgery', area: 'North Millbrook', folder: 'gp-practice' },
  { key: 'school', partner: 'millbrook-heath-school', name: 'Millbrook Heath School', area: 'South Millbrook', folder: 'school' },
];
/** A partner with no page in the demo: its responses come from its own (imaginary) website. */
const COUNCIL = { id: 'millbrook-borough-council', name: 'Millbrook Borough Council', area: 'Millbrook Town', origins: ['https://www.millbrook-council.example'] };

const SAMPLE_PARTNERS: SamplePartner[] = [
  { id: 'millbrook-carers-centre', strain: 0, weights: { 'annual-carers-survey': 45, 'carer-awareness-quiz': 20, 'am-i-a-carer': 25, 'gm-commitment-to-carers': 20, 'quick-poll-have-your-say': 50, 'millbrook-next-priority': 50 } },
  { id: 'millbrook-borough-council', strain: 0.08, weights: { 'annual-carers-survey': 30, 'carer-awareness-quiz': 25, 'am-i-a-carer': 25, 'gm-commitment-to-carers': 30, 'quick-poll-have-your-say': 30, 'millbrook-next-priority': 30 } },
  { id: 'kestrel-road-surgery', strain: 0.05, weights: { 'annual-carers-survey': 18, 'carer-awareness-quiz': 35, 'am-i-a-carer': 30, 'gm-commitment-to-carers': 25, 'quick-poll-have-your-say': 20, 'millbrook-next-priority': 20 } },
  { id: 'millbrook-heath-school', strain: 0.1, young: true, weights: { 'annual-carers-survey': 7, 'carer-awareness-quiz': 20, 'am-i-a-carer': 20, 'gm-commitment-to-carers': 25 } },
];

/**
 * Instruments the demo registers, with the questions results can be cut by. "a+b" counts the two
 * together, so the dashboard can filter by age group and hours caring at once (core/aggregate).
 */
export const INSTRUMENTS: { id: string; groupBy: string[] }[] = [
  { id: 'annual-carers-survey', groupBy: ['age-band', 'caring-hours', 'age-band+caring-hours'] },
  { id: 'carer-awareness-quiz', groupBy: [] },
  { id: 'am-i-a-carer', groupBy: ['age-band'] },
  { id: 'gm-commitment-to-carers', groupBy: [] },
  { id: 'quick-poll-have-your-say', groupBy: [] },
  // The demo's own poll (apps/demo/instruments): it takes carers' own suggestions for moderation.
  { id: 'millbrook-next-priority', groupBy: [] },
];

export interface DemoOptions {
  dataDir: string;
  host?: string;
  /** Collector port (0 = any free port). */
  port?: number;
  /** Ports of the three partner sites (0 = any free port). */
  sitePorts?: Partial<Record<SiteSpec['key'], number>>;
  /** Sample data on first start: 0.5 (default) ≈ 6,000 responses, 1 ≈ 12,000; 0 = none. */
  sampleScale?: number;
  /** Skip the esbuild step (tests that already built). */
  built?: Built;
  /** Run `pnpm build:embed` first (the `pnpm demo` command does). */
  buildEmbed?: boolean;
  /** Collector settings passed as environment (e.g. MIN_COMPLETION_SECONDS). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningDemo {
  collectorUrl: string;
  dashboardUrl: string;
  sites: (SiteSpec & { url: string })[];
  built: Built;
  sampleLoaded: number | 'already';
  app: App;
  database: Database;
  stop(): Promise<void>;
}

/** The little of Fastify's reply this file uses (fastify is the collector's dependency, not ours). */
interface Reply {
  code(n: number): Reply;
  type(t: string): Reply;
  header(k: string, v: string): Reply;
  send(body: unknown): Reply;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** A file under `dir` for a URL path, or undefined (never outside `dir`). */
function fileUnder(dir: string, urlPath: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return undefined;
  }
  if (rel.endsWith('/') || rel === '') rel += 'index.html';
  const full = normalize(join(dir, rel));
  if (!full.startsWith(normalize(dir))) return undefined;
  if (!existsSync(full) || !statSync(full).isFile()) return undefined;
  return full;
}

function readDefinition(id: string) {
  const own = `${demoRoot}instruments/${id}.json`;
  const text = readFileSync(existsSync(own) ? own : `${repoRoot}packages/content/instruments/${id}.json`, 'utf8');
  const parsed = parseDefinition(text);
  if (!parsed.ok) throw new Error(`content pack ${id} has problems: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.definition;
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  const t0 = Date.now();
  const took = (what: string) => log(`  (${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const built = options.built ?? (await buildDemo({ embed: options.buildEmbed ?? false }));
  took('built');
  const port = options.port || (await freePort(host));
  const sitePorts = Object.fromEntries(
    await Promise.all(SITES.map(async (s) => [s.key, options.sitePorts?.[s.key] || (await freePort(host))] as const)),
  ) as Record<SiteSpec['key'], number>;
  const collectorUrl = `http://${host}:${port}`;
  const sites = SITES.map((s) => ({ ...s, url: `http://${host}:${sitePorts[s.key]}` }));

  mkdirSync(options.dataDir, { recursive: true });
  const config = loadConfig({
    PORT: String(port),
    HOST: host,
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    RETENTION_DAYS: '1500',
    // The collector serves the drop-in at /embed/v1/ (and iframe mode's pages) from this folder.
    EMBED_DIR: built.embedDir,
    ...options.env,
  });
  const database: Database = await openFromConfig(config);
  took('database open');

  // --- partners, instruments, accounts (idempotent) ----------------------------------------------
  let app: App | undefined;
  try {
    const setup = await buildApp({ config: { ...config, logLevel: 'silent' }, database });
    for (const s of sites) await setup.store.upsertPartner({ id: s.partner, name: s.name, area: s.area, origins: [s.url] });
    await setup.store.upsertPartner(COUNCIL);
    const registered = [];
    for (const inst of INSTRUMENTS) {
      const definition = readDefinition(inst.id);
      const r = await setup.store.registerInstrument(definition as never, inst.groupBy);
      // A conflict means this version is already stored (the collector compares stored JSON); keep it.
      void r;
      registered.push({ id: inst.id, version: definition.version, definition: definition as unknown as Record<string, unknown> });
    }
    for (const a of DEMO_ACCOUNTS) {
      const exists = await database.db.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst();
      if (!exists) await createUser(database.db, { username: a.username, password: DEMO_PASSWORD, role: a.role, partnerId: a.partnerId });
    }
    await setup.close();
    took('partners, instruments, accounts');

    // --- sample data, once per data folder ---------------------------------------------------------
    const marker = join(options.dataDir, 'demo-sample.json');
    let sampleLoaded: number | 'already' = 0;
    const scale = options.sampleScale ?? 0.5;
    if (scale > 0 && existsSync(marker)) sampleLoaded = 'already';
    else if (scale > 0) {
      log('Loading synthetic sample responses (first start only; one to a few minutes)…');
      // Stored through the collector's public bulk loader (EnvelopeLoader): each envelope checked as
      // POST /responses checks it, stored and counted by the same writer and tallier, in large batches
      // so first start stays short. Each response is filed under the month it was given.
      const loader = new EnvelopeLoader(database);
      let statementApp: App | undefined;
      const started = Date.now();
      const result = await loadDemoSample(
        {
          post: (envelope) => loader.load(envelope).then((r) => ({ status: r.status, body: JSON.stringify(r) })),
          async statement(pollId, partner, text) {
            // Through the public route a partner page uses (in-process).
            statementApp ??= await buildApp({ config: { ...config, logLevel: 'silent', rateLimit: { perClientPerMinute: 1_000_000, perPartnerPerMinute: 1_000_000 } }, database });
            await statementApp.app.inject({ method: 'POST', url: `/api/v1/polls/${pollId}/statements`, payload: { partner, text } });
          },
        },
        {
          partners: SAMPLE_PARTNERS,
          instruments: registered,
          now: new Date(),
          scale,
          onProgress: (n) => {
            if (n % 1000 < 500) log(`  … ${n} stored`);
          },
        },
      );
      await loader.close();
      await statementApp?.close();
      if (result.refused.length) log(`note: some sample responses were refused, e.g. ${result.refused[0]!.status} ${result.refused[0]!.body.slice(0, 300)}`);
      log(`Loaded ${result.stored} synthetic responses in ${Math.round((Date.now() - started) / 1000)} s.`);
      writeFileSync(marker, JSON.stringify({ synthetic: true, stored: result.stored, scale, loadedAt: new Date().toISOString() }, null, 2));
      sampleLoaded = result.stored;
    }

    // --- the collector itself, plus the dashboard and the drop-in ---------------------------------
    app = await buildApp({ config, database });
    const dashboardStatic = `${demoRoot}dashboard/`;
    const serveFile = (file: string | undefined, reply: Reply, extra: Record<string, string> = {}) => {
      if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      reply.header('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
      for (const [k, v] of Object.entries(extra)) reply.header(k, v);
      return reply.send(readFileSync(file));
    };
    app.app.get('/', (_req, reply) => reply.redirect('/dashboard/'));
    app.app.get('/dashboard', (_req, reply) => reply.redirect('/dashboard/'));
    app.app.get('/dashboard/*', (req, reply) => {
      const rest = (req.params as { '*': string })['*'];
      const file = rest === 'app.js' ? `${built.dashboardDir}app.js` : fileUnder(dashboardStatic, rest);
      return serveFile(file, reply, {
        'cache-control': 'no-cache',
        'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        'referrer-policy': 'same-origin',
      });
    });
    // The drop-in (/embed/v1/) and iframe mode's pages (/embed/frame/) are the collector's own routes.
    await app.app.listen({ port, host });

    // --- the partner websites ----------------------------------------------------------------------
    const siteServers: Server[] = [];
    for (const site of sites) {
      const dir = `${demoRoot}site/`;
      const server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0]!;
        const file = path.startsWith('/assets/') ? fileUnder(dir, path) : fileUnder(`${dir}${site.folder}/`, path);
        if (!file || req.method !== 'GET') {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
        let body: Buffer | string = readFileSync(file);
        const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
        if (extname(file) === '.html') {
          const links = Object.fromEntries(sites.map((s) => [`SITE_${s.key.toUpperCase()}`, s.url]));
          const vars: Record<string, string> = {
            COLLECTOR: collectorUrl,
            EMBED_SRC: `${collectorUrl}/embed/v1/${built.embedFile}`,
            INTEGRITY: built.integrity,
            PARTNER: site.partner,
            ...links,
          };
          body = body.toString('utf8').replace(/\{\{([A-Z_]+)\}\}/g, (m, k: string) => vars[k] ?? m);
          // The partner page runs under a strict policy: scripts and connections only from itself
          // and the collector, no inline script, no eval.
          headers['content-security-policy'] = `default-src 'self'; script-src 'self' ${collectorUrl}; connect-src 'self' ${collectorUrl}; style-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; frame-src ${collectorUrl}`;
        }
        res.writeHead(200, headers).end(body);
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(sitePorts[site.key], host, () => resolve());
      });
      siteServers.push(server);
    }

    const running = app;
    let stopping: Promise<void> | undefined;
    return {
      collectorUrl,
      dashboardUrl: `${collectorUrl}/dashboard/`,
      sites,
      built,
      sampleLoaded,
      app: running,
      database,
      stop: () =>
        (stopping ??= (async () => {
          for (const s of siteServers) {
            s.closeAllConnections();
            await new Promise<void>((r) => s.close(() => r()));
          }
          await running.close();
          await database.close();
        })()),
    };
  } catch (e) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw e;
  }
}
