// One line of text for an ApiError: the server's message (already in the user's
// language), or our own words for a network failure, plus the request id.
import type { ApiError } from './api/error';
import { t } from './i18n';

export function describeError(err: ApiError): string {
  const text = err.isNetwork ? t('errors.network') : err.message;
  return err.requestId ? `${text} · ${t('errors.requestId', { id: err.requestId })}` : text;
}
