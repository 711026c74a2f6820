/**
 * Collector benchmarks (`pnpm bench collector`; not tests):
 *   ingest   responses/s sustained over HTTP on loopback (annual carers survey), PGlite and PostgreSQL
 *   results  /results p50/p95 with 10k / 100k / 1M stored responses, unfiltered and one filter
 *
 * Flags: --storage pglite,postgres  --duration 30 (seconds of ingest)  --sizes 10k[,100k,1m]
 *        --only ingest|results  --concurrency 64  --workers N (collector processes on PostgreSQL)
 *        --json (machine-readable line at the end)
 *        --rate N (responses/s, paced: each client waits for its turn; compares the CPU per response of two
 *        builds at one rate on a busy machine, where an unpaced run measures mostly the share of the cores it got)
 * Environment: PGLITE_THREAD=main|worker and the rest of the collector's settings pass through;
 *        CV_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the collector under load.
 * Aims (issue 3): ingest ≥ 1,000/s PGlite, ≥ 3,000/s PostgreSQL; results p95 < 100 ms at 100k and
 * < 250 ms at 1M on PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { parseDefinition, type Definition } from '@carers-voice/core/content';
import { randomAnswers, seededRandom } from '../src/answers.js';
import { startThrowawayPostgres, type PostgresServer } from '../src/testing/databases.js';
import { LoadConnection } from './load-client.js';

const here = new URL('.', import.meta.url).pathname;
const surveyFile = new URL('../../content/instruments/annual-carers-survey.json', import.meta.url).pathname;
// The pair is counted too, so the dashboard's two filters combine (core/aggregate combined groupings).
const GROUP_BY = 'age-band,caring-hours,age-band+caring-hours';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const storages = arg('storage', 'pglite,postgres').split(',');
const duration = Number(arg('duration', '30'));
const concurrency = Number(arg('concurrency', '64'));
const pacedRate = Number(arg('rate', '0'));
const only = arg('only', '');
// Collector processes on PostgreSQL (WORKERS, cluster.ts); PGlite is always one process.
const workers = arg('workers', process.env.WORKERS ?? '1');
const sizes = arg('sizes', '10k')
  .split(',')
  .map((s) => Number(s.toLowerCase().replace(/k$/, '000').replace(/m$/, '000000')));

const parsed = parseDefinition(JSON.parse(readFileSync(surveyFile, 'utf8')));
if (!parsed.ok) throw new Error(`annual survey does not parse: ${JSON.stringify(parsed.problems)}`);
const survey: Definition = parsed.definition;

function samplePool(n: number, seed: number): Record<string, unknown>[] {
  const rnd = seededRandom(seed);
  const out: Record<string, unknown>[] = [];
  while (out.length < n) {
    const a = randomAnswers(survey, rnd);
    if (a) out.push(a);
  }
  return out;
}

interface Server {
  child: ChildProcess;
  url: string;
}
/**
 * The collector is benched as it is deployed: bundled by esbuild (`pnpm build` → dist/cli.js), not run
 * through tsx, whose transform wraps every function made at run time in a `__name` call (a fifth of
 * checkAnswers' time). `--from source` runs the TypeScript through tsx instead.
 */
const fromSource = arg('from', 'bundle') === 'source';
let bundled: string | undefined;
async function serverScript(): Promise<string[]> {
  if (fromSource) return ['--conditions=source', '--import', 'tsx', join(here, '../src/testing/serve.ts')];
  if (!bundled) {
    const { build } = await import('esbuild');
    // Inside node_modules/.cache, so the npm dependencies (left external) resolve as from dist/.
    const out = join(here, `../node_modules/.cache/bench-serve-${process.pid}`);
    process.once('exit', () => rmSync(out, { recursive: true, force: true }));
    // The same settings as scripts/build.mjs, with the test server as the entry point.
    await build({
      entryPoints: {
        serve: join(here, '../src/testing/serve.ts'),
        // PGlite's worker thread (PGLITE_THREAD=worker) sits beside the entry point, as in dist/.
        ...(existsSync(join(here, '../src/db/pglite-worker.ts')) ? { 'pglite-worker': join(here, '../src/db/pglite-worker.ts') } : {}),
      },
      outdir: out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      conditions: ['source'],
      plugins: [
        {
          name: 'externals',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@carers-voice/') ? undefined : { path: a.path, external: true }));
          },
        },
      ],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'warning',
    });
    bundled = join(out, 'serve.js');
  }
  return [bundled];
}

const pct = (share: number) => `${Math.round(100 * share)}%`;

