// The console's left navigation: groups in the order of the work (UI.md), each entry
// gated by one permission from Me.permissions. `visibleNav` is the single place that
// decides what a role sees; the router uses the same permissions to guard pages.
export interface NavEntry {
  /** Stable key: data-testid="nav-<key>", route name and page-<key>. */
  key: string;
  /** i18n key of the label. */
  label: string;
  path: string;
  /** Permission needed; undefined means everyone. */
  permission?: string;
  /** A capability that is not built yet (opens the "not available yet" page). */
  comingSoon?: boolean;
}

export interface NavGroup {
  key: string;
  label: string;
  children: NavEntry[];
}

export type NavItem = NavEntry | NavGroup;

export function isGroup(item: NavItem): item is NavGroup {
  return 'children' in item;
}

const capability = (key: string, built = false): NavEntry => ({
  key,
  label: `nav.${key}`,
  path: `/${key}`,
  permission: `cap.${key}`,
  comingSoon: !built,
});

export const NAV: NavItem[] = [
  { key: 'home', label: 'nav.home', path: '/' },
  capability('map', true),
  capability('patrol', true),
  capability('reports'),
  capability('directives', true),
  capability('alarms'),
  capability('mediation'),
  capability('training'),
  capability('points'),
  capability('stats'),
  capability('risk'),
  capability('cases'),
  {
    key: 'org',
    label: 'nav.org',
    children: [
      { key: 'org-tree', label: 'nav.orgTree', path: '/org/tree', permission: 'org.read' },
      { key: 'buildings', label: 'nav.buildings', path: '/org/buildings', permission: 'building.read' },
      { key: 'checkpoints', label: 'nav.checkpoints', path: '/org/checkpoints', permission: 'checkpoint.read' },
      { key: 'guards', label: 'nav.guards', path: '/org/guards', permission: 'guard.read' },
      { key: 'companies', label: 'nav.companies', path: '/org/companies', permission: 'company.read' },
    ],
  },
  {
    key: 'system',
    label: 'nav.system',
    children: [
      { key: 'users', label: 'nav.users', path: '/system/users', permission: 'user.read' },
      { key: 'sessions', label: 'nav.sessions', path: '/system/sessions', permission: 'session.manage' },
      { key: 'audit', label: 'nav.audit', path: '/system/audit', permission: 'audit.read' },
    ],
  },
];

function allowed(entry: NavEntry, permissions: ReadonlySet<string>): boolean {
  return !entry.permission || permissions.has(entry.permission);
}

/** The navigation a holder of `permissions` sees; groups with no visible entry vanish. */
export function visibleNav(permissions: Iterable<string>, nav: NavItem[] = NAV): NavItem[] {
  const held = new Set(permissions);
  const out: NavItem[] = [];
  for (const item of nav) {
    if (isGroup(item)) {
      const children = item.children.filter((c) => allowed(c, held));
      if (children.length) out.push({ ...item, children });
    } else if (allowed(item, held)) {
      out.push(item);
    }
  }
  return out;
}

/** Flat list of visible entry keys (groups excluded), in menu order. */
export function visibleKeys(permissions: Iterable<string>): string[] {
  return visibleNav(permissions).flatMap((i) => (isGroup(i) ? i.children.map((c) => c.key) : [i.key]));
}

export function allEntries(nav: NavItem[] = NAV): NavEntry[] {
  return nav.flatMap((i) => (isGroup(i) ? i.children : [i]));
}
