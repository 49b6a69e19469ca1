//! The escalation ladder, driven by data (no timer per directive): recipients not signed
//! for at 5 minutes are pushed again and their unit manager is notified; at the deadline they
//! become `overdue` and the command room is notified. Runs with the presence job.

use crate::directives::deliver::push;
use crate::directives::notify::{LiveNotifier, Notification, Notifier, WebhookNotifier};
use crate::realtime::Event;
use crate::state::AppState;
use chrono::Duration;
use jingbao_store::entity::directive_recipient;
use jingbao_store::repo::{common, directives};
use jingbao_store::{Actor, AuditEntry, StoreError};
use std::collections::HashMap;

pub const REMIND_AFTER_MINUTES: i64 = 5;

fn notifiers(st: &AppState) -> Vec<Box<dyn Notifier>> {
    let mut v: Vec<Box<dyn Notifier>> = vec![Box::new(LiveNotifier(st.hub.clone()))];
    if let Some(url) = st.config.notify_webhook.clone() {
        v.push(Box::new(WebhookNotifier { url }));
    }
    v
}

pub async fn run_once(st: &AppState) -> Result<usize, StoreError> {
    let scheduled = crate::directives::issue::send_due(st).await?;
    let now = st.now();
    let waiting = directives::unsigned(st.store.db()).await?;
    if waiting.is_empty() {
        return Ok(scheduled);
    }
    let ds: HashMap<_, _> = directives::by_ids(
        st.store.db(),
        waiting.iter().map(|r| r.directive_id).collect(),
    )
    .await?
    .into_iter()
    .map(|d| (d.id, d))
    .collect();
    let system = Actor {
        username: "system".into(),
        ..Actor::default()
    };
    let ns = notifiers(st);
    let mut changed = 0;
    for mut r in waiting {
        let Some(d) = ds.get(&r.directive_id).filter(|d| d.state == "sent") else {
            continue;
        };
        let (kind, level) = if now >= d.deadline_at && r.escalation < 2 {
            ("directive_overdue", 2)
        } else if now - d.sent_at >= Duration::minutes(REMIND_AFTER_MINUTES)
            && r.escalation < 1
            && now < d.deadline_at
        {
            ("directive_reminder", 1)
        } else {
            continue;
        };
        r.escalation = level;
        if level == 2 {
            r.state = "overdue".into();
        }
        let tx = st.store.write().await?;
        common::update::<directive_recipient::Entity, _>(tx.conn(), r.clone()).await?;
        tx.commit(
            AuditEntry::new(
                now,
                &system,
                if level == 2 {
                    "directive.overdue"
                } else {
                    "directive.remind"
                },
                "directive",
            )
            .object(d.id)
            .detail(serde_json::json!({"guard_id": r.guard_id})),
        )
        .await?;
        if level == 1 {
            push(st, d, &r);
        }
        // The unit manager sees the unit's path; the command room sees the directive's.
        let scope = if level == 1 {
            r.scope_path.clone()
        } else {
            d.scope_path.clone()
        };
        let n = Notification {
            kind,
            scope_path: scope,
            payload: serde_json::json!({"directive_id": d.id, "doc_no": d.doc_no, "title": d.title, "guard_id": r.guard_id, "unit_id": r.unit_id}),
        };
        for notifier in &ns {
            notifier.notify(&n).await;
        }
        st.hub.publish(Event::board(d.id, &d.scope_path));
        changed += 1;
    }
    Ok(changed + scheduled)
}
