//! `POST /api/shifts/start`, `POST /api/shifts/end`, `GET /api/shifts/current`: 上岗 and
//! 下岗 with the handover note (交接班), idempotent by the client's event id.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, parse_json};
use crate::patrol::checkins::own_guard;
use crate::patrol::idempotency::{body_hash, record, replay};
use crate::patrol::presence::GuardLive;
use crate::resources::common::unknown_reference;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use http::StatusCode;
use jingbao_api::patrol::{CurrentShift, Handover, ShiftEnd, ShiftOut, ShiftStart};
use jingbao_store::entity::{guard, shift, submission};
use jingbao_store::repo::patrol::{shifts, submissions};
use jingbao_store::repo::{common, posts};
use jingbao_store::{AuditEntry, StoreError};
use sea_orm::EntityTrait;
use serde_json::Value;

fn conflict(code: &'static str, zh: &'static str, en: &'static str) -> ApiError {
    ApiError::new(StatusCode::CONFLICT, code, zh, en)
}

async fn post_name(st: &AppState, post: Option<uuid::Uuid>) -> ApiResult<Option<String>> {
    Ok(match post {
        Some(p) => posts::by_id(st.store.db(), p).await?.map(|p| p.name),
        None => None,
    })
}

fn out(s: &shift::Model, post_name: Option<String>) -> ShiftOut {
    ShiftOut {
        id: s.id,
        guard_id: s.guard_id,
        post_id: s.post_id,
        post_name,
        started_at: s.started_at,
        ended_at: s.ended_at,
        handover_note: s.handover_note.clone(),
    }
}

pub async fn start(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(raw): ApiJson<Value>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let b: ShiftStart = parse_json(raw.to_string().as_bytes())?;
    let g = own_guard(&st, &c).await?;
    let hash = body_hash(&raw);
    let db = st.store.db();
    if let Some(prev) = submissions::by_id(db, b.id).await? {
        let (s, v) = replay(&prev, c.user.id, &hash)?;
        return Ok((s, Json(v)));
    }
    let post_id = b.post_id.or(g.post_id);
    if let Some(p) = post_id {
        posts::by_id(db, p)
            .await?
            .filter(|p| p.unit_id == g.unit_id)
            .ok_or_else(|| unknown_reference("post_id"))?;
    }
    let now = st.now();
    let pname = post_name(&st, post_id).await?;
    let tx = st.store.write().await?;
    if shifts::open_of_guard(tx.conn(), g.id).await?.is_some() {
        tx.rollback().await?;
        return Err(conflict(
            "already_on_shift",
            "已在岗，请先下岗",
            "Already on shift; end it first",
        ));
    }
    let s = shift::Model {
        id: b.id,
        guard_id: g.id,
        post_id,
        unit_id: g.unit_id,
        started_at: now,
        start_device_time: b.device_time.to_rfc3339(),
        ended_at: None,
        end_event_id: None,
        end_device_time: None,
        handover_note: None,
        scope_path: g.scope_path.clone(),
    };
    let body = serde_json::to_value(out(&s, pname)).unwrap_or(Value::Null);
    let inserted = common::insert::<shift::Entity, _>(tx.conn(), s.clone()).await;
    let recorded = match inserted {
        Ok(()) => {
            common::insert::<submission::Entity, _>(
                tx.conn(),
                record(
                    b.id,
                    c.user.id,
                    "shift.start",
                    &hash,
                    StatusCode::CREATED,
                    &body,
                    now,
                ),
            )
            .await
        }
        Err(e) => Err(e),
    };
    if let Err(e) = recorded {
        tx.rollback().await?;
        return match e {
            StoreError::Conflict(_) => match submissions::by_id(db, b.id).await? {
                Some(prev) => replay(&prev, c.user.id, &hash).map(|(s, v)| (s, Json(v))),
                None => Err(crate::patrol::idempotency::conflict()),
            },
            other => Err(other.into()),
        };
    }
    tx.commit(
        AuditEntry::new(now, &c.actor(), "shift.start", "shift")
            .object(s.id)
            .detail(serde_json::json!({"post_id": post_id})),
    )
    .await?;
    st.presence.shift_started(GuardLive {
        guard_id: g.id,
        name: g.name.clone(),
        unit_id: g.unit_id,
        post_id,
        scope_path: g.scope_path.clone(),
        shift_started: Some(now),
        last_signal: Some(now),
        fix: None,
        outside_since: None,
    });
    st.hub.publish(crate::realtime::Event::map(
        &g.scope_path,
        serde_json::json!({"kind": "state", "guard_id": g.id, "on_shift": true}),
    ));
    Ok((StatusCode::CREATED, Json(body)))
}

