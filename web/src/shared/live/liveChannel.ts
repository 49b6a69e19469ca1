// One live connection to /api/ws, used by both apps: the console (map, alerts, the ack
// board) and the guard app (directives). It subscribes to its base topics plus any a
// page adds, pings every 15 s, and reconnects with backoff (1 s doubling to 30 s) for
// as long as anyone holds it. The session cookie authenticates it; after a connection
// that never opened the next try asks for a single-use ticket (POST /api/ws/ticket).
// `onOpen` lets the owner say something first on every connection (the guard's resume).
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
export type Send = (msg: Record<string, unknown>) => boolean;

const PING_MS = 15_000;
const MAX_BACKOFF_MS = 30_000;

export interface ChannelOptions {
  url?: () => string;
  socket?: (url: string) => WebSocket;
  ticket?: () => Promise<string>;
  /** Topics subscribed on every connection (none: no subscribe message). */
  topics?: string[];
  /** Called on every opened connection, after the subscription. */
  onOpen?: (send: Send) => void;
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
  /** Extra topics with how many holders asked for each. */
  const extra = new Map<string, number>();
  let holders = 0;
  let ws: WebSocket | null = null;
  let ping: ReturnType<typeof setInterval> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let useTicket = false;

  const makeSocket = options.socket ?? ((url: string) => new WebSocket(url));
  const baseUrl = options.url ?? defaultUrl;
  const getTicket = options.ticket ?? (async () => (await api.post<{ ticket: string }>('/api/ws/ticket', undefined, { silent: true })).ticket);

  const topics = () => [...(options.topics ?? []), ...extra.keys()];

  function send(msg: Record<string, unknown>): boolean {
    if (!ws || ws.readyState !== 1 || status.value !== 'open') return false;
    try {
      ws.send(JSON.stringify(msg));
      return true;
    } catch {
      return false;
    }
  }

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
      const list = topics();
      if (list.length) socket.send(JSON.stringify({ type: 'subscribe', topics: list }));
      ping = setInterval(() => {
        if (socket.readyState === 1) socket.send(JSON.stringify({ type: 'ping' }));
      }, PING_MS);
      options.onOpen?.(send);
      generation.value++;
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

  /**
   * Add topics (now, if open, and on every later connection) until released. The
   * server has no unsubscribe: a released topic stops at the next connection.
   */
  function subscribe(names: string[]): () => void {
    const added = names.filter((n) => !extra.has(n));
    for (const n of names) extra.set(n, (extra.get(n) ?? 0) + 1);
    if (added.length) send({ type: 'subscribe', topics: added });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const n of names) {
        const left = (extra.get(n) ?? 1) - 1;
        if (left > 0) extra.set(n, left);
        else extra.delete(n);
      }
    };
  }

  /** Skip the backoff wait (the browser says the network is back). */
  function reconnectNow(): void {
    if (holders === 0 || ws || !retry) return;
    clearTimeout(retry);
    retry = null;
    failures = 0;
    void connect();
  }

  function on(listener: MessageListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { status, generation, hold, on, send, subscribe, reconnectNow };
}

export type LiveChannel = ReturnType<typeof createLiveChannel>;
