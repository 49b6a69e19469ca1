// What a queued submission was, in words, for messages about it.
import { t } from '@/shared/i18n';

const LABELS: Record<string, string> = {
  '/api/shifts/start': 'patrol.submissions.shiftStart',
  '/api/shifts/end': 'patrol.submissions.shiftEnd',
  '/api/checkins': 'patrol.submissions.checkin',
  '/api/positions/batch': 'patrol.submissions.positions',
};

export function submissionLabel(url: string): string {
  return t(LABELS[url] ?? 'patrol.submissions.other');
}
