// New alerts are announced once per burst, with one tone, and at most three stay open.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, t } from '@/shared/i18n';
import { createAlertAnnouncer, describeAlerts } from '@/console/live/alertAnnouncer';
import type { Alert } from '@/shared/api/patrol';

const alert = (id: string, kind: Alert['kind'], over: Partial<Alert> = {}): Alert => ({
  id, kind, state: 'raised', guard_id: null, guard_name: null, post_id: null, post_name: null, unit_id: 'u', unit_name: '嘉和中心',
  raised_at: 't', acked_at: null, acked_by: null, resolved_at: null, resolved_by: null, reason: null, auto: false, ...over,
});

beforeEach(() => {
  vi.useFakeTimers();
  i18n.global.locale.value = 'zh-CN';
});
afterEach(() => vi.useRealTimers());

describe('alert announcements', () => {
  it('names a single alert', () => {
    expect(describeAlerts([alert('a', 'off_post', { guard_name: '张瑞涛', post_name: '大堂岗' })], t)).toEqual({
      title: '新告警：脱岗',
      message: '张瑞涛 · 大堂岗 · 嘉和中心',
    });
  });

  it('gathers a burst into one notification and one tone', () => {
    const notes: string[] = [];
    const sound = vi.fn();
    const a = createAlertAnnouncer({ t, sound, notify: (title, message) => { notes.push(`${title}|${message}`); return { close() {} }; } });
    a.push(alert('1', 'vacant_post'));
    a.push(alert('2', 'vacant_post'));
    a.push(alert('3', 'offline'));
    expect(notes).toEqual([]);
    vi.advanceTimersByTime(800);
    expect(notes).toEqual(['3 条新告警|空岗 2 · 离线 1']);
    expect(sound).toHaveBeenCalledTimes(1);
  });

  it('keeps only the latest three notifications open', () => {
    const closed: number[] = [];
    let n = 0;
    const a = createAlertAnnouncer({ t, sound: () => {}, notify: () => { const i = n++; return { close: () => closed.push(i) }; } });
    for (let i = 0; i < 5; i++) {
      a.push(alert(String(i), 'off_post'));
      vi.advanceTimersByTime(800);
    }
    expect(n).toBe(5);
    expect(closed).toEqual([0, 1]);
  });
});
