// The signed-in user, shared by both apps: login, the start-up probe of /api/me,
// logout, and the permission set the console's navigation and router read.
import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { api, ApiError } from './api';
import { setCsrfToken } from './api/csrf';
import type { LoginResponse, Me } from './api/types';

export interface Credentials {
  username: string;
  password: string;
  totp?: string;
}

export const useAuth = defineStore('auth', () => {
  const me = ref<Me | null>(null);
  /** True once /api/me has been asked at least once in this page load. */
  const probed = ref(false);
  const permissions = computed(() => new Set(me.value?.permissions ?? []));

  function setMe(user: Me | null): void {
    me.value = user;
    if (user?.csrf_token) setCsrfToken(user.csrf_token);
  }

  /** Asks the server who we are; null when not signed in. */
  async function probe(): Promise<Me | null> {
    try {
      setMe(await api.get<Me>('/api/me', undefined, { bypassHooks: true }));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) {
        probed.value = true;
        throw e;
      }
      setMe(null);
    }
    probed.value = true;
    return me.value;
  }

  async function login(credentials: Credentials): Promise<Me> {
    const body: Record<string, string> = {
      username: credentials.username,
      password: credentials.password,
    };
    if (credentials.totp) body.totp = credentials.totp;
    const res = await api.post<LoginResponse>('/api/auth/login', body, { silent: true });
    setCsrfToken(res.csrf_token);
    setMe(res.user);
    probed.value = true;
    return res.user;
  }

  async function logout(): Promise<void> {
    try {
      await api.post('/api/auth/logout', undefined, { bypassHooks: true });
    } catch {
      /* the session may already be gone */
    }
    clear();
  }

  function clear(): void {
    setCsrfToken(null);
    me.value = null;
  }

  function can(permission: string): boolean {
    return permissions.value.has(permission);
  }

  return { me, probed, permissions, probe, login, logout, clear, can, setMe };
});
