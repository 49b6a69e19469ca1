// The guard's directives as this phone knows them, per signed-in account: each directive
// once (by id, whatever path brought it: the live channel, its resume catch-up, or the
// GET /api/me/directives fallback), with the recipient state the server last said or
// the guard's own sign-for / feedback still waiting in the outbox. Also the live
// channel's cursor: the last `seq` seen, sent back as `resume{cursor}` on (re)connect.
// Plain data with injected storage, so it can be tested without a browser.
import type { AckReply, Directive, MyDirective, RecipientState } from '@/shared/api/directives';
import { awaitsFeedback, awaitsSignature } from '@/shared/directives/stateTags';

export interface InboxEntry {
  directive: Directive;
  seq: number;
  state: RecipientState;
  late: boolean;
  /** Server time of the sign-for, or the device time while it waits in the outbox. */
  signed_at: string | null;
  feedback_at: string | null;
  /** What the guard reported (kept locally to show it back). */
  feedback_text: string | null;
  ack_queued: boolean;
  feedback_queued: boolean;
  /** Order of arrival on this phone (to tell what a server answer may not know yet). */
  tick: number;
}

export interface InboxStorage {
  read<T>(key: string): T | null;
  write(key: string, value: unknown): void;
}

/** Storage keys for one account. */
export type KeyFor = (account: string, name: 'directives' | 'directive-cursor') => string;

interface Saved {
  entries: InboxEntry[];
}

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2 };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function needsSignature(e: InboxEntry): boolean {
  return !e.ack_queued && awaitsSignature(e.state, e.directive);
}

export function needsFeedback(e: InboxEntry): boolean {
  return !e.feedback_queued && awaitsFeedback(e.state, e.directive);
}

export const isOpen = (e: InboxEntry): boolean => needsSignature(e) || needsFeedback(e);

