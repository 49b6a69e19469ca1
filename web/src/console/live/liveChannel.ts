// The console's one live connection: a WebSocket to /api/ws shared by every page that
// needs it (the map, the alert notifier). It subscribes to ["map", "alerts"], pings
// every 15 s, and reconnects with backoff (1 s doubling to 30 s) for as long as anyone
// holds it. The session cookie authenticates it; after a connection that never opened
// the next try asks for a single-use ticket (POST /api/ws/ticket) instead.
import { ref } from 'vue';
import { api } from '@/shared/api';

export type ChannelStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface LiveMessage {
  type: string;
  topic?: string;
  kind?: string;
  [key: string]: unknown;
}

export type MessageListener = (msg: LiveMessage) => void;

export const TOPICS = ['map', 'alerts'];
const PING_MS = 15_000;
const MAX_BACKOFF_MS = 30_000;

export interface ChannelOptions {
  url?: () => string;
  socket?: (url: string) => WebSocket;
  ticket?: () => Promise<string>;
}

function defaultUrl(): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/api/ws`;
}

export function createLiveChannel(options: ChannelOptions = {}) {
  const status = ref<ChannelStatus>('idle');
  /** Bumped on every (re)connection, so holders can refetch what they may have missed. */
  const generation = ref(0);
  const listeners = new Set<MessageListener>();
  let holders = 0;
  let ws: WebSocket | null = null;
  let ping: ReturnType<typeof setInterval> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let useTicket = false;

  const makeSocket = options.socket ?? ((url: string) => new WebSocket(url));
  const baseUrl = options.url ?? defaultUrl;
  const getTicket = options.ticket ?? (async () => (await api.post<{ ticket: string }>('/api/ws/ticket', undefined, { silent: true })).ticket);

  function cleanup(): void {
    if (ping) clearInterval(ping);
    ping = null;
    if (ws) {
      ws.onopen = ws.onclose = ws.onerror = ws.onmessage = null;
      try {
        ws.close();
      } catch {
        /* already closed */
      }
    }
    ws = null;
  }

  function scheduleReconnect(): void {
    if (holders === 0 || retry) return;
    status.value = 'reconnecting';
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(failures, 5));
    failures++;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
  }

  async function connect(): Promise<void> {
    if (holders === 0 || ws) return;
    status.value = status.value === 'idle' ? 'connecting' : 'reconnecting';
    let url = baseUrl();
    if (useTicket) {
      try {
        url += `?ticket=${encodeURIComponent(await getTicket())}`;
      } catch {
        scheduleReconnect();
        return;
      }
      if (holders === 0 || ws) return;
    }
    let opened = false;
    let socket: WebSocket;
    try {
      socket = makeSocket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    ws = socket;
    socket.onopen = () => {
      opened = true;
      failures = 0;
      status.value = 'open';
      generation.value++;
      socket.send(JSON.stringify({ type: 'subscribe', topics: TOPICS }));
      ping = setInterval(() => {
        if (socket.readyState === 1) socket.send(JSON.stringify({ type: 'ping' }));
      }, PING_MS);
    };
    socket.onmessage = (ev) => {
      let msg: LiveMessage;
      try {
        msg = JSON.parse(String(ev.data)) as LiveMessage;
      } catch {
        return;
      }
      if (!msg || typeof msg.type !== 'string' || msg.type === 'pong') return;
      for (const l of listeners) l(msg);
    };
    socket.onclose = () => {
      if (!opened) useTicket = !useTicket;
      cleanup();
      scheduleReconnect();
    };
    socket.onerror = () => {
      /* onclose follows and reconnects */
    };
  }

  /** Keep the connection open until the returned release is called. */
  function hold(): () => void {
    holders++;
    if (holders === 1) void connect();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holders--;
      if (holders === 0) {
        if (retry) clearTimeout(retry);
        retry = null;
        cleanup();
        status.value = 'idle';
        failures = 0;
      }
    };
  }

  function on(listener: MessageListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { status, generation, hold, on };
}

/** The console's shared channel. */
export const liveChannel = createLiveChannel();
