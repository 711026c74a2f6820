/**
 * Rate limits across cluster workers (`WORKERS=N`): the counters live in the primary process, and each
 * worker asks it over the cluster's IPC channel, so a client or partner gets the configured number of
 * posts per minute in total, whichever worker its connections land on — not N times as many.
 *
 * - `ClusterRateLimitStore` is a store for @fastify/rate-limit (per client);
 * - `countInWindow` is the partner's own fixed window (server.ts).
 * Outside a cluster neither is used: the counters are the process's own, as before.
 */
import cluster from 'node:cluster';

interface Ask {
  cv: 'rl';
  id: number;
  op: 'incr' | 'read';
  key: string;
  window: number;
}
interface Answer {
  cv: 'rl';
  id: number;
  current: number;
  /** ms left in the window */
  ttl: number;
}

/** In the primary: keeps fixed-window counters for every worker. Returns a function that stops it. */
export function serveClusterRateLimits(): () => void {
  const windows = new Map<string, { start: number; count: number; window: number }>();
  const onMessage = (worker: { send(m: unknown): boolean }, m: Ask) => {
    if (m?.cv !== 'rl') return;
    const now = Date.now();
    let w = windows.get(m.key);
    if (w && w.start + w.window <= now) w = undefined;
    if (m.op === 'read') {
      worker.send({ cv: 'rl', id: m.id, current: w?.count ?? 0, ttl: w ? w.start + w.window - now : 0 } satisfies Answer);
      return;
    }
    if (!w) {
      if (windows.size >= 100_000) for (const [k, v] of windows) if (v.start + v.window <= now) windows.delete(k);
      windows.set(m.key, (w = { start: now, count: 0, window: m.window }));
    }
    w.count++;
    worker.send({ cv: 'rl', id: m.id, current: w.count, ttl: w.start + w.window - now } satisfies Answer);
  };
  cluster.on('message', onMessage);
  // Forget finished windows now and then (memory stays bounded).
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [k, v] of windows) if (v.start + v.window <= now) windows.delete(k);
  }, 60_000);
  sweep.unref();
  return () => {
    cluster.off('message', onMessage);
    clearInterval(sweep);
  };
}

let nextId = 1;
const waiting = new Map<number, (a: Answer) => void>();
let listening = false;

function ask(op: Ask['op'], key: string, window: number): Promise<Answer> {
  if (!listening) {
    listening = true;
    process.on('message', (m: Answer) => {
      if (m?.cv !== 'rl') return;
      const done = waiting.get(m.id);
      waiting.delete(m.id);
      done?.(m);
    });
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, resolve);
    const sent = process.send?.({ cv: 'rl', id, op, key, window } satisfies Ask, undefined, undefined, (e: Error | null) => {
      if (e) {
        waiting.delete(id);
        reject(e);
      }
    });
    if (sent === undefined) {
      waiting.delete(id);
      reject(new Error('not a cluster worker'));
    }
  });
}

/** True in a cluster worker (the counters are the primary's). */
export function inClusterWorker(): boolean {
  return cluster.isWorker;
}

/** Counts one more event for `key` in the current fixed window of `windowMs`; the count and the ms left. */
export async function countInWindow(key: string, windowMs: number): Promise<{ count: number; ttl: number }> {
  const a = await ask('incr', key, windowMs);
  return { count: a.current, ttl: a.ttl };
}

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;
let nextStore = 0;

/**
 * A @fastify/rate-limit store whose counters are the primary's. Each `child` (one per
 * `app.rateLimit(...)` / route limit) counts separately, as the plugin's own LocalStore does; workers
 * build their apps the same way, so the n-th child is the same counter in every worker.
 */
export class ClusterRateLimitStore {
  private prefix: string;
  constructor(_options?: unknown, prefix = `rl${nextStore++}`) {
    this.prefix = prefix;
  }
  incr(key: string, cb: Callback, timeWindow: number): void {
    ask('incr', `${this.prefix}:${key}`, timeWindow).then(
      (a) => cb(null, { current: a.current, ttl: a.ttl }),
      (e: Error) => cb(e),
    );
  }
  read(key: string, cb: Callback, timeWindow: number): void {
    ask('read', `${this.prefix}:${key}`, timeWindow).then(
      (a) => cb(null, { current: a.current, ttl: a.ttl }),
      (e: Error) => cb(e),
    );
  }
  child(): ClusterRateLimitStore {
    return new ClusterRateLimitStore(undefined, `rl${nextStore++}`);
  }
}