export function createInbox(storage: InboxStorage, keyFor: KeyFor, initialAccount: string | null = null) {
  let account: string | null = null;
  let entries = new Map<string, InboxEntry>();
  let cursor = 0;
  let hasCursor = false;
  let ticks = 0;

  function persist(): void {
    if (!account) return;
    storage.write(keyFor(account, 'directives'), { entries: [...entries.values()] } satisfies Saved);
    storage.write(keyFor(account, 'directive-cursor'), hasCursor ? cursor : null);
  }

  function setAccount(next: string | null): void {
    if (next === account) return;
    account = next;
    entries = new Map();
    cursor = 0;
    hasCursor = false;
    if (!next) return;
    const saved = storage.read<Saved>(keyFor(next, 'directives'));
    for (const e of saved?.entries ?? []) if (e?.directive?.id) entries.set(e.directive.id, { ...e, tick: 0 });
    const c = storage.read<number>(keyFor(next, 'directive-cursor'));
    if (typeof c === 'number' && Number.isFinite(c)) {
      cursor = c;
      hasCursor = true;
    }
  }

  function advance(seq: number): void {
    if (seq > cursor || !hasCursor) cursor = Math.max(cursor, seq);
    hasCursor = true;
  }

  /**
   * A live-channel message. `directive{seq, directive}`: 'new' the first time the
   * directive is seen, 'duplicate' after (a re-push, a resume overlap); `resumed{cursor}`:
   * 'resumed'. Anything else: null.
   */
  function receive(msg: unknown): 'new' | 'duplicate' | 'resumed' | null {
    if (!isObj(msg) || !account) return null;
    if (msg.type === 'resumed') {
      if (typeof msg.cursor === 'number') advance(msg.cursor);
      persist();
      return 'resumed';
    }
    if (msg.type !== 'directive' || !isObj(msg.directive) || typeof msg.directive.id !== 'string') return null;
    const d = msg.directive as unknown as Directive;
    const seq = typeof msg.seq === 'number' ? msg.seq : 0;
    advance(seq);
    const known = entries.get(d.id);
    if (known) {
      entries.set(d.id, { ...known, directive: { ...known.directive, ...d }, seq: Math.max(known.seq, seq) });
      persist();
      return 'duplicate';
    }
    entries.set(d.id, {
      directive: d, seq, state: 'delivered', late: false, signed_at: null, feedback_at: null, feedback_text: null,
      ack_queued: false, feedback_queued: false, tick: ++ticks,
    });
    persist();
    return 'new';
  }

  function fromServer(item: MyDirective, known: InboxEntry | undefined): InboxEntry {
    if (!known) {
      return {
        directive: item.directive, seq: item.seq, state: item.state, late: item.late, signed_at: null, feedback_at: null,
        feedback_text: null, ack_queued: false, feedback_queued: false, tick: ++ticks,
      };
    }
    // What the guard did on this phone and the outbox has not delivered yet wins.
    let state = item.state;
    if (known.feedback_queued && state !== 'feedback_done') state = known.state;
    else if (known.ack_queued && !['signed', 'signed_late', 'feedback_done'].includes(state)) state = known.state;
    return { ...known, directive: item.directive, seq: Math.max(known.seq, item.seq), state, late: item.late || known.late };
  }

  /**
   * Apply GET /api/me/directives. `since` is the tick when the request left: an entry
   * that arrived later may be missing from the answer for no reason. With `openOnly`, the
   * ids returned are local open entries the server no longer lists as open (their real
   * state needs the full list); with the full list they are dropped as too old.
   */
  function applyServer(items: MyDirective[], openOnly: boolean, since: number): string[] {
    if (!account) return [];
    const listed = new Set<string>();
    for (const item of items) {
      if (!item?.directive?.id) continue;
      listed.add(item.directive.id);
      entries.set(item.directive.id, fromServer(item, entries.get(item.directive.id)));
    }
    const vanished: string[] = [];
    for (const [id, e] of entries) {
      if (listed.has(id) || e.tick > since) continue;
      if (openOnly) {
        if (isOpen(e)) vanished.push(id);
      } else if (!e.ack_queued && !e.feedback_queued) {
        entries.delete(id);
      }
    }
    persist();
    return vanished;
  }

  /** A fresh phone: start the cursor after everything the server already listed. */
  function seedCursor(items: MyDirective[]): void {
    advance(items.reduce((m, i) => Math.max(m, i.seq ?? 0), 0));
    persist();
  }

  function update(id: string, patch: Partial<InboxEntry>): InboxEntry | null {
    const e = entries.get(id);
    if (!e) return null;
    const next = { ...e, ...patch };
    entries.set(id, next);
    persist();
    return next;
  }

  /** 签收 on this phone, queued in the outbox with its device time. */
  function markSigned(id: string, deviceTime: string): InboxEntry | null {
    const e = entries.get(id);
    if (!e) return null;
    const late = Date.parse(deviceTime) >= Date.parse(e.directive.deadline_at);
    return update(id, { ack_queued: true, signed_at: deviceTime, state: late ? 'signed_late' : 'signed', late });
  }

  /** 落实反馈 on this phone, queued in the outbox. */
  function markFeedback(id: string, text: string, deviceTime: string): InboxEntry | null {
    const e = entries.get(id);
    if (!e) return null;
    return update(id, {
      feedback_queued: true, feedback_at: deviceTime, feedback_text: text, state: 'feedback_done',
      signed_at: e.signed_at ?? deviceTime,
    });
  }

  /** The server's answer to a queued sign-for (reply) or its refusal (null). */
  function ackSettled(id: string, reply: AckReply | null): void {
    const e = entries.get(id);
    if (!e) return;
    if (reply) update(id, { ack_queued: false, state: e.feedback_queued ? e.state : reply.state, late: reply.late ?? e.late, signed_at: reply.signed_at ?? e.signed_at });
    else update(id, { ack_queued: false, state: 'delivered', signed_at: null });
  }

  function feedbackSettled(id: string, reply: AckReply | null): void {
    const e = entries.get(id);
    if (!e) return;
    if (reply) update(id, { feedback_queued: false, state: reply.state });
    else update(id, { feedback_queued: false, state: e.signed_at ? (e.late ? 'signed_late' : 'signed') : 'delivered', feedback_at: null });
  }

  /** Open first (to sign, then awaiting feedback), newest first within each group. */
  function list(): InboxEntry[] {
    const rank = (e: InboxEntry) => (needsSignature(e) ? 0 : needsFeedback(e) ? 1 : 2);
    return [...entries.values()].sort((a, b) => rank(a) - rank(b) || b.directive.sent_at.localeCompare(a.directive.sent_at));
  }

  /** Directives to announce full screen: most urgent first, then the oldest. */
  function toAnnounce(): InboxEntry[] {
    return [...entries.values()]
      .filter(needsSignature)
      .sort((a, b) => (PRIORITY_RANK[a.directive.priority] ?? 2) - (PRIORITY_RANK[b.directive.priority] ?? 2) || a.directive.sent_at.localeCompare(b.directive.sent_at));
  }

  setAccount(initialAccount);

  return {
    setAccount,
    receive,
    applyServer,
    seedCursor,
    markSigned,
    markFeedback,
    ackSettled,
    feedbackSettled,
    list,
    toAnnounce,
    get: (id: string) => entries.get(id) ?? null,
    resumeMessage: () => ({ type: 'resume', cursor }),
    get cursor() {
      return cursor;
    },
    /** False on a phone that never talked to the server for this account. */
    get hasCursor() {
      return hasCursor;
    },
    /** The arrival counter now (pass to applyServer as `since`). */
    get tick() {
      return ticks;
    },
    get account() {
      return account;
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
