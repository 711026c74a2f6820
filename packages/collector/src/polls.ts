/**
 * "Have your say" polls: carers' own statements (held for a moderator; only approved ones are shown),
 * "you said, we did" updates, and the poll's public results when the poll's `showResults` allows.
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import type { Store, RegisteredInstrument } from './store.js';

// Fastify's hook types are generic over each route's params; these hooks read nothing route-specific.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Hook = any;
export interface PollRouteDeps {
  db: Kysely<DB>;
  store: Store;
  problem: (status: number, message: string, problems?: unknown[]) => Error;
  perClient: Hook;
  sameSiteOnly: Hook;
  requireRole: (...roles: ('admin' | 'viewer' | 'moderator')[]) => Hook;
  /** The poll's suppressed results, for the public view. */
  results: (instrument: RegisteredInstrument) => Promise<unknown>;
  now: () => Date;
}

const PollId = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/i);

export function registerPollRoutes(app: FastifyInstance, d: PollRouteDeps) {
  async function pollOr404(id: string): Promise<RegisteredInstrument & { definition: { allowStatements?: boolean; showResults?: string; closes?: string; opens?: string } }> {
    if (!PollId.safeParse(id).success) throw d.problem(400, 'that is not a poll id');
    const inst = await d.store.instrument(id);
    if (!inst || inst.kind !== 'poll') throw d.problem(404, `unknown poll "${id}"`);
    return inst as never;
  }

  app.post<{ Params: { id: string } }>('/api/v1/polls/:id/statements', { preHandler: [d.perClient] }, async (req, reply) => {
    const poll = await pollOr404(req.params.id);
    if (!poll.definition.allowStatements) throw d.problem(403, 'this poll does not take new statements');
    if (poll.definition.closes && new Date(poll.definition.closes) < d.now()) throw d.problem(403, 'this poll has closed');
    const parsed = z
      .strictObject({
        partner: z.string().min(1).max(64),
        text: z.string().trim().min(3, 'a statement needs at least 3 characters').max(500, 'a statement can have at most 500 characters'),
      })
      .safeParse(req.body);
    if (!parsed.success) throw d.problem(400, 'the statement has problems', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const partner = await d.store.partner(parsed.data.partner);
    if (!partner) throw d.problem(422, `unknown partner "${parsed.data.partner}"`);
    const origin = req.headers.origin;
    if (origin !== undefined && !partner.origins.includes(origin)) throw d.problem(403, `the origin ${origin} is not registered for partner "${partner.id}"`);
    const id = randomUUID();
    await d.db.insertInto('poll_statements').values({ id, poll_id: poll.id, partner_id: partner.id, text: parsed.data.text, status: 'pending' }).execute();
    return reply.code(201).send({ id, status: 'pending', message: 'thank you: a moderator will read it before it is shown' });
  });

  app.get<{ Params: { id: string } }>('/api/v1/polls/:id/statements', async (req) => {
    const poll = await pollOr404(req.params.id);
    const rows = await d.db.selectFrom('poll_statements').select(['id', 'text', 'moderated_at']).where('poll_id', '=', poll.id).where('status', '=', 'approved').orderBy('moderated_at').limit(500).execute();
    return { poll: poll.id, statements: rows.map((r) => ({ id: r.id, text: r.text })) };
  });

  app.get('/api/v1/moderation/statements', { preHandler: d.requireRole('admin', 'moderator') }, async () => {
    const rows = await d.db.selectFrom('poll_statements').select(['id', 'poll_id', 'partner_id', 'text', 'created_at']).where('status', '=', 'pending').orderBy('created_at').limit(500).execute();
    return { pending: rows.map((r) => ({ id: r.id, poll: r.poll_id, partner: r.partner_id, text: r.text, createdAt: r.created_at })) };
  });

  app.post<{ Params: { sid: string } }>('/api/v1/moderation/statements/:sid', { preHandler: [d.sameSiteOnly, d.requireRole('admin', 'moderator')] }, async (req) => {
    if (!z.uuid().safeParse(req.params.sid).success) throw d.problem(400, 'that is not a statement id');
    const parsed = z.strictObject({ decision: z.enum(['approve', 'reject']) }).safeParse(req.body);
    if (!parsed.success) throw d.problem(400, 'send { "decision": "approve" } or { "decision": "reject" }');
    const r = await d.db
      .updateTable('poll_statements')
      .set({ status: parsed.data.decision === 'approve' ? 'approved' : 'rejected', moderated_at: d.now(), moderated_by: req.user!.id })
      .where('id', '=', req.params.sid.toLowerCase())
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw d.problem(404, 'no statement waiting for moderation has that id');
    return { id: req.params.sid, status: parsed.data.decision === 'approve' ? 'approved' : 'rejected' };
  });

  app.get<{ Params: { id: string } }>('/api/v1/polls/:id/updates', async (req) => {
    const poll = await pollOr404(req.params.id);
    const rows = await d.db.selectFrom('poll_updates').select(['id', 'you_said', 'we_did', 'created_at']).where('poll_id', '=', poll.id).orderBy('created_at', 'desc').execute();
    return { poll: poll.id, updates: rows.map((r) => ({ id: r.id, youSaid: r.you_said, weDid: r.we_did, date: new Date(r.created_at).toISOString() })) };
  });

  app.post<{ Params: { id: string } }>('/api/v1/polls/:id/updates', { preHandler: [d.sameSiteOnly, d.requireRole('admin', 'moderator')] }, async (req, reply) => {
    const poll = await pollOr404(req.params.id);
    const parsed = z.strictObject({ youSaid: z.string().trim().min(3).max(2000), weDid: z.string().trim().min(3).max(2000) }).safeParse(req.body);
    if (!parsed.success) throw d.problem(400, 'an update needs youSaid and weDid', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const row = await d.db.insertInto('poll_updates').values({ poll_id: poll.id, you_said: parsed.data.youSaid, we_did: parsed.data.weDid, created_by: req.user!.id }).returning('id').executeTakeFirstOrThrow();
    return reply.code(201).send({ id: row.id });
  });

  // Public, suppressed results for poll widgets, only when the poll says results may be shown.
  app.get<{ Params: { id: string } }>('/api/v1/polls/:id/results', async (req) => {
    const poll = await pollOr404(req.params.id);
    const show = poll.definition.showResults ?? 'never';
    if (show === 'never') throw d.problem(403, 'this poll does not show its results');
    if (show === 'after-close' && (!poll.definition.closes || new Date(poll.definition.closes) > d.now())) {
      throw d.problem(403, 'results are shown when the poll closes');
    }
    return d.results(poll);
  });
}
