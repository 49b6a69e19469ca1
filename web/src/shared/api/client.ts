// One small fetch wrapper for both apps: JSON in and out, the CSRF header on every
// non-GET request, Accept-Language of the current locale, and error bodies turned into
// ApiError. Session-level errors (401, forced password change, forced TOTP enrolment)
// go to hooks the app installs; everything else goes to `onError` unless `silent`.
import { ApiError, errorFromBody, networkError } from './error';
import { getCsrfToken } from './csrf';

export type Query = Record<string, string | number | boolean | null | undefined | Array<string | number>>;

export interface ApiHooks {
  /** No or expired session: send the user to the login page. */
  onUnauthenticated?(err: ApiError): void;
  onPasswordChangeRequired?(err: ApiError): void;
  onTotpEnrollmentRequired?(err: ApiError): void;
  /** Show the error to the user (ElMessage / showToast). */
  onError?(err: ApiError): void;
  /** Reachability: false after a network failure, true after any answer. */
  onReachability?(reachable: boolean): void;
}

export interface ClientOptions {
  fetch?: typeof fetch;
  locale?: () => string;
  hooks?: ApiHooks;
  csrfToken?: () => string | null;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
  /** Do not call onError; the caller shows the error itself. */
  silent?: boolean;
  /** Call no hook at all, not even the session ones (start-up probe of /api/me). */
  bypassHooks?: boolean;
  signal?: AbortSignal;
}

export interface Download {
  blob: Blob;
  filename: string | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

export function createApiClient(options: ClientOptions = {}) {
  let hooks: ApiHooks = { ...options.hooks };
  const doFetch = (...args: Parameters<typeof fetch>) => (options.fetch ?? globalThis.fetch)(...args);
  const csrf = options.csrfToken ?? getCsrfToken;

  function headersFor(method: string, json: boolean): Headers {
    const headers = new Headers({ Accept: 'application/json' });
    const locale = options.locale?.();
    if (locale) headers.set('Accept-Language', locale);
    if (json) headers.set('Content-Type', 'application/json');
    if (!SAFE_METHODS.has(method)) {
      const token = csrf();
      if (token) headers.set('X-CSRF-Token', token);
    }
    return headers;
  }

  function report(err: ApiError, opts: RequestOptions): void {
    if (opts.bypassHooks) return;
    if (err.isUnauthenticated) {
      hooks.onUnauthenticated?.(err);
      return;
    }
    if (err.status === 403 && err.code === 'password_change_required') {
      hooks.onPasswordChangeRequired?.(err);
      return;
    }
    if (err.status === 403 && err.code === 'totp_enrollment_required') {
      hooks.onTotpEnrollmentRequired?.(err);
      return;
    }
    if (!opts.silent) hooks.onError?.(err);
  }

  async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const json = opts.body !== undefined && !opts.form;
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, json),
      signal: opts.signal,
    };
    if (opts.form) init.body = opts.form;
    else if (json) init.body = JSON.stringify(opts.body);

    let res: Response;
    try {
      res = await doFetch(buildUrl(path, opts.query), init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      hooks.onReachability?.(false);
      const err = networkError(cause);
      report(err, opts);
      throw err;
    }
    hooks.onReachability?.(true);
    if (!res.ok) {
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        body = null;
      }
      const err = errorFromBody(res.status, res.statusText, body);
      report(err, opts);
      throw err;
    }
    return res;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await send(method, path, opts);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    request,
    get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}) =>
      request<T>('GET', path, { ...opts, query }),
    post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
      request<T>('POST', path, { ...opts, body: body ?? opts.body }),
    patch: <T>(path: string, body: unknown, opts: RequestOptions = {}) =>
      request<T>('PATCH', path, { ...opts, body }),
    del: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
    /** multipart/form-data upload; the browser sets the boundary. */
    upload: <T>(path: string, form: FormData, opts: RequestOptions = {}) =>
      request<T>('POST', path, { ...opts, form }),
    /** GET a file (xlsx export, template) as a Blob. */
    async download(path: string, query?: Query, opts: RequestOptions = {}): Promise<Download> {
      const res = await send('GET', path, { ...opts, query });
      return { blob: await res.blob(), filename: filenameFrom(res.headers.get('Content-Disposition')) };
    },
    setHooks(next: ApiHooks): void {
      hooks = { ...hooks, ...next };
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
