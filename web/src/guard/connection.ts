// Connection state for the guard app: offline when the browser says so or when the
// last API request failed to reach the server; online again after any answer.
import { computed, reactive } from 'vue';

const state = reactive({
  browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  lastRequestFailed: false,
});

let listening = false;

export function watchBrowserConnection(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('online', () => { state.browserOnline = true; });
  window.addEventListener('offline', () => { state.browserOnline = false; });
}

export function reportReachability(reachable: boolean): void {
  state.lastRequestFailed = !reachable;
}

export const online = computed(() => state.browserOnline && !state.lastRequestFailed);
