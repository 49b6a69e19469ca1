// Console routes (history mode, base /). Every page but login needs a session; a user
// who must change the password or enrol TOTP is held on that page; pages behind a
// permission redirect home when the user lacks it — the same permissions as the nav.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { ElMessage } from 'element-plus';
import '@/shared/routeMeta';
import { useAuth } from '@/shared/auth';
import { t } from '@/shared/i18n';
import { allEntries } from './nav';
import ConsoleLayout from './layout/ConsoleLayout.vue';
import LoginPage from './pages/LoginPage.vue';

const comingSoon: RouteRecordRaw[] = allEntries()
  .filter((e) => e.comingSoon)
  .map((e) => ({
    path: e.path.slice(1),
    name: e.key,
    component: () => import('./pages/ComingSoonPage.vue'),
    props: { capability: e.key },
    meta: { permission: e.permission, key: e.key },
  }));

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
  { path: '/password', name: 'password', component: () => import('./pages/ChangePasswordPage.vue'), meta: { account: true } },
  { path: '/totp', name: 'totp', component: () => import('./pages/TotpEnrollPage.vue'), meta: { account: true } },
  // Print layouts stand alone, without the console frame.
  { path: '/print/checkpoints', name: 'checkpoint-print', component: () => import('./pages/CheckpointPrintPage.vue'), meta: { permission: 'checkpoint.read' } },
  {
    path: '/',
    component: ConsoleLayout,
    children: [
      { path: '', name: 'home', component: () => import('./pages/HomePage.vue'), meta: { key: 'home' } },
      ...comingSoon,
      { path: 'map', name: 'map', component: () => import('./pages/MapPage.vue'), meta: { permission: 'cap.map', key: 'map' } },
      { path: 'directives', name: 'directives', component: () => import('./pages/DirectivesPage.vue'), meta: { permission: 'cap.directives', key: 'directives' } },
      { path: 'patrol', name: 'patrol', component: () => import('./pages/PatrolPage.vue'), meta: { permission: 'cap.patrol', key: 'patrol' } },
      { path: 'org/tree', name: 'org-tree', component: () => import('./pages/OrgTreePage.vue'), meta: { permission: 'org.read', key: 'org-tree' } },
      { path: 'org/buildings', name: 'buildings', component: () => import('./pages/BuildingsPage.vue'), meta: { permission: 'building.read', key: 'buildings' } },
      { path: 'org/checkpoints', name: 'checkpoints', component: () => import('./pages/CheckpointsPage.vue'), meta: { permission: 'checkpoint.read', key: 'checkpoints' } },
      { path: 'org/guards', name: 'guards', component: () => import('./pages/GuardsPage.vue'), meta: { permission: 'guard.read', key: 'guards' } },
      { path: 'org/companies', name: 'companies', component: () => import('./pages/CompaniesPage.vue'), meta: { permission: 'company.read', key: 'companies' } },
      { path: 'system/users', name: 'users', component: () => import('./pages/UsersPage.vue'), meta: { permission: 'user.read', key: 'users' } },
      // Everyone may list their own sessions; session.manage holders see everyone's.
      { path: 'system/sessions', name: 'sessions', component: () => import('./pages/SessionsPage.vue'), meta: { key: 'sessions' } },
      { path: 'system/audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { permission: 'audit.read', key: 'audit' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
    ],
  },
];

export const router = createRouter({ history: createWebHistory('/'), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const auth = useAuth();
  if (!auth.probed || !auth.me) {
    try {
      await auth.probe();
    } catch {
      /* server unreachable: treat as signed out, the login page shows the error */
    }
  }
  const me = auth.me;
  if (!me) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (me.must_change_password && to.name !== 'password') return { name: 'password' };
  if (!me.must_change_password && me.must_enroll_totp && to.name !== 'totp') return { name: 'totp' };
  if (to.meta.permission && !auth.can(to.meta.permission)) {
    ElMessage.error(t('errors.forbidden'));
    return { name: 'home' };
  }
  return true;
});
