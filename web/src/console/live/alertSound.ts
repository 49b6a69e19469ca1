// A short alert tone made with WebAudio (no audio files): three rising beeps, about
// 0.6 s. Silently does nothing where the browser has no audio or has not allowed it.

let ctx: AudioContext | null = null;

export function playAlertSound(): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    ctx ??= new Ctor();
    const c = ctx;
    void c.resume().catch(() => undefined);
    const start = c.currentTime + 0.02;
    [880, 988, 1175].forEach((freq, i) => {
      const t0 = start + i * 0.2;
      const osc = c.createOscillator();
      const gain = c.createGain();
      osc.type = 'square';
      osc.frequency.setValueAtTime(freq, t0);
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.18, t0 + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.16);
      osc.connect(gain).connect(c.destination);
      osc.start(t0);
      osc.stop(t0 + 0.18);
    });
  } catch {
    /* no sound available */
  }
}
