// Lets the guard app start without a network: the last signed-in user is remembered
// on the phone, and used only when /api/me cannot be reached (a 401 still signs out).
// The server still decides every submission when the outbox sends it.
import type { Me } from '@/shared/api/types';

const KEY = 'jb.m.me';

export function rememberMe(me: Me | null): void {
  try {
    if (me) localStorage.setItem(KEY, JSON.stringify({ ...me, csrf_token: undefined }));
    else localStorage.removeItem(KEY);
  } catch {
    /* not remembered */
  }
}

export function rememberedMe(): Me | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Me) : null;
  } catch {
    return null;
  }
}
