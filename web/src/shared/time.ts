// Dates from the API are UTC RFC 3339; people read them in Asia/Shanghai.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

export function formatTime(value: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.tz(ZONE).format(pattern) : value;
}

export function formatDate(value: string | null | undefined): string {
  return formatTime(value, 'YYYY-MM-DD');
}

/** A wall-clock time picked in Shanghai time ("YYYY-MM-DD HH:mm:ss") as a UTC RFC 3339 string. */
export function shanghaiToUtc(local: string | null | undefined): string | undefined {
  if (!local) return undefined;
  const d = dayjs.tz(local, ZONE);
  return d.isValid() ? d.utc().format('YYYY-MM-DDTHH:mm:ss[Z]') : undefined;
}
