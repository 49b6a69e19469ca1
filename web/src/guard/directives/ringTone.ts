// The directive ring: a two-tone telephone-like ring of about 1.2 s made with WebAudio
// (no audio files), on the context the 上岗 tap unlocked. Silent where the browser has no
// audio or has not allowed it yet.
import { audioContext } from '../patrol/audioUnlock';

let own: AudioContext | null = null;

function context(): AudioContext | null {
  const unlocked = audioContext();
  if (unlocked) return unlocked;
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    own ??= Ctor ? new Ctor() : null;
  } catch {
    own = null;
  }
  return own;
}

export function playRing(): void {
  try {
    const c = context();
    if (!c) return;
    void c.resume().catch(() => undefined);
    const start = c.currentTime + 0.02;
    for (let i = 0; i < 6; i++) {
      const t0 = start + i * 0.2;
      const osc = c.createOscillator();
      const gain = c.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(i % 2 ? 1320 : 1046, t0);
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.35, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.18);
      osc.connect(gain).connect(c.destination);
      osc.start(t0);
      osc.stop(t0 + 0.19);
    }
  } catch {
    /* no sound available */
  }
}