async function startServer(env: Record<string, string>): Promise<Server> {
  const script = await serverScript();
  // CV_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the collector under load.
  const extra = (process.env.CV_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, ...script], {
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_CLIENT: '10000000',
      RATE_LIMIT_PARTNER: '10000000',
      MIN_COMPLETION_SECONDS: '0',
      CV_REGISTER_FILE: surveyFile,
      CV_GROUP_BY: GROUP_BY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`collector exited (${code}) before listening`)));
  });
}
async function stopServer(s: Server) {
  if (s.child.exitCode !== null) return;
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function httpCall(url: string, method: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Bodies for the load generator, cheap to make: each pool entry's answers are serialised once; a body is
 * the fixed parts, a fresh id and the current second's timestamps joined: what a widget sends.
 */
function bodyMaker(pool: Record<string, unknown>[]) {
  const answers = pool.map((a) => JSON.stringify(a));
  const instrument = JSON.stringify({ id: survey.id, version: survey.version });
  let second = -1;
  let times = '';
  return (i: number, partner: string) => {
    const now = Date.now();
    if (Math.floor(now / 1000) !== second) {
      second = Math.floor(now / 1000);
      times = `"startedAt":"${new Date(now - 300_000).toISOString()}","submittedAt":"${new Date(now).toISOString()}"`;
    }
    return `{"id":"${randomUUID()}","instrument":${instrument},"partner":"${partner}","locale":"en-GB",${times},"answers":${answers[i % answers.length]}}`;
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}
/** Seconds a thread has run (its CPU time) and waited for a core (runnable, not running), from /proc schedstat (Linux); NaN elsewhere. */
function schedOf(pid: number, thread: number): { ran: number; waited: number } {
  try {
    const [ran, waited] = readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ').map(Number);
    return { ran: ran! / 1e9, waited: waited! / 1e9 };
  } catch {
    return { ran: NaN, waited: NaN };
  }
}
const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface IngestFigures {
  rate: number;
  errors: number;
  p50: number;
  p95: number;
  /** CPU ms per acknowledged response: the collector (all its threads and, with WORKERS, its workers) and this load generator. */
  serverCpuMs: number;
  /** Of which the collector's request thread (its main thread; on PostgreSQL with one process). */
  requestThreadCpuMs: number;
  /** Share of the run the request thread was running, and waiting for a core. */
  requestThreadRan: number;
  requestThreadWaited: number;
  clientCpuMs: number;
  /** PostgreSQL's own processes (throwaway cluster only). */
  dbCpuMs: number;
  load: number;
}

async function benchIngest(env: Record<string, string>): Promise<IngestFigures> {
  const server = await startServer(env);
  try {
    const pool = samplePool(200, 7);
    const makeBody = bodyMaker(pool);
    // Partner pages send their Origin (the CORS and origin checks run, as in real use).
    const origins: Record<string, string> = { council: 'https://council.example', charity: 'https://carers.example' };
    // One keep-alive connection per simulated client, through the small client in load-client.ts.
    const { hostname, port } = new URL(server.url);
    const connections = Array.from({ length: concurrency }, () => new LoadConnection(hostname, Number(port)));
    const post = (i: number, c = 0) => {
      const partner = i % 2 ? 'council' : 'charity';
      return connections[c]!.post('/api/v1/responses', makeBody(i, partner), `Origin: ${origins[partner]!}\r\n`);
    };
    // Warm up (JIT, caches) before the clock starts: a little one at a time, then a few seconds under load.
    for (let i = 0; i < 50; i++) await post(i);
    const warmEnd = Date.now() + Math.min(5, duration / 3) * 1000;
    await Promise.all(connections.map(async (_, c) => {
      for (let i = c; Date.now() < warmEnd; i += concurrency) await post(i, c).catch(() => undefined);
    }));
    let ok = 0;
    let errors = 0;
    const latencies: number[] = [];
    const cpuOf = (pids: number[]) => pids.reduce((t, p) => t + cpuSecondsOf(p), 0);
    const serverCpu0 = cpuOf(serverPids(server));
    const mainPid = server.child.pid!;
    const sched0 = schedOf(mainPid, mainPid);
    const dbCpu0 = cpuOf(postgresPids());
    const clientCpu0 = ownCpuSeconds();
    const load = loadavg()[0]!;
    const started = Date.now();
    const end = started + duration * 1000;
    let n = 0;
    await Promise.all(
      connections.map(async (_, c) => {
        // Paced (--rate): client c sends at started + (c + k·concurrency) / rate, or at once when late.
        let turn = c;
        while (Date.now() < end) {
          if (pacedRate > 0) {
            const due = started + (1000 * turn) / pacedRate;
            turn += concurrency;
            const wait = due - Date.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            if (Date.now() >= end) break;
          }
          const t = performance.now();
          const r = await post(n++, c).catch(() => ({ status: 0, body: '' }));
          latencies.push(performance.now() - t);
          if (r.status === 201) ok++;
          else {
            errors++;
            if (errors < 3) console.error(`  ingest error ${r.status}: ${r.body.slice(0, 200)}`);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    for (const c of connections) c.close();
    const serverCpu = cpuOf(serverPids(server)) - serverCpu0;
    const sched = schedOf(mainPid, mainPid);
    // Backends that ended during the run are not counted: a lower bound (the pool keeps its connections).
    const dbCpu = cpuOf(postgresPids()) - dbCpu0;
    const clientCpu = ownCpuSeconds() - clientCpu0;
    latencies.sort((a, b) => a - b);
    return {
      rate: ok / seconds,
      errors,
      p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
      p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
      serverCpuMs: (1000 * serverCpu) / Math.max(1, ok),
      requestThreadCpuMs: (1000 * (sched.ran - sched0.ran)) / Math.max(1, ok),
      requestThreadRan: (sched.ran - sched0.ran) / seconds,
      requestThreadWaited: (sched.waited - sched0.waited) / seconds,
      clientCpuMs: (1000 * clientCpu) / Math.max(1, ok),
      dbCpuMs: (1000 * dbCpu) / Math.max(1, ok),
      load,
    };
  } finally {
    await stopServer(server);
  }
}

/** The collector's process and any processes it started (cluster workers), from /proc. */
function serverPids(server: Server): number[] {
  return descendants(server.child.pid!);
}
/** The throwaway PostgreSQL server's processes (postmaster and backends). */
function postgresPids(): number[] {
  if (!pg?.dataDir) return [];
  try {
    return descendants(Number(readFileSync(join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]));
  } catch {
    return [];
  }
}
function descendants(root: number): number[] {
  const out = [root];
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.split(') ')[1]!.split(' ')[1]);
      if (out.includes(ppid)) out.push(Number(name));
    }
  } catch {
    // not Linux: the main process only
  }
  return out;
}

/** Seeds a database (in a child process, so PGlite's data folder has one owner at a time). */
function seed(env: Record<string, string>, size: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(here, 'seed.ts'), String(size)], {
      env: { ...process.env, LOG_LEVEL: 'silent', CV_REGISTER_FILE: surveyFile, CV_GROUP_BY: GROUP_BY, ...env },
      stdio: 'inherit',
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding failed (${code})`))));
  });
}

async function benchResults(env: Record<string, string>, size: number) {
  const t0 = Date.now();
  await seed(env, size);
  const seedSeconds = (Date.now() - t0) / 1000;
  const server = await startServer(env);
  try {
    const login = await httpCall(`${server.url}/api/v1/session`, 'POST', JSON.stringify({ username: 'bench', password: 'bench password 123' }), { 'x-requested-with': 'carers-voice' });
    if (login.status !== 200) throw new Error(`sign in failed: ${login.body}`);
    const cookie = String((login.headers['set-cookie'] as string[])[0]).split(';')[0]!;
    const views = {
      unfiltered: '',
      'where=age-band:45-64': '?where=age-band:45-64',
      'two filters (45-64, 50+ hours)': '?where=age-band:45-64&where=caring-hours:50-plus',
      'by=caring-hours': '?by=caring-hours',
    };
    /** Asks for a view `runs` times (calling `before` first each time, untimed); p50/p95 after the first `warm`. */
    const timeView = async (qs: string, runs: number, warm: number, before?: (i: number) => Promise<void>) => {
      const times: number[] = [];
      let base: unknown;
      for (let i = 0; i < runs; i++) {
        await before?.(i);
        const t = performance.now();
        const r = await httpCall(`${server.url}/api/v1/results/${survey.id}${qs}`, 'GET', undefined, { cookie });
        times.push(performance.now() - t);
        if (r.status !== 200) throw new Error(`results ${qs}: ${r.status} ${r.body.slice(0, 200)}`);
        base = JSON.parse(r.body).base;
      }
      const steady = times.slice(warm).sort((a, b) => a - b);
      return { p50: steady[Math.floor(steady.length * 0.5)]!, p95: steady[Math.floor(steady.length * 0.95)]!, base };
    };
    const out: Record<string, { p50: number; p95: number; base: unknown }> = {};
    for (const [name, qs] of Object.entries(views)) out[name] = await timeView(qs, 60, 10);
    // A filtered view asked for again is served from its grouping's pattern kept in memory while the
    // tallies are unchanged. Under ingest they change all the time: each request here follows a new
    // response (counted at once on a quiet collector), so the pattern is built again every time.
    const makeBody = bodyMaker(samplePool(60, 11));
    const postOne = async (i: number) => {
      const posted = await httpCall(`${server.url}/api/v1/responses`, 'POST', makeBody(i, 'council'), {
        'content-type': 'application/json',
        origin: 'https://council.example',
      });
      if (posted.status !== 201) throw new Error(`posting a response: ${posted.status} ${posted.body.slice(0, 200)}`);
    };
    for (const name of ['where=age-band:45-64', 'two filters (45-64, 50+ hours)'] as const) {
      out[`${name}, after each new response`] = await timeView(views[name], 40, 5, postOne);
    }
    return { seedSeconds, views: out };
  } finally {
    await stopServer(server);
  }
}

/** The throwaway PostgreSQL of the storage being benched (module-level so the CPU counts can find it). */
let pg: PostgresServer | undefined;
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rows: string[][] = [];
const machine: unknown[] = [];
for (const storage of storages) {
  pg = undefined;
  let dataDir: string | undefined;
  const target = async (): Promise<Record<string, string>> => {
    if (storage === 'postgres') {
      if (process.env.DATABASE_URL) return { DATABASE_URL: process.env.DATABASE_URL, WORKERS: workers };
      pg ??= await startThrowawayPostgres({ durable: true });
      if (!pg) throw new Error('no PostgreSQL here: set DATABASE_URL or install Debian\'s postgresql');
      return { DATABASE_URL: pg.url, WORKERS: workers };
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = mkdtempSync(join(tmpdir(), 'cv-bench-'));
    return { DATA_DIR: dataDir, DATABASE_URL: '', WORKERS: '1' };
  };
  try {
    if (only !== 'results') {
      console.error(`ingest on ${storage}: ${duration} s, ${concurrency} concurrent clients${pacedRate ? `, paced at ${pacedRate}/s` : ''}…`);
      const r = await benchIngest(await target());
      const aim = storage === 'postgres' ? 3000 : 1000;
      rows.push([
        storage,
        storage === 'postgres' && workers !== '1' ? `ingest (${workers} workers)` : 'ingest',
        `${fmt(r.rate)} responses/s`,
        `p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, ${r.errors} errors; CPU per response: collector ${r.serverCpuMs.toFixed(2)} ms${workers === '1' || storage !== 'postgres' ? ` (request thread ${r.requestThreadCpuMs.toFixed(2)} ms; it ran ${pct(r.requestThreadRan)} of the time and waited for a core ${pct(r.requestThreadWaited)})` : ''},${storage === 'postgres' ? ` PostgreSQL ${r.dbCpuMs.toFixed(2)} ms,` : ''} load generator ${r.clientCpuMs.toFixed(2)} ms; load avg ${r.load.toFixed(1)}`,
        `≥ ${aim}/s`,
        r.rate >= aim ? 'met' : 'NOT met',
      ]);
      machine.push({ storage, bench: 'ingest', ...r });
    }
    if (only !== 'ingest') {
      for (const size of sizes) {
        if (storage === 'postgres' && pg) {
          await pg.stop();
          pg = undefined;
        }
        console.error(`results on ${storage} with ${size.toLocaleString('en-GB')} responses: seeding…`);
        const r = await benchResults(await target(), size);
        for (const [view, v] of Object.entries(r.views)) {
          const aim = storage === 'postgres' ? (size >= 1_000_000 ? 250 : size >= 100_000 ? 100 : undefined) : undefined;
          rows.push([
            storage,
            `results ${size.toLocaleString('en-GB')} ${view}`,
            `p50 ${fmt(v.p50)} ms`,
            `p95 ${fmt(v.p95)} ms (base ${v.base}; seeded in ${fmt(r.seedSeconds)} s)`,
            aim ? `p95 < ${aim} ms` : '',
            aim ? (v.p95 < aim ? 'met' : 'NOT met') : '',
          ]);
          machine.push({ storage, bench: 'results', size, view, ...v });
        }
      }
    }
  } finally {
    await pg?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
agent.destroy();

const header = ['storage', 'benchmark', 'result', 'detail', 'aim', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (process.argv.includes('--json')) console.log(JSON.stringify(machine));
writeFileSync(join(tmpdir(), 'carers-voice-collector-bench.json'), JSON.stringify(machine, null, 2));
