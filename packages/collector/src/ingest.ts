/**
 * Storing responses once. Counting them is the tallier's job (tallier.ts): a counted response is stored
 * with a line in `tally_queue`, and folded into the tallies later with hundreds of others.
 *
 * Requests are gathered into small batches (one transaction each): PGlite is a single connection and a
 * PostgreSQL commit costs a disk flush, so one commit for many responses is what makes the ingest rate.
 * Each caller is answered only after its batch has committed.
 *
 * Idempotency: `INSERT … ON CONFLICT (id) DO NOTHING RETURNING id`; for an id that was already there
 * we compare the stored body hash: same → the first result again, different → conflict. Two instances
 * racing on one id meet at the unique index, so one row whatever happens.
 */
import { sql, type Kysely } from 'kysely';
import { createHash, hash as cryptoHash } from 'node:crypto';
import { mergeIncrements, type AggregatableDefinition, type OptionsResolver } from '@carers-voice/core/aggregate';
import type { DB } from './db/schema.js';
import { Tallier, type TallierOptions } from './tallier.js';

export interface IngestItem {
  id: string;
  instrumentId: string;
  instrumentVersion: number;
  partnerId: string;
  locale: string;
  period: number;
  startedAt: string | null;
  submittedAt: string;
  answers: Record<string, unknown>;
  /** `answers` as JSON, when the caller has it already (hashEnvelopeBody): stored as it is. */
  answersJson?: string | undefined;
  meta: Record<string, unknown>;
  contact: Record<string, string> | undefined;
  bodyHash: string;
  receiptHash: string | null;
  quarantineReason: string | null;
  definition: AggregatableDefinition;
  groupBy: string[];
}

export type IngestOutcome = { kind: 'stored' } | { kind: 'duplicate' } | { kind: 'conflict' };

/** A stable hash of any JSON value: keys sorted, so key order in the body does not matter. */
export function hashBody(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
/**
 * `hashBody(body)` of an envelope, and the canonical JSON of its `answers` made on the way (valid JSON of
 * the same answers: the writer stores it as it is when the checked answers are the posted ones whole).
 */
export function hashEnvelopeBody(body: unknown): { bodyHash: string; answersJson: string | undefined } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { bodyHash: hashBody(body), answersJson: undefined };
  // canonicalJson's object case, keeping the answers' part.
  const keys = Object.keys(body).sort();
  let out = '{';
  let answersJson: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = canonicalJson((body as Record<string, unknown>)[k]);
    if (k === 'answers') answersJson = v;
    out += `${i ? ',' : ''}${quotedKey(k)}${v}`;
  }
  return { bodyHash: sha256Hex(`${out}}`), answersJson };
}
/** SHA-256 in hex: Node's one-shot `crypto.hash` (Node ≥ 20.12) where there is one, a few µs cheaper than a Hash object. */
export const sha256Hex: (text: string) => string =
  typeof cryptoHash === 'function' ? (text) => cryptoHash('sha256', text, 'hex') : (text) => createHash('sha256').update(text).digest('hex');
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (typeof value !== 'object' || value === null) return JSON.stringify(value ?? null);
  // Plain loops and string appends: about a third cheaper than map/join on every response.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out += `${i ? ',' : ''}${quotedKey(k)}${canonicalJson((value as Record<string, unknown>)[k])}`;
  }
  return `${out}}`;
}
/**
 * `JSON.stringify(text)`: a short text with nothing to escape (no `"`, `\`, control character or
 * surrogate — JSON.stringify escapes a lone one) is only put in quotes, a quarter of canonicalJson's
 * time on a survey's option values; anything else goes to JSON.stringify.
 */
function quoted(text: string): string {
  if (text.length > 64) return JSON.stringify(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}
/** `"key":` for a key; the same question ids come in every response, so the most recent few thousand are kept. */
const quotedKeys = new Map<string, string>();
function quotedKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (quotedKeys.size >= 5000) quotedKeys.clear();
    quotedKeys.set(k, q);
  }
  return q;
}

/** yyyymm of a date: the month a raw response is filed under (its tallies go under the year). */
export function periodOf(date: Date): number {
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
}

interface Pending {
  item: IngestItem;
  resolve: (o: IngestOutcome) => void;
  reject: (e: unknown) => void;
}

