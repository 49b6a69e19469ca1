// What being on shift switches on in the guard app: positions every 30 s (or
// heartbeats), and patrol mode's screen wake lock. Follows the shift store.
import { watch } from 'vue';
import type { Pinia } from 'pinia';
import { api } from '@/shared/api';
import type { PositionFix } from '@/shared/api/patrol';
import { useAuth } from '@/shared/auth';
import { online } from '../connection';
import { outbox } from '../outbox';
import { getFix } from './geo';
import { cacheKey, readCache, writeCache } from './localCache';
import { createPositionTracker, HEARTBEAT_URL, type PositionTracker } from './positionTracker';
import { useShift } from './shiftStore';
import { holdScreenOn, releaseScreen } from './wakeLock';

let tracker: PositionTracker | null = null;
let installed = false;

export function installShiftDuties(pinia: Pinia): void {
  if (installed) return;
  installed = true;
  const auth = useAuth(pinia);
  const shift = useShift(pinia);
  const key = () => cacheKey(auth.me?.id, 'positions');
  shift.onBeforeEnd(async () => {
    await tracker?.drain();
  });

  watch(
    () => shift.onShift && !!auth.me,
    async (active) => {
      if (active) {
        tracker ??= createPositionTracker({
          locate: () => getFix(),
          enqueue: (url, body) => outbox.enqueue(url, body),
          heartbeat: (device_time) => api.post(HEARTBEAT_URL, { device_time }, { silent: true }),
          isOnline: () => online.value,
          load: () => readCache<PositionFix[]>(key()) ?? [],
          save: (buffer) => writeCache(key(), buffer.length ? buffer : null),
        });
        tracker.start();
        holdScreenOn();
      } else {
        releaseScreen();
        const t = tracker;
        tracker = null;
        await t?.stop();
      }
    },
    { immediate: true },
  );
}
