// Console entry point: Pinia, vue-i18n, the router and the API hooks that turn
// session errors into navigation and every other error into an ElMessage.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { ElMessage } from 'element-plus';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { i18n, currentLocale, t } from '@/shared/i18n';
import { api } from '@/shared/api';
import { useAuth } from '@/shared/auth';
import { describeError } from '@/shared/errorText';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(i18n).use(router);
document.documentElement.lang = currentLocale();
document.title = t('app.consoleTitle');

api.setHooks({
  onUnauthenticated() {
    useAuth(pinia).clear();
    const current = router.currentRoute.value;
    if (current.name !== 'login') {
      ElMessage.warning(t('auth.sessionExpired'));
      void router.replace({ name: 'login', query: { redirect: current.fullPath } });
    }
  },
  onPasswordChangeRequired() {
    void router.replace({ name: 'password' });
  },
  onTotpEnrollmentRequired() {
    void router.replace({ name: 'totp' });
  },
  onError(err) {
    ElMessage.error({ message: describeError(err), grouping: true, duration: 5000 });
  },
});

app.mount('#app');
