// Outbox: the guard app's single queue of submissions (shift start/end, check-ins,
// position batches). Each one is written to IndexedDB first and only then sent, so
// nothing is lost to a dead network, a crash or a reload.
//   - The id is a UUIDv7 made on the phone and sent inside the body; the server stores a
//     submission once and answers a retry of the same id and body with its first reply.
//   - Items go oldest first. A 2xx, or a 409 that says the server has already decided
//     (idempotency_conflict, already_on_shift, not_on_shift), removes the item. A network
//     failure, 5xx, 401/403 session problems, 408 or 429 keep it and stop the run; the
//     next run comes after a backoff, at once on the `online` event, and on app start.
//     Any other 4xx removes the item and is reported to listeners as refused.
//   - `sent_at` is the device time of each attempt; the rest of the body never changes.
//   - `pending` is the live count of stored items ("待发送 N").
//   - Each signed-in account has its own store (`setAccount`), so on a shared phone one
//     guard's submissions are only ever sent under that guard's session.
import { ref, type Ref } from 'vue';
import { v7 as uuidv7 } from 'uuid';
import { openSubmissionStore, type StoredSubmission, type SubmissionStore } from './outboxStore';
import { sendWithApi } from './outboxSender';

export type OutboxItem = StoredSubmission;

/** What one send attempt came back with; status 0 means the server was not reached. */
export interface SendResult {
  status: number;
  data?: unknown;
  code?: string;
  message?: string;
}

export type Sender = (url: string, body: Record<string, unknown>) => Promise<SendResult>;

export type Outcome =
  | { kind: 'sent'; status: number; data: unknown }
  | { kind: 'decided'; status: number; code: string; message: string }
  | { kind: 'refused'; status: number; code: string; message: string };

type Classified = Outcome | { kind: 'retry' };

/** 409 codes meaning "the server already has this": nothing left to send. */
export const DECIDED_CODES = new Set(['idempotency_conflict', 'already_on_shift', 'not_on_shift']);
const SESSION_CODES = new Set(['csrf_failed', 'password_change_required', 'totp_enrollment_required']);

export function classify(res: SendResult): Classified {
  const { status } = res;
  const code = res.code ?? '';
  const message = res.message ?? '';
  if (status >= 200 && status < 300) return { kind: 'sent', status, data: res.data };
  if (status === 0 || status >= 500 || status === 401 || status === 408 || status === 429) return { kind: 'retry' };
  if (status === 403 && SESSION_CODES.has(code)) return { kind: 'retry' };
  if (status === 409 && DECIDED_CODES.has(code)) return { kind: 'decided', status, code, message };
  return { kind: 'refused', status, code, message };
}

/** 2 s, 4 s, 8 s … up to 60 s after consecutive failed runs, with ±20 % jitter. */
export function defaultBackoff(failures: number): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export interface OutboxOptions {
  send: Sender;
  /** Database name; with an account set, `<dbName>-<account>`. */
  dbName?: string;
  /** Initial account ('' = the plain database name). */
  account?: string | null;
  idb?: IDBFactory;
  now?: () => Date;
  backoff?: (failures: number) => number;
  /** Whether the browser thinks it has a network (skips pointless attempts when not). */
  isOnline?: () => boolean;
}

/** `awaited` is true when a submit() call is waiting for this answer and shows it itself. */
export type SettledListener = (item: OutboxItem, outcome: Outcome, awaited: boolean) => void;

export interface Outbox {
  /** Number of submissions stored and not yet settled with the server. */
  readonly pending: Ref<number>;
  /** Store a submission (a new UUIDv7 becomes body.id) and start sending it. */
  enqueue(url: string, body: Record<string, unknown>): Promise<OutboxItem>;
  /**
   * Enqueue and wait up to `waitMs` for the server's answer; `outcome` is null when the
   * item is still queued (offline, or the server is slow or failing).
   */
  submit(url: string, body: Record<string, unknown>, waitMs?: number): Promise<{ item: OutboxItem; outcome: Outcome | null }>;
  /** Send everything stored, oldest first; resolves with how many were settled. */
  flush(): Promise<number>;
  list(): Promise<OutboxItem[]>;
  onSettled(listener: SettledListener): () => void;
  /** Switch to an account's store (null: signed out, nothing is stored or sent). */
  setAccount(account: string | null): void;
  /** Listen for `online`, and flush now (app start). */
  start(): void;
  stop(): void;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? defaultBackoff;
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const pending = ref(0);
  const listeners = new Set<SettledListener>();
  let account: string | null = options.account === undefined ? '' : options.account;
  let storePromise: Promise<SubmissionStore> | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = false;
  const awaiting = new Set<string>();
  /** Told when an attempt at an item failed and it stays queued. */
  const blockedListeners = new Set<(id: string) => void>();

  function store(): Promise<SubmissionStore> {
    if (account === null) return Promise.reject(new Error('outbox: nobody is signed in'));
    const base = options.dbName ?? 'jb-outbox';
    storePromise ??= openSubmissionStore(account ? `${base}-${account}` : base, options.idb ?? indexedDB);
    return storePromise;
  }

