// What each demo account should see, written out from docs/API.md's permission table.
// The table leaves the cap.* grants to `GET /api/me`; the grants below are the ones the
// domain's role table gives (officer: all; manager: field work; office: oversight;
// department: risk and cases; admins: none).

const ALL_CAPS = ['map', 'patrol', 'reports', 'directives', 'alarms', 'mediation', 'training', 'points', 'stats', 'risk', 'cases'];
const READ_ALL = ['org.read', 'building.read', 'checkpoint.read', 'guard.read', 'company.read'];

export const ROLE_PERMISSIONS = {
  command_officer: [...READ_ALL, 'guard.unmask', ...ALL_CAPS.map((c) => `cap.${c}`)],
  unit_manager: [...READ_ALL, ...['patrol', 'reports', 'directives', 'alarms', 'mediation', 'training', 'points'].map((c) => `cap.${c}`)],
  district_office: [...READ_ALL, ...['map', 'points', 'stats', 'risk', 'cases'].map((c) => `cap.${c}`)],
  department_handler: ['company.read', 'cap.risk', 'cap.cases'],
  system_admin: [...READ_ALL, 'user.read'],
  security_admin: ['user.read', 'session.manage'],
  audit_admin: ['audit.read'],
};

export const ACCOUNTS = [
  { username: 'admin', role: 'system_admin' },
  { username: 'secadmin', role: 'security_admin' },
  { username: 'auditor', role: 'audit_admin' },
  { username: 'officer', role: 'command_officer' },
  { username: 'office', role: 'district_office' },
  { username: 'manager01', role: 'unit_manager' },
  { username: 'dept-market', role: 'department_handler' },
];

/** Capabilities with a page of their own; the rest open the "not available yet" page. */
const BUILT_CAPS = new Set(['map', 'patrol', 'directives']);

/** Console navigation entries in menu order: key, the permission it needs, built or not. */
export const NAV_ENTRIES = [
  { key: 'home', permission: null, built: true },
  ...ALL_CAPS.map((c) => ({ key: c, permission: `cap.${c}`, built: BUILT_CAPS.has(c) })),
  { key: 'org-tree', permission: 'org.read', built: true },
  { key: 'buildings', permission: 'building.read', built: true },
  { key: 'checkpoints', permission: 'checkpoint.read', built: true },
  { key: 'guards', permission: 'guard.read', built: true },
  { key: 'companies', permission: 'company.read', built: true },
  { key: 'users', permission: 'user.read', built: true },
  { key: 'sessions', permission: 'session.manage', built: true },
  { key: 'audit', permission: 'audit.read', built: true },
];

export function expectedNav(role) {
  const perms = new Set(ROLE_PERMISSIONS[role]);
  const visible = NAV_ENTRIES.filter((e) => !e.permission || perms.has(e.permission));
  const hidden = NAV_ENTRIES.filter((e) => e.permission && !perms.has(e.permission));
  return { visible, hidden };
}
