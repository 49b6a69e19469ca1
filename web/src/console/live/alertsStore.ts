// Open alerts (raised or acknowledged) in the user's scope, shared by the map, the
// patrol page and the notifier: loaded from GET /api/alerts, then kept current from
// the live channel's alert events. A raised alert not seen before counts as new.
import { computed, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { api } from '@/shared/api';
import type { Page } from '@/shared/api/types';
import type { Alert } from '@/shared/api/patrol';
import { isOpenAlert } from '@/shared/patrol/alertLevels';

export const useAlertsStore = defineStore('live-alerts', () => {
  const byId = shallowRef(new Map<string, Alert>());
  /** Every alert id this page load has seen, open or not (to tell new from old). */
  const seen = new Set<string>();
  const loaded = shallowRef(false);

  const open = computed(() => [...byId.value.values()].sort((a, b) => b.raised_at.localeCompare(a.raised_at)));
  const count = computed(() => byId.value.size);

  async function load(): Promise<void> {
    const states = ['raised', 'acknowledged'];
    try {
      const pages = await Promise.all(states.map((state) => api.get<Page<Alert>>('/api/alerts', { state, page_size: 200 }, { silent: true })));
      const next = new Map<string, Alert>();
      for (const p of pages) for (const a of p.items) {
        next.set(a.id, a);
        seen.add(a.id);
      }
      byId.value = next;
    } catch {
      /* keep what we had */
    }
    loaded.value = true;
  }

  /** Apply an alert from the live channel or an action; true when it is new and raised. */
  function apply(alert: Alert): boolean {
    const fresh = !seen.has(alert.id);
    seen.add(alert.id);
    const next = new Map(byId.value);
    if (isOpenAlert(alert.state)) next.set(alert.id, alert);
    else next.delete(alert.id);
    byId.value = next;
    return fresh && alert.state === 'raised';
  }

  return { open, count, loaded, load, apply };
});
