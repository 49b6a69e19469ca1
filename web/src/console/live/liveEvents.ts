// Reading the live channel's events. The contract fixes `{type: "event", topic, kind,
// …}` and `{topic: "alerts", alert}` but not where a map event keeps its guard or
// check-in, so each reader looks in the likely places and ignores what it cannot use.
import type { Alert, CheckinRecord, LiveGuard } from '@/shared/api/patrol';
import type { LiveMessage } from './liveChannel';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

function firstWith(msg: LiveMessage, field: string, keys: string[]): Obj | null {
  for (const k of keys) {
    const v = msg[k];
    if (isObj(v) && field in v) return v;
  }
  return field in msg ? (msg as Obj) : null;
}

const num = (v: unknown): number | null | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : v === null ? null : undefined);

/** A guard update from a map `position` or `state` event: only the fields it carries. */
export function guardPatch(msg: LiveMessage): (Partial<LiveGuard> & { guard_id: string }) | null {
  if (msg.type !== 'event' || msg.topic !== 'map' || (msg.kind !== 'position' && msg.kind !== 'state')) return null;
  const src = firstWith(msg, 'guard_id', ['guard', 'position', 'item', 'data', 'live']);
  if (!src || typeof src.guard_id !== 'string') return null;
  const patch: Partial<LiveGuard> & { guard_id: string } = { guard_id: src.guard_id };
  for (const k of ['name', 'unit_id', 'unit_name', 'post_id', 'at'] as const) {
    if (typeof src[k] === 'string' || src[k] === null) (patch as Obj)[k] = src[k];
  }
  for (const k of ['lat', 'lon', 'accuracy'] as const) {
    const v = num(src[k]);
    if (v !== undefined) (patch as Obj)[k] = v;
  }
  if (typeof src.state === 'string') patch.state = src.state as LiveGuard['state'];
  if (typeof src.on_shift === 'boolean') patch.on_shift = src.on_shift;
  return patch;
}

/** Apply a patch; a guard first seen in an event needs a position to be drawn. */
export function mergeGuard(guards: Map<string, LiveGuard>, patch: Partial<LiveGuard> & { guard_id: string }): boolean {
  const before = guards.get(patch.guard_id);
  if (before) {
    guards.set(patch.guard_id, { ...before, ...patch });
    return true;
  }
  if (typeof patch.lat !== 'number' || typeof patch.lon !== 'number') return false;
  guards.set(patch.guard_id, {
    name: '',
    unit_id: null,
    unit_name: null,
    post_id: null,
    accuracy: null,
    at: null,
    state: 'on_post',
    on_shift: true,
    lat: null,
    lon: null,
    ...patch,
  });
  return true;
}

export function checkinFromEvent(msg: LiveMessage): CheckinRecord | null {
  if (msg.type !== 'event' || msg.topic !== 'map' || msg.kind !== 'checkin') return null;
  const src = firstWith(msg, 'verdict', ['checkin', 'item', 'data']) ?? firstWith(msg, 'checkpoint_id', ['checkin', 'item', 'data']);
  if (!src || typeof src.id !== 'string') return null;
  const guardId = typeof src.guard_id === 'string' ? src.guard_id : typeof msg.guard_id === 'string' ? msg.guard_id : undefined;
  return { ...(src as unknown as CheckinRecord), guard_id: guardId };
}

export function alertFromEvent(msg: LiveMessage): Alert | null {
  if (msg.type !== 'event' || msg.topic !== 'alerts') return null;
  const a = isObj(msg.alert) ? msg.alert : null;
  return a && typeof a.id === 'string' && typeof a.kind === 'string' ? (a as unknown as Alert) : null;
}
