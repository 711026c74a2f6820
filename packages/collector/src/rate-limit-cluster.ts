/**
 * Rate limits across cluster workers (`WORKERS=N`): the counters live in the primary process, and each
 * worker asks it over the cluster's IPC channel, so a client or partner gets the configured number of
 * posts per minute in total, whichever worker its connections land on — not N times as many.
 *
 * `countInWindow` counts one more post in a key's fixed window: the per-client limit (client-limit.ts)
 * and the partner's own (server.ts) both use it. Outside a cluster it is not used: the counters are the
 * process's own.
 *
 * Counting is leased in blocks, so a busy worker does not send a message per request per limit: a
 * worker asks the primary for up to `leaseSize(max)` posts of a key's current window (max/64, 1 to
 * 1,000; a limit under 128 a minute — the per-client default is 60 — is leased one post at a time,
 * exactly as before) and counts them down itself. The primary never grants more than the limit in a
 * window, so **nobody ever gets more than the limit**; the margin is the other way: posts leased to one
 * worker and not used there by the end of the window are lost for that window, so a client or partner
 * may be refused up to max/64 posts early for each other worker (6,000 a minute: 93). A lease ends
 * with its window; a key refused once is refused by the worker itself until its window ends.
 */
import cluster from 'node:cluster';

interface Ask {
  cv: 'rl';
  id: number;
  op: 'lease';
  key: string;
  window: number;
  /** lease: the limit, and how many posts are asked for. */
  max?: number;
  want?: number;
}
interface Answer {
  cv: 'rl';
  id: number;
  current: number;
  /** ms left in the window */
  ttl: number;
  /** lease: how many posts were granted (0: the limit is reached). */
  granted?: number;
}

/** Posts leased at a time for a limit of `max` per window (see above). */
export function leaseSize(max: number): number {
  return Math.max(1, Math.min(1000, Math.floor(max / 64)));
}

/** In the primary: keeps fixed-window counters for every worker. Returns a function that stops it. */
export function serveClusterRateLimits(): () => void {
  const windows = new Map<string, { start: number; count: number; window: number }>();
  const onMessage = (worker: { send(m: unknown): boolean }, m: Ask) => {
    if (m?.cv !== 'rl') return;
    const now = Date.now();
    let w = windows.get(m.key);
    if (w && w.start + w.window <= now) w = undefined;
    if (!w) {
      if (windows.size >= 100_000) for (const [k, v] of windows) if (v.start + v.window <= now) windows.delete(k);
      windows.set(m.key, (w = { start: now, count: 0, window: m.window }));
    }
    // Never past the limit: what is left of it, at most what was asked for; a refusal counts as one more.
    const granted = Math.max(0, Math.min(m.want ?? 1, (m.max ?? 0) - w.count));
    w.count += granted || 1;
    worker.send({ cv: 'rl', id: m.id, current: w.count, ttl: w.start + w.window - now, granted } satisfies Answer);
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

function ask(op: Ask['op'], key: string, window: number, lease?: { max: number; want: number }): Promise<Answer> {
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
    const sent = process.send?.({ cv: 'rl', id, op, key, window, ...lease } satisfies Ask, undefined, undefined, (e: Error | null) => {
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

/** A worker's leases: posts it may still let through for a key until `end`; `left` < 0: refused until `end`. */
interface Lease {
  end: number;
  left: number;
  /** The primary's count for the window when the lease was granted (the leased posts included). */
  current: number;
}
const leases = new Map<string, Lease>();
const leasing = new Map<string, Promise<unknown>>();

/**
 * Counts one more event for `key` in the current fixed window of `windowMs` with a limit of `max`;
 * the count (at most `max` when let through, more than `max` when refused) and the ms left.
 */
export async function countInWindow(key: string, windowMs: number, max: number): Promise<{ count: number; ttl: number }> {
  for (;;) {
    const now = Date.now();
    const lease = leases.get(key);
    if (lease && lease.end > now) {
      if (lease.left > 0) {
        lease.left--;
        return { count: lease.current - lease.left, ttl: lease.end - now };
      }
      if (lease.left < 0) return { count: max + 1, ttl: lease.end - now };
    }
    // One request to the primary per key at a time; the others wait for it and try again.
    const inFlight = leasing.get(key);
    if (inFlight) {
      await inFlight;
      continue;
    }
    const asked = ask('lease', key, windowMs, { max, want: leaseSize(max) });
    leasing.set(key, asked);
    let a: Answer;
    try {
      a = await asked;
    } finally {
      leasing.delete(key);
    }
    const end = Date.now() + a.ttl;
    if (leases.size >= 100_000) for (const [k, v] of leases) if (v.end <= Date.now()) leases.delete(k);
    const granted = a.granted ?? 0;
    if (granted === 0) {
      leases.set(key, { end, left: -1, current: a.current });
      return { count: Math.max(max + 1, a.current), ttl: a.ttl };
    }
    // This post takes one of the granted ones.
    leases.set(key, { end, left: granted - 1, current: a.current });
    return { count: a.current - (granted - 1), ttl: a.ttl };
  }
}
