// Patrol mode keeps the screen on while the guard is on shift: a screen wake lock,
// taken again whenever the page becomes visible (the browser drops it when hidden).

type Sentinel = { released: boolean; release(): Promise<void> };
type WakeLockApi = { request(type: 'screen'): Promise<Sentinel> };

let wanted = false;
let sentinel: Sentinel | null = null;
let listening = false;

function api(): WakeLockApi | null {
  return typeof navigator !== 'undefined' && 'wakeLock' in navigator ? (navigator as unknown as { wakeLock: WakeLockApi }).wakeLock : null;
}

async function acquire(): Promise<void> {
  const wl = api();
  if (!wl || !wanted || document.visibilityState !== 'visible') return;
  if (sentinel && !sentinel.released) return;
  try {
    sentinel = await wl.request('screen');
  } catch {
    sentinel = null; /* refused (battery saver, no gesture yet): try again on the next visibility change */
  }
}

function onVisibility(): void {
  if (document.visibilityState === 'visible') void acquire();
}

export function holdScreenOn(): void {
  wanted = true;
  if (!listening) {
    document.addEventListener('visibilitychange', onVisibility);
    listening = true;
  }
  void acquire();
}

export function releaseScreen(): void {
  wanted = false;
  if (listening) {
    document.removeEventListener('visibilitychange', onVisibility);
    listening = false;
  }
  const s = sentinel;
  sentinel = null;
  if (s && !s.released) void s.release().catch(() => undefined);
}

export function screenHeld(): boolean {
  return !!sentinel && !sentinel.released;
}
