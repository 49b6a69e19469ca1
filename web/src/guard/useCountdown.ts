// A whole-second countdown that can be cancelled: the SOS long-press runs on it.
import { onBeforeUnmount, ref } from 'vue';

export function useCountdown(seconds: number, onDone: () => void) {
  const remaining = ref(seconds);
  const active = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function clear(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function tick(): void {
    remaining.value -= 1;
    if (remaining.value <= 0) {
      clear();
      active.value = false;
      onDone();
      return;
    }
    timer = setTimeout(tick, 1000);
  }

  function start(): void {
    if (active.value) return;
    clear();
    remaining.value = seconds;
    active.value = true;
    timer = setTimeout(tick, 1000);
  }

  /** Stops a running countdown; returns true if one was running. */
  function cancel(): boolean {
    if (!active.value) return false;
    clear();
    active.value = false;
    remaining.value = seconds;
    return true;
  }

  onBeforeUnmount(clear);
  return { remaining, active, start, cancel };
}