pub async fn end(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(raw): ApiJson<Value>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let b: ShiftEnd = parse_json(raw.to_string().as_bytes())?;
    if b.handover_note
        .as_ref()
        .is_some_and(|n| n.chars().count() > 1000)
    {
        return Err(ApiError::invalid_field(
            "handover_note",
            "too_long",
            "at most 1000 characters",
        ));
    }
    let g = own_guard(&st, &c).await?;
    let hash = body_hash(&raw);
    let db = st.store.db();
    if let Some(prev) = submissions::by_id(db, b.id).await? {
        let (s, v) = replay(&prev, c.user.id, &hash)?;
        return Ok((s, Json(v)));
    }
    let now = st.now();
    let open = shifts::open_of_guard(db, g.id).await?;
    let pname = post_name(&st, open.as_ref().and_then(|s| s.post_id)).await?;
    let tx = st.store.write().await?;
    let Some(mut s) = shifts::open_of_guard(tx.conn(), g.id).await? else {
        tx.rollback().await?;
        return Err(conflict("not_on_shift", "当前未在岗", "Not on shift"));
    };
    s.ended_at = Some(now);
    s.end_event_id = Some(b.id);
    s.end_device_time = Some(b.device_time.to_rfc3339());
    s.handover_note = b
        .handover_note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let body = serde_json::to_value(out(&s, pname)).unwrap_or(Value::Null);
    common::update::<shift::Entity, _>(tx.conn(), s.clone()).await?;
    if let Err(e) = common::insert::<submission::Entity, _>(
        tx.conn(),
        record(
            b.id,
            c.user.id,
            "shift.end",
            &hash,
            StatusCode::OK,
            &body,
            now,
        ),
    )
    .await
    {
        tx.rollback().await?;
        return Err(e.into());
    }
    tx.commit(AuditEntry::new(now, &c.actor(), "shift.end", "shift").object(s.id))
        .await?;
    st.presence.shift_ended(g.id);
    st.hub.publish(crate::realtime::Event::map(
        &g.scope_path,
        serde_json::json!({"kind": "state", "guard_id": g.id, "on_shift": false}),
    ));
    Ok((StatusCode::OK, Json(body)))
}

pub async fn current(State(st): State<AppState>, c: Caller) -> ApiResult<Json<CurrentShift>> {
    let g = own_guard(&st, &c).await?;
    let db = st.store.db();
    let open = shifts::open_of_guard(db, g.id).await?;
    let post = open.as_ref().and_then(|s| s.post_id).or(g.post_id);
    let handover = match post {
        Some(p) => match shifts::last_handover(db, p).await? {
            Some(h) => {
                let from = guard::Entity::find_by_id(h.guard_id)
                    .one(db)
                    .await
                    .map_err(StoreError::from)?
                    .map(|g| g.name);
                Some(Handover {
                    note: h.handover_note.unwrap_or_default(),
                    from_guard_name: from,
                    at: h.ended_at.unwrap_or(h.started_at),
                })
            }
            None => None,
        },
        None => None,
    };
    let shift = match open {
        Some(s) => Some(out(&s, post_name(&st, s.post_id).await?)),
        None => None,
    };
    Ok(Json(CurrentShift { shift, handover }))
}
