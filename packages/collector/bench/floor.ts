/**
 * The HTTP floor on this machine: what answering the ingest POST costs with no work behind it, under the
 * ingest bench's load client (load-client.ts, 64 keep-alive connections, the same survey bodies).
 *   node --conditions=source --import tsx bench/floor.ts [bare|fastify|fastify-parse] [seconds=10]
 * bare: node:http, body read and dropped, 201 + a small JSON body. fastify: Fastify with a POST route
 * answering the same (its JSON parser on). fastify-parse: as fastify plus JSON.parse of the string body.
 * Prints responses/s and server CPU ms per response (from /proc).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { LoadConnection } from './load-client.js';

const kind = process.argv[2] ?? 'bare';
const seconds = Number(process.argv[3] ?? '10');
const concurrency = 64;

if (process.env.FLOOR_SERVER) {
  const reply = '{"id":"00000000-0000-4000-8000-000000000000","status":"received"}';
  if (kind === 'bare') {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        Buffer.concat(chunks).toString();
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(reply) });
        res.end(reply);
      });
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`));
  } else {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    if (kind === 'fastify-plugins') {
      // The collector's per-request pipeline with no work: its parser, cookie, CORS (delegator), rate limit
      // (a preHandler, as the ingest route), the onSend hook.
      const { default: cookie } = await import('@fastify/cookie');
      const { default: cors } = await import('@fastify/cors');
      const { default: rateLimit } = await import('@fastify/rate-limit');
      app.removeContentTypeParser(['application/json', 'text/plain']);
      app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_r, body, done) => done(null, JSON.parse(body as string)));
      await app.register(cookie);
      const allowed = { origin: 'https://council.example', credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'], exposedHeaders: ['Retry-After'], maxAge: 600 };
      await app.register(cors, { hook: 'onRequest', delegator: (_req, cb) => cb(null, allowed) });
      app.addHook('onSend', (_req, reply, payload, done) => {
        reply.header('vary', 'Origin');
        reply.header('x-content-type-options', 'nosniff');
        done(null, payload);
      });
      await app.register(rateLimit, { global: false });
      const perClient = app.rateLimit({ max: 10_000_000, timeWindow: 60_000 });
      const perPartner = async () => {};
      app.post('/api/v1/responses', { preHandler: [perClient, perPartner] }, async (_req, r) => r.code(201).send({ id: '00000000-0000-4000-8000-000000000000', status: 'received' }));
    } else if (kind === 'fastify') {
      app.post('/api/v1/responses', async (_req, r) => r.code(201).send({ id: '00000000-0000-4000-8000-000000000000', status: 'received' }));
    } else {
      app.removeContentTypeParser(['application/json']);
      app.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) => done(null, JSON.parse(body as string)));
      app.post('/api/v1/responses', async (_req, r) => r.code(201).send({ id: '00000000-0000-4000-8000-000000000000', status: 'received' }));
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
  }
} else {
  const child = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, kind], { env: { ...process.env, FLOOR_SERVER: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  const cpu = () => {
    const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  };
  const answers = JSON.stringify(JSON.parse(readFileSync(new URL('./floor-answers.json', import.meta.url), 'utf8')));
  const body = () =>
    `{"id":"${randomUUID()}","instrument":{"id":"annual-carers-survey","version":1},"partner":"council","locale":"en-GB","startedAt":"${new Date(Date.now() - 300_000).toISOString()}","submittedAt":"${new Date().toISOString()}","answers":${answers}}`;
  const conns = Array.from({ length: concurrency }, () => new LoadConnection('127.0.0.1', port));
  const run = async (ms: number) => {
    let ok = 0;
    const end = Date.now() + ms;
    await Promise.all(conns.map(async (c) => {
      while (Date.now() < end) if ((await c.post('/api/v1/responses', body(), 'Origin: https://council.example\r\n')).status === 201) ok++;
    }));
    return ok;
  };
  await run(2000);
  const c0 = cpu();
  const u0 = process.cpuUsage();
  const t0 = Date.now();
  const ok = await run(seconds * 1000);
  const s = (Date.now() - t0) / 1000;
  const u = process.cpuUsage(u0);
  console.log(`${kind}: ${Math.round(ok / s)} responses/s; server CPU ${((1000 * (cpu() - c0)) / ok).toFixed(3)} ms, client ${((u.user + u.system) / 1000 / ok).toFixed(3)} ms per response (body ${Buffer.byteLength(body())} B)`);
  for (const c of conns) c.close();
  child.kill('SIGTERM');
}
