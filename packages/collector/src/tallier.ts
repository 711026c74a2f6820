/**
 * Folding stored responses into the running tallies, many at a time.
 *
 * Ingest writes a counted response's row plus a line in `tally_queue` (one transaction) and acknowledges
 * after that commit. The tallier then, in ONE transaction per flush, deletes the queue lines of the
 * responses it folds and adds their merged increments to `tallies` — so a line is either still queued
 * (not counted) or gone (counted exactly once), whatever crashes when. Upserting the merged increments
 * of hundreds of responses at once is what makes ingest fast: the tally rows they share (a few
 * thousand per instrument, partner and year) are written once per flush, not once per response.
 *
 * - The responses this process stored are counted in memory as they are acknowledged (only their ids
 *   are kept until the fold), so a flush does not read them back. When a fold claims other lines than
 *   those (a sweep or another instance folded some, a response was deleted), it counts what it claimed
 *   from the stored answers instead. Anything else still queued — after a crash, or left by another
 *   instance — is folded from its stored answers (`flushAll`, also run at start-up and every few seconds).
 * - Claiming lines uses `FOR UPDATE SKIP LOCKED` for background flushes, so two instances never fold
 *   one response twice; `flushAll` before a read waits for other talliers' folds in progress instead
 *   of skipping them, so a read after an acknowledgement sees that response's counts.
 * - Deleting a response (receipt code, a replaced poll vote) deletes its queue line first in the same
 *   transaction: if the line was there, the response was never counted and nothing is taken back.
 */
import { sql, type Kysely } from 'kysely';
import { BASE, RESPONSES, forEachIncrement, forEachQuestionRow, groupsOf, isAnswered, questionsOf, type AggregatableDefinition, type AggregateQuestion, type IncrementVisitor, type OptionsResolver } from '@carers-voice/core/aggregate';
import type { DB } from './db/schema.js';
import { writeTallies, type TallyWrite } from './ingest.js';

/** A stored, counted response waiting to be folded in. */
export interface TallySource {
  id: string;
  instrumentId: string;
  instrumentVersion: number;
  partnerId: string;
  period: number;
  answers: Record<string, unknown>;
  definition: AggregatableDefinition;
  groupBy: readonly string[];
}

export type InstrumentLookup = (id: string, version: number) => Promise<{ definition: AggregatableDefinition; groupBy: readonly string[] } | undefined>;

export interface TallierOptions {
  resolveOptions?: OptionsResolver | undefined;
  /** Finds a registered definition (for responses folded from their stored answers); default: reads `instruments`. */
  lookup?: InstrumentLookup;
  /**
   * How long a stored response waits, at least, before a background fold counts it (ms; 2000; reads never
   * wait for it: they fold what is queued first). A fold rewrites the tally rows its responses share —
   * for the annual survey ~0.1 s on PGlite whether it counts 50 responses or 2,000 — so under load
   * fewer, larger folds leave the database more time for storing.
   */
  flushMs?: number;
  /**
   * Flush at once when this many are waiting (20,000). A fold costs much the same for 2,000 responses as
   * for 20,000, so at a high rate fewer, larger folds leave the database more time for storing; the
   * waiting responses are kept in memory (a few KB each) and reads fold them first.
   */
  flushAt?: number;
  /** Responses per fold transaction (20,000). */
  batchSize?: number;
  /** How often to look for queued responses this process does not know about (ms; 0 = never). */
  sweepMs?: number;
  /** After the first sweep, sweeps take only lines of responses received at least this long ago (ms; 60,000). */
  sweepMinAgeMs?: number;
  /**
   * Transactions on this database run one at a time (PGlite), so a fold may update tally rows in any
   * order: it uses a join, about half the cost of key-ordered upserts (`writeTallies`).
   */
  oneWriter?: boolean;
  log?: (message: string) => void;
}

