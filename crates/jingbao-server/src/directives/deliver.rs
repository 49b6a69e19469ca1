//! Delivery over the live channel: a `directive` event per recipient after the issuing
//! transaction commits, and the catch-up a reconnecting terminal asks for with its cursor.

use crate::directives::view::out;
use crate::realtime::Event;
use crate::state::AppState;
use jingbao_store::StoreError;
use jingbao_store::entity::{directive, directive_recipient};
use jingbao_store::repo::{common, directives};
use serde_json::{Value, json};
use uuid::Uuid;

/// The message a guard's socket sends for one outbox entry.
pub fn message(seq: i64, d: &directive::Model) -> Value {
    json!({"type": "directive", "seq": seq, "directive": out(d, &[])})
}

pub fn push(st: &AppState, d: &directive::Model, r: &directive_recipient::Model) {
    st.hub.publish(Event {
        topic: "directive",
        scope_path: r.scope_path.clone(),
        payload: json!({"guard_id": r.guard_id, "seq": r.seq, "directive_id": d.id}),
    });
}

/// Marks a recipient delivered (first delivery only).
pub async fn delivered(st: &AppState, directive_id: Uuid, guard: Uuid) -> Result<(), StoreError> {
    let Some(mut r) = directives::recipient(st.store.db(), directive_id, guard).await? else {
        return Ok(());
    };
    if r.delivered_at.is_some() {
        return Ok(());
    }
    r.delivered_at = Some(st.now());
    if r.state == "pending" {
        r.state = "delivered".into();
    }
    let tx = st.store.write().await?;
    common::update::<directive_recipient::Entity, _>(tx.conn(), r.clone()).await?;
    tx.commit_unaudited().await?;
    st.hub.publish(Event::board(r.directive_id, &r.scope_path));
    Ok(())
}

/// Every outbox entry of `guard` after `cursor`, in order, as socket messages.
pub async fn catch_up(
    st: &AppState,
    guard: Uuid,
    cursor: i64,
) -> Result<Vec<(i64, Uuid, Value)>, StoreError> {
    let rows = directives::outbox_after(st.store.db(), guard, cursor, 1000).await?;
    let ds =
        directives::by_ids(st.store.db(), rows.iter().map(|r| r.directive_id).collect()).await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let d = ds
                .iter()
                .find(|d| d.id == r.directive_id && d.state != "cancelled")?;
            Some((r.seq, d.id, message(r.seq, d)))
        })
        .collect())
}
