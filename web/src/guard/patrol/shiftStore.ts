// The guard's shift: what the server last said (GET /api/shifts/current), what the
// guard did since (上岗/下岗 go through the outbox, so they work offline), the last
// handover note at the post, and the guard's own post. Kept in localStorage so the
// app shows the right state when it starts without a network.
import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { api } from '@/shared/api';
import type { Guard } from '@/shared/api/types';
import type { CurrentShift, Handover, Shift } from '@/shared/api/patrol';
import { useAuth } from '@/shared/auth';
import { outbox, type Outcome } from '../outbox';
import { cacheKey, readCache, writeCache } from './localCache';

export const SHIFT_START = '/api/shifts/start';
export const SHIFT_END = '/api/shifts/end';

interface Cached {
  shift: Shift | null;
  handover: Handover | null;
  onShift: boolean;
  unsynced: boolean;
  ownPostId: string | null;
}

const isShiftUrl = (url: string) => url === SHIFT_START || url === SHIFT_END;

export const useShift = defineStore('guard-shift', () => {
  const auth = useAuth();
  const shift = ref<Shift | null>(null);
  const handover = ref<Handover | null>(null);
  const onShift = ref(false);
  /** A 上岗/下岗 is queued and the server has not confirmed it yet. */
  const unsynced = ref(false);
  const ownPostId = ref<string | null>(null);
  const loaded = ref(false);
  const postName = computed(() => shift.value?.post_name ?? null);
  /** Run before 下岗 is queued (positions still buffered go first). */
  const beforeEnd: Array<() => Promise<void>> = [];

  const key = () => cacheKey(auth.me?.id, 'shift');

  function persist(): void {
    const value: Cached = { shift: shift.value, handover: handover.value, onShift: onShift.value, unsynced: unsynced.value, ownPostId: ownPostId.value };
    writeCache(key(), value);
  }

  function restore(): void {
    const c = readCache<Cached>(key());
    if (!c) return;
    shift.value = c.shift;
    handover.value = c.handover;
    onShift.value = c.onShift;
    unsynced.value = c.unsynced;
    ownPostId.value = c.ownPostId;
  }

  async function stillQueued(): Promise<boolean> {
    return (await outbox.list()).some((i) => isShiftUrl(i.url));
  }

  /** Ask the server; while a 上岗/下岗 is still queued the local state wins. */
  async function refresh(): Promise<void> {
    try {
      const cur = await api.get<CurrentShift>('/api/shifts/current', undefined, { silent: true });
      handover.value = cur.handover;
      if (!(await stillQueued())) {
        unsynced.value = false;
        shift.value = cur.shift;
        onShift.value = !!cur.shift && !cur.shift.ended_at;
      }
      persist();
    } catch {
      /* offline: keep what we had */
    }
  }

  async function loadOwnPost(): Promise<void> {
    const guardId = auth.me?.guard_id;
    if (!guardId || ownPostId.value) return;
    try {
      const g = await api.get<Guard>(`/api/guards/${guardId}`, undefined, { silent: true });
      ownPostId.value = g.post_id;
      persist();
    } catch {
      /* offline: the server defaults to the guard's own post anyway */
    }
  }

  async function load(): Promise<void> {
    restore();
    await Promise.all([refresh(), loadOwnPost()]);
    loaded.value = true;
  }

  function nowIso(): string {
    return new Date().toISOString();
  }

  /** 上岗. `postId` only when the guard picked another post than their own. */
  async function start(postId?: string | null): Promise<Outcome | null> {
    const device_time = nowIso();
    const body: Record<string, unknown> = { device_time };
    if (postId && postId !== ownPostId.value) body.post_id = postId;
    onShift.value = true;
    unsynced.value = true;
    shift.value = { id: '', guard_id: auth.me?.guard_id ?? '', post_id: postId ?? ownPostId.value, post_name: null, started_at: device_time, ended_at: null, handover_note: null };
    persist();
    const { outcome } = await outbox.submit(SHIFT_START, body);
    return outcome;
  }

  /** 下岗, with the handover note for whoever comes next. */
  async function end(note: string): Promise<Outcome | null> {
    const body: Record<string, unknown> = { device_time: nowIso() };
    if (note.trim()) body.handover_note = note.trim();
    for (const job of beforeEnd) await job().catch(() => undefined);
    onShift.value = false;
    unsynced.value = true;
    persist();
    const { outcome } = await outbox.submit(SHIFT_END, body);
    return outcome;
  }

  // Answers for queued 上岗/下岗 may come much later: apply them whenever they do.
  outbox.onSettled((item, outcome) => {
    if (!isShiftUrl(item.url)) return;
    if (outcome.kind === 'sent' && outcome.data && typeof outcome.data === 'object') {
      const s = outcome.data as Shift;
      shift.value = s;
      if (item.url === SHIFT_START) onShift.value = !s.ended_at;
    }
    if (outcome.kind === 'refused' && item.url === SHIFT_START) onShift.value = false;
    void stillQueued().then((queued) => {
      if (!queued) {
        unsynced.value = false;
        void refresh();
      }
      persist();
    });
  });

  function onBeforeEnd(job: () => Promise<void>): void {
    beforeEnd.push(job);
  }

  return { shift, handover, onShift, unsynced, ownPostId, loaded, postName, load, refresh, start, end, onBeforeEnd };
});
