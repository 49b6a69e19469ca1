// What a queued submission was, in words, for messages about it.
import { t } from '@/shared/i18n';

const LABELS: Record<string, string> = {
  '/api/shifts/start': 'patrol.submissions.shiftStart',
  '/api/shifts/end': 'patrol.submissions.shiftEnd',
  '/api/checkins': 'patrol.submissions.checkin',
  '/api/positions/batch': 'patrol.submissions.positions',
};

const DIRECTIVE_ANSWER = /^\/api\/directives\/[^/]+\/(ack|feedback)$/;

export function submissionLabel(url: string): string {
  const answer = DIRECTIVE_ANSWER.exec(url);
  if (answer) return t(answer[1] === 'ack' ? 'patrol.submissions.directiveAck' : 'patrol.submissions.directiveFeedback');
  return t(LABELS[url] ?? 'patrol.submissions.other');
}
