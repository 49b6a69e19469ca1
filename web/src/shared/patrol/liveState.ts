// Live guard states and their colours on the map and in lists: on post green, off post
// red, no signal orange, offline grey. Anything unexpected is drawn grey too.
import { LEVEL_COLOURS, type Level } from '../status';
import type { LiveGuard, LiveState } from '../api/patrol';

export const LIVE_STATES: LiveState[] = ['on_post', 'off_post', 'no_signal', 'offline'];

const LEVELS: Record<LiveState, Level> = {
  on_post: 'green',
  off_post: 'red',
  no_signal: 'orange',
  offline: 'grey',
};

export function liveStateLevel(state: string | null | undefined): Level {
  return state && state in LEVELS ? LEVELS[state as LiveState] : 'grey';
}

export function liveStateColour(state: string | null | undefined): string {
  return LEVEL_COLOURS[liveStateLevel(state)];
}

/** A MapLibre `match` expression colouring a feature by its `state` property. */
export function liveStateColourExpression(): unknown[] {
  return ['match', ['get', 'state'], ...LIVE_STATES.flatMap((s) => [s, liveStateColour(s)]), liveStateColour(null)];
}

export interface LiveCounts {
  onShift: number;
  onPost: number;
  offPost: number;
  noSignal: number;
  offline: number;
}

export function countLive(guards: Iterable<LiveGuard>): LiveCounts {
  const c: LiveCounts = { onShift: 0, onPost: 0, offPost: 0, noSignal: 0, offline: 0 };
  for (const g of guards) {
    if (g.on_shift) c.onShift++;
    if (g.state === 'on_post') c.onPost++;
    else if (g.state === 'off_post') c.offPost++;
    else if (g.state === 'no_signal') c.noSignal++;
    else if (g.state === 'offline') c.offline++;
  }
  return c;
}