  async function recount(): Promise<void> {
    const forAccount = account;
    if (forAccount === null) {
      pending.value = 0;
      return;
    }
    const n = await (await store()).count();
    if (account === forAccount) pending.value = n; // a count for an account since left is stale
  }

  function emit(item: OutboxItem, outcome: Outcome): void {
    for (const l of listeners) {
      try {
        l(item, outcome, awaiting.has(item.id));
      } catch {
        /* a listener's failure must not stop the queue */
      }
    }
  }

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function scheduleRetry(): void {
    failures++;
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, backoff(failures));
  }

  async function runOnce(): Promise<{ settled: number; blocked: boolean }> {
    const runAccount = account;
    const s = await store();
    let settled = 0;
    const items = await s.all();
    for (const [index, item] of items.entries()) {
      // Never send one account's submissions under another's session.
      if (account !== runAccount) return { settled, blocked: false };
      const attempt: OutboxItem = { ...item, attempts: item.attempts + 1 };
      await s.put(attempt);
      let res: SendResult;
      try {
        res = await options.send(item.url, { ...item.body, sent_at: now().toISOString() });
      } catch {
        res = { status: 0 };
      }
      const outcome = classify(res);
      if (outcome.kind === 'retry') {
        // This item and every one behind it stay queued until the next run.
        for (const waiting of items.slice(index)) blockedListeners.forEach((l) => l(waiting.id));
        return { settled, blocked: true };
      }
      await s.remove(item.id);
      await recount();
      settled++;
      failures = 0;
      emit(attempt, outcome);
    }
    return { settled, blocked: false };
  }

  function flush(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    clearTimer();
    running = (async () => {
      let total = 0;
      try {
        for (;;) {
          again = false;
          if (!isOnline() || account === null) break;
          const { settled, blocked } = await runOnce();
          total += settled;
          if (blocked) {
            scheduleRetry();
            break;
          }
          if (!again) break;
        }
        return total;
      } catch {
        // Storage trouble (or the account changed under us): try again later.
        scheduleRetry();
        return total;
      } finally {
        await recount().catch(() => undefined);
        running = null;
        // Something happened during the run (a new item, the network came back): go again.
        if (again && isOnline()) void flush();
      }
    })();
    return running;
  }

  async function enqueue(url: string, body: Record<string, unknown>, id: string = uuidv7()): Promise<OutboxItem> {
    const item: OutboxItem = { id, url, body: { ...body, id }, created_at: now().toISOString(), attempts: 0 };
    const s = await store();
    await s.put(item);
    await recount();
    void flush();
    return item;
  }

  /** The answer for `id`, or null once an attempt failed or `ms` passed. */
  function waitFor(id: string, ms: number): Promise<Outcome | null> {
    return new Promise((resolve) => {
      const finish = (outcome: Outcome | null) => {
        clearTimeout(t);
        off();
        blockedListeners.delete(onBlocked);
        resolve(outcome);
      };
      const t = setTimeout(() => finish(null), ms);
      const off = onSettled((item, outcome) => {
        if (item.id === id) finish(outcome);
      });
      const onBlocked = (blockedId: string) => {
        if (blockedId === id) finish(null);
      };
      blockedListeners.add(onBlocked);
    });
  }

  async function submit(url: string, body: Record<string, unknown>, waitMs = 8_000) {
    // Listen before the item exists so an instant answer is not missed.
    const early = new Map<string, Outcome>();
    const offEarly = onSettled((item, outcome) => early.set(item.id, outcome));
    const failedEarly = new Set<string>();
    const onEarlyBlock = (blockedId: string) => failedEarly.add(blockedId);
    blockedListeners.add(onEarlyBlock);
    const id = uuidv7();
    awaiting.add(id);
    try {
      const item = await enqueue(url, body, id);
      const hit = early.get(item.id);
      if (hit) return { item, outcome: hit };
      if (failedEarly.has(item.id)) return { item, outcome: null };
      return { item, outcome: isOnline() ? await waitFor(item.id, waitMs) : null };
    } finally {
      offEarly();
      blockedListeners.delete(onEarlyBlock);
      awaiting.delete(id);
    }
  }

  function onSettled(listener: SettledListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  const onOnline = () => {
    failures = 0;
    void flush();
  };

  return {
    pending,
    enqueue,
    submit,
    flush,
    list: async () => (account === null ? [] : (await store()).all()),
    setAccount(next: string | null) {
      if (next === account) return;
      const old = storePromise;
      storePromise = null;
      account = next;
      failures = 0;
      clearTimer();
      void old?.then((s) => s.close()).catch(() => undefined);
      void recount().catch(() => undefined);
      void flush();
    },
    onSettled,
    start() {
      if (!started && typeof window !== 'undefined') window.addEventListener('online', onOnline);
      started = true;
      void flush();
    },
    stop() {
      if (started && typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      started = false;
      clearTimer();
    },
  };
}

/** The app's one outbox. */
export const outbox: Outbox = createOutbox({ send: sendWithApi, account: null });
