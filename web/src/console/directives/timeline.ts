// A directive's timeline for the drawer, from what the API returns: issued (by whom),
// then each recipient's delivery, sign-for and report, newest last.
import type { DirectiveDetail } from '@/shared/api/directives';

export interface TimelineItem {
  at: string;
  /** i18n key under `directivesPage.timeline.` */
  what: 'issued' | 'delivered' | 'signed' | 'signedLate' | 'reported';
  who: string;
}

export function directiveTimeline(d: DirectiveDetail): TimelineItem[] {
  const out: TimelineItem[] = [{ at: d.sent_at, what: 'issued', who: d.created_by }];
  for (const r of d.recipients) {
    const who = r.guard_name ?? r.guard_id;
    if (r.delivered_at) out.push({ at: r.delivered_at, what: 'delivered', who });
    if (r.signed_at) out.push({ at: r.signed_at, what: r.late || r.state === 'signed_late' ? 'signedLate' : 'signed', who });
    if (r.feedback_at) out.push({ at: r.feedback_at, what: 'reported', who });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
