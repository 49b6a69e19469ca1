// Where an alert is drawn: alerts carry a guard, post and unit but no position, so the
// marker goes to the guard's live position, else the fix its reason names (if any),
// else a checkpoint of the post, else a checkpoint of the unit; an alert with none of
// these is listed but not drawn.
import type { Alert, LiveGuard } from '@/shared/api/patrol';
import type { Checkpoint } from '@/shared/api/types';
import { alertReasonFix } from '@/shared/patrol/alertReason';

export function alertPosition(
  alert: Alert,
  guards: ReadonlyMap<string, LiveGuard>,
  checkpoints: readonly Checkpoint[],
): [number, number] | null {
  const g = alert.guard_id ? guards.get(alert.guard_id) : undefined;
  if (g && typeof g.lat === 'number' && typeof g.lon === 'number') return [g.lon, g.lat];
  const fix = alertReasonFix(alert.reason);
  if (fix) return fix;
  const byPost = alert.post_id ? checkpoints.find((c) => c.post_id === alert.post_id) : undefined;
  if (byPost) return [byPost.lon, byPost.lat];
  const byUnit = alert.unit_id ? checkpoints.find((c) => c.unit_id === alert.unit_id) : undefined;
  if (byUnit) return [byUnit.lon, byUnit.lat];
  return null;
}
