// Reading live-channel events defensively, and placing alerts that carry no position.
import { describe, expect, it } from 'vitest';
import { alertFromEvent, checkinFromEvent, guardPatch, mergeGuard } from '@/console/live/liveEvents';
import { alertPosition } from '@/console/live/alertPlacement';
import type { Alert, LiveGuard } from '@/shared/api/patrol';
import type { Checkpoint } from '@/shared/api/types';

const base: LiveGuard = {
  guard_id: 'g1', name: '张三', unit_id: 'u1', unit_name: '一号楼', post_id: 'p1',
  lat: 29.8, lon: 121.5, accuracy: 5, at: '2026-11-23T08:00:00Z', state: 'on_post', on_shift: true,
};

describe('guard events', () => {
  it('reads a flat position event and a nested state event', () => {
    expect(guardPatch({ type: 'event', topic: 'map', kind: 'position', guard_id: 'g1', lat: 29.9, lon: 121.6, at: 't' }))
      .toEqual({ guard_id: 'g1', lat: 29.9, lon: 121.6, at: 't' });
    expect(guardPatch({ type: 'event', topic: 'map', kind: 'state', guard: { guard_id: 'g1', state: 'off_post' } }))
      .toEqual({ guard_id: 'g1', state: 'off_post' });
  });

  it('ignores other topics, kinds and malformed events', () => {
    expect(guardPatch({ type: 'event', topic: 'alerts', kind: 'position', guard_id: 'g1' })).toBeNull();
    expect(guardPatch({ type: 'event', topic: 'map', kind: 'checkin', guard_id: 'g1' })).toBeNull();
    expect(guardPatch({ type: 'event', topic: 'map', kind: 'position' })).toBeNull();
    expect(guardPatch({ type: 'pong' })).toBeNull();
  });

  it('merges into a known guard and adds a new one only with a position', () => {
    const m = new Map([[base.guard_id, base]]);
    expect(mergeGuard(m, { guard_id: 'g1', state: 'off_post' })).toBe(true);
    expect(m.get('g1')).toMatchObject({ name: '张三', state: 'off_post', lat: 29.8 });
    expect(mergeGuard(m, { guard_id: 'g2', state: 'on_post' })).toBe(false);
    expect(mergeGuard(m, { guard_id: 'g2', lat: 29.7, lon: 121.4, name: '李四' })).toBe(true);
    expect(m.get('g2')).toMatchObject({ name: '李四', lat: 29.7, lon: 121.4 });
  });
});

describe('check-in and alert events', () => {
  it('reads a check-in event', () => {
    const c = checkinFromEvent({ type: 'event', topic: 'map', kind: 'checkin', checkin: { id: 'c1', verdict: 'valid', checkpoint_id: 'cp' } });
    expect(c?.id).toBe('c1');
  });

  it('reads an alert event', () => {
    const a = alertFromEvent({ type: 'event', topic: 'alerts', alert: { id: 'a1', kind: 'off_post', state: 'raised' } });
    expect(a?.id).toBe('a1');
    expect(alertFromEvent({ type: 'event', topic: 'alerts' })).toBeNull();
  });
});

describe('alert placement', () => {
  const alert = (over: Partial<Alert>): Alert => ({
    id: 'a', kind: 'off_post', state: 'raised', guard_id: null, guard_name: null, post_id: null, post_name: null,
    unit_id: null, unit_name: null, raised_at: 't', acked_at: null, acked_by: null, resolved_at: null, resolved_by: null, reason: null, auto: false,
    ...over,
  });
  const cps = [
    { id: 'c1', name: 'A', building_id: 'b', unit_id: 'u1', post_id: null, lat: 1, lon: 2, radius_m: 30, floor: 1, indoor: true },
    { id: 'c2', name: 'B', building_id: 'b', unit_id: 'u1', post_id: 'p9', lat: 3, lon: 4, radius_m: 30, floor: 1, indoor: true },
  ] as Checkpoint[];
  const guards = new Map([[base.guard_id, base]]);

  it('prefers the guard, then the post, then the unit', () => {
    expect(alertPosition(alert({ guard_id: 'g1', post_id: 'p9' }), guards, cps)).toEqual([121.5, 29.8]);
    expect(alertPosition(alert({ guard_id: 'gone', post_id: 'p9', unit_id: 'u1' }), guards, cps)).toEqual([4, 3]);
    expect(alertPosition(alert({ unit_id: 'u1' }), guards, cps)).toEqual([2, 1]);
    expect(alertPosition(alert({ unit_id: 'nowhere' }), guards, cps)).toBeNull();
  });
});

describe('alert reasons', () => {
  it('puts known fields in words and reads a fix', async () => {
    const { alertReasonText, alertReasonFix } = await import('@/shared/patrol/alertReason');
    const { t, i18n } = await import('@/shared/i18n');
    i18n.global.locale.value = 'zh-CN';
    expect(alertReasonText('离岗超过 10 分钟', t)).toBe('离岗超过 10 分钟');
    expect(alertReasonText({ post: '大堂岗' }, t)).toBe('岗位：大堂岗');
    expect(alertReasonText({ last_signal: '2026-11-23T00:00:00Z', fix: [29.8, 121.5], extra: 3 }, t)).toBe('最后信号 11-23 08:00；extra: 3');
    expect(alertReasonText(null, t)).toBe('');
    expect(alertReasonFix({ fix: [29.8, 121.5] })).toEqual([121.5, 29.8]);
    expect(alertReasonFix({ post: 'x' })).toBeNull();
  });
});