export class Tallier {
  /**
   * Responses this process stored and has not folded yet: only their ids. Each is counted into an open
   * batch's `Merged` as it arrives (add), so nothing of a response is kept until its fold — its answers
   * are garbage at once rather than living through the seconds until the fold (old-generation GC) —
   * and a fold has its rows ready. At most `batchSize` responses per batch (one fold transaction each).
   */
  private pending = new Set<string>();
  private batches: { ids: Set<string>; merged: Merged }[] = [];
  private running: Promise<void> | undefined;
  private again: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private sweeping: Promise<void> | undefined;
  private closed = false;
  readonly flushMs: number;
  private lastFoldMs = 0;
  readonly flushAt: number;
  private batchSize: number;

  constructor(
    private db: Kysely<DB>,
    private options: TallierOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 2000;
    this.flushAt = options.flushAt ?? 20_000;
    this.batchSize = options.batchSize ?? 20_000;
    const sweepMs = options.sweepMs ?? 10_000;
    if (sweepMs > 0) {
      // Start-up recovery: whatever a crash left queued is counted now; then every sweepMs, lines of
      // responses received over a minute ago (left by an instance that stopped, or a fold that failed).
      // Younger lines are waiting for the fold of the instance that stored them — this one or another —
      // which has them counted in memory already: a sweep taking them would read and count them again
      // from their stored answers, and that fold would then find its lines gone and count again too.
      let first = true;
      const sweep = () => {
        if (this.closed || this.sweeping) return;
        const minAgeSeconds = first ? 0 : (options.sweepMinAgeMs ?? 60_000) / 1000;
        first = false;
        this.sweeping = this.foldAll(true, minAgeSeconds)
          .catch((e) => this.options.log?.(`tallies: could not fold queued responses (${(e as Error).message}); will try again`))
          .finally(() => (this.sweeping = undefined));
      };
      // Soon after start (not during it: a busy start-up should not wait for this).
      setTimeout(sweep, Math.min(1000, sweepMs)).unref?.();
      this.sweeper = setInterval(sweep, sweepMs);
      this.sweeper.unref?.();
    }
  }

  /** Responses waiting in this process. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** A background fold failed: nothing is lost (the responses stay queued); it is tried again. */
  private failed(e: unknown) {
    this.options.log?.(`tallies: could not count stored responses just now (${(e as Error).message}); will try again`);
  }

  /** Call after the transaction that stored (and queued) these responses has committed. */
  add(items: Iterable<TallySource>): void {
    for (const it of items) {
      if (this.pending.has(it.id)) continue;
      this.pending.add(it.id);
      let batch = this.batches[this.batches.length - 1];
      if (!batch || batch.ids.size >= this.batchSize) this.batches.push((batch = { ids: new Set(), merged: new Merged() }));
      batch.ids.add(it.id);
      batch.merged.add(it, this.options.resolveOptions);
    }
    if (this.pending.size >= this.flushAt && !this.running) void this.flush().catch((e) => this.failed(e));
    else this.schedule();
  }

