/**
 * The outbox: a finished response is written to IndexedDB first, then sent to the collector, and
 * resent (with the same id, so the collector stores it once) until it is acknowledged:
 * on start (page load), on the `online` event, when the page is hidden (keepalive), and on a
 * backoff timer. Nothing is ever dropped: a response the collector refuses for good stays on the
 * device marked "rejected", with the collector's reason.
 */
import { openDeviceStore, type OutboxRecord } from './store.js';

export interface OutboxOptions {
  /** Database name (tests use their own). */
  database?: string;
  /** The fetch to send with (defaults to the global one). */
  fetch?: typeof fetch;
  /** Clock, for tests. */
  now?: () => number;
  /** First retry delay; doubles each failed attempt. */
  retryBaseMs?: number;
  /** Longest wait between two attempts. */
  retryMaxMs?: number;
}

export interface FlushResult {
  sent: string[];
  rejected: string[];
  /** Still waiting: offline, server trouble, rate limited. */
  waiting: string[];
}

/** Fired on the outbox (an EventTarget) whenever a queued response changes state. */
export class OutboxChangeEvent extends Event {
  constructor(
    type: 'change' | 'sent' | 'rejected',
    readonly record: OutboxRecord,
  ) {
    super(type);
  }
}

const PERMANENT_STATUSES = new Set([400, 401, 403, 404, 405, 409, 410, 413, 415, 422]);

