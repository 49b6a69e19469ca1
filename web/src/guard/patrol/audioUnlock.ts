// Browsers only let a page make sound after a tap. The 上岗 tap calls this so later
// directive announcements can ring and speak: it resumes an AudioContext (kept for
// reuse) and speaks one silent utterance.

let context: AudioContext | null = null;

export function unlockAudio(): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Ctor) {
      context ??= new Ctor();
      void context.resume().catch(() => undefined);
    }
  } catch {
    /* no audio on this device */
  }
  try {
    if ('speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined') {
      const u = new SpeechSynthesisUtterance(' ');
      u.volume = 0;
      window.speechSynthesis.speak(u);
    }
  } catch {
    /* no speech on this device */
  }
}

/** The unlocked context, for whoever plays a sound later. */
export function audioContext(): AudioContext | null {
  return context;
}
