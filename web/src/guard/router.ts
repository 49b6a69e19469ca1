// Guard app routes (history mode, base /m/): login, account pages, and the five tabs.
import { createRouter, createWebHistory } from 'vue-router';
import '@/shared/routeMeta';
import { useAuth } from '@/shared/auth';
import { rememberedMe } from './offlineSession';
import GuardLayout from './GuardLayout.vue';
import LoginPage from './pages/LoginPage.vue';
import HomePage from './pages/HomePage.vue';

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
    { path: '/password', name: 'password', component: () => import('./pages/PasswordPage.vue'), meta: { account: true } },
    { path: '/totp', name: 'totp', component: () => import('./pages/TotpPage.vue'), meta: { account: true } },
    {
      path: '/',
      component: GuardLayout,
      children: [
        { path: '', name: 'home', component: HomePage, meta: { tab: 'home' } },
        { path: 'checkin', name: 'checkin', component: () => import('./pages/CheckinPage.vue'), meta: { tab: 'checkin' } },
        { path: 'report', name: 'report', component: () => import('./pages/ReportPage.vue'), meta: { tab: 'report' } },
        { path: 'messages', name: 'messages', component: () => import('./pages/MessagesPage.vue'), meta: { tab: 'messages' } },
        { path: 'directives/:id', name: 'directive', component: () => import('./directives/DirectivePage.vue'), props: true, meta: { tab: 'messages' } },
        { path: 'me', name: 'me', component: () => import('./pages/MePage.vue'), meta: { tab: 'me' } },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const auth = useAuth();
  if (!auth.probed || !auth.me) {
    try {
      await auth.probe();
    } catch {
      // Unreachable server: carry on as the guard last signed in on this phone, if any,
      // so queued work and the shift stay usable; otherwise the login page says so.
      const cached = rememberedMe();
      if (cached) auth.setMe(cached);
    }
  }
  const me = auth.me;
  if (!me) return { name: 'login' };
  if (me.must_change_password && to.name !== 'password') return { name: 'password' };
  if (!me.must_change_password && me.must_enroll_totp && to.name !== 'totp') return { name: 'totp' };
  return true;
});
