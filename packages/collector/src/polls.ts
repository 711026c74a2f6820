/**
 * "Have your say" polls: carers' own statements (screened for contact details and abuse, which flags but
 * never blocks; held for a moderator; only approved ones are shown and can be voted on), "you said, we
 * did" updates, and the poll's results when the poll's `showResults` allows — with the statements'
 * "broad agreement" and "divided" lists across partners and areas.
 *
 * Votes on carers' statements (see the README, "Carers vote on carers' statements"): a poll's vote may
 * answer approved statements under dynamic ids `s:<statement id>` (agree / disagree / pass). At ingest
 * `pollAnswerDefinition` checks each against the poll's approved statements (422 naming any other) and
 * gives the definition the answers are checked against: the poll's own questions plus those
 * statements. Counting is `core/aggregate`'s (`forEachIncrement` counts `s:` answers of a poll), so
 * the one-vote-per-device rule, take-back and deletion treat them like any other answer.
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { CARER_STATEMENT_PREFIX, percentOf, suppressSmallCounts, type OptionsResolver, type ResultsModel, type StatementListEntry, type StatementLists, type SuppressedResults } from '@carers-voice/core/aggregate';
import type { DB } from './db/schema.js';
import type { Store, RegisteredInstrument } from './store.js';
import { computeResults, type ResultsQuery } from './results.js';
import { screenStatement } from './statement-screen.js';

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
  /** The collector's small-number rule (default: counts 1–7 hidden, others rounded to 5). */
  suppression?: { threshold: number; rounding: number };
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
    // Flagged or not, every statement waits for a moderator: the flags only say where to look.
    const flags = screenStatement(parsed.data.text);
    await d.db
      .insertInto('poll_statements')
      .values({ id, poll_id: poll.id, partner_id: partner.id, text: parsed.data.text, status: 'pending', flags: JSON.stringify(flags) })
      .execute();
    return reply.code(201).send({ id, status: 'pending', message: 'thank you: a moderator will read it before it is shown' });
  });

  app.get<{ Params: { id: string } }>('/api/v1/polls/:id/statements', async (req) => {
    const poll = await pollOr404(req.params.id);
    const rows = await approvedStatements(d.db, poll.id);
    return { poll: poll.id, statements: rows.map((r) => ({ id: r.id, key: `${CARER_STATEMENT_PREFIX}${r.id}`, text: r.text })) };
  });

  // The queue: each pending statement with what the screen flagged (kind, why, and the span to highlight).
  app.get('/api/v1/moderation/statements', { preHandler: d.requireRole('admin', 'moderator') }, async (req) => {
    const poll = (req.query as { poll?: unknown } | undefined)?.poll;
    let q = d.db.selectFrom('poll_statements').select(['id', 'poll_id', 'partner_id', 'text', 'created_at', 'flags']).where('status', '=', 'pending');
    if (typeof poll === 'string' && poll) q = q.where('poll_id', '=', poll);
    const rows = await q.orderBy('created_at').limit(500).execute();
    return {
      pending: rows.map((r) => ({ id: r.id, poll: r.poll_id, partner: r.partner_id, text: r.text, createdAt: r.created_at, flags: parseJson(r.flags) ?? [] })),
    };
  });

  // approve; approve with `text` (the statement with a personal detail edited out: the original is not
  // kept); reject, optionally with a reason. Only a pending statement can be decided.
  app.post<{ Params: { sid: string } }>('/api/v1/moderation/statements/:sid', { preHandler: [d.sameSiteOnly, d.requireRole('admin', 'moderator')] }, async (req) => {
    if (!z.uuid().safeParse(req.params.sid).success) throw d.problem(400, 'that is not a statement id');
    const parsed = z
      .strictObject({
        decision: z.enum(['approve', 'reject']),
        text: z.string().trim().min(3, 'the edited statement needs at least 3 characters').max(500, 'the edited statement can have at most 500 characters').optional(),
        reason: z.string().trim().max(500).optional(),
      })
      .safeParse(req.body);
    if (!parsed.success) {
      throw d.problem(400, 'send { "decision": "approve" } (optionally with the edited "text") or { "decision": "reject" } (optionally with a "reason")', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    const { decision, text, reason } = parsed.data;
    if (decision === 'reject' && text !== undefined) throw d.problem(400, 'an edited text goes with "approve"; a rejected statement is never shown');
    if (decision === 'approve' && reason !== undefined) throw d.problem(400, 'a reason goes with "reject"');
    const flags = text !== undefined ? screenStatement(text) : undefined;
    const r = await d.db
      .updateTable('poll_statements')
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        moderated_at: d.now(),
        moderated_by: req.user!.id,
        ...(text !== undefined ? { text, edited_at: d.now(), flags: JSON.stringify(flags) } : {}),
        ...(reason ? { reason } : {}),
      })
      .where('id', '=', req.params.sid.toLowerCase())
      .where('status', '=', 'pending')
      .returning(['text', 'flags'])
      .executeTakeFirst();
    if (!r) throw d.problem(404, 'no statement waiting for moderation has that id');
    return {
      id: req.params.sid,
      status: decision === 'approve' ? 'approved' : 'rejected',
      ...(decision === 'approve' ? { text: r.text, edited: text !== undefined, flags: parseJson(r.flags) ?? [] } : {}),
      ...(reason ? { reason } : {}),
    };
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
    // Carers' approved statements are counted like the poll's own; the lists say where carers agree.
    const results = (await d.results(await pollWithApprovedStatements(d.db, poll))) as object;
    const all = { partners: undefined, from: undefined, to: undefined, version: undefined };
    return { ...results, statementLists: await statementLists(d.db, d.store, poll, all, d.suppression ?? { threshold: 7, rounding: 5 }) };
  });
}

