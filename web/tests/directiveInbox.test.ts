// The guard's directive inbox: each directive once whatever path brings it, the cursor
// kept per account and sent back in the resume message, server answers merged without
// undoing what the guard did offline, and the order things are shown and announced in.
import { describe, expect, it } from 'vitest';
import { createInbox, isOpen, needsFeedback, needsSignature } from '@/guard/directives/directiveInbox';
import { memoryStorage, mine, pushed } from './directiveFixtures';

const keyFor = (account: string, name: string) => `jb.m.${account}.${name}`;

describe('directive inbox', () => {
  it('keeps each directive once, by id, whatever the path', () => {
    const inbox = createInbox(memoryStorage(), keyFor, 'u1');
    expect(inbox.receive(pushed('a', 3))).toBe('new');
    expect(inbox.receive(pushed('a', 3))).toBe('duplicate');
    expect(inbox.receive(pushed('a', 9, { title: '更新后的标题' }))).toBe('duplicate');
    inbox.applyServer([mine('a', 3, 'delivered')], true, inbox.tick);
    expect(inbox.list()).toHaveLength(1);
    expect(inbox.get('a')?.directive.title).toBe('指令a');
    expect(inbox.receive({ type: 'pong' })).toBeNull();
    expect(inbox.receive({ type: 'directive', seq: 4 })).toBeNull();
  });

  it('keeps the cursor per account and resumes from the last seq seen', () => {
    const storage = memoryStorage();
    const inbox = createInbox(storage, keyFor, 'u1');
    expect(inbox.hasCursor).toBe(false);
    expect(inbox.resumeMessage()).toEqual({ type: 'resume', cursor: 0 });
    inbox.receive(pushed('a', 5));
    inbox.receive(pushed('b', 7));
    inbox.receive(pushed('a', 5)); // a re-push of an older entry does not move it back
    expect(inbox.resumeMessage()).toEqual({ type: 'resume', cursor: 7 });
    expect(inbox.receive({ type: 'resumed', cursor: 12 })).toBe('resumed');
    expect(inbox.cursor).toBe(12);
    expect(storage.read('jb.m.u1.directive-cursor')).toBe(12);

    inbox.setAccount('u2');
    expect(inbox.hasCursor).toBe(false);
    expect(inbox.list()).toEqual([]);
    expect(inbox.resumeMessage()).toEqual({ type: 'resume', cursor: 0 });
    inbox.receive(pushed('c', 2));
    expect(storage.read('jb.m.u2.directive-cursor')).toBe(2);

    // Back on the first account (or after a reload): its cursor and directives return.
    const again = createInbox(storage, keyFor, 'u1');
    expect(again.resumeMessage()).toEqual({ type: 'resume', cursor: 12 });
    expect(again.list().map((e) => e.directive.id).sort()).toEqual(['a', 'b']);
  });

  it('starts a new phone after everything the server already lists', () => {
    const inbox = createInbox(memoryStorage(), keyFor, 'u1');
    const all = [mine('old', 4, 'feedback_done'), mine('open', 6, 'delivered')];
    inbox.applyServer(all, false, inbox.tick);
    inbox.seedCursor(all);
    expect(inbox.resumeMessage()).toEqual({ type: 'resume', cursor: 6 });
    expect(inbox.toAnnounce().map((e) => e.directive.id)).toEqual(['open']);
  });

  it('announces what awaits a signature, most urgent first, then the oldest', () => {
    const inbox = createInbox(memoryStorage(), keyFor, 'u1');
    inbox.receive(pushed('n1', 1, { sent_at: '2026-11-23T08:00:00Z' }));
    inbox.receive(pushed('n2', 2, { sent_at: '2026-11-23T07:00:00Z' }));
    inbox.receive(pushed('u', 3, { priority: 'urgent', sent_at: '2026-11-23T09:00:00Z' }));
    inbox.receive(pushed('x', 4, { state: 'cancelled' }));
    expect(inbox.toAnnounce().map((e) => e.directive.id)).toEqual(['u', 'n2', 'n1']);
  });

  it('signing for leaves the announcement and awaits the report; a report completes it', () => {
    const inbox = createInbox(memoryStorage(), keyFor, 'u1');
    inbox.receive(pushed('a', 1));
    inbox.receive(pushed('b', 2, { feedback_required: false }));
    inbox.markSigned('a', '2026-11-23T08:03:00Z');
    inbox.markSigned('b', '2026-11-23T08:12:00Z');
    const a = inbox.get('a')!;
    expect([a.state, a.ack_queued, needsSignature(a), needsFeedback(a), isOpen(a)]).toEqual(['signed', true, false, true, true]);
    const b = inbox.get('b')!;
    expect([b.state, b.late, isOpen(b)]).toEqual(['signed_late', true, false]);
    expect(inbox.toAnnounce()).toEqual([]);
    expect(inbox.list().map((e) => e.directive.id)).toEqual(['a', 'b']);

    inbox.ackSettled('a', { state: 'signed', signed_at: '2026-11-23T08:03:02Z', late: false });
    expect(inbox.get('a')?.signed_at).toBe('2026-11-23T08:03:02Z');
    inbox.markFeedback('a', '已按要求落实，未发现异常。', '2026-11-23T08:20:00Z');
    expect(isOpen(inbox.get('a')!)).toBe(false);
    inbox.feedbackSettled('a', { state: 'feedback_done' });
    expect(inbox.get('a')?.state).toBe('feedback_done');
  });

  it('does not let a stale server answer undo a sign-for still in the outbox', () => {
    const inbox = createInbox(memoryStorage(), keyFor, 'u1');
    inbox.receive(pushed('a', 1));
    inbox.markSigned('a', '2026-11-23T08:03:00Z');
    inbox.applyServer([mine('a', 1, 'delivered')], true, inbox.tick);
    expect(inbox.get('a')?.state).toBe('signed');
    expect(inbox.toAnnounce()).toEqual([]);
    // A refusal puts it back in front of the guard.
    inbox.ackSettled('a', null);
    expect(inbox.toAnnounce().map((e) => e.directive.id)).toEqual(['a']);
  });

  it('reports open directives the server no longer lists, but not ones newer than the request', () => {
    const inbox = createInbox(memoryStorage(), keyFor, 'u1');
    inbox.receive(pushed('gone', 1));
    const since = inbox.tick;
    inbox.receive(pushed('fresh', 2));
    expect(inbox.applyServer([], true, since)).toEqual(['gone']);
    // The full list is the truth: what it no longer has is dropped, the fresh one stays.
    inbox.applyServer([mine('fresh', 2, 'delivered')], false, inbox.tick);
    expect(inbox.list().map((e) => e.directive.id)).toEqual(['fresh']);
  });
});
