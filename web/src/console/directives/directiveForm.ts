// The 新建指令 form's model and how it becomes POST /api/directives: empty lists and
// blank notes are left out, the priority follows the kind unless chosen, the time
// window is picked in Shanghai time and sent in UTC.
import type { DirectiveCreate, DirectiveKind, DirectivePriority, TaskType } from '@/shared/api/directives';
import { shanghaiToUtc } from '@/shared/time';

export interface TaskDraft {
  type: TaskType;
  note: string;
}

export interface DirectiveDraft {
  kind: DirectiveKind;
  priority: DirectivePriority;
  title: string;
  body: string;
  tasks: TaskDraft[];
  all: boolean;
  grid_ids: string[];
  unit_ids: string[];
  guard_ids: string[];
  include_off_shift: boolean;
  feedback_required: boolean;
  ack_deadline_minutes: number;
  /** Shanghai wall-clock "YYYY-MM-DD HH:mm:ss" pair, or null for none. */
  window: [string, string] | null;
}

export const DEFAULT_DEADLINE_MINUTES = 10;

export function emptyDraft(): DirectiveDraft {
  return {
    kind: 'routine', priority: 'normal', title: '', body: '', tasks: [],
    all: false, grid_ids: [], unit_ids: [], guard_ids: [],
    include_off_shift: false, feedback_required: true, ack_deadline_minutes: DEFAULT_DEADLINE_MINUTES, window: null,
  };
}

/** The priority a kind suggests (an emergency is urgent). */
export function suggestedPriority(kind: DirectiveKind): DirectivePriority {
  return kind === 'emergency' ? 'urgent' : 'normal';
}

export function hasTargets(d: DirectiveDraft): boolean {
  return d.all || d.grid_ids.length > 0 || d.unit_ids.length > 0 || d.guard_ids.length > 0;
}

export function toRequest(d: DirectiveDraft): DirectiveCreate {
  const targets: DirectiveCreate['targets'] = {};
  if (d.all) targets.all = true;
  if (d.grid_ids.length) targets.grid_ids = [...d.grid_ids];
  if (d.unit_ids.length) targets.unit_ids = [...d.unit_ids];
  if (d.guard_ids.length) targets.guard_ids = [...d.guard_ids];
  const body: DirectiveCreate = {
    kind: d.kind,
    title: d.title.trim(),
    body: d.body.trim(),
    priority: d.priority,
    tasks: d.tasks.map((t) => (t.note.trim() ? { type: t.type, note: t.note.trim() } : { type: t.type })),
    targets,
    include_off_shift: d.include_off_shift,
    feedback_required: d.feedback_required,
    ack_deadline_minutes: d.ack_deadline_minutes,
  };
  const from = shanghaiToUtc(d.window?.[0]);
  const to = shanghaiToUtc(d.window?.[1]);
  if (from && to) body.window = { from, to };
  return body;
}
