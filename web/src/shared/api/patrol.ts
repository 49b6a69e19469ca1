// Wire shapes of the patrol and presence contract (docs/API-patrol.md): shifts,
// check-ins, today's route, positions, alerts, checkpoint codes and the live channel.

export interface Shift {
  id: string;
  guard_id: string;
  post_id: string | null;
  post_name: string | null;
  started_at: string;
  ended_at: string | null;
  handover_note: string | null;
}

export interface Handover {
  note: string;
  from_guard_name: string | null;
  at: string;
}

export interface CurrentShift {
  shift: Shift | null;
  handover: Handover | null;
}

export type Verdict = 'valid' | 'flagged' | 'rejected';

export type CheckinReason =
  | 'bad_signature'
  | 'unknown_key'
  | 'key_retired'
  | 'out_of_radius'
  | 'no_fix'
  | 'replayed'
  | 'impossible_speed'
  | 'clock_skew'
  | 'poor_accuracy'
  | 'not_on_shift';

export interface CheckinItem {
  name: string;
  status: 'normal' | 'abnormal';
  note?: string;
}

/** What the guard app posts to /api/checkins (id and sent_at are added by the outbox). */
export interface CheckinBody {
  code: string;
  lat?: number;
  lon?: number;
  accuracy?: number;
  device_time: string;
  items?: CheckinItem[];
}

/** The server's answer to a check-in. */
export interface CheckinResult {
  id: string;
  checkpoint_id: string;
  checkpoint_name: string;
  verdict: Verdict;
  reasons: string[];
  server_time: string;
}

/** A stored check-in as listed by GET /api/checkins (fields beyond the reply read defensively). */
export interface CheckinRecord extends Partial<CheckinResult> {
  id: string;
  guard_id?: string;
  guard_name?: string;
  checkpoint_code?: string;
  code?: string;
  lat?: number | null;
  lon?: number | null;
  accuracy?: number | null;
  device_time?: string;
  created_at?: string;
  at?: string;
}

export interface RouteCheckpoint {
  id: string;
  name: string;
  code: string;
  floor: number | null;
  indoor: boolean;
  done_at: string | null;
  /** Not in the contract; used when the server sends it (post picker). */
  post_id?: string | null;
}

export interface TodayRoute {
  checkpoints: RouteCheckpoint[];
  done: number;
  total: number;
}

export interface PositionFix {
  id: string;
  lat: number;
  lon: number;
  accuracy: number;
  device_time: string;
}

export interface BatchReply {
  accepted: number;
  refused: { id: string; reason: string }[];
}

export type LiveState = 'on_post' | 'off_post' | 'no_signal' | 'offline';

export interface LiveGuard {
  guard_id: string;
  name: string;
  unit_id: string | null;
  unit_name: string | null;
  post_id: string | null;
  lat: number | null;
  lon: number | null;
  accuracy: number | null;
  at: string | null;
  state: LiveState;
  on_shift: boolean;
}

export interface TrackPoint {
  lat: number;
  lon: number;
  accuracy: number | null;
  at: string;
  device_time: string | null;
}

export type AlertKind = 'off_post' | 'vacant_post' | 'offline' | 'missed_checkpoint';
export type AlertState = 'raised' | 'acknowledged' | 'resolved';

export interface Alert {
  id: string;
  kind: AlertKind;
  state: AlertState;
  guard_id: string | null;
  guard_name: string | null;
  post_id: string | null;
  post_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  raised_at: string;
  acked_at: string | null;
  acked_by: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  /** Shape not fixed by the contract (string or object); see alertReason.ts. */
  reason: unknown;
  auto: boolean;
}

export interface CheckpointQr {
  payload: string;
  manual_code: string;
  kid: string;
  checkpoint_id: string;
  name: string;
  code: string;
}
