// The guard's directive store in the app: on each live connection a phone new to the
// account first learns what the server lists (so old directives do not ring), then
// resumes from its cursor and reads the open ones as a fallback; the cursor and the
// directives follow the signed-in account.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { api } from '@/shared/api';
import { useAuth } from '@/shared/auth';
import type { Me } from '@/shared/api/types';
import type { MyDirective } from '@/shared/api/directives';
import { useDirectives } from '@/guard/directives/directiveStore';
import { mine, pushed } from './directiveFixtures';

const me = (id: string): Me => ({
  id, username: id, display_name: id, roles: ['guard'], org_unit_id: null, org_unit_name: null, department_id: null,
  guard_id: `g-${id}`, must_change_password: false, must_enroll_totp: false, session_kind: 'guard', permissions: [],
});

function serverLists(all: MyDirective[]) {
  const asked: string[] = [];
  vi.spyOn(api, 'get').mockImplementation(async (path: string, query?: Record<string, unknown>) => {
    asked.push(query?.open ? `${path}?open=true` : path);
    const items = query?.open ? all.filter((i) => i.state === 'delivered' || i.state === 'pending' || i.state === 'signed') : all;
    return { items, total: items.length, page: 1, page_size: items.length || 1 } as never;
  });
  return asked;
}

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});
afterEach(() => vi.restoreAllMocks());

describe('guard directive store', () => {
  it('on a new phone reads everything first, then resumes after it; later it resumes from its cursor', async () => {
    const all = [mine('old', 4, 'feedback_done'), mine('open', 6, 'delivered')];
    const asked = serverLists(all);
    useAuth().setMe(me('u1'));
    const store = useDirectives();
    await nextTick();
    const sent: unknown[] = [];
    await store.connected((m) => sent.push(m) > 0);
    expect(asked).toEqual(['/api/me/directives', '/api/me/directives?open=true']);
    expect(sent).toEqual([{ type: 'resume', cursor: 6 }]);
    expect(store.toAnnounce.map((e) => e.directive.id)).toEqual(['open']);
    expect(store.entries.map((e) => e.directive.id)).toEqual(['open', 'old']);

    // A live push and the server's resumed reply move the cursor on.
    expect(store.receive(pushed('new', 8))).toBe(true);
    expect(store.receive(pushed('new', 8))).toBe(false);
    store.receive({ type: 'resumed', cursor: 8 });
    all.push(mine('new', 8, 'delivered'));
    asked.length = 0;
    sent.length = 0;
    await store.connected((m) => sent.push(m) > 0);
    expect(asked).toEqual(['/api/me/directives?open=true']);
    expect(sent).toEqual([{ type: 'resume', cursor: 8 }]);
    expect(localStorage.getItem('jb.m.u1.directive-cursor')).toBe('8');

    // Signed elsewhere (or cancelled) while this phone was away: the open list no longer
    // has it, so the full list is read for its real state and it stops ringing.
    all.splice(1, 1, mine('open', 6, 'feedback_done'));
    asked.length = 0;
    await store.refreshOpen();
    expect(asked).toEqual(['/api/me/directives?open=true', '/api/me/directives']);
    expect(store.get('open')?.state).toBe('feedback_done');
    expect(store.toAnnounce.map((e) => e.directive.id)).toEqual(['new']);
  });

  it('keeps each account its own cursor and directives', async () => {
    serverLists([]);
    const auth = useAuth();
    auth.setMe(me('u1'));
    const store = useDirectives();
    await nextTick();
    store.receive(pushed('a', 3));
    auth.setMe(me('u2'));
    await nextTick();
    expect(store.entries).toEqual([]);
    const sent: unknown[] = [];
    await store.connected((m) => sent.push(m) > 0);
    expect(sent).toEqual([{ type: 'resume', cursor: 0 }]);
    auth.setMe(me('u1'));
    await nextTick();
    expect(store.entries.map((e) => e.directive.id)).toEqual(['a']);
    sent.length = 0;
    await store.connected((m) => sent.push(m) > 0);
    expect(sent).toEqual([{ type: 'resume', cursor: 3 }]);
  });
});
