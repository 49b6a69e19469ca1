// The API client: CSRF and language headers, typed errors, and session hooks.
import { describe, expect, it, vi } from 'vitest';
import { createApiClient, buildUrl, type ApiHooks } from '@/shared/api/client';
import { ApiError } from '@/shared/api/error';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  });
  return { fn: fn as unknown as typeof fetch, calls };
}

function client(status: number, body: unknown, hooks: ApiHooks = {}) {
  const f = fakeFetch(status, body);
  const api = createApiClient({ fetch: f.fn, locale: () => 'en', csrfToken: () => 'tok-123', hooks });
  return { api, calls: f.calls };
}

const header = (c: Call, name: string) => new Headers(c.init.headers).get(name);

describe('API client headers', () => {
  it('sends X-CSRF-Token on POST, PATCH, DELETE and uploads', async () => {
    const { api, calls } = client(200, { ok: true });
    await api.post('/api/x', { a: 1 });
    await api.patch('/api/x/1', { a: 2 });
    await api.del('/api/x/1');
    await api.upload('/api/guards/import', new FormData());
    expect(calls.map((c) => header(c, 'X-CSRF-Token'))).toEqual(['tok-123', 'tok-123', 'tok-123', 'tok-123']);
    expect(calls.map((c) => c.init.method)).toEqual(['POST', 'PATCH', 'DELETE', 'POST']);
  });

  it('does not send X-CSRF-Token on GET', async () => {
    const { api, calls } = client(200, { items: [], total: 0 });
    await api.get('/api/guards', { page: 1 });
    expect(header(calls[0], 'X-CSRF-Token')).toBeNull();
  });

  it('sends JSON bodies and Accept-Language', async () => {
    const { api, calls } = client(200, {});
    await api.post('/api/auth/login', { username: 'u' });
    expect(header(calls[0], 'Content-Type')).toBe('application/json');
    expect(header(calls[0], 'Accept-Language')).toBe('en');
    expect(calls[0].init.body).toBe('{"username":"u"}');
    expect(calls[0].init.credentials).toBe('same-origin');
  });

  it('leaves Content-Type to the browser for multipart uploads', async () => {
    const { api, calls } = client(200, { imported: 3 });
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.xlsx');
    const res = await api.upload<{ imported: number }>('/api/companies/import', form);
    expect(res.imported).toBe(3);
    expect(header(calls[0], 'Content-Type')).toBeNull();
    expect(calls[0].init.body).toBe(form);
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/api/guards', { q: '', page: 2, grid_id: null, sort: '-name', x: undefined })).toBe('/api/guards?page=2&sort=-name');
    expect(buildUrl('/api/a', {})).toBe('/api/a');
  });

  it('returns undefined for 204', async () => {
    const { api } = client(204, undefined);
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
  });
});

describe('API client errors', () => {
  const body422 = {
    code: 'validation_failed',
    message: 'Validation failed',
    request_id: 'req-1',
    details: [
      { field: 'username', code: 'taken', message: 'Username taken' },
      { row: 4, column: 'phone', code: 'invalid', message: 'Bad phone' },
    ],
  };

  it('turns an error body into a typed ApiError and reports it', async () => {
    const onError = vi.fn();
    const { api } = client(422, body422, { onError });
    const err = await api.post('/api/users', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('Validation failed');
    expect(e.requestId).toBe('req-1');
    expect(e.fieldErrors()).toEqual({ username: 'Username taken' });
    expect(e.rowErrors()).toHaveLength(1);
    expect(onError).toHaveBeenCalledWith(e);
  });

  it('does not report when silent', async () => {
    const onError = vi.fn();
    const { api } = client(409, { code: 'conflict', message: 'taken' }, { onError });
    await expect(api.post('/api/users', {}, { silent: true })).rejects.toMatchObject({ code: 'conflict' });
    expect(onError).not.toHaveBeenCalled();
  });

  it('sends 401 unauthenticated to the redirect hook, not to onError', async () => {
    const onUnauthenticated = vi.fn();
    const onError = vi.fn();
    const { api } = client(401, { code: 'unauthenticated', message: 'login' }, { onUnauthenticated, onError });
    await expect(api.get('/api/guards')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('does not redirect on a failed login attempt', async () => {
    const onUnauthenticated = vi.fn();
    const { api } = client(401, { code: 'totp_required', message: 'code' }, { onUnauthenticated });
    const err = (await api.post('/api/auth/login', {}, { silent: true }).catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('totp_required');
    expect(err.isUnauthenticated).toBe(false);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('routes forced password change and TOTP enrolment', async () => {
    const onPasswordChangeRequired = vi.fn();
    const onTotpEnrollmentRequired = vi.fn();
    const a = client(403, { code: 'password_change_required', message: 'x' }, { onPasswordChangeRequired });
    await a.api.get('/api/guards').catch(() => undefined);
    const b = client(403, { code: 'totp_enrollment_required', message: 'x' }, { onTotpEnrollmentRequired });
    await b.api.get('/api/guards').catch(() => undefined);
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(onTotpEnrollmentRequired).toHaveBeenCalledTimes(1);
  });

  it('calls no hook at all with bypassHooks', async () => {
    const onUnauthenticated = vi.fn();
    const { api } = client(401, { code: 'unauthenticated', message: 'x' }, { onUnauthenticated });
    await api.get('/api/me', undefined, { bypassHooks: true }).catch(() => undefined);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('copes with a non-JSON error body', async () => {
    const { api } = client(502, '<html>bad gateway</html>');
    await expect(api.get('/api/x', undefined, { silent: true })).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reports network failures as status 0 and marks the server unreachable', async () => {
    const onReachability = vi.fn();
    const onError = vi.fn();
    const api = createApiClient({
      fetch: (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch,
      hooks: { onReachability, onError },
    });
    const err = (await api.get('/api/me').catch((e: unknown) => e)) as ApiError;
    expect(err.isNetwork).toBe(true);
    expect(err.code).toBe('network_error');
    expect(onReachability).toHaveBeenCalledWith(false);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
