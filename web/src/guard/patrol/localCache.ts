// Small JSON values the guard app keeps in localStorage so it can start and show its
// state without a network: the last known shift, today's route, unsent positions.
// Keys are per signed-in user, so a shared phone does not mix guards.

const PREFIX = 'jb.m.';

export function cacheKey(userId: string | null | undefined, name: string): string {
  return `${PREFIX}${userId ?? 'anon'}.${name}`;
}

export function readCache<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeCache(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or unavailable: the value lives in memory only */
  }
}

/** Forget everything cached for one user (sign-out). */
export function clearUserCache(userId: string | null | undefined): void {
  try {
    const prefix = `${PREFIX}${userId ?? 'anon'}.`;
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const k = localStorage.key(i);
      if (k?.startsWith(prefix)) localStorage.removeItem(k);
    }
  } catch {
    /* nothing to clear */
  }
}
