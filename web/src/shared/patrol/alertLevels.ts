// Alert kinds and states for filters, and the state colours: raised red, acknowledged
// orange, resolved green.
import type { Level } from '../status';
import type { AlertKind, AlertState } from '../api/patrol';

export const ALERT_KINDS: AlertKind[] = ['off_post', 'vacant_post', 'offline', 'missed_checkpoint'];
export const ALERT_STATES: AlertState[] = ['raised', 'acknowledged', 'resolved'];

export function alertStateLevel(state: string | null | undefined): Level {
  if (state === 'raised') return 'red';
  if (state === 'acknowledged') return 'orange';
  if (state === 'resolved') return 'green';
  return 'grey';
}

/** Open means still needing someone: raised or acknowledged. */
export function isOpenAlert(state: string | null | undefined): boolean {
  return state === 'raised' || state === 'acknowledged';
}
