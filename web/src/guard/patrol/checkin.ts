// One check-in from the 打卡 tab: the code (scanned or typed), the device time of the
// scan and the current GPS fix if there is one, sent through the outbox. The answer is
// the server's verdict, "queued" when it could not be sent now, or a refusal.
import type { CheckinResult } from '@/shared/api/patrol';
import { outbox } from '../outbox';
import { getFix } from './geo';
import { normaliseCode } from './checkinCode';
import { CHECKINS } from './routeStore';

export type CheckinView =
  | { kind: 'result'; result: CheckinResult }
  | { kind: 'queued' }
  | { kind: 'refused'; message: string }
  | { kind: 'duplicate' };

export async function submitCheckin(rawCode: string, locate: typeof getFix = getFix): Promise<CheckinView> {
  const device_time = new Date().toISOString();
  const body: Record<string, unknown> = { code: normaliseCode(rawCode), device_time };
  const fix = await locate();
  if (fix) {
    body.lat = fix.lat;
    body.lon = fix.lon;
    body.accuracy = fix.accuracy;
  }
  const { outcome } = await outbox.submit(CHECKINS, body);
  if (!outcome) return { kind: 'queued' };
  if (outcome.kind === 'sent') return { kind: 'result', result: outcome.data as CheckinResult };
  if (outcome.kind === 'decided') return { kind: 'duplicate' };
  return { kind: 'refused', message: outcome.message };
}
