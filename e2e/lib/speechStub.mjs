// A stand-in for the browser's speech engine and vibration motor, installed before any
// page script runs (context.addInitScript): it offers one zh-CN voice, records every
// utterance it is asked to speak in window.__jbSpoken and every vibration pattern in
// window.__jbVibrations, and reports each utterance finished shortly after.
export function speechStub() {
  window.__jbSpoken = [];
  window.__jbVibrations = [];
  const voices = [{ lang: 'zh-CN', name: 'e2e zh-CN', default: true, localService: true, voiceURI: 'e2e-zh-CN' }];
  class Utterance {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.voice = null;
      this.rate = 1;
      this.pitch = 1;
      this.volume = 1;
      this.onend = null;
      this.onerror = null;
    }
  }
  const engine = {
    speaking: false,
    pending: false,
    paused: false,
    speak(u) {
      window.__jbSpoken.push({ text: String(u.text), lang: u.lang, voice: u.voice ? u.voice.name : null, at: Date.now() });
      setTimeout(() => u.onend && u.onend(), 200);
    },
    cancel() {},
    pause() {},
    resume() {},
    getVoices: () => voices,
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: Utterance });
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => engine });
  Object.defineProperty(Navigator.prototype, 'vibrate', {
    configurable: true,
    value: (pattern) => {
      window.__jbVibrations.push(pattern);
      return true;
    },
  });
}
