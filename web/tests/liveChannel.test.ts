// The live channel: subscribes on open, pings, hands events to listeners, reconnects
// with backoff while held, falls back to a ticket after a failed open, closes when the
// last holder lets go; pages add topics; the owner speaks first on each connection.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsoleChannel } from '@/console/live/liveChannel';
import { createLiveChannel } from '@/shared/live/liveChannel';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  constructor(public url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string): void {
    this.sent.push(text);
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }
  receive(msg: unknown): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

function channel() {
  return createConsoleChannel({
    url: () => 'ws://test/api/ws',
    socket: (url) => new FakeSocket(url) as unknown as WebSocket,
    ticket: async () => 'tkt',
  });
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('live channel', () => {
  it('subscribes to map and alerts on open, pings every 15 s and passes events on', () => {
    const ch = channel();
    const got: unknown[] = [];
    ch.on((m) => got.push(m));
    const release = ch.hold();
    const ws = FakeSocket.all[0];
    expect(ws.url).toBe('ws://test/api/ws');
    ws.open();
    expect(ch.status.value).toBe('open');
    expect(JSON.parse(ws.sent[0])).toEqual({ type: 'subscribe', topics: ['map', 'alerts'] });
    vi.advanceTimersByTime(15_000);
    expect(JSON.parse(ws.sent[1])).toEqual({ type: 'ping' });
    ws.receive({ type: 'pong' });
    ws.receive({ type: 'event', topic: 'alerts', alert: { id: 'a1' } });
    expect(got).toEqual([{ type: 'event', topic: 'alerts', alert: { id: 'a1' } }]);
    release();
    expect(ws.closed).toBe(true);
    expect(ch.status.value).toBe('idle');
  });

  it('reconnects with growing delays and counts each connection', async () => {
    const ch = channel();
    ch.hold();
    FakeSocket.all[0].open();
    expect(ch.generation.value).toBe(1);
    FakeSocket.all[0].drop();
    expect(ch.status.value).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1].open();
    expect(ch.generation.value).toBe(2);
  });

  it('asks for a ticket after a connection that never opened', async () => {
    const ch = channel();
    ch.hold();
    FakeSocket.all[0].drop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeSocket.all[1].url).toBe('ws://test/api/ws?ticket=tkt');
  });

  it('stops reconnecting once nobody holds it', async () => {
    const ch = channel();
    const release = ch.hold();
    FakeSocket.all[0].drop();
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('adds page topics now and on every later connection, until released', async () => {
    const ch = channel();
    ch.hold();
    FakeSocket.all[0].open();
    const release = ch.subscribe(['directives', 'board:d1']);
    expect(JSON.parse(FakeSocket.all[0].sent[1])).toEqual({ type: 'subscribe', topics: ['directives', 'board:d1'] });
    FakeSocket.all[0].drop();
    await vi.advanceTimersByTimeAsync(1_000);
    FakeSocket.all[1].open();
    expect(JSON.parse(FakeSocket.all[1].sent[0])).toEqual({ type: 'subscribe', topics: ['map', 'alerts', 'directives', 'board:d1'] });
    release();
    FakeSocket.all[1].drop();
    await vi.advanceTimersByTimeAsync(1_000);
    FakeSocket.all[2].open();
    expect(JSON.parse(FakeSocket.all[2].sent[0])).toEqual({ type: 'subscribe', topics: ['map', 'alerts'] });
  });

  it('lets the owner speak first on every connection, without topics', async () => {
    const ch = createLiveChannel({
      url: () => 'ws://test/api/ws',
      socket: (url) => new FakeSocket(url) as unknown as WebSocket,
      ticket: async () => 'tkt',
      onOpen: (send) => send({ type: 'resume', cursor: 7 }),
    });
    ch.hold();
    FakeSocket.all[0].open();
    expect(FakeSocket.all[0].sent.map((m) => JSON.parse(m))).toEqual([{ type: 'resume', cursor: 7 }]);
    FakeSocket.all[0].drop();
    ch.reconnectNow();
    expect(FakeSocket.all).toHaveLength(2);
  });
});
