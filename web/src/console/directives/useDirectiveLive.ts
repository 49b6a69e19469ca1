// Live updates for the directives page: holds the console's channel, subscribes to
// "directives" (every board change in scope, escalations) and to "board:<id>" for the
// directive open in the drawer. Board events for the open directive refetch it at
// once (gathered over 250 ms), any directive event refreshes the list (over 1 s), and
// while a directive is open it is also refetched every 5 s in case an event was lost.
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { liveChannel, type LiveMessage } from '../live/liveChannel';

export interface DirectiveLiveOptions {
  /** The directive shown in the drawer, if any. */
  openId: Ref<string | null>;
  refreshOpen(): void;
  refreshList(): void;
  fallbackMs?: number;
}

/** The directive a live event is about, or null when it is not a directive event. */
export function directiveOfEvent(msg: LiveMessage): string | null {
  if (msg.type !== 'event' || typeof msg.topic !== 'string') return null;
  if (msg.topic.startsWith('board:')) return msg.topic.slice('board:'.length) || null;
  if (msg.topic === 'directives') return typeof msg.directive_id === 'string' ? msg.directive_id : '';
  return null;
}

function debounce(fn: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer ??= setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
  run.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return run;
}

export function useDirectiveLive(options: DirectiveLiveOptions) {
  const openSoon = debounce(options.refreshOpen, 250);
  const listSoon = debounce(options.refreshList, 1_000);
  let release: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;
  let unsubscribeBoard: (() => void) | null = null;
  let off: (() => void) | null = null;
  let fallback: ReturnType<typeof setInterval> | null = null;

  function follow(id: string | null): void {
    unsubscribeBoard?.();
    unsubscribeBoard = null;
    if (fallback) clearInterval(fallback);
    fallback = null;
    if (!id) return;
    unsubscribeBoard = liveChannel.subscribe([`board:${id}`]);
    fallback = setInterval(options.refreshOpen, options.fallbackMs ?? 5_000);
  }

  onMounted(() => {
    release = liveChannel.hold();
    unsubscribe = liveChannel.subscribe(['directives']);
    off = liveChannel.on((msg) => {
      const id = directiveOfEvent(msg);
      if (id === null) return;
      if (options.openId.value && (id === options.openId.value || id === '')) openSoon();
      listSoon();
    });
    follow(options.openId.value);
  });

  watch(options.openId, (id) => follow(id));
  // After each (re)connection, catch up on what happened while the channel was down.
  watch(liveChannel.generation, () => {
    if (options.openId.value) openSoon();
    listSoon();
  });

  onBeforeUnmount(() => {
    openSoon.cancel();
    listSoon.cancel();
    follow(null);
    off?.();
    unsubscribe?.();
    release?.();
  });

  return { status: liveChannel.status };
}
