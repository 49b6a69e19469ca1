// Small formatters for the directives page: "x/y" counts and sign-for latencies.
import { t } from '@/shared/i18n';

export function ratio(done: number, total: number): string {
  return t('directivesPage.drawer.ratio', { done, total });
}

/** 45 → "45 秒", 135 → "2 分 15 秒", null → "—". */
export function latency(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return t('common.none');
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('directivesPage.drawer.seconds', { n: s });
  return t('directivesPage.drawer.minutes', { m: Math.floor(s / 60), s: s % 60 });
}
