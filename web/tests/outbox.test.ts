// The guard app's outbox over an in-memory IndexedDB: queued while offline, flushed
// when the network returns, retried with the same id and body, removed once settled,
// and a live pending count.
import { afterEach, describe, expect, it } from 'vitest';
import { watch } from 'vue';
import { IDBFactory } from 'fake-indexeddb';
import { classify, createOutbox, type Outbox, type SendResult } from '@/guard/outbox';

type Call = { url: string; body: Record<string, unknown> };

function harness(answers: SendResult[] = [], fallback: SendResult = { status: 201, data: { ok: true } }) {
  const calls: Call[] = [];
  const net = { online: true };
  const queue = [...answers];
  const outbox = createOutbox({
    idb: new IDBFactory(),
    dbName: 'test-outbox',
    backoff: () => 5,
    isOnline: () => net.online,
    send: async (url, body) => {
      calls.push({ url, body });
      return queue.shift() ?? fallback;
    },
  });
  return { outbox, calls, net };
}

function until(check: () => boolean, ms = 2_000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() - start > ms) reject(new Error('condition not met in time'));
      else setTimeout(tick, 2);
    };
    tick();
  });
}

const withoutSentAt = (b: Record<string, unknown>) => {
  const { sent_at: _ignored, ...rest } = b;
  return rest;
};

let current: Outbox | null = null;
afterEach(() => {
  current?.stop();
  current = null;
});

