// The console's one live connection to /api/ws, shared by every page that needs it (the
// map, the alert notifier, the ack board): always subscribed to ["map", "alerts"]; pages
// add topics such as "directives" and "board:<id>" while they are shown.
import { createLiveChannel, type ChannelOptions } from '@/shared/live/liveChannel';

export type { ChannelStatus, LiveMessage, MessageListener } from '@/shared/live/liveChannel';

export const TOPICS = ['map', 'alerts'];

/** A console channel (tests pass their own socket and ticket). */
export function createConsoleChannel(options: ChannelOptions = {}) {
  return createLiveChannel({ topics: TOPICS, ...options });
}

/** The console's shared channel. */
export const liveChannel = createConsoleChannel();
