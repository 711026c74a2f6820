/**
 * The collector's HTTP API (`/api/v1`). Every 4xx body names the problem in plain words:
 * `{ error: string, problems?: [...] }`. Bad input never produces a 5xx.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import cookie from '@fastify/cookie';
import * as z from 'zod';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { groupByProblems, publishCount, tallyIncrements } from '@carers-voice/core/aggregate';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Role } from './db/schema.js';
import { Store } from './store.js';
import { IngestWriter, addTallies, hashEnvelopeBody, periodOf, type IngestItem, type IngestWriterOptions } from './ingest.js';
import { computeResults, groupingFor, GroupingEntry, unknownFilterValue, WhereParam, type ResultsQuery } from './results.js';
import { SESSION_COOKIE, SESSION_HOURS, ROLES, createUser, sessionUser, signIn, signOut, type SessionUser } from './auth.js';
import { csvLine, toCsv, resultsToRows, RESULTS_CSV_HEADER } from './csv.js';
import { checkEnvelope, checkEnvelopeAnswers, optionsResolver, parseInstrument, receiptHash, separateContact } from './core-api.js';
import { deleteByReceipt } from './retention.js';
import { withFingerprint } from '@carers-voice/core/content/fingerprint';
import { pollAnswerDefinition, pollResults, pollWithApprovedStatements, registerPollRoutes } from './polls.js';
import { writePollVote } from './poll-votes.js';
import { registerEmbedRoutes } from './embed-routes.js';
import { countInWindow, inClusterWorker } from './rate-limit-cluster.js';
import { HttpProblem } from './http-problem.js';
import { ClientLimiter, clientKey } from './client-limit.js';
import { fastIngest, type ErrorAnswer } from './fast-ingest.js';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Tests pass a fixed clock. */
  now?: () => Date;
  /** Tests and benchmarks tune the ingest writer and its tallier (ingest.ts, tallier.ts). */
  ingest?: IngestWriterOptions;
  /** POST /api/v1/responses straight from the HTTP server (fast-ingest.ts; default true). Tests compare both ways. */
  fastIngest?: boolean;
}

export interface App {
  app: FastifyInstance;
  store: Store;
  writer: IngestWriter;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
  }
}


const PUBLIC_PREFIXES = ['/api/v1/responses', '/api/v1/instruments', '/api/v1/deletions', '/api/v1/polls'];
/** A path partner pages call (CORS): one of PUBLIC_PREFIXES or below it; the query string is ignored. No allocation. */
function isPublicPath(url: string): boolean {
  const q = url.indexOf('?');
  const end = q < 0 ? url.length : q;
  for (const p of PUBLIC_PREFIXES) {
    if (url.startsWith(p) && (end === p.length || (end > p.length && url.charCodeAt(p.length) === 47))) return true;
  }
  return false;
}
const DASHBOARD_HEADER = 'x-requested-with';
const DASHBOARD_HEADER_VALUE = 'carers-voice';

const Id = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/i, 'an id starts with a letter and uses letters, digits, "-" or "_"');
// Results are kept by year (the tallies' period), so filters are years.
const Year = z
  .string()
  .regex(/^\d{4}$/, 'results are kept by year: use a year such as 2025')
  .transform(Number);
const ResultsQuerySchema = z.strictObject({
  partner: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a partner id uses lower-case letters, digits and "-"').optional(),
  area: z.string().min(1).max(100).optional(),
  from: Year.optional(),
  to: Year.optional(),
  by: Id.optional(),
  // Repeat where to combine filters (results.ts): ?where=age-band:65-74&where=caring-hours:50-plus
  where: WhereParam,
  version: z.coerce.number().int().positive().max(100000).optional(),
});

function zodProblems(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(top)', message: i.message }));
}

