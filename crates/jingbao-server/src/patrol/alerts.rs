//! Alerts: the scoped list, acknowledge and resolve, and applying the presence job's
//! decisions to the store (raising without duplicates, resolving automatically).

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{IdPath, QueryMap};
use crate::patrol::presence::{Decision, open_key};
use crate::resources::common::list_response;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use http::StatusCode;
use jingbao_api::ListResponse;
use jingbao_api::patrol::{AlertOut, ResolveRequest};
use jingbao_store::entity::{alert, guard, org_unit, post};
use jingbao_store::repo::common;
use jingbao_store::repo::patrol::alerts;
use jingbao_store::{Actor, AuditEntry, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

pub async fn outs(st: &AppState, rows: Vec<alert::Model>) -> ApiResult<Vec<AlertOut>> {
    let db = st.store.db();
    let err = |e: sea_orm::DbErr| ApiError::from(StoreError::from(e));
    let gids: Vec<Uuid> = rows.iter().filter_map(|a| a.guard_id).collect();
    let gn: HashMap<Uuid, String> = guard::Entity::find()
        .filter(guard::Column::Id.is_in(gids))
        .all(db)
        .await
        .map_err(err)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let pids: Vec<Uuid> = rows.iter().filter_map(|a| a.post_id).collect();
    let pn: HashMap<Uuid, String> = post::Entity::find()
        .filter(post::Column::Id.is_in(pids))
        .all(db)
        .await
        .map_err(err)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let uids: Vec<Uuid> = rows.iter().map(|a| a.unit_id).collect();
    let un: HashMap<Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(uids))
        .all(db)
        .await
        .map_err(err)?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|a| AlertOut {
            guard_name: a.guard_id.and_then(|g| gn.get(&g).cloned()),
            post_name: a.post_id.and_then(|p| pn.get(&p).cloned()),
            unit_name: un.get(&a.unit_id).cloned(),
            reason: serde_json::from_str(&a.reason).unwrap_or(serde_json::Value::Null),
            id: a.id,
            kind: a.kind,
            state: a.state,
            guard_id: a.guard_id,
            post_id: a.post_id,
            unit_id: a.unit_id,
            raised_at: a.raised_at,
            acked_at: a.acked_at,
            acked_by: a.acked_by,
            resolved_at: a.resolved_at,
            resolved_by: a.resolved_by,
            auto: a.auto,
        })
        .collect())
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<AlertOut>>> {
    let lq = q.list(&["kind", "state", "guard_id"])?;
    let page = alerts::list(st.store.db(), &c.scope, &lq).await?;
    let items = outs(&st, page.items).await?;
    Ok(list_response(
        jingbao_store::Page {
            items,
            total: page.total,
        },
        &lq,
    ))
}

async fn change(
    st: &AppState,
    c: &Caller,
    id: Uuid,
    resolve: Option<Option<String>>,
) -> ApiResult<Json<AlertOut>> {
    let mut a = alerts::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if a.state == "resolved" {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "alert_resolved",
            "告警已处理完毕",
            "The alert is already resolved",
        ));
    }
    let now = st.now();
    let action = match resolve {
        None => {
            if a.acked_at.is_none() {
                a.acked_at = Some(now);
                a.acked_by = Some(c.user.username.clone());
            }
            if a.state == "raised" {
                a.state = "acknowledged".into();
            }
            "alert.ack"
        }
        Some(note) => {
            a.state = "resolved".into();
            a.resolved_at = Some(now);
            a.resolved_by = Some(c.user.username.clone());
            a.resolve_note = note.map(|n| n.chars().take(1000).collect());
            // The open key stays until the condition itself ends, so a condition that still
            // holds is not raised again right after a person resolved it.
            "alert.resolve"
        }
    };
    let tx = st.store.write().await?;
    common::update::<alert::Entity, _>(tx.conn(), a.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), action, "alert").object(id))
        .await?;
    let out = outs(st, vec![a.clone()]).await?.remove(0);
    st.hub.publish(crate::realtime::Event::alerts(
        &a.scope_path,
        serde_json::json!({"alert": &out}),
    ));
    Ok(Json(out))
}

