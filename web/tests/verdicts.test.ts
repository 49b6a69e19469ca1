// Check-in verdicts and reasons in words, in both languages, with a fallback for codes
// the server may add later.
import { describe, expect, it } from 'vitest';
import { i18n, t } from '@/shared/i18n';
import { KNOWN_REASONS, reasonKey, reasonText, reasonTexts, verdictLevel, verdictText } from '@/shared/patrol/verdicts';
import { alertStateLevel, isOpenAlert } from '@/shared/patrol/alertLevels';

function inLocale<T>(locale: 'zh-CN' | 'en', job: () => T): T {
  const before = i18n.global.locale.value;
  i18n.global.locale.value = locale;
  try {
    return job();
  } finally {
    i18n.global.locale.value = before;
  }
}

describe('reason texts', () => {
  it('has a Chinese and an English text for every reason in the contract', () => {
    for (const code of KNOWN_REASONS) {
      const zh = inLocale('zh-CN', () => reasonText(code, t));
      const en = inLocale('en', () => reasonText(code, t));
      expect(zh, code).not.toContain('patrol.');
      expect(en, code).not.toContain('patrol.');
      expect(zh).not.toBe(en);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says what the key reasons mean in Chinese', () => {
    inLocale('zh-CN', () => {
      expect(reasonText('out_of_radius', t)).toBe('不在巡检点范围内');
      expect(reasonText('no_fix', t)).toBe('未获取到定位');
      expect(reasonText('replayed', t)).toContain('重复打卡');
      expect(reasonText('poor_accuracy', t)).toContain('50 米');
    });
  });

  it('falls back to the code for a reason it does not know', () => {
    expect(reasonKey('moon_phase')).toBeNull();
    inLocale('zh-CN', () => expect(reasonText('moon_phase', t)).toBe('其他原因（moon_phase）'));
    inLocale('en', () => expect(reasonText('moon_phase', t)).toBe('Other reason (moon_phase)'));
  });

  it('maps a list and tolerates a missing one', () => {
    inLocale('zh-CN', () => {
      expect(reasonTexts(['no_fix', 'not_on_shift'], t)).toEqual(['未获取到定位', '未上岗时打卡']);
      expect(reasonTexts(undefined, t)).toEqual([]);
    });
  });
});

describe('verdicts', () => {
  it('names them 有效 / 存疑 / 无效', () => {
    inLocale('zh-CN', () => {
      expect(verdictText('valid', t)).toBe('有效');
      expect(verdictText('flagged', t)).toBe('存疑');
      expect(verdictText('rejected', t)).toBe('无效');
      expect(verdictText('bogus', t)).toBe('—');
    });
  });

  it('colours valid green, flagged orange, rejected red', () => {
    expect(verdictLevel('valid')).toBe('green');
    expect(verdictLevel('flagged')).toBe('orange');
    expect(verdictLevel('rejected')).toBe('red');
    expect(verdictLevel(undefined)).toBe('grey');
  });
});

describe('alert states', () => {
  it('colours raised red, acknowledged orange, resolved green', () => {
    expect(alertStateLevel('raised')).toBe('red');
    expect(alertStateLevel('acknowledged')).toBe('orange');
    expect(alertStateLevel('resolved')).toBe('green');
    expect(isOpenAlert('acknowledged')).toBe(true);
    expect(isOpenAlert('resolved')).toBe(false);
  });
});
