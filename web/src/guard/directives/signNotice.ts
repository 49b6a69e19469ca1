// What the guard is told after tapping 签收: signed, queued until online, or refused (with
// the server's reason); a failure to even store it says so, and the directive comes back.
import { showDialog, showToast } from 'vant';
import { t } from '@/shared/i18n';
import type { Outcome } from '../outbox';

export async function tellSigned(pending: Promise<Outcome | null>): Promise<void> {
  try {
    const outcome = await pending;
    if (outcome?.kind === 'refused') {
      void showDialog({ title: t('patrol.refusedTitle'), message: outcome.message, confirmButtonText: t('common.confirm') });
    } else {
      showToast({ message: outcome ? t('guardDirectives.signed') : t('guardDirectives.signedQueued'), duration: 2000 });
    }
  } catch (e) {
    showToast({ message: `${t('patrol.refusedTitle')}${t('common.colon')}${String((e as Error)?.message ?? e)}`, duration: 3000 });
  }
}