describe('outbox', () => {
  it('keeps submissions made offline and does not try to send them', async () => {
    const { outbox, calls, net } = harness();
    current = outbox;
    net.online = false;
    await outbox.enqueue('/api/checkins', { code: 'CP001-482913', device_time: '2026-11-23T08:00:00Z' });
    await outbox.enqueue('/api/checkins', { code: 'CP002-100200', device_time: '2026-11-23T08:01:00Z' });
    await outbox.flush();
    expect(outbox.pending.value).toBe(2);
    expect(calls).toHaveLength(0);
    const items = await outbox.list();
    expect(items.map((i) => i.body.code)).toEqual(['CP001-482913', 'CP002-100200']);
    for (const i of items) {
      expect(i.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(i.body.id).toBe(i.id);
      expect(i.attempts).toBe(0);
      expect(typeof i.created_at).toBe('string');
    }
  });

  it('flushes oldest first once the online event fires', async () => {
    const { outbox, calls, net } = harness();
    current = outbox;
    net.online = false;
    outbox.start();
    await outbox.enqueue('/api/shifts/start', { device_time: 't0' });
    await outbox.enqueue('/api/checkins', { code: 'A-1', device_time: 't1' });
    expect(outbox.pending.value).toBe(2);
    net.online = true;
    window.dispatchEvent(new Event('online'));
    await until(() => outbox.pending.value === 0);
    expect(calls.map((c) => c.url)).toEqual(['/api/shifts/start', '/api/checkins']);
    expect(await outbox.list()).toEqual([]);
  });

  it('flushes what an earlier page load left behind when the app starts', async () => {
    const idb = new IDBFactory();
    const offline = createOutbox({ idb, dbName: 'left', isOnline: () => false, send: async () => ({ status: 201 }) });
    await offline.enqueue('/api/checkins', { code: 'A-1', device_time: 't' });
    const sent: string[] = [];
    const next = createOutbox({ idb, dbName: 'left', isOnline: () => true, send: async (url) => { sent.push(url); return { status: 201 }; } });
    current = next;
    next.start();
    await until(() => sent.length === 1 && next.pending.value === 0);
  });

  it('retries after a failure with the same id and body, with a fresh sent_at', async () => {
    let clock = Date.parse('2026-11-23T08:00:00Z');
    const calls: Call[] = [];
    const answers: SendResult[] = [{ status: 0 }, { status: 503, code: 'internal' }, { status: 201, data: { verdict: 'valid' } }];
    const outbox = createOutbox({
      idb: new IDBFactory(),
      backoff: () => 5,
      isOnline: () => true,
      now: () => new Date((clock += 1_000)),
      send: async (url, body) => {
        calls.push({ url, body });
        return answers.shift() ?? { status: 201 };
      },
    });
    current = outbox;
    const settled: string[] = [];
    outbox.onSettled((item, outcome) => settled.push(`${item.id}:${outcome.kind}:${item.attempts}`));
    const item = await outbox.enqueue('/api/checkins', { code: 'CP001-482913', device_time: '2026-11-23T07:59:00Z', lat: 29.8, lon: 121.5 });
    await until(() => settled.length === 1);
    expect(calls).toHaveLength(3);
    for (const c of calls) {
      expect(c.url).toBe('/api/checkins');
      expect(c.body.id).toBe(item.id);
      expect(withoutSentAt(c.body)).toEqual(item.body);
    }
    const sentAts = calls.map((c) => c.body.sent_at);
    expect(new Set(sentAts).size).toBe(3);
    expect(settled).toEqual([`${item.id}:sent:3`]);
    expect(outbox.pending.value).toBe(0);
  });

  it('removes an item on success and when the server has already decided', async () => {
    const { outbox } = harness([
      { status: 201, data: { verdict: 'valid' } },
      { status: 409, code: 'already_on_shift', message: 'x' },
      { status: 409, code: 'not_on_shift', message: 'x' },
      { status: 409, code: 'idempotency_conflict', message: 'x' },
    ]);
    current = outbox;
    const kinds: string[] = [];
    outbox.onSettled((_i, o) => kinds.push(o.kind));
    await outbox.enqueue('/api/checkins', { code: 'a' });
    await outbox.enqueue('/api/shifts/start', {});
    await outbox.enqueue('/api/shifts/end', {});
    await outbox.enqueue('/api/checkins', { code: 'b' });
    await until(() => kinds.length === 4);
    expect(kinds).toEqual(['sent', 'decided', 'decided', 'decided']);
    expect(await outbox.list()).toEqual([]);
    expect(outbox.pending.value).toBe(0);
  });

  it('drops a refused submission, reports it, and goes on with the rest', async () => {
    const { outbox, calls } = harness([{ status: 422, code: 'validation_failed', message: '打卡码格式不正确' }]);
    current = outbox;
    const refused: string[] = [];
    outbox.onSettled((_i, o) => { if (o.kind === 'refused') refused.push(o.message); });
    await outbox.enqueue('/api/checkins', { code: 'junk' });
    await outbox.enqueue('/api/checkins', { code: 'CP001-482913' });
    await until(() => outbox.pending.value === 0 && calls.length === 2);
    expect(refused).toEqual(['打卡码格式不正确']);
  });

  it('keeps the count live as items come and go', async () => {
    const { outbox, net } = harness();
    current = outbox;
    const seen: number[] = [];
    const stop = watch(outbox.pending, (n) => seen.push(n), { flush: 'sync' });
    net.online = false;
    await outbox.enqueue('/api/checkins', { code: 'a' });
    await outbox.enqueue('/api/checkins', { code: 'b' });
    expect(outbox.pending.value).toBe(2);
    net.online = true;
    await outbox.flush();
    await until(() => outbox.pending.value === 0);
    stop();
    expect(seen[0]).toBe(1);
    expect(seen).toContain(2);
    expect(seen.at(-1)).toBe(0);
  });

  it('returns the answer to submit() when online and null when queued', async () => {
    const { outbox, net } = harness([{ status: 201, data: { verdict: 'flagged', reasons: ['poor_accuracy'] } }]);
    current = outbox;
    const first = await outbox.submit('/api/checkins', { code: 'a' }, 1_000);
    expect(first.outcome).toEqual({ kind: 'sent', status: 201, data: { verdict: 'flagged', reasons: ['poor_accuracy'] } });
    net.online = false;
    const second = await outbox.submit('/api/checkins', { code: 'b' }, 1_000);
    expect(second.outcome).toBeNull();
    expect(outbox.pending.value).toBe(1);
  });
});

describe('classify', () => {
  it('sorts answers into sent, decided, refused and retry', () => {
    expect(classify({ status: 200 }).kind).toBe('sent');
    expect(classify({ status: 204 }).kind).toBe('sent');
    expect(classify({ status: 0 }).kind).toBe('retry');
    expect(classify({ status: 500, code: 'internal' }).kind).toBe('retry');
    expect(classify({ status: 502 }).kind).toBe('retry');
    expect(classify({ status: 401, code: 'unauthenticated' }).kind).toBe('retry');
    expect(classify({ status: 429, code: 'too_many_requests' }).kind).toBe('retry');
    expect(classify({ status: 403, code: 'csrf_failed' }).kind).toBe('retry');
    expect(classify({ status: 409, code: 'already_on_shift' }).kind).toBe('decided');
    expect(classify({ status: 409, code: 'conflict' }).kind).toBe('refused');
    expect(classify({ status: 403, code: 'forbidden' }).kind).toBe('refused');
    expect(classify({ status: 422, code: 'validation_failed' }).kind).toBe('refused');
  });
});

describe('outbox accounts', () => {
  it('keeps each account’s submissions apart and sends nothing while signed out', async () => {
    const idb = new IDBFactory();
    const sent: unknown[] = [];
    const outbox = createOutbox({
      idb,
      account: null,
      isOnline: () => false,
      send: async (_url, body) => { sent.push(body); return { status: 201 }; },
    });
    current = outbox;
    await expect(outbox.enqueue('/api/checkins', { code: 'x' })).rejects.toThrow();
    outbox.setAccount('guard-a');
    await outbox.enqueue('/api/checkins', { code: 'a1' });
    await outbox.enqueue('/api/checkins', { code: 'a2' });
    await until(() => outbox.pending.value === 2);
    outbox.setAccount('guard-b');
    await until(() => outbox.pending.value === 0);
    expect(await outbox.list()).toEqual([]);
    await outbox.enqueue('/api/checkins', { code: 'b1' });
    await until(() => outbox.pending.value === 1);
    outbox.setAccount('guard-a');
    await until(() => outbox.pending.value === 2);
    expect((await outbox.list()).map((i) => i.body.code)).toEqual(['a1', 'a2']);
    outbox.setAccount(null);
    await until(() => outbox.pending.value === 0);
    expect(sent).toEqual([]);
  });
});
