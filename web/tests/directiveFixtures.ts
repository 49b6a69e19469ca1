// Directive fixtures shared by the directive tests.
import type { Directive, MyDirective, RecipientState } from '@/shared/api/directives';

export function directive(id: string, over: Partial<Directive> = {}): Directive {
  return {
    id, doc_no: `首南警指〔2026〕${id}号`, kind: 'weekly', title: `指令${id}`, body: '加强地下车库巡查。', priority: 'normal',
    tasks: [{ type: 'patrol', checkpoint_ids: [], note: '车库' }], window: null, feedback_required: true, ack_deadline_minutes: 10,
    state: 'sent', created_by: 'officer', sent_at: '2026-11-23T08:00:00Z', deadline_at: '2026-11-23T08:10:00Z',
    recipient_count: 0, signed_count: 0, feedback_count: 0, ...over,
  };
}

export function mine(id: string, seq: number, state: RecipientState, over: Partial<Directive> = {}): MyDirective {
  return { seq, state, late: false, directive: directive(id, over) };
}

export const pushed = (id: string, seq: number, over: Partial<Directive> = {}) => ({ type: 'directive', seq, directive: directive(id, over) });

/** An in-memory stand-in for localStorage. */
export function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    read: <T>(key: string): T | null => (data.has(key) ? (JSON.parse(data.get(key)!) as T) : null),
    write: (key: string, value: unknown) => {
      if (value === null || value === undefined) data.delete(key);
      else data.set(key, JSON.stringify(value));
    },
  };
}
