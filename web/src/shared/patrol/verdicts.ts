// Check-in verdicts and reasons as people read them: each reason code maps to an i18n
// key (unknown codes fall back to a generic text that still shows the code), each
// verdict to a status level (valid green, flagged orange, rejected red).
import type { Level } from '../status';

export const KNOWN_REASONS = [
  'bad_signature',
  'unknown_key',
  'key_retired',
  'out_of_radius',
  'no_fix',
  'replayed',
  'impossible_speed',
  'clock_skew',
  'poor_accuracy',
  'not_on_shift',
] as const;

type Translate = (key: string, named?: Record<string, unknown>) => string;

export function reasonKey(code: string): string | null {
  return (KNOWN_REASONS as readonly string[]).includes(code) ? `patrol.reasons.${code}` : null;
}

/** One reason in the user's language; an unknown code is shown as "other (code)". */
export function reasonText(code: string, t: Translate): string {
  const key = reasonKey(code);
  return key ? t(key) : t('patrol.reasons.other', { code });
}

export function reasonTexts(codes: readonly string[] | null | undefined, t: Translate): string[] {
  return (codes ?? []).map((c) => reasonText(c, t));
}

export function verdictLevel(verdict: string | null | undefined): Level {
  if (verdict === 'valid') return 'green';
  if (verdict === 'flagged') return 'orange';
  if (verdict === 'rejected') return 'red';
  return 'grey';
}

export function verdictText(verdict: string | null | undefined, t: Translate): string {
  return verdict === 'valid' || verdict === 'flagged' || verdict === 'rejected' ? t(`patrol.verdicts.${verdict}`) : t('common.none');
}
