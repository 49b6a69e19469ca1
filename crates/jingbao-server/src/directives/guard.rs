//! The guard's side: sign for (签收) and report what was done (落实反馈), both idempotent by
//! their own ids; and the guard's directives. Once a unit meets its quota, its other
//! recipients become `not_required`.

use crate::auth::caller::Caller;
use crate::directives::view::out;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::patrol::checkins::own_guard;
use crate::patrol::idempotency::conflict;
use crate::realtime::Event;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use jingbao_api::ListResponse;
use jingbao_api::directives::{AckReply, AckRequest, FeedbackRequest, MyDirective};
use jingbao_store::AuditEntry;
use jingbao_store::entity::directive_recipient;
use jingbao_store::repo::{common, directives};
use uuid::Uuid;

fn reply(r: &directive_recipient::Model) -> AckReply {
    AckReply {
        state: r.state.clone(),
        signed_at: r.signed_at,
        late: r.late,
    }
}

/// Records a sign-for on `r` (not yet committed) and returns the unit siblings it relieves.
fn sign(
    r: &mut directive_recipient::Model,
    ack: Uuid,
    device_time: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
    deadline: chrono::DateTime<chrono::Utc>,
) {
    r.ack_id = Some(ack);
    r.signed_at = Some(now);
    r.signed_device_time = Some(device_time);
    r.late = now >= deadline;
    r.delivered_at = r.delivered_at.or(Some(now));
    if r.feedback_at.is_none() {
        r.state = if r.late {
            "signed_late".into()
        } else {
            "signed".into()
        };
    }
}

pub async fn ack(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    ApiJson(b): ApiJson<AckRequest>,
) -> ApiResult<Json<AckReply>> {
    sign_for(&st, &c, id, b).await.map(Json)
}

/// Signs for directive `id` as the calling guard (the HTTP route and the socket's `ack`).
pub async fn sign_for(st: &AppState, c: &Caller, id: Uuid, b: AckRequest) -> ApiResult<AckReply> {
    let (st, c) = (st.clone(), c.clone());
    let g = own_guard(&st, &c).await?;
    let db = st.store.db();
    let d = directives::get(db, &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if d.state != "sent" {
        return Err(ApiError::new(
            http::StatusCode::CONFLICT,
            "directive_not_open",
            "该指令已撤回或尚未下发",
            "This directive was cancelled or has not been sent",
        ));
    }
    let now = st.now();
    let tx = st.store.write().await?;
    let mut r = directives::recipient(tx.conn(), id, g.id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if r.ack_id == Some(b.id) || r.signed_at.is_some() {
        // A retry, or already signed from another attempt: the first answer stands.
        tx.rollback().await?;
        return Ok(reply(&r));
    }
    if directives::all_recipients(tx.conn(), id)
        .await?
        .iter()
        .any(|x| x.ack_id == Some(b.id))
    {
        tx.rollback().await?;
        return Err(conflict());
    }
    sign(&mut r, b.id, b.device_time, now, d.deadline_at);
    common::update::<directive_recipient::Entity, _>(tx.conn(), r.clone()).await?;
    let mut relieved = 0;
    if d.unit_quota {
        for mut sib in directives::all_recipients(tx.conn(), id)
            .await?
            .into_iter()
            .filter(|x| {
                x.unit_id == r.unit_id
                    && x.guard_id != g.id
                    && x.signed_at.is_none()
                    && x.state != "not_required"
            })
        {
            sib.state = "not_required".into();
            common::update::<directive_recipient::Entity, _>(tx.conn(), sib).await?;
            relieved += 1;
        }
    }
    tx.commit(AuditEntry::new(now, &c.actor(), "directive.ack", "directive").object(id).detail(serde_json::json!({"ack_id": b.id, "late": r.late, "device_time": b.device_time, "relieved": relieved}))).await?;
    st.hub.publish(Event::board(id, &d.scope_path));
    Ok(reply(&r))
}

pub async fn feedback(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    ApiJson(b): ApiJson<FeedbackRequest>,
) -> ApiResult<Json<AckReply>> {
    if b.text.trim().is_empty() || b.text.chars().count() > 2000 {
        return Err(ApiError::invalid_field(
            "text",
            "invalid",
            "1–2000 characters",
        ));
    }
    let g = own_guard(&st, &c).await?;
    let d = directives::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let now = st.now();
    let tx = st.store.write().await?;
    let mut r = directives::recipient(tx.conn(), id, g.id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if r.feedback_id == Some(b.id) {
        tx.rollback().await?;
        return Ok(Json(reply(&r)));
    }
    if r.signed_at.is_none() {
        sign(&mut r, b.id, now, now, d.deadline_at);
    }
    r.feedback_id = Some(b.id);
    r.feedback_at = Some(now);
    r.feedback = Some(
        serde_json::json!({"text": b.text.trim(), "checkpoint_ids": b.checkpoint_ids}).to_string(),
    );
    r.state = "feedback_done".into();
    common::update::<directive_recipient::Entity, _>(tx.conn(), r.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "directive.feedback", "directive").object(id))
        .await?;
    st.hub.publish(Event::board(id, &d.scope_path));
    Ok(Json(reply(&r)))
}

pub async fn mine(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<MyDirective>>> {
    let g = own_guard(&st, &c).await?;
    let rows = directives::outbox_after(st.store.db(), g.id, 0, 500).await?;
    let ds =
        directives::by_ids(st.store.db(), rows.iter().map(|r| r.directive_id).collect()).await?;
    let open_only = q.flag("open");
    let mut items: Vec<MyDirective> = rows
        .iter()
        .rev()
        .filter_map(|r| {
            let d = ds.iter().find(|d| d.id == r.directive_id)?;
            let open = d.state == "sent"
                && (r.signed_at.is_none() || (d.feedback_required && r.feedback_at.is_none()))
                && r.state != "not_required";
            (!open_only || open).then(|| MyDirective {
                seq: r.seq,
                state: r.state.clone(),
                late: r.late,
                directive: out(d, &[]),
            })
        })
        .collect();
    items.truncate(200);
    let total = items.len() as u64;
    Ok(Json(ListResponse {
        items,
        total,
        page: 1,
        page_size: total.max(1),
    }))
}