// ------------------------------------------------------------------ carers' statements as questions

function parseJson<T = unknown>(v: unknown): T | undefined {
  if (v === null || v === undefined) return undefined;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** A poll's approved carers' statements, in the order they were approved. */
export async function approvedStatements(db: Kysely<DB>, pollId: string, ids?: string[]): Promise<{ id: string; text: string }[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('poll_statements').select(['id', 'text']).where('poll_id', '=', pollId).where('status', '=', 'approved');
  if (ids) q = q.where('id', 'in', ids);
  const rows = await q.orderBy('moderated_at').orderBy('id').limit(500).execute();
  return rows.map((r) => ({ id: String(r.id), text: r.text }));
}

type PollDefinition = { questions: { id: string; type: string; label: string }[]; allowStatements?: boolean } & Record<string, unknown>;

/** The poll's definition with these carers' statements added as (optional) statement questions. */
export function withStatements<T extends object>(definition: T, statements: { id: string; text: string }[]): T {
  if (!statements.length) return definition;
  const def = definition as unknown as PollDefinition;
  return {
    ...definition,
    questions: [...def.questions, ...statements.map((s) => ({ id: `${CARER_STATEMENT_PREFIX}${s.id}`, type: 'statement', label: s.text, required: false }))],
  } as T;
}

/**
 * The poll with every approved carers' statement as a question: what results are built from. While the
 * approved statements (and their wording) stay the same, it is the same definition object, as for any
 * registered definition (store.ts): results keep their suppression patterns per definition object.
 */
export async function pollWithApprovedStatements(db: Kysely<DB>, poll: RegisteredInstrument): Promise<RegisteredInstrument> {
  const statements = await approvedStatements(db, poll.id);
  if (!statements.length) return poll;
  const key = JSON.stringify(statements.map((s) => [s.id, s.text]));
  let made = withStatementsMade.get(poll.definition);
  if (made?.key !== key) withStatementsMade.set(poll.definition, (made = { key, definition: withStatements(poll.definition, statements) }));
  return { ...poll, definition: made.definition };
}
/** The last definition pollWithApprovedStatements made for each registered poll definition, and the statements it was made with. */
const withStatementsMade = new WeakMap<object, { key: string; definition: RegisteredInstrument['definition'] }>();

const Uuid = z.uuid();

/**
 * Ingest: the definition a poll vote's answers are checked against. Answers keyed `s:<id>` must each
 * name an approved statement of this poll (pending, rejected, another poll's or made-up ids are a 422
 * naming them); the rest are the poll's own questions, checked as usual.
 */
export async function pollAnswerDefinition(
  db: Kysely<DB>,
  poll: RegisteredInstrument,
  answers: Record<string, unknown>,
  problem: (status: number, message: string, problems?: unknown[]) => Error,
): Promise<unknown> {
  const keys = Object.keys(answers).filter((k) => k.startsWith(CARER_STATEMENT_PREFIX));
  if (!keys.length) return poll.definition;
  const def = poll.definition as unknown as PollDefinition;
  const named = (bad: string[], message: string) =>
    problem(422, `${message}: ${bad.join(', ')}`, bad.map((k) => ({ path: `answers.${k}`, question: k, message })));
  if (!def.allowStatements) throw named(keys, 'this poll has no carers\' statements to vote on');
  const malformed = keys.filter((k) => !Uuid.safeParse(k.slice(CARER_STATEMENT_PREFIX.length)).success);
  if (malformed.length) throw named(malformed, 'not a statement of this poll (a carer\'s statement is answered as s:<statement id>)');
  const ids = keys.map((k) => k.slice(CARER_STATEMENT_PREFIX.length).toLowerCase());
  const approved = await approvedStatements(db, poll.id, ids);
  const known = new Set(approved.map((s) => s.id));
  const unknown = keys.filter((k) => !known.has(k.slice(CARER_STATEMENT_PREFIX.length).toLowerCase()));
  if (unknown.length) throw named(unknown, 'no approved statement of this poll has this id, so it cannot be voted on');
  return withStatements(def, approved);
}

// ------------------------------------------------------------------ broad agreement and divided lists

/**
 * The rules, in one place (the README and the dashboard quote them):
 * - a statement's base is the number of carers who answered it (agree + disagree + pass); a partner
 *   or area "has enough responses" for it when its base there is above the suppression threshold;
 * - a statement whose overall base is at or below the threshold is left out of both lists, and only
 *   counted in `tooFew` (a count of statements, never of people);
 * - **broad agreement**: at least 70% agree overall, AND at least 70% agree in every partner and every
 *   area that has enough responses for it;
 * - **divided**: not broad agreement, and either agree and disagree are each at least 35% overall
 *   (`split`), or the agree share differs by 30 percentage points or more between two partners or
 *   areas that each have enough responses (`differs`).
 * Membership is decided on the true counts of the slices above the threshold only; what is published
 * is the overall base (rounded), percentages worked out from the published (suppressed, rounded)
 * counts, and the lowest and highest agree share among the slices with enough responses (the same way).
 */
export const LIST_RULES = { broadAgree: 70, dividedEach: 35, dividedSpread: 30 } as const;

export type { StatementListEntry, StatementLists } from '@carers-voice/core/aggregate';

type Counts = { agree: number; disagree: number; pass: number };
const emptyCounts = (): Counts => ({ agree: 0, disagree: 0, pass: 0 });
const baseOf = (c: Counts) => c.agree + c.disagree + c.pass;

/** Percentages (agree, disagree, pass) from the published counts, as core/aggregate publishes them. */
function published(c: Counts, suppression: { threshold: number; rounding: number }) {
  const t = suppressSmallCounts({ cells: [[c.agree], [c.disagree], [c.pass]], columnTotals: [baseOf(c)] }, suppression);
  const base = t.columnTotals?.[0] ?? null;
  return {
    base,
    agree: percentOf(t.cells[0]![0]!, base),
    disagree: percentOf(t.cells[1]![0]!, base),
    pass: percentOf(t.cells[2]![0]!, base),
  };
}

export async function statementLists(
  db: Kysely<DB>,
  store: Store,
  poll: RegisteredInstrument,
  q: Pick<ResultsQuery, 'partners' | 'from' | 'to' | 'version'>,
  suppression: { threshold: number; rounding: number },
): Promise<StatementLists> {
  const def = poll.definition as unknown as PollDefinition;
  const own = def.questions.filter((x) => x.type === 'statement').map((x) => ({ id: x.id, text: x.label, source: 'poll' as const }));
  const carers = (await approvedStatements(db, poll.id)).map((s) => ({ id: `${CARER_STATEMENT_PREFIX}${s.id}`, text: s.text, source: 'carer' as const }));
  const statements = [...own, ...carers];
  const rules = { ...LIST_RULES, threshold: suppression.threshold };
  const empty: StatementLists = { rules, considered: 0, tooFew: 0, broad: [], divided: [] };
  if (!statements.length || (q.partners && q.partners.length === 0)) return { ...empty, tooFew: statements.length };

  const ownIds = own.map((x) => x.id);
  const rows = await sql<{ partner_id: string; question: string; option: string; n: number | string }>`
    select partner_id, question, option, sum(n) as n from tallies
    where instrument_id = ${poll.id} and group_question = '' and option in ('agree', 'disagree', 'pass')
      and (${ownIds.length ? sql`question in (${sql.join(ownIds)}) or ` : sql``}question like ${`${CARER_STATEMENT_PREFIX}%`})
      ${q.partners ? sql`and partner_id in (${sql.join(q.partners)})` : sql``}
      ${q.from !== undefined ? sql`and year >= ${q.from}` : sql``}
      ${q.to !== undefined ? sql`and year <= ${q.to}` : sql``}
      ${q.version !== undefined ? sql`and instrument_version = ${q.version}` : sql``}
    group by 1, 2, 3`.execute(db);

  const partners = await store.partners();
  // statement → slice ("partner:x" / "area:y" / "all") → counts
  const table = new Map<string, Map<string, Counts>>();
  for (const r of rows.rows) {
    const n = Number(r.n);
    if (!n) continue;
    const slices = table.get(r.question) ?? new Map<string, Counts>();
    table.set(r.question, slices);
    const area = partners.get(r.partner_id)?.area;
    for (const key of ['all', `partner:${r.partner_id}`, ...(area ? [`area:${area}`] : [])]) {
      const c = slices.get(key) ?? emptyCounts();
      c[r.option as keyof Counts] += n;
      slices.set(key, c);
    }
  }

  const out: StatementLists = { ...empty };
  const share = (a: number, c: Counts) => (100 * a) / baseOf(c);
  for (const st of statements) {
    const slices = table.get(st.id);
    const all = slices?.get('all') ?? emptyCounts();
    if (baseOf(all) <= suppression.threshold) {
      out.tooFew++;
      continue;
    }
    out.considered++;
    const enough = [...(slices?.entries() ?? [])].filter(([k, c]) => k !== 'all' && baseOf(c) > suppression.threshold).map(([, c]) => c);
    const agreeAll = share(all.agree, all);
    const disagreeAll = share(all.disagree, all);
    const agreeShares = enough.map((c) => share(c.agree, c));
    const broad = agreeAll >= LIST_RULES.broadAgree && agreeShares.every((a) => a >= LIST_RULES.broadAgree);
    const split = agreeAll >= LIST_RULES.dividedEach && disagreeAll >= LIST_RULES.dividedEach;
    const differs = agreeShares.length >= 2 && Math.max(...agreeShares) - Math.min(...agreeShares) >= LIST_RULES.dividedSpread;
    if (!broad && !split && !differs) continue;
    const publishedShares = enough.map((c) => published(c, suppression).agree).filter((p): p is number => p !== null);
    const entry: StatementListEntry = {
      id: st.id,
      text: st.text,
      source: st.source,
      ...published(all, suppression),
      slices: enough.length,
      lowestAgree: publishedShares.length ? Math.min(...publishedShares) : null,
      highestAgree: publishedShares.length ? Math.max(...publishedShares) : null,
    };
    if (broad) out.broad.push(entry);
    else out.divided.push({ ...entry, reason: split ? 'split' : 'differs' });
  }
  out.broad.sort((a, b) => (b.agree ?? 0) - (a.agree ?? 0) || a.text.localeCompare(b.text));
  // Most evenly split first.
  out.divided.sort((a, b) => Math.abs((a.agree ?? 0) - (a.disagree ?? 0)) - Math.abs((b.agree ?? 0) - (b.disagree ?? 0)) || a.text.localeCompare(b.text));
  return out;
}

/**
 * A poll's results for the dashboard and the public view: the suppressed results with every approved
 * carers' statement counted like the poll's own, plus the statement lists.
 */
export async function pollResults(
  db: Kysely<DB>,
  store: Store,
  poll: RegisteredInstrument,
  query: ResultsQuery,
  suppression: { threshold: number; rounding: number },
  resolveOptions?: OptionsResolver,
): Promise<(ResultsModel | SuppressedResults) & { statementLists: StatementLists }> {
  const withCarers = await pollWithApprovedStatements(db, poll);
  const results = await computeResults(db, withCarers, query, suppression, resolveOptions);
  return { ...results, statementLists: await statementLists(db, store, poll, query, suppression) };
}
