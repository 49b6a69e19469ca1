// The guard's directives in the app: the inbox (directiveInbox.ts) kept per signed-in
// account in localStorage, fed by the live channel and the GET /api/me/directives
// fallback; 签收 and 落实反馈 go through the outbox (so they work offline and keep their
// device time), and their answers are applied whenever they come.
import { computed, ref, watch } from 'vue';
import { defineStore } from 'pinia';
import { api } from '@/shared/api';
import type { Page } from '@/shared/api/types';
import type { AckReply, MyDirective } from '@/shared/api/directives';
import { useAuth } from '@/shared/auth';
import { outbox, type Outcome } from '../outbox';
import { cacheKey, readCache, writeCache } from '../patrol/localCache';
import { createInbox, isOpen, needsFeedback, needsSignature, type InboxStorage } from './directiveInbox';

export const ackUrl = (id: string) => `/api/directives/${id}/ack`;
export const feedbackUrl = (id: string) => `/api/directives/${id}/feedback`;
const ANSWER_URL = /^\/api\/directives\/([^/]+)\/(ack|feedback)$/;

export const localStorageInbox: InboxStorage = { read: readCache, write: writeCache };

export const useDirectives = defineStore('guard-directives', () => {
  const auth = useAuth();
  const inbox = createInbox(localStorageInbox, (account, name) => cacheKey(account, name));
  /** Bumped on every change of the inbox (it is plain data). */
  const version = ref(0);
  const loaded = ref(false);
  const bump = () => void version.value++;

  /** Read the inbox inside computed/render so they follow its changes. */
  function tracked<T>(read: () => T): T {
    void version.value;
    return read();
  }

  const entries = computed(() => tracked(() => inbox.list()));
  const toAnnounce = computed(() => tracked(() => inbox.toAnnounce()));
  const toSign = computed(() => entries.value.filter(needsSignature));
  const toReport = computed(() => entries.value.filter(needsFeedback));
  const open = computed(() => entries.value.filter(isOpen));

  watch(
    () => auth.me?.id ?? null,
    (id) => {
      inbox.setAccount(id);
      loaded.value = false;
      bump();
    },
    { immediate: true },
  );

  /** A message from the live channel; true when it brought a directive not seen before. */
  function receive(msg: unknown): boolean {
    const r = inbox.receive(msg);
    if (r) bump();
    return r === 'new';
  }

  async function fetchMine(openOnly: boolean): Promise<MyDirective[] | null> {
    try {
      const query = openOnly ? { open: true } : undefined;
      return (await api.get<Page<MyDirective>>('/api/me/directives', query, { silent: true })).items;
    } catch {
      return null;
    }
  }

  /** Everything the server lists for this guard, with real states. */
  async function refreshAll(): Promise<boolean> {
    const account = inbox.account;
    const since = inbox.tick;
    const items = await fetchMine(false);
    if (!items || inbox.account !== account) return false;
    inbox.applyServer(items, false, since);
    if (!inbox.hasCursor) inbox.seedCursor(items);
    loaded.value = true;
    bump();
    return true;
  }

  /** The fallback for anything the live channel missed: the open directives. */
  async function refreshOpen(): Promise<void> {
    const account = inbox.account;
    const since = inbox.tick;
    const items = await fetchMine(true);
    if (!items || inbox.account !== account) return;
    const vanished = inbox.applyServer(items, true, since);
    loaded.value = true;
    bump();
    if (vanished.length) await refreshAll();
  }

  /** On every live connection: a phone new to this account first learns what exists. */
  async function connected(send: (msg: Record<string, unknown>) => boolean): Promise<void> {
    if (!inbox.hasCursor) await refreshAll();
    send(inbox.resumeMessage());
    await refreshOpen();
  }

  /** 签收: recorded now with the device time, sent through the outbox. */
  async function sign(id: string): Promise<Outcome | null> {
    const device_time = new Date().toISOString();
    if (!inbox.markSigned(id, device_time)) return null;
    bump();
    try {
      const { outcome } = await outbox.submit(ackUrl(id), { device_time }, 5_000);
      return outcome;
    } catch (e) {
      // Not even stored (no account, storage failure): it must not look signed.
      inbox.ackSettled(id, null);
      bump();
      throw e;
    }
  }

  /** 落实反馈: the text and the checkpoints visited, through the outbox. */
  async function report(id: string, text: string, checkpointIds: readonly string[]): Promise<Outcome | null> {
    if (!inbox.markFeedback(id, text, new Date().toISOString())) return null;
    bump();
    try {
      // Plain values only: IndexedDB cannot store Vue's reactive proxies.
      const { outcome } = await outbox.submit(feedbackUrl(id), { text, checkpoint_ids: [...checkpointIds] }, 8_000);
      return outcome;
    } catch (e) {
      inbox.feedbackSettled(id, null);
      bump();
      throw e;
    }
  }

  // Answers to queued sign-fors and feedback, whenever they arrive.
  outbox.onSettled((item, outcome) => {
    const m = ANSWER_URL.exec(item.url);
    if (!m) return;
    const [, id, what] = m;
    const reply = outcome.kind === 'sent' && outcome.data && typeof outcome.data === 'object' ? (outcome.data as AckReply) : null;
    if (what === 'ack') inbox.ackSettled(id, reply);
    else inbox.feedbackSettled(id, reply);
    bump();
    // Refused, or "already decided": ask the server what stands.
    if (!reply) void refreshAll();
  });

  return {
    version, loaded, entries, toAnnounce, toSign, toReport, open,
    get: (id: string) => tracked(() => inbox.get(id)),
    receive, refreshAll, refreshOpen, connected, sign, report,
  };
});