  /**
   * A background fold soon. A fold costs much the same however few responses it counts (it rewrites the
   * tally rows they share: thousands for a long survey), so folds are spaced at least 8× the last one's
   * duration apart — counting takes at most about a ninth of the time, and under load each fold counts more.
   */
  private schedule() {
    if (this.closed || !this.pending.size || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch((e) => this.failed(e));
    }, Math.max(this.flushMs, 8 * this.lastFoldMs));
    this.timer.unref?.();
  }

  /**
   * Folds every response this process has waiting. Calls made while a flush runs share the next one,
   * which starts when the current ends, so whatever was added before the call is counted when it resolves.
   */
  flush(): Promise<void> {
    if (!this.running) {
      this.running = this.foldPending().finally(() => (this.running = undefined));
      return this.running;
    }
    this.again ??= this.running
      .catch(() => {})
      .then(() => {
        this.again = undefined;
        return this.flush();
      });
    return this.again;
  }

  /**
   * Folds everything queued in the database, by any instance (before results are read). Waits for
   * other talliers' folds in progress rather than skipping their responses.
   */
  async flushAll(): Promise<void> {
    await this.flush();
    // Nothing queued (the usual case for a dashboard read): no transaction. A line another instance is
    // folding right now is still visible until its fold commits, so that case still waits below.
    const queued = await sql<{ any: boolean }>`select exists (select 1 from tally_queue) as any`.execute(this.db);
    if (!queued.rows[0]?.any) return;
    await this.foldAll(false);
  }

  /** Stops the timers and folds what is waiting. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.sweeper) clearInterval(this.sweeper);
    await this.sweeping;
    await this.running?.catch(() => {});
    // Anything that cannot be folded now stays queued in the database and is counted at the next start.
    if (this.pending.size) await this.flush();
  }

  private async foldPending(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batches = this.batches;
    this.batches = [];
    const started = Date.now();
    try {
      for (let i = 0; i < batches.length; i++) {
        const { ids, merged } = batches[i]!;
        // (A sweep may have folded some meanwhile: those are not claimed again, and the fold then counts
        // what it claimed from the stored answers instead of these rows.)
        const chunk = [...ids];
        const precounted = { ids, rows: merged.rows() };
        try {
          await this.retry(() => this.fold(sql`select response_id from tally_queue where response_id = any(${`{${chunk.join(',')}}`}::uuid[]) for update skip locked`, precounted));
        } catch (e) {
          // Not counted: these and the batches not tried yet wait for the next fold (or the sweep).
          this.batches.unshift(...batches.slice(i));
          throw e;
        }
        // Lines not claimed were counted by another tallier or deleted with their response (or are
        // locked by a fold that may still fail: the sweep picks those up).
        for (const id of chunk) this.pending.delete(id);
      }
    } finally {
      if (batches.length) this.lastFoldMs = Date.now() - started;
      this.schedule();
    }
  }

  /** Folds queued lines in key order until none are left (or, skipping locked ones, none are free). */
  private async foldAll(skipLocked: boolean, minAgeSeconds = 0): Promise<void> {
    const young = minAgeSeconds > 0 ? sql`where not exists (select 1 from responses r where r.id = q.response_id and r.received_at > now() - make_interval(secs => ${minAgeSeconds}))` : sql``;
    for (;;) {
      const claimed = await this.retry(() =>
        this.fold(sql`select q.response_id from tally_queue q ${young} order by q.response_id limit ${this.batchSize} for update of q ${skipLocked ? sql`skip locked` : sql``}`),
      );
      for (const id of claimed) this.pending.delete(id);
      if (claimed.length < this.batchSize) return;
    }
  }

  private async retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        const code = (e as { code?: string }).code;
        if ((code === '40P01' || code === '40001') && attempt < 5) continue;
        throw e;
      }
    }
  }

  /**
   * One transaction: delete the queue lines `claim` selects (locked) whose response still exists, and
   * add those responses' merged increments to the tallies. Returns the ids claimed.
   */
  private fold(claim: ReturnType<typeof sql>, precounted?: { ids: Set<string>; rows: TallyWrite[] }): Promise<string[]> {
    return this.db.transaction().execute(async (tx) => {
      const claimed = await sql<{ id: string; live: boolean }>`
        delete from tally_queue q where q.response_id in (${claim})
        returning q.response_id as id, exists (select 1 from responses r where r.id = q.response_id and r.status = 'counted') as live`.execute(tx);
      if (!claimed.rows.length) return [];
      const ids = claimed.rows.map((r) => String(r.id).toLowerCase());
      if (precounted && ids.length === precounted.ids.size && claimed.rows.every((r, i) => r.live && precounted.ids.has(ids[i]!))) {
        if (precounted.rows.length) await writeTallies(tx, precounted.rows, 1, { oneWriter: this.options.oneWriter });
        return ids;
      }
      // Not exactly the responses counted beforehand (or none were): count what was claimed from the stored answers.
      const merged = new Merged();
      const unknown: string[] = [];
      claimed.rows.forEach((row, i) => {
        if (row.live) unknown.push(ids[i]!);
      });
      if (unknown.length) {
        // Definitions are looked up once per fold (a version's groupBy may be changed by re-registering).
        const definitions = new Map<string, ReturnType<InstrumentLookup>>();
        const stored = await sql<{ id: string; instrument_id: string; instrument_version: number; partner_id: string; period: number; answers: unknown }>`
          select id, instrument_id, instrument_version, partner_id, period, answers from responses
          where id = any(${`{${unknown.join(',')}}`}::uuid[])`.execute(tx);
        for (const r of stored.rows) {
          const key = `${r.instrument_id}@${r.instrument_version}`;
          if (!definitions.has(key)) definitions.set(key, this.lookup(r.instrument_id, r.instrument_version, tx));
          const inst = await definitions.get(key)!;
          if (!inst) continue;
          this.addIncrements(merged, {
            id: String(r.id),
            instrumentId: r.instrument_id,
            instrumentVersion: r.instrument_version,
            partnerId: r.partner_id,
            period: r.period,
            answers: (typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers) as Record<string, unknown>,
            definition: inst.definition,
            groupBy: inst.groupBy,
          });
        }
      }
      // Key order = the primary key's order, so every writer locks tally rows in the same order.
      const rows = merged.rows();
      if (rows.length) await writeTallies(tx, rows, 1, { oneWriter: this.options.oneWriter });
      return ids;
    });
  }

  private addIncrements(merged: Merged, it: TallySource) {
    merged.add(it, this.options.resolveOptions);
  }

  private async lookup(id: string, version: number, tx: Kysely<DB>) {
    if (this.options.lookup) return this.options.lookup(id, version);
    const r = await tx
      .selectFrom('instruments')
      .select(['definition', 'group_by'])
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!r) return undefined;
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    return { definition: parse(r.definition) as AggregatableDefinition, groupBy: parse(r.group_by) as string[] };
  }
}

