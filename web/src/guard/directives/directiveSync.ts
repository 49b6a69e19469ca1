// The guard app's live channel and what keeps the directives current: while a guard is
// signed in the socket stays open; on every connection it resumes from the cursor and
// fetches the open directives as a fallback; directive messages go to the store. A
// network coming back reconnects at once; while something is open the list is also
// re-read every minute (a cancelled directive sends the guard nothing).
import { watch } from 'vue';
import type { Pinia } from 'pinia';
import { useAuth } from '@/shared/auth';
import { createLiveChannel } from '@/shared/live/liveChannel';
import { useDirectives } from './directiveStore';

const POLL_MS = 60_000;
let installed = false;

export function installDirectiveSync(pinia: Pinia): void {
  if (installed) return;
  installed = true;
  const auth = useAuth(pinia);
  const store = useDirectives(pinia);
  const channel = createLiveChannel({ onOpen: (send) => void store.connected(send) });
  channel.on((msg) => store.receive(msg));

  let release: (() => void) | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;

  watch(
    () => (auth.me?.guard_id ? auth.me.id : null),
    (account) => {
      release?.();
      release = null;
      if (poll) clearInterval(poll);
      poll = null;
      if (!account) return;
      release = channel.hold();
      poll = setInterval(() => {
        if (store.open.length) void store.refreshOpen();
      }, POLL_MS);
    },
    { immediate: true },
  );

  window.addEventListener('online', () => channel.reconnectNow());
}
