// An alert's `reason` in words. The contract does not fix its shape: a plain string is
// shown as it is; an object's known fields (last signal, outside the fence since, the
// post) are put in words and any others listed as key: value. Also reads a position
// (`fix: [lat, lon]`) from it when there is one.
import { formatTime } from '../time';

type Translate = (key: string, named?: Record<string, unknown>) => string;

export function alertReasonText(reason: unknown, t: Translate): string {
  if (reason === null || reason === undefined || reason === '') return '';
  if (typeof reason === 'string') return reason;
  if (typeof reason !== 'object' || Array.isArray(reason)) return String(reason);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(reason as Record<string, unknown>)) {
    if (v === null || v === undefined || k === 'fix') continue;
    if (k === 'last_signal' && typeof v === 'string') parts.push(t('patrol.alerts.lastSignal', { time: formatTime(v, 'MM-DD HH:mm') }));
    else if (k === 'outside_since' && typeof v === 'string') parts.push(t('patrol.alerts.outsideSince', { time: formatTime(v, 'MM-DD HH:mm') }));
    else if (k === 'post' && typeof v === 'string') parts.push(t('patrol.alerts.postName', { name: v }));
    else parts.push(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  return parts.join('；');
}

/** `[lon, lat]` from a reason's `fix: [lat, lon]`, if present. */
export function alertReasonFix(reason: unknown): [number, number] | null {
  if (!reason || typeof reason !== 'object') return null;
  const fix = (reason as { fix?: unknown }).fix;
  if (Array.isArray(fix) && fix.length >= 2 && typeof fix[0] === 'number' && typeof fix[1] === 'number') return [fix[1], fix[0]];
  return null;
}
