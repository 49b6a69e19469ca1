// Live guard states: colours on the map and in lists, the map's colour expression, and
// the counters of the side panel.
import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS } from '@/shared/status';
import { countLive, liveStateColour, liveStateColourExpression, liveStateLevel } from '@/shared/patrol/liveState';
import type { LiveGuard } from '@/shared/api/patrol';

const guard = (over: Partial<LiveGuard>): LiveGuard => ({
  guard_id: Math.random().toString(16).slice(2),
  name: '张三',
  unit_id: null,
  unit_name: null,
  post_id: null,
  lat: 29.8,
  lon: 121.5,
  accuracy: 8,
  at: '2026-11-23T08:00:00Z',
  state: 'on_post',
  on_shift: true,
  ...over,
});

describe('live state colours', () => {
  it('on post green, off post red, no signal orange, offline grey', () => {
    expect(liveStateLevel('on_post')).toBe('green');
    expect(liveStateLevel('off_post')).toBe('red');
    expect(liveStateLevel('no_signal')).toBe('orange');
    expect(liveStateLevel('offline')).toBe('grey');
    expect(liveStateColour('on_post')).toBe(LEVEL_COLOURS.green);
    expect(liveStateColour('off_post')).toBe(LEVEL_COLOURS.red);
    expect(liveStateColour('no_signal')).toBe(LEVEL_COLOURS.orange);
    expect(liveStateColour('offline')).toBe(LEVEL_COLOURS.grey);
  });

  it('draws an unknown state grey', () => {
    expect(liveStateLevel('teleporting')).toBe('grey');
    expect(liveStateLevel(null)).toBe('grey');
  });

  it('builds a MapLibre match expression with the same colours and a grey default', () => {
    const expr = liveStateColourExpression();
    expect(expr.slice(0, 2)).toEqual(['match', ['get', 'state']]);
    const pairs = expr.slice(2, -1);
    const table = Object.fromEntries(Array.from({ length: pairs.length / 2 }, (_, i) => [pairs[2 * i], pairs[2 * i + 1]]));
    expect(table).toEqual({
      on_post: LEVEL_COLOURS.green,
      off_post: LEVEL_COLOURS.red,
      no_signal: LEVEL_COLOURS.orange,
      offline: LEVEL_COLOURS.grey,
    });
    expect(expr.at(-1)).toBe(LEVEL_COLOURS.grey);
  });
});

describe('live counters', () => {
  it('counts on shift and each state', () => {
    const c = countLive([
      guard({ state: 'on_post' }),
      guard({ state: 'on_post' }),
      guard({ state: 'off_post' }),
      guard({ state: 'no_signal' }),
      guard({ state: 'offline', on_shift: true }),
      guard({ state: 'offline', on_shift: false }),
    ]);
    expect(c).toEqual({ onShift: 5, onPost: 2, offPost: 1, noSignal: 1, offline: 2 });
  });
});