export async function buildApp({ config, database, now = () => new Date(), ingest, fastIngest: useFastIngest = true }: AppOptions): Promise<App> {
  const { db } = database;
  const store = new Store(db);
  const resolveOptions = optionsResolver();
  const writer = new IngestWriter(db, {
    concurrency: database.kind === 'postgres' ? 4 : 1,
    lingerMs: database.kind === 'postgres' ? 1 : 3,
    resolveOptions,
    log: (m) => app.log.warn(m),
    ...ingest,
    // PGlite runs one transaction at a time: folds may update tally rows in any order (tallier.ts).
    tally: { oneWriter: database.kind === 'pglite', ...ingest?.tally },
  });

  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Request logs carry no IP address and no body: the collector keeps no way to tie answers to a person.
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
            },
          },
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // Node's HTTP server set up as Fastify would (its defaults), with the ingest route's fast path in
    // front (fast-ingest.ts): a request it does not take goes to Fastify. `inject` goes to Fastify only.
    serverFactory: (handler, opts) => {
      const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        if (fast?.(req, res)) return;
        handler(req, res);
      });
      const o = opts as { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket: number };
      server.keepAliveTimeout = o.keepAliveTimeout;
      server.requestTimeout = o.requestTimeout;
      server.setTimeout(o.connectionTimeout);
      if (o.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = o.maxRequestsPerSocket;
      return server;
    },
  });
  let fast: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  // Our own JSON parser, so each rejection can say what was wrong. sendBeacon and no-preflight posts
  // arrive as text/plain: they are parsed as JSON too.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => {
    let value: unknown;
    try {
      value = parseJsonBody(body as string);
    } catch (e) {
      return done(e as Error, undefined);
    }
    done(null, value);
  });

  /** The answer to an error, for Fastify's error handler and the ingest fast path alike. */
  function answerForError(e: unknown): ErrorAnswer {
    const err = e as Error & { statusCode?: number; code?: string; validation?: unknown; problems?: unknown[] };
    const code = err.code ?? '';
    const answer = (status: number, body: object, headers?: Record<string, string | number>): ErrorAnswer => ({ status, body, headers, unexpected: false });
    if (err instanceof HttpProblem) {
      return answer(err.statusCode, err.problems ? { error: err.message, problems: err.problems } : { error: err.message }, err.headers);
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return answer(413, { error: `the request is too large: the limit is ${Math.round(config.bodyLimitBytes / 1024)} KiB` });
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return answer(415, { error: 'send JSON, with Content-Type: application/json' });
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return answer(400, { error: 'the request has no body: send the response as JSON' });
    if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return answer(400, { error: 'the Content-Length header does not match the body' });
    if (/forbidden prototype|constructor property/i.test(err.message)) {
      return answer(400, { error: 'the body contains a forbidden key (__proto__ or constructor.prototype)' });
    }
    if (err instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY') return answer(400, { error: 'the body is not valid JSON' });
    if (err.statusCode === 429) return answer(429, { error: err.message || 'too many requests: wait a little, then try again' });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return answer(err.statusCode, { error: err.message || 'the request could not be understood' });
    }
    return { status: 503, body: { error: 'the collector could not do this just now; nothing was lost, please try again' }, unexpected: true };
  }
  app.setErrorHandler((err: Error, req, reply) => {
    const a = answerForError(err);
    if (a.unexpected) req.log.error({ err }, 'unexpected error');
    if (a.headers) reply.headers(a.headers);
    return reply.code(a.status).send(a.body);
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: `there is nothing at ${req.method} ${req.url.split('?')[0]}` });
  });

  await app.register(cookie);

  // CORS: only for the routes partner pages call, only for an origin some partner registered, exact
  // match, never `null`, never with credentials. Which partner may use it is checked on the request.
  // Options objects made once (the plugin spreads them again per request, but no promise and no new
  // objects from here): refused, and one per allowed origin.
  const corsRefused = { origin: false } as const;
  const corsAllowed = new Map<string, object>();
  const corsFor = (known: Set<string>, origin: string) => {
    if (!known.has(origin)) return corsRefused;
    let options = corsAllowed.get(origin);
    if (!options) {
      if (corsAllowed.size > 1000) corsAllowed.clear();
      options = { origin, credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'], exposedHeaders: ['Retry-After'], maxAge: 600 };
      corsAllowed.set(origin, options);
    }
    return options;
  };
  // The same for the ingest fast path, as header pairs: what the plugin sets on a POST to a public path.
  const varyOnly: [string, string][] = [['vary', 'Origin']];
  const corsPairs = new Map<string, [string, string][]>();
  const corsHeadersFor = (known: Set<string>, origin: string): [string, string][] => {
    if (!known.has(origin)) return varyOnly;
    let pairs = corsPairs.get(origin);
    if (!pairs) {
      if (corsPairs.size > 1000) corsPairs.clear();
      pairs = [['vary', 'Origin'], ['access-control-allow-origin', origin], ['access-control-expose-headers', 'Retry-After']];
      corsPairs.set(origin, pairs);
    }
    return pairs;
  };
  const fastCors = (origin: string | undefined): [string, string][] | Promise<[string, string][]> => {
    if (!origin || origin === 'null') return varyOnly;
    const cached = store.cachedOrigins();
    if (cached) return corsHeadersFor(cached, origin);
    return store.knownOrigins().then(
      (known) => corsHeadersFor(known, origin),
      () => varyOnly,
    );
  };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin || origin === 'null' || !isPublicPath(req.url)) return callback(null, corsRefused);
      // The partners' origins are cached (store.ts): answered at once when the cache is fresh.
      const cached = store.cachedOrigins();
      if (cached) return callback(null, corsFor(cached, origin));
      store.knownOrigins().then(
        (known) => callback(null, corsFor(known, origin)),
        () => callback(null, corsRefused),
      );
    },
  });
  // A callback hook, not an async one: no promise per response.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (isPublicPath(req.url)) {
      const vary = reply.getHeader('vary');
      if (!String(vary ?? '').toLowerCase().includes('origin')) reply.header('vary', vary ? `${vary}, Origin` : 'Origin');
    }
    reply.header('x-content-type-options', 'nosniff');
    done(null, payload);
  });

  // Per client: one count for every public route that takes posts, in this process or, in a cluster, in
  // the primary for all workers (client-limit.ts; as @fastify/rate-limit counted before).
  const clientLimiter = new ClientLimiter(config.rateLimit.perClientPerMinute, 60_000, inClusterWorker());
  async function perClient(req: FastifyRequest, reply: FastifyReply) {
    const counted = clientLimiter.hit(clientKey(req.ip));
    const verdict = clientLimiter.verdict(counted instanceof Promise ? await counted : counted);
    for (const [k, v] of verdict.headers) reply.header(k, v);
    if (verdict.refused) throw new HttpProblem(429, verdict.refused);
  }
  // The partner's own limit is a small fixed window. Like the client's, it lives in this process — or, in
  // a cluster, in the primary for all workers. Separate instances behind a load balancer (not one
  // cluster) each count their own.
  const partnerWindows = new Map<string, { start: number; count: number }>();
  const partnerRefused = (partner: string, ttl: number) => {
    const seconds = Math.max(1, Math.ceil(ttl / 1000));
    return new HttpProblem(429, `too many responses for partner "${partner}" this minute: try again in ${seconds} seconds`, undefined, { 'retry-after': String(seconds) });
  };
  /** Counts a post for the body's partner; throws (429 with Retry-After) over the limit. A promise only in a cluster worker. */
  function partnerLimit(body: unknown): void | Promise<void> {
    const b = body as { partner?: unknown } | undefined;
    if (!b || typeof b !== 'object' || typeof b.partner !== 'string') return;
    const partner = b.partner.slice(0, 64);
    const max = config.rateLimit.perPartnerPerMinute;
    if (inClusterWorker()) {
      return countInWindow(`partner:${partner}`, 60_000, max).then((w) => {
        if (w.count > max) throw partnerRefused(partner, w.ttl);
      });
    }
    const nowMs = Date.now();
    let local = partnerWindows.get(partner);
    if (!local || nowMs - local.start >= 60_000) {
      if (partnerWindows.size > 10_000) partnerWindows.clear();
      partnerWindows.set(partner, (local = { start: nowMs, count: 0 }));
    }
    local.count++;
    if (local.count > max) throw partnerRefused(partner, local.start + 60_000 - nowMs);
  }
  async function perPartner(req: FastifyRequest) {
    await partnerLimit(req.body);
  }

  // --- session and roles -------------------------------------------------------------------------
  const selfOrigin = (req: FastifyRequest) => config.publicOrigin ?? `${req.protocol}://${req.host}`;

  async function loadUser(req: FastifyRequest) {
    if (req.user) return req.user;
    const user = await sessionUser(db, req.cookies[SESSION_COOKIE]);
    if (user) req.user = user;
    return user;
  }
  function requireRole(...roles: Role[]) {
    return async (req: FastifyRequest) => {
      const user = await loadUser(req);
      if (!user) throw new HttpProblem(401, 'sign in first');
      if (!roles.includes(user.role)) throw new HttpProblem(403, `this needs a ${roles.join(' or ')} account`);
    };
  }
  /** CSRF: SameSite=Strict cookies, plus a header a cross-site form cannot send, plus a same-origin check. */
  async function sameSiteOnly(req: FastifyRequest) {
    if (req.headers[DASHBOARD_HEADER] !== DASHBOARD_HEADER_VALUE) {
      throw new HttpProblem(403, `dashboard changes need the header ${DASHBOARD_HEADER}: ${DASHBOARD_HEADER_VALUE}`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== selfOrigin(req)) throw new HttpProblem(403, `requests from ${origin} cannot change the dashboard`);
  }

  // --- health ------------------------------------------------------------------------------------
  app.get('/health', async () => {
    await sql`select 1`.execute(db);
    return { ok: true, storage: database.kind };
  });

  // --- ingest ------------------------------------------------------------------------------------
  /**
   * The ingest route's work after the limits, for the Fastify route and the fast path (fast-ingest.ts):
   * `body` is our JSON parser's own fresh object (parseJsonBody) of at most bodyLimit bytes of JSON, so
   * its size need not be measured again (envelope-check.ts). The status and body to answer, or throws HttpProblem.
   */
  async function ingestResponse(body: unknown, origin: string | undefined, selfOriginOf: () => string): Promise<{ status: number; body: object }> {
    const checked = checkEnvelope(body, { fromJson: true, jsonLength: config.bodyLimitBytes });
    if (!checked.ok) throw new HttpProblem(400, 'the response is not in the expected shape', checked.problems);
    const env = checked.envelope;
    const id = env.id.toLowerCase();

    // From the cache when it is fresh (no promise); otherwise loaded (store.ts).
    const partner = (store.cachedPartners() ?? (await store.partners())).get(env.partner);
    if (!partner) throw new HttpProblem(422, `unknown partner "${env.partner}": ask the collector's administrator to add it`);
    if (origin !== undefined && !partner.origins.includes(origin) && origin !== selfOriginOf()) {
      throw new HttpProblem(403, `the origin ${origin} is not registered for partner "${partner.id}"`);
    }
    const cachedInstrument = store.cachedInstrument(env.instrument.id, env.instrument.version);
    const instrument = cachedInstrument !== null ? cachedInstrument : await store.instrument(env.instrument.id, env.instrument.version);
    if (!instrument) {
      const versions = (await store.instrumentVersions(env.instrument.id)).map((i) => i.version);
      throw new HttpProblem(
        422,
        versions.length
          ? `instrument "${env.instrument.id}" has no version ${env.instrument.version} registered (registered: ${versions.join(', ')})`
          : `unknown instrument "${env.instrument.id}": it is not registered with this collector`,
      );
    }
    // Polls take votes only between their opening and closing times (the server's clock), and one
    // counted vote per device: the device token (random, kept in the widget's IndexedDB) is required.
    const isPoll = instrument.kind === 'poll';
    let device: string | undefined;
    if (isPoll) {
      const def = instrument.definition as { opens?: unknown; closes?: unknown };
      const at = now().getTime();
      if (typeof def.closes === 'string' && Date.parse(def.closes) <= at) throw new HttpProblem(403, 'this poll has closed');
      if (typeof def.opens === 'string' && Date.parse(def.opens) > at) throw new HttpProblem(403, 'this poll is not open yet');
      device = typeof env.meta?.device === 'string' ? env.meta.device.trim() : '';
      if (!device) {
        throw new HttpProblem(400, 'a poll vote needs meta.device (the device token) so each device counts once', [
          { path: 'meta.device', message: 'required for a poll vote: a random token kept on the device' },
        ]);
      }
    }
    // Widgets send answers to contact questions in `env.contact` (kept apart from the answers), so they
    // are checked together: a required contact question answered there is answered.
    // A poll's answers may include votes on carers' approved statements (`s:<id>`; polls.ts): 422 otherwise.
    const answerDefinition = isPoll ? await pollAnswerDefinition(db, instrument, env.answers, (status, message, problems) => new HttpProblem(status, message, problems)) : instrument.definition;
    const answers = checkEnvelopeAnswers(answerDefinition, env.contact ? { ...env.contact, ...env.answers } : env.answers);
    if (!answers.ok) throw new HttpProblem(400, 'some answers do not fit the questions', answers.problems);

    // Contact details go to their own table; they are never stored with the answers.
    const split = separateContact(instrument.definition, answers.answers);
    const stored = split.answers;
    const contact: Record<string, string> = { ...(env.contact ?? {}), ...split.contact };

    const received = now();
    const submitted = new Date(env.submittedAt);
    const started = new Date(env.startedAt);
    // A wrong device clock must not put a response in a far-off year.
    const sane = submitted.getTime() <= received.getTime() + 86_400_000 && submitted.getTime() >= received.getTime() - 400 * 86_400_000;
    const meta = { ...(env.meta ?? {}) } as Record<string, unknown>;
    const honeypot = typeof meta.honeypot === 'string' && meta.honeypot.length > 0;
    delete meta.honeypot;
    const seconds = (submitted.getTime() - started.getTime()) / 1000;
    const quarantineReason = honeypot
      ? 'honeypot field filled in'
      : seconds < config.minCompletionSeconds
        ? `completed in ${Math.max(0, Math.round(seconds))} s (minimum ${config.minCompletionSeconds} s)`
        : null;

    const hashed = hashEnvelopeBody(body);
    const item: IngestItem = {
      id,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      partnerId: partner.id,
      locale: env.locale,
      period: periodOf(sane ? submitted : received),
      startedAt: env.startedAt,
      submittedAt: env.submittedAt,
      answers: stored,
      meta,
      contact: Object.keys(contact).length ? contact : undefined,
      bodyHash: hashed.bodyHash,
      // The posted answers' JSON is stored as it is when they are kept whole (nothing dropped or moved).
      answersJson: !env.contact && stored === answers.answers && sameKeyCount(stored, env.answers) ? hashed.answersJson : undefined,
      receiptHash: receiptHash(env),
      quarantineReason,
      definition: instrument.definition as never,
      groupBy: instrument.groupBy,
    };
    if (device !== undefined) {
      const vote = await writePollVote(db, item, device, resolveOptions);
      if (vote.kind === 'conflict') {
        throw new HttpProblem(409, `a different response was already stored with the id ${id}; a new response needs a new id`);
      }
      const answer =
        vote.status === 'superseded'
          ? { id, status: 'superseded', message: 'a newer vote from this device is already counted; this one is kept but not counted' }
          : { id, status: 'received' };
      return { status: vote.kind === 'stored' ? 201 : 200, body: answer };
    }
    const outcome = await writer.submit(item);
    if (outcome.kind === 'conflict') {
      throw new HttpProblem(409, `a different response was already stored with the id ${id}; a new response needs a new id`);
    }
    // Quarantined responses get the same answer: a bot learns nothing from it.
    return { status: outcome.kind === 'stored' ? 201 : 200, body: { id, status: 'received' } };
  }
  app.post('/api/v1/responses', { preHandler: [perClient, perPartner] }, async (req, reply) => {
    const r = await ingestResponse(req.body, req.headers.origin, () => selfOrigin(req));
    return reply.code(r.status).send(r.body);
  });
  if (useFastIngest) {
    fast = fastIngest({
      bodyLimit: config.bodyLimitBytes,
      trustProxy: config.trustProxy,
      cors: fastCors,
      clientLimiter,
      partnerLimit,
      parse: parseJsonBody,
      ingest: ingestResponse,
      answerForError,
      selfOrigin: (protocol, host) => config.publicOrigin ?? `${protocol}://${host}`,
      closing: () => closing,
      // Request logs (Fastify's two lines per request) when the level shows them.
      log: ['trace', 'debug', 'info'].includes(config.logLevel) ? app.log : undefined,
    });
  }

  app.post('/api/v1/deletions', { preHandler: [perClient] }, async (req) => {
    const parsed = z.strictObject({ receipt: z.string().min(4).max(200) }).safeParse(req.body);
    if (!parsed.success) throw new HttpProblem(400, 'send { "receipt": "<your receipt code>" }', zodProblems(parsed.error));
    const deleted = await deleteByReceipt(db, parsed.data.receipt, resolveOptions);
    if (deleted === -1) throw new HttpProblem(400, 'that is not a receipt code: it has 8 letters and digits, like 7KQ4-MX2P');
    if (deleted === 0) throw new HttpProblem(404, 'no stored response has that receipt code (it may already be deleted)');
    return { deleted };
  });

  // --- instruments -------------------------------------------------------------------------------
  app.get('/api/v1/instruments', async () => ({ instruments: await store.instrumentList() }));
  app.get<{ Params: { id: string } }>('/api/v1/instruments/:id', async (req) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) throw new HttpProblem(400, `"${req.params.id.slice(0, 80)}" is not an instrument id`);
    const versions = await store.instrumentVersions(id.data);
    if (!versions.length) throw new HttpProblem(404, `unknown instrument "${id.data}"`);
    // Each definition was checked at registration: its `checked` fingerprint lets a widget show it without loading the checker.
    return { id: id.data, versions: versions.map((v) => ({ version: v.version, registeredAt: v.registeredAt, groupBy: v.groupBy, definition: withFingerprint(v.definition) })) };
  });
  app.post('/api/v1/instruments', { preHandler: [sameSiteOnly, requireRole('admin')] }, async (req, reply) => {
    const body = req.body as { definition?: unknown; groupBy?: unknown } | undefined;
    const groupBy = z.array(GroupingEntry).max(8).default([]).safeParse(body?.groupBy ?? []);
    if (!groupBy.success) throw new HttpProblem(400, 'groupBy must be a list of question ids (or ids joined by "+")', zodProblems(groupBy.error));
    const parsed = parseInstrument(body?.definition);
    if (!parsed.ok) throw new HttpProblem(400, 'the definition has problems', parsed.problems);
    const wrong = groupByProblems(groupBy.data, questionIds(parsed.definition));
    if (wrong.length) throw new HttpProblem(400, `groupBy has problems: ${wrong.join('; ')}`);
    const r = await store.registerInstrument(parsed.definition, groupBy.data);
    if (r.conflict) {
      throw new HttpProblem(409, `version ${parsed.definition.version} of "${parsed.definition.id}" is already registered with different content: give the change a new version`);
    }
    return reply.code(r.created ? 201 : 200).send({ id: parsed.definition.id, version: parsed.definition.version, groupBy: groupBy.data });
  });

  // --- partners and users (admin) ----------------------------------------------------------------
  app.get('/api/v1/partners', { preHandler: requireRole('admin', 'viewer', 'moderator') }, async (req) => {
    const all = [...(await store.partners()).values()];
    return { partners: req.user!.role === 'viewer' ? all.filter((p) => p.id === req.user!.partnerId) : all };
  });
  app.post('/api/v1/partners', { preHandler: [sameSiteOnly, requireRole('admin')] }, async (req, reply) => {
    const { PartnerSchema } = await import('./config.js');
    const parsed = PartnerSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpProblem(400, 'the partner has problems', zodProblems(parsed.error));
    await store.upsertPartner(parsed.data);
    return reply.code(201).send(parsed.data);
  });
  app.post('/api/v1/users', { preHandler: [sameSiteOnly, requireRole('admin')] }, async (req, reply) => {
    const parsed = z
      .strictObject({
        username: z.string().regex(/^[a-z0-9._@-]{3,100}$/i, 'a user name is 3 to 100 letters, digits or . _ @ -'),
        password: z.string().min(12, 'a password needs at least 12 characters').max(1000),
        role: z.enum(ROLES as [Role, ...Role[]]),
        partnerId: z.string().optional(),
      })
      .safeParse(req.body);
    if (!parsed.success) throw new HttpProblem(400, 'the account has problems', zodProblems(parsed.error));
    const u = parsed.data;
    if (u.role === 'viewer' && (!u.partnerId || !(await store.partner(u.partnerId)))) {
      throw new HttpProblem(400, 'a partner viewer needs the id of a registered partner (partnerId)');
    }
    const exists = await db.selectFrom('users').select('id').where('username', '=', u.username.toLowerCase()).executeTakeFirst();
    if (exists) throw new HttpProblem(409, `there is already an account called "${u.username}"`);
    const id = await createUser(db, { username: u.username, password: u.password, role: u.role, partnerId: u.partnerId ?? null });
    return reply.code(201).send({ id, username: u.username.toLowerCase(), role: u.role, partnerId: u.partnerId ?? null });
  });

  // --- sessions ----------------------------------------------------------------------------------
  app.post('/api/v1/session', { preHandler: [sameSiteOnly, perClient] }, async (req, reply) => {
    const parsed = z.strictObject({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }).safeParse(req.body);
    if (!parsed.success) throw new HttpProblem(400, 'send your user name and password', zodProblems(parsed.error));
    const result = await signIn(db, parsed.data.username, parsed.data.password);
    if (!result) throw new HttpProblem(401, 'that user name and password do not match an account');
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: req.protocol === 'https',
      maxAge: SESSION_HOURS * 3600,
    });
    return { user: result.user };
  });
  app.get('/api/v1/session', async (req) => {
    const user = await loadUser(req);
    if (!user) throw new HttpProblem(401, 'not signed in');
    return { user };
  });
  app.delete('/api/v1/session', { preHandler: [sameSiteOnly] }, async (req, reply) => {
    await signOut(db, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signedOut: true };
  });

  // --- results and exports -----------------------------------------------------------------------
  type RG = { Params: { instrumentId: string }; Querystring: unknown };
  async function resultsQueryFor(req: FastifyRequest<RG>) {
    // Read-your-writes: every acknowledged response is counted before results are read (tallier.ts).
    await writer.tallier.flushAll();
    const id = Id.safeParse(req.params.instrumentId);
    if (!id.success) throw new HttpProblem(400, `"${String(req.params.instrumentId).slice(0, 80)}" is not an instrument id`);
    const q = ResultsQuerySchema.safeParse(req.query ?? {});
    if (!q.success) throw new HttpProblem(400, 'the filters have problems', zodProblems(q.error));
    const instrument = await store.instrument(id.data, q.data.version);
    if (!instrument) throw new HttpProblem(404, `unknown instrument "${id.data}"${q.data.version ? ` version ${q.data.version}` : ''}`);
    const user = req.user!;
    const partners = await store.partners();
    let partnerIds: string[] | undefined;
    if (q.data.partner) {
      if (!partners.has(q.data.partner)) throw new HttpProblem(400, `unknown partner "${q.data.partner}"`);
      partnerIds = [q.data.partner];
    }
    if (q.data.area) {
      const inArea = [...partners.values()].filter((p) => p.area === q.data.area).map((p) => p.id);
      if (!inArea.length) throw new HttpProblem(400, `no partner is in the area "${q.data.area}"`);
      partnerIds = partnerIds ? partnerIds.filter((p) => inArea.includes(p)) : inArea;
    }
    if (user.role === 'viewer') {
      if (partnerIds && !(partnerIds.length === 1 && partnerIds[0] === user.partnerId)) {
        throw new HttpProblem(403, 'your account sees only your own organisation\'s results');
      }
      partnerIds = [user.partnerId!];
    }
    const grouping = groupingFor(instrument.groupBy, q.data.by, q.data.where);
    if (!grouping.ok) throw new HttpProblem(400, grouping.message);
    // A value no registered version offers is a mistake in the request, not an empty group.
    if (grouping.filters.length && unknownFilterValue([instrument.definition as never], grouping.filters, resolveOptions)) {
      const problem = unknownFilterValue((await store.instrumentVersions(instrument.id)).map((i) => i.definition as never), grouping.filters, resolveOptions);
      if (problem) throw new HttpProblem(400, problem);
    }
    const from = q.data.from;
    const to = q.data.to;
    if (from !== undefined && to !== undefined && from > to) throw new HttpProblem(400, '"from" is after "to"');
    const query: ResultsQuery = {
      partners: partnerIds,
      from,
      to,
      by: grouping.by,
      where: grouping.where,
      version: q.data.version,
    };
    return { instrument, query, filters: q.data };
  }

  app.get<RG>('/api/v1/results/:instrumentId', { preHandler: requireRole('admin', 'viewer', 'moderator') }, async (req) => {
    const { instrument, query, filters } = await resultsQueryFor(req);
    // Polls: carers' approved statements counted like the poll's own, plus the statement lists (polls.ts).
    if (instrument.kind === 'poll') return { filters, ...(await pollResults(db, store, instrument, query, config.suppression, resolveOptions)) };
    const results = await computeResults(db, instrument, query, config.suppression, resolveOptions);
    return { filters, ...results };
  });

  app.get<RG>('/api/v1/export/:instrumentId.csv', { preHandler: requireRole('admin', 'viewer', 'moderator') }, async (req, reply) => {
    const { instrument, query, filters } = await resultsQueryFor(req);
    // A poll's carers' approved statements are exported like its own questions (polls.ts).
    const counted = instrument.kind === 'poll' ? await pollWithApprovedStatements(db, instrument) : instrument;
    const results = await computeResults(db, counted, query, config.suppression, resolveOptions);
    const rows = resultsToRows(results);
    await logExport(req.user!.id, instrument.id, 'results', filters, rows.length);
    return sendCsv(reply, `${instrument.id}-results.csv`, toCsv(RESULTS_CSV_HEADER, rows));
  });

  app.get<RG>('/api/v1/export/:instrumentId/responses.csv', { preHandler: requireRole('admin') }, async (req, reply) => {
    const { instrument, query, filters } = await resultsQueryFor(req);
    if (query.by || query.where) throw new HttpProblem(400, 'the raw export takes only partner, area, from, to and version');
    const questions = questionIds(instrument.definition).filter((q) => !contactQuestionIds(instrument.definition).has(q));
    let q = db
      .selectFrom('responses')
      .select(['id', 'partner_id', 'instrument_version', 'submitted_at', 'answers'])
      .where('instrument_id', '=', instrument.id)
      .where('status', '=', 'counted');
    if (query.partners) q = q.where('partner_id', 'in', query.partners.length ? query.partners : ['']);
    if (query.from !== undefined) q = q.where('period', '>=', query.from * 100 + 1);
    if (query.to !== undefined) q = q.where('period', '<=', query.to * 100 + 12);
    if (query.version !== undefined) q = q.where('instrument_version', '=', query.version);
    const rows = await q.orderBy('submitted_at').limit(200_000).execute();
    let body = csvLine(['id', 'partner', 'version', 'submitted_at', ...questions]);
    for (const r of rows) {
      const answers = (typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers) as Record<string, unknown>;
      body += csvLine([r.id, r.partner_id, r.instrument_version, new Date(r.submitted_at).toISOString(), ...questions.map((id) => formatAnswer(answers[id]))]);
    }
    await logExport(req.user!.id, instrument.id, 'responses', filters, rows.length);
    return sendCsv(reply, `${instrument.id}-responses.csv`, body);
  });

  // Free text: moderators and admins only, and never for a slice below the threshold.
  app.get<RG>('/api/v1/text/:instrumentId', { preHandler: requireRole('admin', 'moderator') }, async (req) => {
    const question = (req.query as { question?: unknown })?.question;
    const rest = { ...(req.query as Record<string, unknown>) };
    delete rest.question;
    (req as { query: unknown }).query = rest;
    const { instrument, query } = await resultsQueryFor(req);
    if (typeof question !== 'string' || !questionIds(instrument.definition).includes(question)) {
      throw new HttpProblem(400, 'name a question with ?question=<question id>');
    }
    let q = db
      .selectFrom('responses')
      .select([sql<string>`answers ->> ${question}`.as('text'), 'period'])
      .where('instrument_id', '=', instrument.id)
      .where('status', '=', 'counted')
      .where(sql<boolean>`answers ? ${question}`);
    if (query.partners) q = q.where('partner_id', 'in', query.partners.length ? query.partners : ['']);
    if (query.from !== undefined) q = q.where('period', '>=', query.from * 100 + 1);
    if (query.to !== undefined) q = q.where('period', '<=', query.to * 100 + 12);
    const rows = await q.orderBy('received_at', 'desc').limit(1000).execute();
    if (publishCount(rows.length, config.suppression) === null) return { suppressed: true, reason: 'too few responses to show' };
    return { question, count: publishCount(rows.length, config.suppression), answers: rows.map((r) => ({ text: r.text, period: r.period })) };
  });

  // --- quarantine --------------------------------------------------------------------------------
  app.get('/api/v1/quarantine', { preHandler: requireRole('admin', 'moderator') }, async () => {
    const rows = await db
      .selectFrom('responses')
      .select(['id', 'instrument_id', 'partner_id', 'received_at', 'quarantine_reason'])
      .where('status', '=', 'quarantined')
      .orderBy('received_at', 'desc')
      .limit(500)
      .execute();
    return { quarantined: rows.map((r) => ({ id: r.id, instrument: r.instrument_id, partner: r.partner_id, receivedAt: r.received_at, reason: r.quarantine_reason })) };
  });
  app.post<{ Params: { id: string } }>('/api/v1/quarantine/:id/release', { preHandler: [sameSiteOnly, requireRole('admin', 'moderator')] }, async (req) => {
    if (!z.uuid().safeParse(req.params.id).success) throw new HttpProblem(400, 'that is not a response id');
    const released = await db.transaction().execute(async (tx) => {
      const row = await tx
        .updateTable('responses')
        .set({ status: 'counted', quarantine_reason: null })
        .where('id', '=', req.params.id.toLowerCase())
        .where('status', '=', 'quarantined')
        .returning(['instrument_id', 'instrument_version', 'partner_id', 'period', 'answers'])
        .executeTakeFirst();
      if (!row) return false;
      const inst = await store.instrument(row.instrument_id, row.instrument_version);
      if (inst) {
        const answers = typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers;
        const inc = tallyIncrements(inst.definition as never, answers, { groupBy: inst.groupBy, resolveOptions });
        await addTallies(tx, inc.map((r) => ({ ...r, instrument_id: row.instrument_id, instrument_version: row.instrument_version, partner_id: row.partner_id, year: Math.floor(row.period / 100) })), 1);
      }
      return true;
    });
    if (!released) throw new HttpProblem(404, 'no quarantined response has that id');
    return { released: true };
  });

  registerPollRoutes(app, {
    db,
    store,
    problem: (status, message, problems) => new HttpProblem(status, message, problems),
    perClient,
    sameSiteOnly,
    requireRole,
    now,
    suppression: config.suppression,
    results: async (poll) => {
      await writer.tallier.flushAll();
      const r = await computeResults(db, poll, { partners: undefined, from: undefined, to: undefined, by: undefined, where: undefined, version: undefined }, config.suppression, resolveOptions);
      // Free text never leaves through the public view, not even its count.
      if (!r.suppressed) r.questions = r.questions.filter((q) => !q.freeText);
      return r;
    },
  });

  // The drop-in at /embed/v1/ and iframe mode's pages at /embed/frame/ (embed-routes.ts).
  registerEmbedRoutes(app, { store, config });

  async function logExport(userId: number, instrumentId: string, kind: string, query: unknown, rows: number) {
    await db.insertInto('export_log').values({ user_id: userId, instrument_id: instrumentId, kind, query: JSON.stringify(query), rows }).execute();
  }

  return {
    app,
    store,
    writer,
    async close() {
      await app.close();
      await writer.close();
    },
  };
}

