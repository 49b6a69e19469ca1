// Announcing a directive until it is signed for: each round vibrates, rings, and reads
// the text aloud with speechSynthesis in a Chinese voice; where no Chinese voice is
// installed it rings instead. Rounds repeat after a short gap until stop(). The speech
// engine, the ring and the vibration are injected so tests can stub them.

export interface SpeechLike {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
}

export interface AnnouncerDeps {
  speech?: SpeechLike | null;
  /** Builds an utterance (the browser's SpeechSynthesisUtterance by default). */
  utterance?: (text: string) => SpeechSynthesisUtterance;
  ring(): void;
  vibrate?(pattern: number | number[]): void;
  /** Pause between rounds. */
  gapMs?: number;
}

export const VIBRATION = [600, 250, 600, 250, 600];

/** The best Chinese voice: zh-CN first, then any Mandarin/Chinese one; null when none. */
export function pickChineseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const norm = (v: SpeechSynthesisVoice) => (v.lang ?? '').replace('_', '-').toLowerCase();
  return (
    voices.find((v) => norm(v) === 'zh-cn') ??
    voices.find((v) => norm(v).startsWith('cmn') || norm(v) === 'zh-hans-cn') ??
    voices.find((v) => norm(v).startsWith('zh')) ??
    null
  );
}

function defaultUtterance(text: string): SpeechSynthesisUtterance {
  return new SpeechSynthesisUtterance(text);
}

export function createAnnouncer(deps: AnnouncerDeps) {
  const gap = deps.gapMs ?? 2_500;
  let text: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let round = 0;
  let spoken = 0;

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function next(mine: number, delay: number): void {
    if (mine !== round || text === null) return;
    clearTimer();
    timer = setTimeout(() => play(mine), delay);
  }

  function speak(mine: number, words: string): boolean {
    const speech = deps.speech;
    if (!speech) return false;
    let voice: SpeechSynthesisVoice | null = null;
    try {
      voice = pickChineseVoice(speech.getVoices() ?? []);
    } catch {
      voice = null;
    }
    if (!voice) return false;
    try {
      const u = (deps.utterance ?? defaultUtterance)(words);
      u.lang = voice.lang || 'zh-CN';
      try {
        u.voice = voice;
      } catch {
        /* a voice object the engine does not accept: the language still picks one */
      }
      u.rate = 0.95;
      u.volume = 1;
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        next(mine, gap);
      };
      u.onend = done;
      u.onerror = done;
      speech.speak(u);
      spoken++;
      // Some engines never report the end: carry on after a generous estimate.
      clearTimer();
      timer = setTimeout(done, 4_000 + words.length * 350);
      return true;
    } catch {
      return false;
    }
  }

  function play(mine: number): void {
    if (mine !== round || text === null) return;
    try {
      deps.vibrate?.(VIBRATION);
    } catch {
      /* no vibration motor */
    }
    deps.ring();
    // Speak once the ring has sounded; without a Chinese voice the ring repeats instead.
    const words = text;
    clearTimer();
    timer = setTimeout(() => {
      if (mine !== round || text === null) return;
      if (!speak(mine, words)) next(mine, gap);
    }, 1_300);
  }

  function stop(): void {
    round++;
    text = null;
    clearTimer();
    try {
      deps.speech?.cancel();
    } catch {
      /* nothing to cancel */
    }
    try {
      deps.vibrate?.(0);
    } catch {
      /* no vibration motor */
    }
  }

  /** Start announcing `words` (replacing whatever was being announced). */
  function start(words: string): void {
    stop();
    text = words;
    play(round);
  }

  return {
    start,
    stop,
    get active(): boolean {
      return text !== null;
    },
    /** How many utterances were handed to the speech engine. */
    get spoken(): number {
      return spoken;
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;

/** The browser's engine, ring and vibration. */
export function browserAnnouncer(ring: () => void): Announcer {
  // Looked up on every use: the engine may be replaced or appear after start-up.
  const engine = (): SpeechSynthesis | null => (typeof window !== 'undefined' && window.speechSynthesis) || null;
  const speech: SpeechLike = {
    speak: (u) => engine()?.speak(u),
    cancel: () => engine()?.cancel(),
    getVoices: () => engine()?.getVoices() ?? [],
  };
  return createAnnouncer({
    speech,
    utterance: (words) => (typeof SpeechSynthesisUtterance !== 'undefined' ? new SpeechSynthesisUtterance(words) : ({ text: words } as SpeechSynthesisUtterance)),
    ring,
    vibrate: (p) => {
      if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') navigator.vibrate(p);
    },
  });
}
