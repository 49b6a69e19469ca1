// Guard app entry point (/m/): Pinia, vue-i18n, router, Vant's locale following the
// UI language, API hooks that route session errors and toast the rest, and the field
// machinery: the outbox (started now, flushed again after each sign-in), its refusals
// shown to the guard, the on-shift duties (positions, wake lock), and the live channel
// that brings directives.
import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import { Locale, showDialog, showToast } from 'vant';
import enUS from 'vant/es/locale/lang/en-US';
import zhCN from 'vant/es/locale/lang/zh-CN';
import 'vant/lib/index.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { i18n, currentLocale, t } from '@/shared/i18n';
import { api } from '@/shared/api';
import { useAuth } from '@/shared/auth';
import { describeError } from '@/shared/errorText';
import { reportReachability, watchBrowserConnection } from './connection';
import { outbox } from './outbox';
import { rememberMe } from './offlineSession';
import { installShiftDuties } from './patrol/shiftDuties';
import { installDirectiveSync } from './directives/directiveSync';
import { submissionLabel } from './patrol/submissionLabel';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(i18n).use(router);

function applyLocale(): void {
  const l = currentLocale();
  if (l === 'en') Locale.use('en-US', enUS);
  else Locale.use('zh-CN', zhCN);
  document.documentElement.lang = l;
  document.title = t('app.guardTitle');
}
applyLocale();
watch(i18n.global.locale, applyLocale);
watchBrowserConnection();

api.setHooks({
  onUnauthenticated() {
    useAuth(pinia).clear();
    if (router.currentRoute.value.name !== 'login') {
      showToast(t('auth.sessionExpired'));
      void router.replace({ name: 'login' });
    }
  },
  onPasswordChangeRequired() {
    void router.replace({ name: 'password' });
  },
  onTotpEnrollmentRequired() {
    void router.replace({ name: 'totp' });
  },
  onError(err) {
    showToast({ message: describeError(err), duration: 3000 });
  },
  onReachability: reportReachability,
});

// Something queued earlier was refused by the server: tell the guard what and why
// (a page waiting for the answer shows it itself).
outbox.onSettled((item, outcome, awaited) => {
  if (outcome.kind !== 'refused' || awaited) return;
  void showDialog({
    title: t('patrol.refusedTitle'),
    message: `${submissionLabel(item.url)}${t('common.colon')}${outcome.message}`,
    confirmButtonText: t('common.confirm'),
  });
});

const auth = useAuth(pinia);
watch(
  () => auth.me,
  (me, before) => {
    if (me) rememberMe(me);
    else if (before) rememberMe(null);
    // Each account's submissions stay in its own queue and go out under its own session.
    outbox.setAccount(me?.id ?? null);
  },
);
outbox.start();
installShiftDuties(pinia);
installDirectiveSync(pinia);

app.mount('#app');
