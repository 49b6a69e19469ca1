// State tags: 待签收 red, 已签收 orange, 已反馈 green, 超时 red, 无需签收 grey, 已撤回 grey,
// and "received" is not completion when a report is asked for.
import { describe, expect, it } from 'vitest';
import { awaitsFeedback, awaitsSignature, stateTag } from '@/shared/directives/stateTags';
import { i18n, t } from '@/shared/i18n';

describe('directive state tags', () => {
  it('map every recipient state to a word and a colour', () => {
    i18n.global.locale.value = 'zh-CN';
    const shown = (s: string, d?: 'sent' | 'cancelled') => {
      const tag = stateTag(s, d);
      return `${t(`directiveStates.${tag.key}`)}:${tag.level}`;
    };
    expect(shown('pending')).toBe('待签收:red');
    expect(shown('delivered')).toBe('待签收:red');
    expect(shown('signed')).toBe('已签收:orange');
    expect(shown('signed_late')).toBe('已签收:orange');
    expect(shown('feedback_done')).toBe('已反馈:green');
    expect(shown('overdue')).toBe('超时:red');
    expect(shown('not_required')).toBe('无需签收:grey');
    expect(shown('delivered', 'cancelled')).toBe('已撤回:grey');
  });

  it('keep a signed directive open until its report when one is asked for', () => {
    const asks = { state: 'sent' as const, feedback_required: true };
    const no = { state: 'sent' as const, feedback_required: false };
    expect(awaitsSignature('delivered', asks)).toBe(true);
    expect(awaitsSignature('overdue', asks)).toBe(true);
    expect(awaitsSignature('signed', asks)).toBe(false);
    expect(awaitsFeedback('signed', asks)).toBe(true);
    expect(awaitsFeedback('signed_late', asks)).toBe(true);
    expect(awaitsFeedback('signed', no)).toBe(false);
    expect(awaitsFeedback('feedback_done', asks)).toBe(false);
    expect(awaitsFeedback('not_required', asks)).toBe(false);
    expect(awaitsSignature('delivered', { state: 'cancelled' })).toBe(false);
  });
});
