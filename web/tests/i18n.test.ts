// zh-CN and en message files must have the same keys and no empty strings.
import { describe, expect, it } from 'vitest';
import zhCN from '@/shared/i18n/locales/zh-CN';
import en from '@/shared/i18n/locales/en';

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v as Record<string, unknown>, key).forEach((val, kk) => out.set(kk, val));
    else out.set(key, v);
  }
  return out;
}

describe('i18n messages', () => {
  const zh = flatten(zhCN);
  const eng = flatten(en);

  it('have identical key sets', () => {
    expect([...eng.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [k, v] of [...zh, ...eng]) {
      expect(typeof v, k).toBe('string');
      expect((v as string).trim().length, k).toBeGreaterThan(0);
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of zh) expect(names(eng.get(k) as string), k).toEqual(names(v as string));
  });

  it('name every navigation entry and coming-soon capability', () => {
    for (const key of ['home', 'map', 'patrol', 'reports', 'directives', 'alarms', 'mediation', 'training', 'points', 'stats', 'risk', 'cases', 'org', 'orgTree', 'buildings', 'checkpoints', 'guards', 'companies', 'system', 'users', 'sessions', 'audit']) {
      expect(zh.has(`nav.${key}`), key).toBe(true);
    }
  });
});