/** Our JSON body parser (both content types, both paths): the value, or throws HttpProblem 400 naming the problem. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) throw new HttpProblem(400, 'the request has no body: send the response as JSON');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'the body is not valid JSON');
  }
  const problem = unsafeJsonText(text, value);
  if (problem) throw new HttpProblem(400, problem);
  return value;
}

/**
 * `unsafeJson(value)` for `value = JSON.parse(text)`, cheaper for the usual body: a key can only be
 * `__proto__` or `constructor` if the text holds that word or a `\u` escape (the only escape that could
 * spell a letter), so without them only the depth is checked (recursion at most `maxDepth` deep); any
 * finding is reported by `unsafeJson` itself, so the words are the same.
 */
export function unsafeJsonText(text: string, value: unknown, maxDepth = 64): string | undefined {
  if (text.includes('__proto__') || text.includes('constructor') || text.includes('\\u')) return unsafeJson(value, maxDepth);
  return value !== null && typeof value === 'object' && tooDeep(value, 0, maxDepth) ? unsafeJson(value, maxDepth) : undefined;
}
function tooDeep(v: object, depth: number, maxDepth: number): boolean {
  if (depth >= maxDepth) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i];
      if (c !== null && typeof c === 'object' && tooDeep(c, depth + 1, maxDepth)) return true;
    }
    return false;
  }
  for (const key in v) {
    const c = (v as Record<string, unknown>)[key];
    if (c !== null && typeof c === 'object' && tooDeep(c, depth + 1, maxDepth)) return true;
  }
  return false;
}

