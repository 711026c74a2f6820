/**
 * PGlite in its own thread (`PGLITE_THREAD=worker`, the default for the service): the database's work
 * — Postgres compiled to WebAssembly — runs here, so the request thread only parses, checks and queues.
 * The main thread sends one statement at a time (`{ id, sql, params }`) and gets back its rows or its
 * error; transactions are the main thread's lock around BEGIN … COMMIT (database.ts), exactly as when
 * PGlite runs in the main thread, and a COMMIT is answered only once PGlite has finished it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

export interface WorkerQuery {
  id: number;
  sql: string;
  params: unknown[];
}
export type WorkerAnswer =
  | { id: number; rows: unknown[]; affectedRows?: number }
  | { id: number; error: { message: string; fields: Record<string, unknown> } };

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };

try {
  const db = await PGlite.create(dataDir);
  port.on('message', (m: WorkerQuery | { close: true }) => {
    if ('close' in m) {
      void db.close().finally(() => port.postMessage({ closed: true }));
      return;
    }
    db.query(m.sql, m.params).then(
      (r) => port.postMessage({ id: m.id, rows: r.rows, ...(r.affectedRows !== undefined ? { affectedRows: r.affectedRows } : {}) } satisfies WorkerAnswer),
      (e: unknown) => {
        // Keep what callers look at (code, constraint, detail…): plain values only cross threads.
        const fields: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(e as object)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
        port.postMessage({ id: m.id, error: { message: (e as Error).message ?? String(e), fields } } satisfies WorkerAnswer);
      },
    );
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ failed: (e as Error).message ?? String(e) });
}
