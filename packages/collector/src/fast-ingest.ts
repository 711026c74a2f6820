/**
 * `POST /api/v1/responses` straight from Node's HTTP server, without Fastify's per-request pipeline
 * (routing, request and reply objects, hook runners, the cookie, CORS and rate-limit plugins'
 * per-request work: about 0.1 ms of CPU per response on the 2-core bench machine, a quarter of the
 * ingest route's cost). Everything the route answers stays the same — the same steps in the same order,
 * with the same functions as the Fastify route (server.ts):
 *
 *   CORS headers (partners' origins, from the cache) → body read and parsed (our JSON parser; 400 for
 *   bad JSON, forbidden keys, too deep) → per-client limit (client-limit.ts; its headers on every answer
 *   after it) → per-partner limit → the ingest step itself (`ingest`, shared with the Fastify route) →
 *   the answer, with Vary: Origin and X-Content-Type-Options: nosniff.
 *
 * Only the plain case comes here: a POST to exactly `/api/v1/responses` (no query string), a JSON or
 * text/plain content type from a short list, a Content-Length within the body limit and above 0, no
 * Transfer-Encoding, and the collector not closing. Anything else (other content types, chunked or
 * empty or oversized bodies, a query string, shutdown) goes to Fastify, whose answers this path copies.
 * fast-ingest.test.ts posts the same good and bad requests both ways and compares status, headers and body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { ClientLimiter } from './client-limit.js';
import { clientKey } from './client-limit.js';

/** What the collector answers to an error (server.ts `answerForError`, also Fastify's error handler). */
export interface ErrorAnswer {
  status: number;
  body: object;
  headers?: Record<string, string | number> | undefined;
  /** Not a problem with the request: logged as an unexpected error. */
  unexpected: boolean;
}

export interface FastIngestDeps {
  bodyLimit: number;
  trustProxy: boolean;
  /** CORS for a public path: [header, value] pairs (at least Vary: Origin), or a promise when the partners' origins must be loaded. */
  cors(origin: string | undefined): [string, string][] | Promise<[string, string][]>;
  clientLimiter: ClientLimiter;
  /** The partner's own limit: throws (HttpProblem 429 with Retry-After) when over it. */
  partnerLimit(body: unknown): void | Promise<void>;
  /** Our JSON parser (throws the same HttpProblem as the content-type parser). */
  parse(text: string): unknown;
  ingest(body: unknown, origin: string | undefined, selfOrigin: () => string): Promise<{ status: number; body: object }>;
  answerForError(err: unknown): ErrorAnswer;
  selfOrigin(protocol: string, host: string): string;
  closing(): boolean;
  /** Fastify's logger when request logging is on (info or lower): the same two lines per request. */
  log: FastifyBaseLogger | undefined;
}

const CONTENT_TYPES = new Set([
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=utf-8',
  'application/json; charset=UTF-8',
  'application/json;charset=UTF-8',
  'text/plain',
  'text/plain;charset=UTF-8',
  'text/plain; charset=UTF-8',
  'text/plain;charset=utf-8',
  'text/plain; charset=utf-8',
]);
const DIGITS = /^\d{1,12}$/;

/** Returns a handler that answers the request and returns true, or returns false for Fastify to answer it. */
export function fastIngest(d: FastIngestDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  let nextId = 0;
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/v1/responses') return false;
    const h = req.headers;
    const type = h['content-type'];
    const length = h['content-length'];
    if (type === undefined || !CONTENT_TYPES.has(type) || length === undefined || h['transfer-encoding'] !== undefined || !DIGITS.test(length)) return false;
    const declared = Number(length);
    if (declared === 0 || declared > d.bodyLimit || d.closing()) return false;
    new Exchange(d, req, res, declared, d.log ? d.log.child({ reqId: `req-f${(nextId++).toString(36)}` }) : undefined).start();
    return true;
  };
}

class Exchange {
  private headers: Record<string, string | number> = {};
  private chunks: Buffer[] = [];
  private received = 0;
  private started = 0;
  constructor(
    private d: FastIngestDeps,
    private req: IncomingMessage,
    private res: ServerResponse,
    private declared: number,
    private log: FastifyBaseLogger | undefined,
  ) {}

