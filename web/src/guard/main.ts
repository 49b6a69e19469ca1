// Guard app entry point (/m/): Pinia, vue-i18n, router, Vant's locale following the
// UI language, and API hooks that route session errors and toast the rest.
import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import { Locale, showToast } from 'vant';
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

app.mount('#app');