pub async fn ack(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<AlertOut>> {
    change(&st, &c, id, None).await
}

pub async fn resolve(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    headers: http::HeaderMap,
    body: axum::body::Bytes,
) -> ApiResult<Json<AlertOut>> {
    let note = crate::http::extract::optional_json::<ResolveRequest>(&headers, &body)?
        .and_then(|r| r.note);
    change(&st, &c, id, Some(note)).await
}

/// Applies the presence decisions: new alerts are raised once (the open key is unique), open
/// ones whose condition ended are resolved automatically. Returns how many changed.
pub async fn apply(st: &AppState, decisions: Vec<Decision>) -> Result<usize, StoreError> {
    let now = st.now();
    let system = Actor {
        username: "system".into(),
        ..Actor::default()
    };
    let mut changed = 0;
    for d in decisions {
        match d {
            Decision::Raise {
                kind,
                guard_id,
                post_id,
            } => {
                let (unit_id, scope_path, reason) = match (guard_id, post_id) {
                    (Some(g), _) => match st
                        .presence
                        .snapshot(now)
                        .into_iter()
                        .find(|(x, _)| x.guard_id == g)
                    {
                        Some((x, _)) => (
                            x.unit_id,
                            x.scope_path.clone(),
                            serde_json::json!({"last_signal": x.last_signal, "outside_since": x.outside_since, "fix": x.fix.map(|f| [f.0, f.1])}),
                        ),
                        None => continue,
                    },
                    (None, Some(p)) => match st.presence.post(p) {
                        Some(m) => (
                            m.unit_id,
                            m.scope_path.clone(),
                            serde_json::json!({"post": m.name}),
                        ),
                        None => continue,
                    },
                    _ => continue,
                };
                let a = alert::Model {
                    id: Uuid::now_v7(),
                    kind: kind.into(),
                    state: "raised".into(),
                    open_key: Some(open_key(kind, guard_id, post_id)),
                    guard_id,
                    post_id,
                    unit_id,
                    scope_path: scope_path.clone(),
                    raised_at: now,
                    acked_at: None,
                    acked_by: None,
                    resolved_at: None,
                    resolved_by: None,
                    resolve_note: None,
                    auto: false,
                    reason: reason.to_string(),
                };
                let tx = st.store.write().await?;
                if alerts::raise(tx.conn(), a.clone()).await? {
                    tx.commit(AuditEntry::new(now, &system, "alert.raise", "alert").object(a.id).detail(serde_json::json!({"kind": kind, "guard_id": guard_id, "post_id": post_id}))).await?;
                    if let Ok(out) = outs(st, vec![a]).await {
                        st.hub.publish(crate::realtime::Event::alerts(
                            &scope_path,
                            serde_json::json!({"alert": out[0]}),
                        ));
                    }
                    changed += 1;
                } else {
                    tx.rollback().await?;
                }
            }
            Decision::Resolve { open_key: key } => {
                let open = alerts::open(st.store.db()).await?;
                let Some(mut a) = open
                    .into_iter()
                    .find(|a| a.open_key.as_deref() == Some(key.as_str()))
                else {
                    continue;
                };
                if a.state == "resolved" {
                    // Resolved by a person earlier; the condition has now ended too.
                    a.open_key = None;
                    let tx = st.store.write().await?;
                    common::update::<alert::Entity, _>(tx.conn(), a.clone()).await?;
                    tx.commit(
                        AuditEntry::new(now, &system, "alert.condition_ended", "alert")
                            .object(a.id),
                    )
                    .await?;
                    continue;
                }
                a.state = "resolved".into();
                a.resolved_at = Some(now);
                a.resolved_by = Some("system".into());
                a.auto = true;
                a.open_key = None;
                let tx = st.store.write().await?;
                common::update::<alert::Entity, _>(tx.conn(), a.clone()).await?;
                tx.commit(
                    AuditEntry::new(now, &system, "alert.auto_resolve", "alert").object(a.id),
                )
                .await?;
                if let Ok(out) = outs(st, vec![a.clone()]).await {
                    st.hub.publish(crate::realtime::Event::alerts(
                        &a.scope_path,
                        serde_json::json!({"alert": out[0]}),
                    ));
                }
                changed += 1;
            }
        }
    }
    Ok(changed)
}

/// One run of the presence job: evaluate and apply.
pub async fn evaluate_once(st: &AppState) -> Result<usize, StoreError> {
    let open: Vec<String> = alerts::open(st.store.db())
        .await?
        .into_iter()
        .filter_map(|a| a.open_key)
        .collect();
    let decisions = st.presence.evaluate(st.now(), &open);
    let changed = apply(st, decisions).await?;
    let missed = crate::patrol::plans::raise_missed(st).await?;
    Ok(changed + missed + crate::directives::escalate::run_once(st).await?)
}
