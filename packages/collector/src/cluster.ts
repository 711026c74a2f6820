/**
 * Several collector processes on one PostgreSQL (`WORKERS=N`, node:cluster): the primary process
 * migrates the database and loads the partners file once, then starts N worker processes that share the
 * listening port; each worker is a whole collector (its own ingest writer, tallier and connection pool).
 * Nothing a request needs lives only in one process — responses, sessions and queue lines are in the
 * database; ingest is safe across instances (unique ids, `FOR UPDATE SKIP LOCKED` folds) — except the
 * rate-limit counters, which the primary keeps for all of them (rate-limit-cluster.ts).
 *
 * A worker that dies is replaced. SIGTERM to the primary stops every worker (each finishes its queued
 * writes and folds first), then the primary.
 */
import cluster, { type Worker } from 'node:cluster';
import { serveClusterRateLimits } from './rate-limit-cluster.js';

export interface Running {
  url: string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  workers: number;
  /** Runs once, in the primary, before any worker starts (migrations, partners file, registrations). */
  prepare: () => Promise<{ stop(): Promise<void> } | void>;
  /** Runs in each worker: builds the app and listens (port 0 gives every worker the same port). */
  serve: () => Promise<Running>;
  log?: (message: string) => void;
}

/**
 * Each worker's tallier folds what that worker stored, and a fold costs about the same however many
 * responses it counts (it rewrites the tally rows they share). So with N workers each folds N times less
 * often (at least every 2 s × N): together they fold about as often as one process would.
 */
export function clusterTallyOptions(workers: number): { tally: { flushMs: number } } {
  return { tally: { flushMs: 2000 * Math.max(1, workers) } };
}

/** In the primary: prepares, forks the workers and resolves once all listen. In a worker: serves. */
export async function runCluster(options: ClusterOptions): Promise<Running> {
  if (!cluster.isPrimary) {
    // The caller stops it on SIGTERM, as it would a single process.
    const running = await options.serve();
    process.send?.({ cv: 'listening', url: running.url });
    return running;
  }
  const prepared = await options.prepare();
  const stopLimits = serveClusterRateLimits();
  let stopping = false;
  const workers = new Set<Worker>();
  const urls: string[] = [];
  let ready!: (url: string) => void;
  let failed!: (e: Error) => void;
  const allListening = new Promise<string>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const fork = () => {
    const w = cluster.fork();
    workers.add(w);
    w.on('message', (m: { cv?: string; url?: string }) => {
      if (m?.cv === 'listening' && m.url) {
        urls.push(m.url);
        if (urls.length === options.workers) ready(m.url);
      }
    });
    w.once('exit', (code, signal) => {
      workers.delete(w);
      if (stopping) return;
      if (urls.length < options.workers) return failed(new Error(`a collector worker stopped while starting (${signal ?? code})`));
      options.log?.(`collector worker ${w.process.pid} stopped (${signal ?? code}); starting another`);
      fork();
    });
  };
  for (let i = 0; i < options.workers; i++) fork();
  const url = await allListening.catch(async (e: unknown) => {
    stopping = true;
    for (const w of workers) w.process.kill('SIGTERM');
    stopLimits();
    await prepared?.stop();
    throw e;
  });
  return {
    url,
    async stop() {
      stopping = true;
      await Promise.all(
        [...workers].map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.process.kill('SIGTERM');
            }),
        ),
      );
      stopLimits();
      await prepared?.stop();
    },
  };
}
