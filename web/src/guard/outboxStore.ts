// The outbox's IndexedDB store: one object store of pending submissions keyed by their
// UUIDv7 id, so reading it back in key order is reading it in creation order. Small
// promise wrappers only; every call opens its own transaction.

export interface StoredSubmission {
  /** Client-generated UUIDv7, also the `id` inside `body`: the idempotency key. */
  id: string;
  /** Path posted to, e.g. /api/checkins. */
  url: string;
  /** The body as first written; only `sent_at` is added per attempt. */
  body: Record<string, unknown>;
  /** Device time of creation (RFC 3339). */
  created_at: string;
  /** Send attempts so far. */
  attempts: number;
}

const STORE = 'submissions';

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('outbox: transaction aborted'));
  });
}

export interface SubmissionStore {
  put(item: StoredSubmission): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every pending submission, oldest first. */
  all(): Promise<StoredSubmission[]>;
  count(): Promise<number>;
  close(): void;
}

export async function openSubmissionStore(name: string, factory: IDBFactory = indexedDB): Promise<SubmissionStore> {
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'id' });
  };
  const db = await done(open);

  async function write(job: (s: IDBObjectStore) => void): Promise<void> {
    const tx = db.transaction(STORE, 'readwrite');
    job(tx.objectStore(STORE));
    await committed(tx);
  }

  function read<T>(job: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return done(job(db.transaction(STORE, 'readonly').objectStore(STORE)));
  }

  return {
    put: (item) => write((s) => s.put(item)),
    remove: (id) => write((s) => s.delete(id)),
    all: () => read((s) => s.getAll() as IDBRequest<StoredSubmission[]>),
    count: () => read((s) => s.count()),
    close: () => db.close(),
  };
}
