// How the outbox reaches the server: a POST through the shared API client (CSRF,
// language, session hooks), silent because the outbox decides what the guard is told.
import { api, ApiError } from '@/shared/api';
import type { SendResult } from './outbox';

export async function sendWithApi(url: string, body: Record<string, unknown>): Promise<SendResult> {
  try {
    const data = await api.post<unknown>(url, body, { silent: true });
    return { status: 200, data };
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, code: e.code, message: e.message };
    return { status: 0, message: String(e) };
  }
}