export interface IngestWriterOptions {
  /** Most responses per transaction. */
  maxBatch?: number;
  /** Transactions at once (PostgreSQL; PGlite runs one at a time anyway). */
  concurrency?: number;
  /** Wait this long for more requests before writing a batch that is not full (ms). */
  lingerMs?: number;
  resolveOptions?: OptionsResolver | undefined;
  /** The tallier that counts what this writer stores; by default one of its own, made with `tally`. */
  tallier?: Tallier;
  tally?: TallierOptions;
  /**
   * When no more requests are waiting and at most this many stored responses are still uncounted (2),
   * they are counted before the acknowledgement: a lone response is in the tallies at once, as before
   * the tallier existed. Under load the counting is left to the tallier's large batches (a fold costs
   * about the same for one response as for a thousand: it rewrites the tally rows they share).
   */
  countBeforeAckUpTo?: number;
  /** Beyond this many uncounted responses, acknowledgements wait for the tallier (memory stays bounded). */
  maxUncounted?: number;
  log?: (message: string) => void;
}

/**
 * Gathers posts into batches, stores each batch in one transaction (rows, contacts and queue lines only)
 * and answers each caller after that commit. Counting is the tallier's job (see tallier.ts).
 */
export class IngestWriter {
  private queue: Pending[] = [];
  private running = 0;
  private closed = false;
  readonly tallier: Tallier;
  private ownsTallier: boolean;
  constructor(
    private db: Kysely<DB>,
    private options: IngestWriterOptions = {},
  ) {
    this.ownsTallier = !options.tallier;
    this.tallier = options.tallier ?? new Tallier(db, { resolveOptions: options.resolveOptions, ...(options.log ? { log: options.log } : {}), ...options.tally });
  }

  submit(item: IngestItem): Promise<IngestOutcome> {
    if (this.closed) return Promise.reject(new Error('the collector is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Waits for everything queued to be written, then (if it is this writer's own) for the tallier to count it. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.queue.length || this.running) await new Promise((r) => setTimeout(r, 5));
    if (this.ownsTallier) {
      await this.tallier.close().catch((e) => this.options.log?.(`tallies: ${(e as Error).message}; the uncounted responses are counted at the next start`));
    }
  }

  private lingering = false;

  private pump() {
    const concurrency = this.options.concurrency ?? 1;
    // Waiting a moment before a batch lets requests arriving together share one commit.
    const linger = this.options.lingerMs ?? 0;
    if (linger > 0 && !this.lingering && this.running < concurrency && this.queue.length && this.queue.length < (this.options.maxBatch ?? 200)) {
      this.lingering = true;
      setTimeout(() => {
        this.lingering = false;
        this.drain();
      }, linger);
      return;
    }
    if (!this.lingering) this.drain();
  }

