// Today's route (GET /api/me/route): the checkpoints of the guard's unit and which are
// done today. Cached for offline starts; check-ins waiting in the outbox are ticked
// locally as queued until the server has them.
import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { api } from '@/shared/api';
import type { CheckinResult, RouteCheckpoint, TodayRoute } from '@/shared/api/patrol';
import { useAuth } from '@/shared/auth';
import { cacheKey, readCache, writeCache } from './localCache';
import { codeNames, parseCode } from './checkinCode';
import { outbox } from '../outbox';

export const CHECKINS = '/api/checkins';

interface Cached {
  route: TodayRoute | null;
  queued: string[];
  day: string;
}

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

export const useTodayRoute = defineStore('guard-route', () => {
  const auth = useAuth();
  const route = shallowRef<TodayRoute | null>(null);
  /** Checkpoint ids with a check-in waiting in the outbox. */
  const queued = ref<string[]>([]);
  const loaded = ref(false);

  const key = () => cacheKey(auth.me?.id, 'route');
  const persist = () => writeCache(key(), { route: route.value, queued: queued.value, day: today() } satisfies Cached);

  const checkpoints = computed<RouteCheckpoint[]>(() => route.value?.checkpoints ?? []);
  const total = computed(() => route.value?.total ?? checkpoints.value.length);
  const done = computed(() => route.value?.done ?? checkpoints.value.filter((c) => c.done_at).length);
  const queuedCount = computed(() => queued.value.filter((id) => !checkpoints.value.find((c) => c.id === id)?.done_at).length);

  function restore(): void {
    const c = readCache<Cached>(key());
    if (c && c.day === today()) {
      route.value = c.route;
      queued.value = c.queued ?? [];
    }
  }

  async function load(): Promise<void> {
    if (!route.value) restore();
    try {
      route.value = await api.get<TodayRoute>('/api/me/route', undefined, { silent: true });
      persist();
    } catch {
      /* offline: the cached route stays */
    }
    loaded.value = true;
  }

  function find(code: string): RouteCheckpoint | null {
    const parsed = parseCode(code);
    return checkpoints.value.find((c) => codeNames(parsed, c)) ?? null;
  }

  function markQueued(code: string): void {
    const cp = find(code);
    if (cp && !queued.value.includes(cp.id)) {
      queued.value = [...queued.value, cp.id];
      persist();
    }
  }

  /** The server accepted (valid or flagged) a check-in at this checkpoint. */
  function markDone(checkpointId: string, at: string): void {
    queued.value = queued.value.filter((id) => id !== checkpointId);
    const r = route.value;
    if (r) {
      const list = r.checkpoints.map((c) => (c.id === checkpointId && !c.done_at ? { ...c, done_at: at } : c));
      route.value = { ...r, checkpoints: list, done: list.filter((c) => c.done_at).length };
    }
    persist();
  }

  function unqueue(checkpointId: string): void {
    queued.value = queued.value.filter((id) => id !== checkpointId);
    persist();
  }

  // A queued check-in's answer ticks (or unticks) its checkpoint whenever it arrives.
  outbox.onSettled((item, outcome) => {
    if (item.url !== CHECKINS) return;
    const cp = find(String(item.body.code ?? ''));
    if (outcome.kind === 'sent') {
      const r = outcome.data as Partial<CheckinResult> | undefined;
      const id = r?.checkpoint_id ?? cp?.id;
      if (id && (r?.verdict === 'valid' || r?.verdict === 'flagged')) markDone(id, r.server_time ?? new Date().toISOString());
      else if (id) unqueue(id);
    } else if (cp) {
      unqueue(cp.id);
    }
  });

  return { route, queued, loaded, checkpoints, total, done, queuedCount, load, find, markQueued, markDone, unqueue };
});
