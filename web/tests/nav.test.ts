// The navigation filter: given Me.permissions, which entries a user sees.
import { describe, expect, it } from 'vitest';
import { NAV, isGroup, visibleKeys, visibleNav, allEntries } from '@/console/nav';

const CAPS = ['map', 'patrol', 'reports', 'directives', 'alarms', 'mediation', 'training', 'points', 'stats', 'risk', 'cases'];

describe('visibleNav', () => {
  it('shows only 首页 to a role with no permission', () => {
    expect(visibleKeys([])).toEqual(['home']);
    expect(visibleNav([]).some(isGroup)).toBe(false);
  });

  it('shows the audit log and nothing else to the audit admin', () => {
    expect(visibleKeys(['audit.read'])).toEqual(['home', 'audit']);
    const groups = visibleNav(['audit.read']).filter(isGroup);
    expect(groups.map((g) => g.key)).toEqual(['system']);
  });

  it('shows users and sessions to the security admin', () => {
    expect(visibleKeys(['user.read', 'session.manage'])).toEqual(['home', 'users', 'sessions']);
  });

  it('shows every capability and the organisation pages to a command officer', () => {
    const perms = [...CAPS.map((c) => `cap.${c}`), 'org.read', 'building.read', 'checkpoint.read', 'guard.read', 'guard.unmask', 'company.read'];
    expect(visibleKeys(perms)).toEqual(['home', ...CAPS, 'org-tree', 'buildings', 'checkpoints', 'guards', 'companies']);
  });

  it('keeps a group with only some of its children', () => {
    const nav = visibleNav(['company.read', 'cap.risk', 'cap.cases']);
    const org = nav.find((i) => i.key === 'org');
    expect(org && isGroup(org) ? org.children.map((c) => c.key) : []).toEqual(['companies']);
    expect(visibleKeys(['company.read', 'cap.risk', 'cap.cases'])).toEqual(['home', 'risk', 'cases', 'companies']);
  });

  it('ignores write-only and unknown permissions', () => {
    expect(visibleKeys(['guard.write', 'org.write', 'nonsense'])).toEqual(['home']);
  });

  it('keeps the UI.md order and unique keys', () => {
    const keys = NAV.map((i) => i.key);
    expect(keys).toEqual(['home', ...CAPS, 'org', 'system']);
    const all = allEntries().map((e) => e.key);
    expect(new Set(all).size).toBe(all.length);
  });

  it('marks the capabilities still to come as not built yet (一图, 巡逻在岗 and 指令与签收 are built)', () => {
    const built = ['map', 'patrol', 'directives'];
    expect(allEntries().filter((e) => e.comingSoon).map((e) => e.key)).toEqual(CAPS.filter((c) => !built.includes(c)));
  });
});