  private drain() {
    const concurrency = this.options.concurrency ?? 1;
    while (this.running < concurrency && this.queue.length) {
      const batch = this.queue.splice(0, this.options.maxBatch ?? 200);
      this.running++;
      this.writeWithRetry(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async writeWithRetry(batch: Pending[]) {
    let outcomes: IngestOutcome[] | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        outcomes = await this.write(batch.map((p) => p.item));
        break;
      } catch (e) {
        const code = (e as { code?: string }).code;
        // Deadlock or serialisation failure between instances: the whole batch rolled back; try again.
        if ((code === '40P01' || code === '40001') && attempt < 5) continue;
        batch.forEach((p) => p.reject(e));
        return;
      }
    }
    // Stored and committed. Hand the new counted responses to the tallier, then answer.
    const counted: IngestItem[] = [];
    const seen = new Set<string>();
    batch.forEach((p, i) => {
      if (outcomes![i]!.kind === 'stored' && !p.item.quarantineReason && !seen.has(p.item.id)) {
        seen.add(p.item.id);
        counted.push(p.item);
      }
    });
    this.tallier.add(counted);
    const idle = this.queue.length === 0;
    const few = this.tallier.pendingCount <= (this.options.countBeforeAckUpTo ?? 2);
    if ((idle && few && this.tallier.pendingCount > 0) || this.tallier.pendingCount > (this.options.maxUncounted ?? 50_000)) {
      // A failure here loses nothing: the responses are stored and queued, and counted later.
      await this.tallier.flush().catch((e) => this.options.log?.(`tallies: ${(e as Error).message}; will try again`));
    }
    batch.forEach((p, i) => p.resolve(outcomes![i]!));
  }

  private async write(items: IngestItem[]): Promise<IngestOutcome[]> {
    // Without contact details a batch is stored by one statement, atomic on its own: no BEGIN and COMMIT
    // round trips (on PGlite ~0.4 ms each per batch). Contact details are stored in the same
    // transaction as their rows.
    const anyContact = items.some((it) => it.contact && Object.keys(it.contact).length);
    return anyContact ? this.db.transaction().execute((tx) => this.writeIn(tx, items)) : this.writeIn(this.db, items);
  }

  /** `tx`: the database itself (one statement, no contact details) or the transaction write() opened. */
  private async writeIn(tx: Kysely<DB>, items: IngestItem[]): Promise<IngestOutcome[]> {
    // Within one batch, the first of several posts of one id is the one inserted.
    const firstIndex = new Map<string, number>();
    items.forEach((it, i) => {
      if (!firstIndex.has(it.id)) firstIndex.set(it.id, i);
    });
    const unique = [...firstIndex.values()].map((i) => items[i]!);
    // The batch as one JSON array; answers the request already has as JSON (hashEnvelopeBody) are spliced
    // in as they are rather than serialised again.
    let payload = '[';
    for (let i = 0; i < unique.length; i++) {
      const it = unique[i]!;
      const row = JSON.stringify({
        id: it.id,
        instrument_id: it.instrumentId,
        instrument_version: it.instrumentVersion,
        partner_id: it.partnerId,
        locale: it.locale,
        period: it.period,
        started_at: it.startedAt,
        submitted_at: it.submittedAt,
        answers: it.answersJson === undefined ? it.answers : undefined, // (left out: spliced in below)
        meta: it.meta,
        body_hash: it.bodyHash,
        receipt_hash: it.receiptHash,
        status: it.quarantineReason ? 'quarantined' : 'counted',
        quarantine_reason: it.quarantineReason,
      });
      payload += (i ? ',' : '') + (it.answersJson === undefined ? row : `${row.slice(0, -1)},"answers":${it.answersJson}}`);
    }
    payload += ']';
    // One statement: the rows, and a queue line for each counted one (the tallier counts it later).
    const inserted = await sql<{ id: string }>`
      with ins as (
        insert into responses (id, instrument_id, instrument_version, partner_id, locale, period, started_at,
          submitted_at, answers, meta, body_hash, receipt_hash, status, quarantine_reason)
        select id, instrument_id, instrument_version, partner_id, locale, period, started_at, submitted_at,
          answers, meta, body_hash, receipt_hash, status, quarantine_reason
        from jsonb_to_recordset(${payload}::jsonb) as x(id uuid, instrument_id text, instrument_version int,
          partner_id text, locale text, period int, started_at timestamptz, submitted_at timestamptz,
          answers jsonb, meta jsonb, body_hash text, receipt_hash text, status text, quarantine_reason text)
        order by id
        on conflict (id) do nothing
        returning id, status),
      queued as (insert into tally_queue (response_id) select id from ins where status = 'counted')
      select id from ins`.execute(tx);
    const insertedIds = new Set(inserted.rows.map((r) => String(r.id).toLowerCase()));

    const existingIds = unique.filter((it) => !insertedIds.has(it.id)).map((it) => it.id);
    const existing = new Map<string, string>();
    if (existingIds.length) {
      const rows = await tx.selectFrom('responses').select(['id', 'body_hash']).where('id', 'in', existingIds).execute();
      for (const r of rows) existing.set(String(r.id).toLowerCase(), r.body_hash);
    }

    // (Only in a transaction: write() opens one whenever the batch carries contact details.)
    const contacts = unique.filter((it) => insertedIds.has(it.id) && it.contact && Object.keys(it.contact).length);
    if (contacts.length) {
      await tx
        .insertInto('contacts')
        .values(contacts.map((it) => ({ response_id: it.id, details: JSON.stringify(it.contact) })))
        .execute();
    }

    return items.map((it, i): IngestOutcome => {
      const first = firstIndex.get(it.id)!;
      const storedHash = insertedIds.has(it.id) ? items[first]!.bodyHash : existing.get(it.id);
      if (insertedIds.has(it.id) && first === i) return { kind: 'stored' };
      return storedHash === it.bodyHash ? { kind: 'duplicate' } : { kind: 'conflict' };
    });
  }
}

export interface TallyWrite {
  instrument_id: string;
  instrument_version: number;
  partner_id: string;
  year: number;
  question: string;
  option: string;
  groupQuestion: string;
  groupValue: string;
  n: number;
  sum: number;
}

/** Adds (sign 1) or takes away (sign −1, deletion on request) increments, in one statement, in key order. */
export async function addTallies(db: Kysely<DB>, increments: TallyWrite[], sign: 1 | -1): Promise<void> {
  // Key order = the primary key's order, so every writer locks rows in the same order (no deadlocks).
  const merged = mergeIncrements(
    increments,
    (r) => `${r.instrument_id}\u0000${r.groupQuestion}\u0000${r.partner_id}\u0000${r.year}\u0000${r.instrument_version}\u0000${r.question}\u0000${r.option}\u0000${r.groupValue}`,
  );
  await writeTallies(db, merged, sign);
}

/**
 * Adds already merged (one row per key), key-ordered tally rows, in one statement per 10,000.
 *
 * `oneWriter` (PGlite: its transactions run one at a time): existing rows are updated through a join
 * with the new ones and only keys not there yet are inserted. A fold touches thousands of rows that
 * nearly all exist, and the join costs about half what an upsert's index lookup per row does (15,000
 * rows: 0.45–0.6 s instead of 0.8–1.6 s). It updates rows in whatever order the join finds them, so it
 * is only used where no other transaction can hold tally rows: on PostgreSQL, with other instances and
 * deletions writing at once, the upsert locks rows in key order and so never deadlocks.
 */
export async function writeTallies(db: Kysely<DB>, merged: TallyWrite[], sign: 1 | -1, options: { oneWriter?: boolean } = {}): Promise<void> {
  // Columns as array parameters (unnest): cheaper for the database to read than one JSON object per row.
  for (let i = 0; i < merged.length; i += 10_000) {
    const chunk = merged.slice(i, i + 10_000);
    const rows = sql`unnest(${textArray(chunk.map((r) => r.instrument_id))}::text[], ${numberArray(chunk.map((r) => r.instrument_version))}::int[],
        ${textArray(chunk.map((r) => r.partner_id))}::text[], ${numberArray(chunk.map((r) => r.year))}::int[],
        ${textArray(chunk.map((r) => r.question))}::text[], ${textArray(chunk.map((r) => r.option))}::text[],
        ${textArray(chunk.map((r) => r.groupQuestion))}::text[], ${textArray(chunk.map((r) => r.groupValue))}::text[],
        ${numberArray(chunk.map((r) => r.n * sign))}::bigint[], ${numberArray(chunk.map((r) => r.sum * sign))}::float8[])`;
    if (!options.oneWriter) {
      await sql`
        insert into tallies as t (instrument_id, instrument_version, partner_id, year, question, option, group_question, group_value, n, sum)
        select * from ${rows}
        on conflict on constraint tallies_pk do update set n = t.n + excluded.n, sum = t.sum + excluded.sum`.execute(db);
      continue;
    }
    await sql`
      with u as (
        select * from ${rows} as u(instrument_id, instrument_version, partner_id, year, question, option, group_question, group_value, n, sum)),
      updated as (
        update tallies as t set n = t.n + u.n, sum = t.sum + u.sum from u
        where t.instrument_id = u.instrument_id and t.group_question = u.group_question and t.partner_id = u.partner_id and t.year = u.year
          and t.instrument_version = u.instrument_version and t.question = u.question and t.option = u.option and t.group_value = u.group_value
        returning t.instrument_id, t.instrument_version, t.partner_id, t.year, t.question, t.option, t.group_question, t.group_value)
      insert into tallies as t (instrument_id, instrument_version, partner_id, year, question, option, group_question, group_value, n, sum)
      select u.instrument_id, u.instrument_version, u.partner_id, u.year, u.question, u.option, u.group_question, u.group_value, u.n, u.sum from u
      where not exists (select 1 from updated d where d.instrument_id = u.instrument_id and d.group_question = u.group_question and d.partner_id = u.partner_id
        and d.year = u.year and d.instrument_version = u.instrument_version and d.question = u.question and d.option = u.option and d.group_value = u.group_value)
      on conflict on constraint tallies_pk do update set n = t.n + excluded.n, sum = t.sum + excluded.sum`.execute(db);
  }
}

/** A PostgreSQL array literal of texts: every element quoted, `"` and `\` escaped. */
export function textArray(values: readonly string[]): string {
  // A fold writes tens of thousands of elements per column, mostly runs of one value (rows are in key
  // order) and hardly ever one that needs escaping: quote each run once, escape only when needed.
  let out = '{';
  let last: string | undefined;
  let quoted = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== last) {
      last = v;
      quoted = v.includes('"') || v.includes('\\') ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`;
    }
    out += i ? `,${quoted}` : quoted;
  }
  return `${out}}`;
}
function numberArray(values: readonly number[]): string {
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return `{${values.join(',')}}`;
}
