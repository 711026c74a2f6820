/**
 * Answer drafts: every answer is saved as it is given so a carer who reloads, loses signal or comes
 * back tomorrow resumes where they were. Drafts expire, because devices are often shared.
 */
import { openDeviceStore, type DraftRecord } from './store.js';

export const DEFAULT_DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface DraftOptions {
  /** Database name (tests use their own). */
  database?: string;
  /** Clock, for tests of expiry. */
  now?: () => number;
}

export class DraftStore<A = Record<string, unknown>> {
  private readonly database: string | undefined;
  private readonly now: () => number;

  constructor(options: DraftOptions = {}) {
    this.database = options.database;
    this.now = options.now ?? Date.now;
  }

  /** Saves (replaces) the draft for `key`, keeping the first start time. */
  async save(key: string, answers: A, position: string | number): Promise<DraftRecord<A>> {
    const db = await openDeviceStore(this.database);
    const tx = db.transaction('drafts', 'readwrite');
    const existing = (await tx.store.get(key)) as DraftRecord<A> | undefined;
    const now = new Date(this.now()).toISOString();
    const record: DraftRecord<A> = {
      key,
      answers: structuredClone(answers),
      position,
      startedAt: existing?.startedAt ?? now,
      updatedAt: now,
    };
    await tx.store.put(record as DraftRecord);
    await tx.done;
    return record;
  }

  /** The draft for `key`, or undefined if there is none or it is older than `maxAgeMs` (then it is removed). */
  async load(key: string, maxAgeMs = DEFAULT_DRAFT_MAX_AGE_MS): Promise<DraftRecord<A> | undefined> {
    const db = await openDeviceStore(this.database);
    const record = (await db.get('drafts', key)) as DraftRecord<A> | undefined;
    if (!record) return undefined;
    if (this.now() - Date.parse(record.updatedAt) > maxAgeMs) {
      await db.delete('drafts', key);
      return undefined;
    }
    return record;
  }

  /** "Start again / clear my answers": removes the draft from this device. */
  async clear(key: string): Promise<void> {
    const db = await openDeviceStore(this.database);
    await db.delete('drafts', key);
  }

  /** Removes every draft older than `maxAgeMs`; returns how many were removed. */
  async purgeExpired(maxAgeMs = DEFAULT_DRAFT_MAX_AGE_MS): Promise<number> {
    const db = await openDeviceStore(this.database);
    const tx = db.transaction('drafts', 'readwrite');
    let removed = 0;
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (this.now() - Date.parse(cursor.value.updatedAt) > maxAgeMs) {
        await cursor.delete();
        removed++;
      }
    }
    await tx.done;
    return removed;
  }
}
