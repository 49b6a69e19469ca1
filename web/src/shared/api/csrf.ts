// Keeps the session's CSRF token in sessionStorage so a reloaded tab can keep sending it.
const KEY = 'jb.csrf';

export function getCsrfToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setCsrfToken(token: string | null | undefined): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage unavailable (private mode): the token lives only as long as the request */
  }
}
