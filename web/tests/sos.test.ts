// The SOS long-press: a visible 3-second countdown that fires only if held throughout.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import zhCN from '@/shared/i18n/locales/zh-CN';
import SosButton from '@/guard/components/SosButton.vue';

function mountSos() {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN } });
  return mount(SosButton, { global: { plugins: [i18n] } });
}

describe('SosButton', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('counts down 3, 2, 1 while held and then fires once', async () => {
    const w = mountSos();
    expect(w.find('[data-testid="sos-countdown"]').exists()).toBe(false);
    await w.get('[data-testid="sos-button"]').trigger('pointerdown', { pointerId: 1 });
    expect(w.get('[data-testid="sos-remaining"]').text()).toBe('3');
    expect(w.get('[data-testid="sos-countdown"]').text()).toContain('3 秒后发出报警');
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.get('[data-testid="sos-remaining"]').text()).toBe('2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.get('[data-testid="sos-remaining"]').text()).toBe('1');
    expect(w.emitted('triggered')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.emitted('triggered')).toHaveLength(1);
    expect(w.find('[data-testid="sos-countdown"]').exists()).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.emitted('triggered')).toHaveLength(1);
  });

  it('cancels when released early', async () => {
    const w = mountSos();
    const btn = w.get('[data-testid="sos-button"]');
    await btn.trigger('pointerdown', { pointerId: 1 });
    await vi.advanceTimersByTimeAsync(2500);
    await btn.trigger('pointerup', { pointerId: 1 });
    expect(w.emitted('cancelled')).toHaveLength(1);
    expect(w.find('[data-testid="sos-countdown"]').exists()).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.emitted('triggered')).toBeUndefined();
  });

  it('cancels from the cancel button', async () => {
    const w = mountSos();
    await w.get('[data-testid="sos-button"]').trigger('pointerdown', { pointerId: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    await w.get('[data-testid="sos-cancel"]').trigger('click');
    expect(w.emitted('cancelled')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.emitted('triggered')).toBeUndefined();
  });

  it('restarts from 3 after a cancel', async () => {
    const w = mountSos();
    const btn = w.get('[data-testid="sos-button"]');
    await btn.trigger('pointerdown', { pointerId: 1 });
    await vi.advanceTimersByTimeAsync(2000);
    await btn.trigger('pointerup', { pointerId: 1 });
    await btn.trigger('pointerdown', { pointerId: 1 });
    expect(w.get('[data-testid="sos-remaining"]').text()).toBe('3');
    await vi.advanceTimersByTimeAsync(3000);
    expect(w.emitted('triggered')).toHaveLength(1);
  });

  it('a release with no countdown running is not a cancel', async () => {
    const w = mountSos();
    await w.get('[data-testid="sos-button"]').trigger('pointerup', { pointerId: 1 });
    expect(w.emitted('cancelled')).toBeUndefined();
  });
});
