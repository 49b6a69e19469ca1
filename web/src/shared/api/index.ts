// The shared client instance; each app installs its hooks at start-up.
import { createApiClient } from './client';
import { currentLocale } from '../i18n';

export const api = createApiClient({ locale: () => currentLocale() });
export { ApiError } from './error';
export type * from './types';
