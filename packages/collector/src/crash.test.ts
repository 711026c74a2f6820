/**
 * Kill the server (SIGKILL) in the middle of a stream of posts, start it again on the same data
 * folder: every response it acknowledged is still there (posting it again answers 200, not 201), and
 * once the restarted server has counted what the killed one had stored but not yet counted, the
 * tallies equal a recount of the stored answers (nothing lost, nothing counted twice).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelope } from './testing/fixtures.js';
import { openDatabase } from './db/database.js';
import { queuedCount, tallyDifferences } from './testing/recount.js';

const serveScript = new URL('./testing/serve.ts', import.meta.url).pathname;

function startServer(dataDir: string, ingest?: object): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', serveScript], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_CLIENT: '1000000', RATE_LIMIT_PARTNER: '1000000', DATABASE_URL: '', CV_INGEST: ingest ? JSON.stringify(ingest) : '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

test('SIGKILL mid-stream, restart: every acknowledged response is there', { timeout: 480_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cv-crash-'));
  try {
    const t0 = Date.now();
    // The first server acknowledges but never gets round to counting: every response it stores is
    // still queued for the tallier when it is killed, the hardest case for the restart.
    const first = await startServer(dataDir, { countBeforeAckUpTo: 0, tally: { flushMs: 600_000, sweepMs: 0 } });
    console.error(`# first start ${Date.now() - t0} ms`);
    const acked: ReturnType<typeof envelope>[] = [];
    let stop = false;
    const workers = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const env = envelope();
        try {
          const r = await fetch(`${first.url}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) });
          if (r.status === 201 || r.status === 200) acked.push(env);
        } catch {
          // the server died mid-request: not acknowledged, so nothing was promised
        }
      }
    });
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await new Promise((r) => first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r));

    console.error(`# killed after ${acked.length} acknowledged, ${Date.now() - t0} ms`);
    {
      const look = await openDatabase({ dataDir });
      console.error(`# ${await queuedCount(look.db)} stored responses were not yet counted when it was killed`);
      await look.close();
    }
    const second = await startServer(dataDir);
    console.error(`# restarted ${Date.now() - t0} ms`);
    try {
      const lost: string[] = [];
      for (const env of acked) {
        const r = await fetch(`${second.url}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) });
        if (r.status !== 200) lost.push(`${env.id}: ${r.status}`);
      }
      assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged responses were lost`);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
    // The restarted server counted the queued responses (at start-up, or at the latest as it stopped).
    const after = await openDatabase({ dataDir });
    try {
      assert.equal(await queuedCount(after.db), 0, 'every stored response is counted');
      assert.deepEqual(await tallyDifferences(after.db), [], 'the tallies equal a recount of the stored responses');
    } finally {
      await after.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
