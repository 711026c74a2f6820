/**
 * The device-side store: answer drafts and the outbox of finished responses, in IndexedDB (idb).
 * One database per origin holds every widget's drafts and queued responses, so a response
 * survives a reload, a crash, a closed tab or a week offline.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface DraftRecord<A = Record<string, unknown>> {
  /** Which form this draft belongs to, e.g. "annual-carers-survey@3|partner-hub". */
  key: string;
  answers: A;
  /** Where the carer was (page id or question index), so a reload resumes there. */
  position: string | number;
  startedAt: string;
  updatedAt: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'rejected';

export interface OutboxRecord {
  id: string;
  /** Collector base URL the envelope goes to. */
  endpoint: string;
  envelope: unknown;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms before which no retry is made (backoff, Retry-After). */
  nextAttemptAt: number;
  queuedAt: string;
  sentAt?: string;
  /** What the collector answered when it acknowledged the response. */
  receipt?: unknown;
  /** The last failure in plain words (kept for the carer and for support). */
  lastError?: string;
}

interface CarersVoiceDB extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  outbox: { key: string; value: OutboxRecord; indexes: { status: OutboxStatus } };
  settings: { key: string; value: { key: string; value: string } };
}

export const DB_NAME = 'carers-voice';
const DB_VERSION = 1;

const connections = new Map<string, Promise<IDBPDatabase<CarersVoiceDB>>>();

/** Opens (once per page) the device store. `name` exists so tests can use a private database. */
export function openDeviceStore(name = DB_NAME): Promise<IDBPDatabase<CarersVoiceDB>> {
  let db = connections.get(name);
  if (!db) {
    db = openDB<CarersVoiceDB>(name, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('drafts', { keyPath: 'key' });
        const outbox = database.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('status', 'status');
        database.createObjectStore('settings', { keyPath: 'key' });
      },
      blocking() {
        // Another tab needs a newer version: let it proceed, reopen next time.
        void db?.then((d) => d.close());
        connections.delete(name);
      },
    });
    connections.set(name, db);
    db.catch(() => connections.delete(name));
  }
  return db;
}

/** Closes and forgets the connection (tests, and pages that delete the database). */
export async function closeDeviceStore(name = DB_NAME): Promise<void> {
  const db = connections.get(name);
  connections.delete(name);
  if (db) (await db).close();
}

export type DeviceStore = IDBPDatabase<CarersVoiceDB>;
