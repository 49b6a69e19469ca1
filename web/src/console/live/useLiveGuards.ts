// Live guards for the page that calls it: GET /api/positions/live now, every 10 s as
// a fallback, and after each reconnection; in between, the live channel's position,
// state and check-in events. Also keeps the latest check-ins seen on the channel.
import { onBeforeUnmount, onMounted, ref, shallowRef, watch } from 'vue';
import { api } from '@/shared/api';
import type { CheckinRecord, LiveGuard } from '@/shared/api/patrol';
import { liveChannel } from './liveChannel';
import { checkinFromEvent, guardPatch, mergeGuard } from './liveEvents';

export const POLL_MS = 10_000;
const RECENT_CHECKINS = 20;

export function useLiveGuards(pollMs = POLL_MS) {
  const guards = shallowRef(new Map<string, LiveGuard>());
  const recentCheckins = ref<CheckinRecord[]>([]);
  const loaded = ref(false);
  const failed = ref(false);
  const updatedAt = ref<Date | null>(null);
  let timer: ReturnType<typeof setInterval> | null = null;
  let release: (() => void) | null = null;
  let off: (() => void) | null = null;
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    try {
      const res = await api.get<{ items: LiveGuard[] }>('/api/positions/live', undefined, { silent: true });
      if (mine !== seq) return;
      guards.value = new Map(res.items.map((g) => [g.guard_id, g]));
      updatedAt.value = new Date();
      failed.value = false;
    } catch {
      if (mine === seq) failed.value = true;
    } finally {
      if (mine === seq) loaded.value = true;
    }
  }

  onMounted(() => {
    void load();
    timer = setInterval(() => void load(), pollMs);
    release = liveChannel.hold();
    off = liveChannel.on((msg) => {
      const patch = guardPatch(msg);
      if (patch) {
        const next = new Map(guards.value);
        if (mergeGuard(next, patch)) {
          guards.value = next;
          updatedAt.value = new Date();
        }
        return;
      }
      const c = checkinFromEvent(msg);
      if (c && !recentCheckins.value.some((x) => x.id === c.id)) {
        recentCheckins.value = [c, ...recentCheckins.value].slice(0, RECENT_CHECKINS);
      }
    });
  });

  const stopWatch = watch(liveChannel.generation, () => void load());

  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
    stopWatch();
    off?.();
    release?.();
  });

  return { guards, recentCheckins, loaded, failed, updatedAt, load };
}
