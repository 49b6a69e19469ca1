// The typed error every failed API call turns into: HTTP status + stable code + message.
import type { ErrorBody, ErrorDetail } from './types';

/** Codes that mean "you are not logged in" rather than "this login attempt failed". */
const LOGIN_ATTEMPT_CODES = new Set(['invalid_credentials', 'totp_required', 'invalid_totp']);

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly details: ErrorDetail[];

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.request_id ?? null;
    this.details = Array.isArray(body.details) ? body.details : [];
  }

  /** True when the session is missing or expired (not a failed login attempt). */
  get isUnauthenticated(): boolean {
    return this.status === 401 && !LOGIN_ATTEMPT_CODES.has(this.code);
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** 422 details keyed by field name, for showing next to form inputs. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      if (d.field && !(d.field in out)) out[d.field] = d.message;
    }
    return out;
  }

  /** 422 details that name a spreadsheet row (imports). */
  rowErrors(): ErrorDetail[] {
    return this.details.filter((d) => d.row !== undefined && d.row !== null);
  }
}

/** Builds an ApiError from whatever a failed response carried. */
export function errorFromBody(status: number, statusText: string, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    return new ApiError(status, body as ErrorBody);
  }
  return new ApiError(status, { code: `http_${status}`, message: statusText || `HTTP ${status}` });
}

export function networkError(cause: unknown): ApiError {
  const err = new ApiError(0, {
    code: 'network_error',
    message: cause instanceof Error ? cause.message : String(cause),
  });
  return err;
}
