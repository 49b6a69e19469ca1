// Positions while on shift: a fix every 30 s. Fixes collect in a small buffer (kept in
// localStorage) and go to the outbox as one POST /api/positions/batch of at most 100:
// at once while online, and while offline when the buffer is full, on shift end, or
// when the network returns — so an hour offline is one or two queued batches, not a
// hundred. A tick without a fix sends POST /api/heartbeat instead (online only: a
// stale "alive" is worth nothing).
import { v7 as uuidv7 } from 'uuid';
import type { PositionFix } from '@/shared/api/patrol';
import type { Fix } from './geo';

export const POSITIONS_URL = '/api/positions/batch';
export const HEARTBEAT_URL = '/api/heartbeat';
export const INTERVAL_MS = 30_000;
export const MAX_BATCH = 100;

export interface TrackerDeps {
  locate(): Promise<Fix | null>;
  enqueue(url: string, body: Record<string, unknown>): Promise<unknown>;
  heartbeat(deviceTime: string): Promise<unknown>;
  isOnline(): boolean;
  load(): PositionFix[];
  save(buffer: PositionFix[]): void;
  now?: () => Date;
}

export function createPositionTracker(deps: TrackerDeps) {
  const now = deps.now ?? (() => new Date());
  let buffer: PositionFix[] = deps.load();
  let timer: ReturnType<typeof setInterval> | null = null;
  let ticking = false;

  async function drain(): Promise<void> {
    while (buffer.length) {
      const batch = buffer.slice(0, MAX_BATCH);
      await deps.enqueue(POSITIONS_URL, { positions: batch });
      buffer = buffer.slice(batch.length);
      deps.save(buffer);
    }
  }

  async function tick(): Promise<void> {
    if (ticking) return;
    ticking = true;
    try {
      const device_time = now().toISOString();
      const fix = await deps.locate();
      if (fix) {
        buffer.push({ id: uuidv7(), lat: fix.lat, lon: fix.lon, accuracy: fix.accuracy, device_time });
        deps.save(buffer);
        if (deps.isOnline() || buffer.length >= MAX_BATCH) await drain().catch(() => undefined); // kept for the next try
      } else if (deps.isOnline()) {
        await deps.heartbeat(device_time).catch(() => undefined);
      }
    } finally {
      ticking = false;
    }
  }

  const onOnline = () => void drain().catch(() => undefined);

  return {
    start(): void {
      if (timer) return;
      timer = setInterval(() => void tick(), INTERVAL_MS);
      window.addEventListener('online', onOnline);
      void tick();
    },
    /** Stop taking fixes; whatever is buffered goes to the outbox. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      window.removeEventListener('online', onOnline);
      await drain();
    },
    tick,
    drain,
    get buffered(): number {
      return buffer.length;
    },
    get running(): boolean {
      return timer !== null;
    },
  };
}

export type PositionTracker = ReturnType<typeof createPositionTracker>;