/**
 * Refuses keys that could pollute prototypes further down (`__proto__`, `constructor.prototype`) and
 * absurd nesting. Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function unsafeJson(value: unknown, maxDepth = 64): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= maxDepth) return `the body is nested too deeply (more than ${maxDepth} levels)`;
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
      continue;
    }
    for (const key of Object.keys(v)) {
      const child = (v as Record<string, unknown>)[key];
      if (key === '__proto__' || (key === 'constructor' && child && typeof child === 'object' && Object.hasOwn(child, 'prototype'))) {
        return 'the body contains a forbidden key (__proto__ or constructor.prototype)';
      }
      stack.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** Whether two objects have as many own keys (the checked answers are a subset of the posted ones). */
function sameKeyCount(a: object, b: object): boolean {
  let n = 0;
  for (const _ in a) n++;
  for (const _ in b) n--;
  return n === 0;
}

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

function formatAnswer(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, n]) => `${k}=${n}`).join('; ');
  return String(v);
}

/** Every question id in a definition (any kind). */
export function questionIds(definition: unknown): string[] {
  const d = definition as { pages?: { questions: { id: string }[] }[]; questions?: { id: string }[]; groups?: { statements: { id: string }[] }[] };
  return [
    ...(d.pages ?? []).flatMap((p) => p.questions.map((q) => q.id)),
    ...(d.questions ?? []).map((q) => q.id),
    ...(d.groups ?? []).flatMap((g) => g.statements.map((s) => s.id)),
  ];
}

function contactQuestionIds(definition: unknown): Set<string> {
  const d = definition as { pages?: { questions: { id: string; contact?: boolean }[] }[]; questions?: { id: string; contact?: boolean }[] };
  const all = [...(d.pages ?? []).flatMap((p) => p.questions), ...(d.questions ?? [])];
  return new Set(all.filter((q) => q.contact === true).map((q) => q.id));
}

export { randomUUID };