/**
 * Increments of many responses added up, by slice (instrument, version, partner, year).
 *
 * A response's increments are the same rows repeated for each group it falls in (ungrouped, then each
 * grouping question's answer: e.g. age band 45–64, hours 50+, and the pair). So responses are added up
 * first by their *set* of groups (a "combination": the groupings' answers together, a few dozen per
 * slice), each increment once, under question → option; `rows()` then spreads each combination's
 * counts over its groups. The per-response work is one visit per increment instead of one per
 * increment and group (4× fewer for the annual survey with its three groupings); the spreading costs
 * the same for a fold of 50 responses or 20,000.
 */
export class Merged {
  private slices = new Map<string, { key: [string, number, string, number]; combos: Map<string, Combination> }>();

  /** Adds one (checked, counted) response's increments. */
  add(it: Pick<TallySource, 'instrumentId' | 'instrumentVersion' | 'partnerId' | 'period' | 'answers' | 'definition' | 'groupBy'>, resolveOptions: OptionsResolver | undefined): void {
    const year = Math.floor(it.period / 100);
    const id = `${it.instrumentId}\u0000${it.instrumentVersion}\u0000${it.partnerId}\u0000${year}`;
    let slice = this.slices.get(id);
    if (!slice) this.slices.set(id, (slice = { key: [it.instrumentId, it.instrumentVersion, it.partnerId, year], combos: new Map() }));
    const groups = groupsOf(it.answers, it.groupBy);
    let key = '';
    for (const [q, v] of groups) key += `${q}\u0000${v}\u0001`;
    let combo = slice.combos.get(key);
    if (!combo) slice.combos.set(key, (combo = new Combination(groups)));
    // No groupBy: each increment once (its ungrouped row); rows() repeats it for the combination's groups.
    // A survey or statement set counts only its questions' answers: done here without the visitor.
    const kind = (it.definition as { kind?: unknown }).kind;
    if (kind === 'survey' || kind === 'statement-set') combo.addQuestions(questionsOf(it.definition, resolveOptions), it.answers);
    else forEachIncrement(it.definition, it.answers as never, combo.visit, { resolveOptions });
  }

