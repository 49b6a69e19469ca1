// Outbox: where the guard app keeps submissions made while offline until the server
// has them. This is the interface the rest of the app codes against; today it holds
// nothing (no submission exists yet), so `pending` is always 0.
//
// Later work replaces `memoryOutbox` with an IndexedDB-backed queue:
//   - every item carries a client-generated UUIDv7 `id` (the server stores it with the
//     effect and answers a retry with the first result — "exactly once from the field");
//   - `enqueue` persists before resolving, so nothing typed is lost on a crash or reload;
//   - `flush` sends items oldest first when online, removes each only after a 2xx, and
//     stops at the first network failure;
//   - `subscribe` notifies the "待发送 N" indicator whenever the count changes.
import { ref, type Ref } from 'vue';

export interface OutboxItem {
  /** Client-generated UUIDv7, the idempotency key. */
  id: string;
  /** e.g. 'check_in', 'report', 'ack', 'sos', 'mediation', 'positions'. */
  kind: string;
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  /** Device time of creation (stored beside server time, never trusted). */
  created_at: string;
}

export interface Outbox {
  /** Number of items not yet accepted by the server. */
  readonly pending: Ref<number>;
  enqueue(item: OutboxItem): Promise<void>;
  /** Try to send everything queued; resolves with how many were accepted. */
  flush(): Promise<number>;
}

/** Placeholder: nothing is queued yet, so there is nothing to send. */
function memoryOutbox(): Outbox {
  const pending = ref(0);
  return {
    pending,
    async enqueue() {
      throw new Error('outbox: offline queueing is not available yet');
    },
    async flush() {
      return 0;
    },
  };
}

export const outbox: Outbox = memoryOutbox();
