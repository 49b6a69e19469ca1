// How a recipient's state on a directive is shown, in both apps: one tag with a word and
// a colour (red 待签收 and 超时, orange 已签收, green 已反馈, grey 无需签收 and 已撤回), and
// whether a signed directive still waits for its 落实反馈 ("received" is not completion).
import type { Directive, RecipientState } from '@/shared/api/directives';
import type { Level } from '@/shared/status';

export type StateTagKey = 'unsigned' | 'signed' | 'feedbackDone' | 'overdue' | 'notRequired' | 'cancelled';

export interface StateTag {
  /** i18n key under `directiveStates.` */
  key: StateTagKey;
  level: Level;
}

const BY_STATE: Record<RecipientState, StateTag> = {
  pending: { key: 'unsigned', level: 'red' },
  delivered: { key: 'unsigned', level: 'red' },
  overdue: { key: 'overdue', level: 'red' },
  signed: { key: 'signed', level: 'orange' },
  signed_late: { key: 'signed', level: 'orange' },
  feedback_done: { key: 'feedbackDone', level: 'green' },
  not_required: { key: 'notRequired', level: 'grey' },
};

export function stateTag(state: RecipientState | string, directiveState: Directive['state'] = 'sent'): StateTag {
  if (directiveState === 'cancelled') return { key: 'cancelled', level: 'grey' };
  return BY_STATE[state as RecipientState] ?? BY_STATE.pending;
}

export const isSigned = (state: RecipientState | string): boolean =>
  state === 'signed' || state === 'signed_late' || state === 'feedback_done';

/** Not signed for yet, and still asked to be. */
export function awaitsSignature(state: RecipientState | string, directive: Pick<Directive, 'state'>): boolean {
  return directive.state === 'sent' && (state === 'pending' || state === 'delivered' || state === 'overdue');
}

/** Signed for, but the directive asks for 落实反馈 and none has been sent. */
export function awaitsFeedback(state: RecipientState | string, directive: Pick<Directive, 'state' | 'feedback_required'>): boolean {
  return directive.state === 'sent' && directive.feedback_required && (state === 'signed' || state === 'signed_late');
}
