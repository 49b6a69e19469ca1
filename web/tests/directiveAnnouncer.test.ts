// The full-screen announcement of a new directive: it vibrates, rings and reads the
// directive aloud in a Chinese voice, repeating until signed for; without a Chinese voice
// it rings instead. The popup comes up over the app and one tap on 签收 stops it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createRouter, createMemoryHistory } from 'vue-router';
import { i18n } from '@/shared/i18n';
import { useAuth } from '@/shared/auth';
import type { Me } from '@/shared/api/types';
import { createAnnouncer, pickChineseVoice, VIBRATION } from '@/guard/directives/announcer';
import { useDirectives } from '@/guard/directives/directiveStore';
import DirectiveAlert from '@/guard/directives/DirectiveAlert.vue';
import { outbox } from '@/guard/outbox';
import { pushed } from './directiveFixtures';

const voice = (lang: string, name = lang) => ({ lang, name, default: false, localService: true, voiceURI: name }) as SpeechSynthesisVoice;

/** A speechSynthesis stand-in that records what it was asked to say. */
function fakeSpeech(voices: SpeechSynthesisVoice[]) {
  const said: SpeechSynthesisUtterance[] = [];
  return {
    said,
    cancelled: 0,
    speak(u: SpeechSynthesisUtterance) {
      said.push(u);
    },
    cancel() {
      this.cancelled++;
    },
    getVoices: () => voices,
  };
}

const utterance = (text: string) => ({ text, lang: '', voice: null, rate: 1, volume: 1, onend: null, onerror: null }) as unknown as SpeechSynthesisUtterance;

beforeEach(() => {
  // setImmediate stays real: the in-memory IndexedDB runs on it.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  // No server in unit tests: every request fails as if offline.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('directive announcer', () => {
  it('picks a zh-CN voice before other Chinese ones, and none when there is none', () => {
    expect(pickChineseVoice([voice('en-US'), voice('zh-TW'), voice('zh-CN')])?.lang).toBe('zh-CN');
    expect(pickChineseVoice([voice('en-US'), voice('zh_HK')])?.lang).toBe('zh_HK');
    expect(pickChineseVoice([voice('en-US')])).toBeNull();
  });

  it('vibrates, rings, then speaks in Chinese, and goes round again until stopped', async () => {
    const speech = fakeSpeech([voice('en-US'), voice('zh-CN', 'Tingting')]);
    const ring = vi.fn();
    const vibrate = vi.fn();
    const a = createAnnouncer({ speech, utterance, ring, vibrate, gapMs: 2_000 });
    a.start('紧急指令，加强夜间巡查。请立即签收。');
    expect(vibrate).toHaveBeenCalledWith(VIBRATION);
    expect(ring).toHaveBeenCalledTimes(1);
    expect(speech.said).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_300);
    expect(speech.said).toHaveLength(1);
    expect(speech.said[0].text).toContain('加强夜间巡查');
    expect(speech.said[0].lang).toBe('zh-CN');
    expect(speech.said[0].voice?.name).toBe('Tingting');
    speech.said[0].onend?.(new Event('end') as SpeechSynthesisEvent);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ring).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_300);
    expect(speech.said).toHaveLength(2);
    a.stop();
    expect(a.active).toBe(false);
    expect(speech.cancelled).toBeGreaterThan(0);
    expect(vibrate).toHaveBeenLastCalledWith(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speech.said).toHaveLength(2);
    expect(ring).toHaveBeenCalledTimes(2);
  });

  it('rings instead of speaking when no Chinese voice is installed', async () => {
    const speech = fakeSpeech([voice('en-US')]);
    const ring = vi.fn();
    const a = createAnnouncer({ speech, utterance, ring, gapMs: 2_000 });
    a.start('新指令');
    await vi.advanceTimersByTimeAsync(1_300 + 2_000 + 1_300 + 2_000);
    expect(speech.said).toHaveLength(0);
    expect(ring).toHaveBeenCalledTimes(3);
    a.stop();
  });

  it('carries on when the engine never reports the end of speech', async () => {
    const speech = fakeSpeech([voice('zh-CN')]);
    const ring = vi.fn();
    const a = createAnnouncer({ speech, utterance, ring, gapMs: 1_000 });
    a.start('短');
    await vi.advanceTimersByTimeAsync(1_300);
    expect(speech.said).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4_350 + 1_000);
    expect(ring).toHaveBeenCalledTimes(2);
    a.stop();
  });
});

