// Wire shapes of the directives API (docs/API-directives.md): what officers issue and
// read, the ack board, and what a guard receives and answers.

export type DirectiveKind = 'routine' | 'weekly' | 'emergency' | 'ack_test';
export type DirectivePriority = 'normal' | 'high' | 'urgent';
export type TaskType = 'patrol' | 'clearance' | 'hazard_sweep' | 'watch';
/** A recipient's progress on one directive. */
export type RecipientState = 'pending' | 'delivered' | 'signed' | 'signed_late' | 'feedback_done' | 'overdue' | 'not_required';

export const DIRECTIVE_KINDS: DirectiveKind[] = ['routine', 'weekly', 'emergency', 'ack_test'];
export const PRIORITIES: DirectivePriority[] = ['normal', 'high', 'urgent'];
export const TASK_TYPES: TaskType[] = ['patrol', 'clearance', 'hazard_sweep', 'watch'];

export interface DirectiveTask {
  type: TaskType;
  checkpoint_ids?: string[];
  note?: string | null;
}

export interface TimeWindow {
  from: string;
  to: string;
}

export interface Directive {
  id: string;
  doc_no: string;
  kind: DirectiveKind;
  title: string;
  body: string;
  priority: DirectivePriority;
  tasks: DirectiveTask[];
  window: TimeWindow | null;
  feedback_required: boolean;
  ack_deadline_minutes: number;
  state: 'sent' | 'cancelled';
  created_by: string;
  sent_at: string;
  deadline_at: string;
  recipient_count: number;
  signed_count: number;
  feedback_count: number;
}

export interface DirectiveFeedback {
  text?: string;
  checkpoint_ids?: string[];
}

export interface Recipient {
  guard_id: string;
  guard_name: string | null;
  unit_id: string;
  unit_name: string | null;
  seq?: number;
  state: RecipientState;
  delivered_at: string | null;
  signed_at: string | null;
  latency_seconds: number | null;
  late?: boolean;
  feedback_at: string | null;
  feedback: DirectiveFeedback | null;
}

export interface DirectiveDetail extends Directive {
  recipients: Recipient[];
}

export interface BoardRow {
  unit_id: string | null;
  unit_name: string | null;
  recipients: number;
  delivered: number;
  signed: number;
  late: number;
  feedback: number;
  overdue: number;
  not_required?: number;
  median_latency_seconds: number | null;
}

export interface Board {
  units: BoardRow[];
  totals: BoardRow;
}

export interface DirectiveTargets {
  all?: boolean;
  grid_ids?: string[];
  unit_ids?: string[];
  building_ids?: string[];
  guard_ids?: string[];
}

export interface DirectiveCreate {
  kind: DirectiveKind;
  title: string;
  body: string;
  priority?: DirectivePriority;
  tasks?: DirectiveTask[];
  window?: TimeWindow;
  targets: DirectiveTargets;
  include_off_shift?: boolean;
  feedback_required?: boolean;
  ack_deadline_minutes?: number;
}

export interface DirectiveCreated {
  id: string;
  doc_no: string;
  recipient_count: number;
}

/** One entry of GET /api/me/directives. */
export interface MyDirective {
  seq: number;
  state: RecipientState;
  late: boolean;
  directive: Directive;
}

/** POST /api/directives/{id}/ack and /feedback answer. */
export interface AckReply {
  state: RecipientState;
  signed_at?: string | null;
  late?: boolean;
}
