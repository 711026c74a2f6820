/**
 * The device-side store: answer drafts and the outbox of finished responses, in IndexedDB.
 * One database per origin holds every widget's drafts and queued responses, so a response
 * survives a reload, a crash, a closed tab or a week offline.
 *
 * IndexedDB is reached through the few promise-returning calls below (the subset of the `idb`
 * library's API this project uses, same names and behaviour), written here because `idb` itself
 * cost every widget that restores a draft up front about 1 KB gzipped.
 */

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

/** What each object store holds. */
interface Stores {
  drafts: DraftRecord;
  outbox: OutboxRecord;
  settings: { key: string; value: string };
}
type StoreName = keyof Stores;

/** A cursor over a store or index (`continue()` resolves to the next position, or null at the end). */
export interface DeviceCursor<V> {
  readonly value: V;
  continue(): Promise<DeviceCursor<V> | null>;
  delete(): Promise<void>;
}

/** One object store inside a transaction. */
export interface DeviceObjectStore<V> {
  get(key: string): Promise<V | undefined>;
  put(value: V): Promise<IDBValidKey>;
  openCursor(query?: IDBValidKey | IDBKeyRange | null): Promise<DeviceCursor<V> | null>;
  index(name: string): { openCursor(query?: IDBValidKey | IDBKeyRange | null): Promise<DeviceCursor<V> | null> };
}

/** A transaction on one store: `store`, and `done`, which settles when it commits (or fails). */
export interface DeviceTransaction<V> {
  readonly store: DeviceObjectStore<V>;
  readonly done: Promise<void>;
}

/** The open device store (the calls of `idb`'s IDBPDatabase this project uses). */
export interface DeviceStore {
  get<N extends StoreName>(store: N, key: string): Promise<Stores[N] | undefined>;
  getAll<N extends StoreName>(store: N): Promise<Stores[N][]>;
  getAllFromIndex<N extends StoreName>(store: N, index: string, query?: IDBValidKey | IDBKeyRange | null): Promise<Stores[N][]>;
  put<N extends StoreName>(store: N, value: Stores[N]): Promise<IDBValidKey>;
  delete(store: StoreName, key: string): Promise<void>;
  transaction<N extends StoreName>(store: N, mode?: IDBTransactionMode): DeviceTransaction<Stores[N]>;
  close(): void;
}

/** A request's result as a promise. */
const result = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** The cursor a (re)used cursor request is at now, wrapped; null at the end. */
const cursorAt = <V>(request: IDBRequest<IDBCursorWithValue | null>): Promise<DeviceCursor<V> | null> =>
  result(request).then(
    (cursor) =>
      cursor && {
        value: cursor.value as V,
        continue: () => (cursor.continue(), cursorAt<V>(request)),
        delete: () => result(cursor.delete()) as Promise<void>,
      },
  );

function wrap(db: IDBDatabase): DeviceStore {
  const store = (name: StoreName, mode: IDBTransactionMode = 'readonly') => db.transaction(name, mode).objectStore(name);
  return {
    get: (name, key) => result(store(name).get(key)),
    getAll: (name) => result(store(name).getAll()),
    getAllFromIndex: (name, index, query) => result(store(name).index(index).getAll(query)),
    put: (name, value) => result(store(name, 'readwrite').put(value)),
    delete: (name, key) => result(store(name, 'readwrite').delete(key)) as Promise<void>,
    transaction(name, mode) {
      const tx = db.transaction(name, mode);
      const os = tx.objectStore(name);
      return {
        store: {
          get: (key) => result(os.get(key)),
          put: (value) => result(os.put(value)),
          openCursor: (query) => cursorAt(os.openCursor(query)),
          index: (index) => ({ openCursor: (query) => cursorAt(os.index(index).openCursor(query)) }),
        },
        done: new Promise((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
        }),
      };
    },
    close: () => db.close(),
  };
}

export const DB_NAME = 'carers-voice';
const DB_VERSION = 1;

const connections = new Map<string, Promise<DeviceStore>>();

/** Opens (once per page) the device store. `name` exists so tests can use a private database. */
export function openDeviceStore(name = DB_NAME): Promise<DeviceStore> {
  let db = connections.get(name);
  if (!db) {
    const request = indexedDB.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const database = request.result;
      database.createObjectStore('drafts', { keyPath: 'key' });
      const outbox = database.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('status', 'status');
      database.createObjectStore('settings', { keyPath: 'key' });
    };
    db = result(request).then((database) => {
      // Another tab needs a newer version: let it proceed, reopen next time.
      database.onversionchange = () => {
        database.close();
        if (connections.get(name) === db) connections.delete(name);
      };
      return wrap(database);
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
