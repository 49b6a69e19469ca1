// Announcing new alerts: alerts arriving within a short window are gathered and told
// once — one alert by name, several as a count per kind — with one tone, and only the
// latest few notifications stay open. The sound and the notification are injected.
import type { Alert } from '@/shared/api/patrol';

type Translate = (key: string, named?: Record<string, unknown>) => string;

export interface Closable {
  close(): void;
}

export interface AnnouncerDeps {
  t: Translate;
  notify(title: string, message: string): Closable;
  sound(): void;
  windowMs?: number;
  maxShown?: number;
}

export function describeAlerts(alerts: readonly Alert[], t: Translate): { title: string; message: string } {
  if (alerts.length === 1) {
    const a = alerts[0];
    const who = [a.guard_name, a.post_name, a.unit_name].filter(Boolean).join(' · ');
    return { title: t('patrol.alerts.newTitle', { kind: t(`patrol.alertKinds.${a.kind}`) }), message: who || t('common.none') };
  }
  const byKind = new Map<string, number>();
  for (const a of alerts) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  const message = [...byKind].map(([k, n]) => `${t(`patrol.alertKinds.${k}`)} ${n}`).join(' · ');
  return { title: t('patrol.alerts.newMany', { n: alerts.length }), message };
}

export function createAlertAnnouncer(deps: AnnouncerDeps) {
  const windowMs = deps.windowMs ?? 800;
  const maxShown = deps.maxShown ?? 3;
  let batch: Alert[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const shown: Closable[] = [];

  function flush(): void {
    timer = null;
    const alerts = batch;
    batch = [];
    if (!alerts.length) return;
    deps.sound();
    const { title, message } = describeAlerts(alerts, deps.t);
    shown.push(deps.notify(title, message));
    while (shown.length > maxShown) shown.shift()?.close();
  }

  return {
    push(alert: Alert): void {
      batch.push(alert);
      timer ??= setTimeout(flush, windowMs);
    },
    dispose(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      batch = [];
    },
  };
}
