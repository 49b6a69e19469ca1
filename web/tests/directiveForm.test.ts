// The 新建指令 form becomes the request the contract asks for: targets as a union of what
// was picked, blank notes left out, the time window picked in Shanghai time sent in UTC.
import { describe, expect, it } from 'vitest';
import { emptyDraft, hasTargets, suggestedPriority, toRequest } from '@/console/directives/directiveForm';
import { directiveOfEvent } from '@/console/directives/useDirectiveLive';

describe('new directive form', () => {
  it('builds the request body', () => {
    const d = emptyDraft();
    expect(hasTargets(d)).toBe(false);
    Object.assign(d, {
      kind: 'emergency', priority: suggestedPriority('emergency'), title: ' 加强夜间巡查 ', body: '地下车库。',
      tasks: [{ type: 'patrol', note: ' B2 层 ' }, { type: 'watch', note: '' }],
      unit_ids: ['u1'], guard_ids: ['g9'], window: ['2026-11-23 22:00:00', '2026-11-24 06:00:00'], ack_deadline_minutes: 5,
    });
    expect(hasTargets(d)).toBe(true);
    expect(toRequest(d)).toEqual({
      kind: 'emergency', priority: 'urgent', title: '加强夜间巡查', body: '地下车库。',
      tasks: [{ type: 'patrol', note: 'B2 层' }, { type: 'watch' }],
      targets: { unit_ids: ['u1'], guard_ids: ['g9'] },
      include_off_shift: false, feedback_required: true, ack_deadline_minutes: 5,
      window: { from: '2026-11-23T14:00:00Z', to: '2026-11-23T22:00:00Z' },
    });
  });

  it('tells which directive a live event is about', () => {
    expect(directiveOfEvent({ type: 'event', topic: 'board:abc', directive_id: 'abc' })).toBe('abc');
    expect(directiveOfEvent({ type: 'event', topic: 'directives', kind: 'directive_overdue', directive_id: 'x' })).toBe('x');
    expect(directiveOfEvent({ type: 'event', topic: 'alerts' })).toBeNull();
    expect(directiveOfEvent({ type: 'subscribed' })).toBeNull();
  });
});