  /** Every row, sorted in the primary key's order, so concurrent writers lock tally rows in one order. */
  rows(): TallyWrite[] {
    const out: TallyWrite[] = [];
    for (const { key, combos } of this.slices.values()) {
      const [instrument_id, instrument_version, partner_id, year] = key;
      // question → option → group question → group value, summed over the combinations.
      const questions = new Map<string, Map<string, Map<string, Map<string, { n: number; sum: number }>>>>();
      for (const combo of combos.values()) {
        const groups = combo.groups;
        for (const [question, byOption] of combo.questions) {
          let outOptions = questions.get(question);
          if (!outOptions) questions.set(question, (outOptions = new Map()));
          for (const [option, c] of byOption) {
            let byGroup = outOptions.get(option);
            if (!byGroup) outOptions.set(option, (byGroup = new Map()));
            for (let g = -1; g < groups.length; g++) {
              const groupQuestion = g < 0 ? '' : groups[g]![0];
              const groupValue = g < 0 ? '' : groups[g]![1];
              let byValue = byGroup.get(groupQuestion);
              if (!byValue) byGroup.set(groupQuestion, (byValue = new Map()));
              const cell = byValue.get(groupValue);
              if (cell) {
                cell.n += c.n;
                cell.sum += c.sum;
              } else byValue.set(groupValue, { n: c.n, sum: c.sum });
            }
          }
        }
      }
      for (const [question, byOption] of questions) {
        for (const [option, groups] of byOption) {
          for (const [groupQuestion, byValue] of groups) {
            for (const [groupValue, c] of byValue) out.push({ instrument_id, instrument_version, partner_id, year, question, option, groupQuestion, groupValue, n: c.n, sum: c.sum });
          }
        }
      }
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return out.sort(
      (a, b) =>
        cmp(a.instrument_id, b.instrument_id) ||
        cmp(a.groupQuestion, b.groupQuestion) ||
        cmp(a.partner_id, b.partner_id) ||
        a.year - b.year ||
        a.instrument_version - b.instrument_version ||
        cmp(a.question, b.question) ||
        cmp(a.option, b.option) ||
        cmp(a.groupValue, b.groupValue),
    );
  }
}

type Cells = Map<string, { n: number; sum: number }>;
function bump(cells: Cells, option: string, n: number, sum: number) {
  const cell = cells.get(option);
  if (cell) {
    cell.n += n;
    cell.sum += sum;
  } else cells.set(option, { n, sum });
}

/** The responses of one slice that fall in the same groups: their increments, question → option. */
class Combination {
  readonly questions = new Map<string, Cells>();
  readonly visit: IncrementVisitor;
  /** addQuestions: each question's cells by its place in the list (the same maps as in `questions`). */
  private byIndex: (Cells | undefined)[] = [];
  private list: readonly AggregateQuestion[] | undefined;
  constructor(readonly groups: [string, string][]) {
    this.visit = (question, option, _groupQuestion, _groupValue, n, sum) => bump(this.cellsOf(question), option, n, sum);
  }
  private cellsOf(question: string): Cells {
    let cells = this.questions.get(question);
    if (!cells) this.questions.set(question, (cells = new Map()));
    return cells;
  }

  /** addQuestions' emitter: rows go to the question now being added (no closure per question). */
  private current!: Cells;
  private readonly emitRow = (option: string, n: number, sum: number) => bump(this.current, option, n, sum);

  /**
   * What `forEachIncrement` adds for a definition with no quiz or poll parts (a survey, a statement
   * set): the response itself, then each answered question's rows (core/aggregate's `isAnswered` and
   * `forEachQuestionRow`), once for the combination rather than once per group.
   * `src/merged.test.ts` compares the rows with core's `tallyIncrements` on every such content definition.
   */
  addQuestions(list: readonly AggregateQuestion[], answers: Record<string, unknown>): void {
    if (this.list !== list) {
      this.list = list;
      this.byIndex = [];
    }
    bump(this.cellsOf(RESPONSES), BASE, 1, 0);
    for (let i = 0; i < list.length; i++) {
      const q = list[i]!;
      const value = answers[q.id];
      if (!isAnswered(value)) continue;
      this.current = this.byIndex[i] ??= this.cellsOf(q.id);
      forEachQuestionRow(q, value, this.emitRow);
    }
  }
}