  start() {
    if (this.log) {
      this.started = performance.now();
      this.log.info({ req: { method: this.req.method, url: this.req.url } }, 'incoming request');
    }
    const cors = this.d.cors(this.req.headers.origin);
    if (Array.isArray(cors)) this.setAll(cors);
    // (Fastify reads the body after its onRequest hooks: so does this path.)
    else cors.then((c) => this.setAll(c), (e: unknown) => this.fail(e));
    this.req.on('data', (c: Buffer) => {
      this.received += c.length;
      this.chunks.push(c);
    });
    this.req.on('end', () => void this.bodyRead(cors));
    this.req.on('error', (e: Error & { statusCode?: number }) => {
      if (!(typeof e.statusCode === 'number' && e.statusCode >= 400)) e.statusCode = 400;
      this.fail(e);
    });
  }

  private setAll(pairs: [string, string][]) {
    for (const [k, v] of pairs) this.headers[k] = v;
  }

  private async bodyRead(cors: unknown) {
    try {
      if (!Array.isArray(cors)) await cors;
      if (this.received !== this.declared) throw Object.assign(new Error('content length mismatch'), { code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400 });
      const text = this.chunks.length === 1 ? this.chunks[0]!.toString('utf8') : Buffer.concat(this.chunks, this.received).toString('utf8');
      this.chunks = [];
      const body = this.d.parse(text);
      // The per-client limit, then the partner's (the Fastify route's preHandlers, in that order).
      const ip = this.ip();
      const limiter = this.d.clientLimiter;
      const counted = limiter.hit(clientKey(ip));
      const verdict = limiter.verdict(counted instanceof Promise ? await counted : counted);
      for (const [k, v] of verdict.headers) this.headers[k] = v;
      if (verdict.refused) return this.send(429, { error: verdict.refused });
      const partner = this.d.partnerLimit(body);
      if (partner) await partner;
      const r = await this.d.ingest(body, this.req.headers.origin, () => this.d.selfOrigin(this.protocol(), this.host()));
      this.send(r.status, r.body);
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown) {
    if (this.res.headersSent) return;
    const a = this.d.answerForError(e);
    if (a.unexpected) (this.log ?? this.d.log)?.error({ err: e }, 'unexpected error');
    if (a.headers) for (const k of Object.keys(a.headers)) this.headers[k] = a.headers[k]!;
    this.send(a.status, a.body);
  }

  private send(status: number, body: object) {
    if (this.res.headersSent) return;
    const json = JSON.stringify(body);
    const headers = this.headers;
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['x-content-type-options'] = 'nosniff';
    headers['content-length'] = Buffer.byteLength(json);
    this.res.writeHead(status, headers);
    this.res.end(json);
    if (this.log) this.log.info({ res: { statusCode: status }, responseTime: performance.now() - this.started }, 'request completed');
  }

  /** req.ip as Fastify gives it: the socket's address, or with trustProxy the first X-Forwarded-For address (proxy-addr, every hop trusted). */
  private ip(): string {
    const socketAddress = this.req.socket.remoteAddress ?? '';
    const xff = this.req.headers['x-forwarded-for'];
    if (!this.d.trustProxy || xff === undefined) return socketAddress;
    // proxy-addr's parse: entries split at commas, spaces trimmed, empty ones skipped; the first one left.
    const first = String(xff)
      .split(',')
      .map((s) => s.replace(/^ +| +$/g, ''))
      .find((s) => s.length > 0);
    return first ?? socketAddress;
  }
  private protocol(): string {
    const xfp = this.req.headers['x-forwarded-proto'];
    if (this.d.trustProxy && xfp) return lastEntry(String(xfp));
    return (this.req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  }
  private host(): string {
    const xfh = this.req.headers['x-forwarded-host'];
    if (this.d.trustProxy && xfh) return lastEntry(String(xfh));
    return this.req.headers.host ?? '';
  }
}

function lastEntry(value: string): string {
  const i = value.lastIndexOf(',');
  return i === -1 ? value.trim() : value.slice(i + 1).trim();
}