describe('full-screen directive', () => {
  const me: Me = {
    id: 'u-guard', username: 'guard0001', display_name: '张瑞涛', roles: ['guard'], org_unit_id: null, org_unit_name: null,
    department_id: null, guard_id: 'g1', must_change_password: false, must_enroll_totp: false, session_kind: 'guard', permissions: [],
  };

  function setup() {
    localStorage.clear();
    i18n.global.locale.value = 'zh-CN';
    const pinia = createPinia();
    setActivePinia(pinia);
    useAuth().setMe(me);
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/', name: 'home', component: { template: '<div />' } },
      { path: '/directives/:id', name: 'directive', component: { template: '<div />' } },
    ] });
    const speech = fakeSpeech([voice('zh-CN')]);
    const ring = vi.fn();
    const announcer = createAnnouncer({ speech, utterance, ring });
    const store = useDirectives();
    const sign = vi.spyOn(store, 'sign');
    outbox.setAccount(me.id);
    const wrapper = mount(DirectiveAlert, { props: { announcer }, global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
    return { wrapper, store, speech, ring, router, sign };
  }

  it('comes up for a new directive, reads it aloud, and one tap signs for it', async () => {
    const { wrapper, store, speech, ring, router, sign } = setup();
    expect(document.querySelector('[data-testid=directive-alert]')).toBeNull();
    const push = pushed('d1', 1, { kind: 'emergency', priority: 'urgent', title: '地下车库可疑人员', body: '立即到 B2 层核查。', deadline_at: new Date(Date.now() + 600_000).toISOString() });
    store.receive(push);
    await flushPromises();
    const alert = document.querySelector('[data-testid=directive-alert]');
    expect(alert?.getAttribute('data-id')).toBe('d1');
    expect(document.querySelector('[data-testid=directive-alert-title]')?.textContent).toBe('地下车库可疑人员');
    expect(document.querySelector('[data-testid=directive-alert-deadline]')?.textContent).toContain('剩余 10:00');
    expect(ring).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_300);
    expect(speech.said.map((u) => u.text)).toEqual(['紧急指令，地下车库可疑人员。立即到 B2 层核查。请立即签收。']);

    // A duplicate push of the same directive does not restart the announcement.
    store.receive(push);
    await flushPromises();
    expect(ring).toHaveBeenCalledTimes(1);

    (document.querySelector('[data-testid=directive-sign]') as HTMLButtonElement).click();
    await flushPromises();
    expect(sign).toHaveBeenCalledWith('d1');
    expect(router.currentRoute.value.name).toBe('directive');
    expect(router.currentRoute.value.params.id).toBe('d1');
    expect(speech.cancelled).toBeGreaterThan(0);
    expect(document.querySelector('[data-testid=directive-alert]')).toBeNull();
    expect(store.get('d1')?.state).toBe('signed');

    // Offline, the sign-for waits in the outbox with the time it was tapped.
    await vi.advanceTimersByTimeAsync(6_000);
    const queued = await outbox.list();
    expect(queued.map((i) => i.url)).toEqual(['/api/directives/d1/ack']);
    expect(queued[0].body.device_time).toBe(store.get('d1')?.signed_at);
    expect(queued[0].body.id).toBe(queued[0].id);
    wrapper.unmount();
    outbox.stop();
  });
});