/** How long to wait from a Retry-After header (seconds or an HTTP date), if it is sensible. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function responsesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/api/v1/responses`;
}

export class Outbox extends EventTarget {
  readonly #database: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;
  #flushing: Promise<FlushResult> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #started = false;

  constructor(options: OutboxOptions = {}) {
    super();
    this.#database = options.database;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#now = options.now ?? Date.now;
    this.#retryBaseMs = options.retryBaseMs ?? 2_000;
    this.#retryMaxMs = options.retryMaxMs ?? 5 * 60_000;
  }

  /**
   * Stores the envelope durably, then tries to send it. Resolves once it is stored (not sent):
   * from then on it will not be lost. Queuing the same id twice keeps the first.
   */
  async enqueue(envelope: { id: string }, endpoint: string): Promise<OutboxRecord> {
    const db = await openDeviceStore(this.#database);
    const tx = db.transaction('outbox', 'readwrite');
    const existing = await tx.store.get(envelope.id);
    const record: OutboxRecord = existing ?? {
      id: envelope.id,
      endpoint,
      envelope: structuredClone(envelope),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
      queuedAt: new Date(this.#now()).toISOString(),
    };
    if (!existing) await tx.store.put(record);
    await tx.done;
    this.dispatchEvent(new OutboxChangeEvent('change', record));
    void this.flush();
    return record;
  }

  async get(id: string): Promise<OutboxRecord | undefined> {
    const db = await openDeviceStore(this.#database);
    return db.get('outbox', id);
  }

  async list(status?: OutboxRecord['status']): Promise<OutboxRecord[]> {
    const db = await openDeviceStore(this.#database);
    return status ? db.getAllFromIndex('outbox', 'status', status) : db.getAll('outbox');
  }

  /**
   * Sends every pending response whose wait is over. Only one flush runs at a time on a page;
   * a call during a flush waits for it and then flushes again if anything became due.
   */
  flush(options: { keepalive?: boolean; ignoreBackoff?: boolean } = {}): Promise<FlushResult> {
    if (this.#flushing) {
      return this.#flushing.then(() => this.flush(options));
    }
    const run = this.#flushOnce(options).finally(() => {
      this.#flushing = undefined;
      void this.#schedule();
    });
    this.#flushing = run;
    return run;
  }

  async #flushOnce({ keepalive = false, ignoreBackoff = false }): Promise<FlushResult> {
    const result: FlushResult = { sent: [], rejected: [], waiting: [] };
    const pending = await this.list('pending');
    const now = this.#now();
    for (const record of pending) {
      if (!ignoreBackoff && record.nextAttemptAt > now) {
        result.waiting.push(record.id);
        continue;
      }
      const outcome = await this.#send(record, keepalive);
      result[outcome].push(record.id);
    }
    return result;
  }

  async #send(record: OutboxRecord, keepalive: boolean): Promise<keyof FlushResult> {
    let response: Response;
    try {
      response = await this.#fetch(responsesUrl(record.endpoint), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record.envelope),
        credentials: 'omit',
        keepalive,
      });
    } catch {
      return this.#retryLater(record, 'This device could not reach the server (it may be offline).');
    }
    const body = await readJson(response);
    if (response.ok) {
      return this.#update(record, { status: 'sent', sentAt: new Date(this.#now()).toISOString(), receipt: body }, 'sent');
    }
    const reason = describeFailure(response.status, body);
    if (PERMANENT_STATUSES.has(response.status)) {
      return this.#update(record, { status: 'rejected', lastError: reason, attempts: record.attempts + 1 }, 'rejected');
    }
    return this.#retryLater(record, reason, retryAfterMs(response.headers.get('retry-after'), this.#now()));
  }

  async #retryLater(record: OutboxRecord, reason: string, waitMs?: number): Promise<keyof FlushResult> {
    const attempts = record.attempts + 1;
    const backoff = Math.min(this.#retryMaxMs, this.#retryBaseMs * 2 ** (attempts - 1));
    // A little jitter so many devices coming back online together do not arrive at once.
    const delay = waitMs ?? backoff * (0.8 + Math.random() * 0.4);
    return this.#update(record, { attempts, lastError: reason, nextAttemptAt: this.#now() + delay }, 'change');
  }

  async #update(
    record: OutboxRecord,
    changes: Partial<OutboxRecord>,
    event: 'change' | 'sent' | 'rejected',
  ): Promise<keyof FlushResult> {
    const db = await openDeviceStore(this.#database);
    const tx = db.transaction('outbox', 'readwrite');
    const current = (await tx.store.get(record.id)) ?? record;
    // Another tab may have delivered it meanwhile: "sent" is final.
    const next: OutboxRecord = current.status === 'sent' ? current : { ...current, ...changes };
    await tx.store.put(next);
    await tx.done;
    this.dispatchEvent(new OutboxChangeEvent(event, next));
    if (event !== 'change') this.dispatchEvent(new OutboxChangeEvent('change', next));
    return next.status === 'sent' ? 'sent' : next.status === 'rejected' ? 'rejected' : 'waiting';
  }

  async #schedule(): Promise<void> {
    if (!this.#started) return;
    clearTimeout(this.#timer);
    const pending = await this.list('pending');
    if (pending.length === 0) return;
    const soonest = Math.min(...pending.map((r) => r.nextAttemptAt));
    const delay = Math.max(1_000, soonest - this.#now());
    this.#timer = setTimeout(() => void this.flush(), delay);
  }

  readonly #onOnline = () => void this.flush({ ignoreBackoff: true });
  readonly #onHide = () => void this.flush({ keepalive: true, ignoreBackoff: true });
  readonly #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.#onHide();
  };

  /** Starts sending in the background: now, when back online, when the page is hidden, on a timer. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.#onOnline);
      window.addEventListener('pagehide', this.#onHide);
      document.addEventListener('visibilitychange', this.#onVisibility);
    }
    void this.flush();
  }

  stop(): void {
    this.#started = false;
    clearTimeout(this.#timer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.#onOnline);
      window.removeEventListener('pagehide', this.#onHide);
      document.removeEventListener('visibilitychange', this.#onVisibility);
    }
  }

  /** Forgets sent responses older than `maxAgeMs` (their receipts are no longer shown). */
  async pruneSent(maxAgeMs = 30 * 24 * 60 * 60 * 1000): Promise<number> {
    const db = await openDeviceStore(this.#database);
    const tx = db.transaction('outbox', 'readwrite');
    let removed = 0;
    const index = tx.store.index('status');
    for (let cursor = await index.openCursor('sent'); cursor; cursor = await cursor.continue()) {
      if (this.#now() - Date.parse(cursor.value.sentAt ?? cursor.value.queuedAt) > maxAgeMs) {
        await cursor.delete();
        removed++;
      }
    }
    await tx.done;
    return removed;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function describeFailure(status: number, body: unknown): string {
  const message =
    body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : undefined;
  return message ? `The server refused it (${status}): ${message}` : `The server answered ${status}.`;
}

const shared = new Map<string, Outbox>();

/** The page's one outbox (per database): every widget on a page shares it, so it sends once. */
export function sharedOutbox(options: OutboxOptions = {}): Outbox {
  const key = options.database ?? '';
  let outbox = shared.get(key);
  if (!outbox) {
    outbox = new Outbox(options);
    shared.set(key, outbox);
    outbox.start();
  }
  return outbox;
}
