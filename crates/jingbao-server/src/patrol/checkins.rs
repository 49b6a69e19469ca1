//! `POST /api/checkins`: a guard's check-in, judged (code, fix, replay, speed, clock, shift),
//! always stored once under the client's id; `GET /api/checkins`: the scoped list.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, QueryMap};
use crate::patrol::codes::{self, Scanned};
use crate::patrol::idempotency::{body_hash, conflict};
use crate::resources::common::{Check, list_response};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use http::StatusCode;
use jingbao_api::ListResponse;
use jingbao_api::patrol::{CheckinOut, CheckinReply, CheckinRequest};
use jingbao_domain::checkin::{CodeCheck, Facts, Limits, Previous, judge};
use jingbao_store::entity::{checkin, checkpoint, guard};
use jingbao_store::repo::patrol::{checkins, shifts};
use jingbao_store::repo::{common, guards};
use jingbao_store::{AuditEntry, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

/// The guard record of the caller; only guards submit.
pub async fn own_guard(st: &AppState, c: &Caller) -> ApiResult<guard::Model> {
    let Some(gid) = c.user.guard_id else {
        return Err(ApiError::forbidden());
    };
    guards::get(st.store.db(), &c.scope, gid)
        .await?
        .ok_or_else(ApiError::forbidden)
}

pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.1 - a.1).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6_371_008.8 * h.sqrt().asin()
}

fn reply_of(m: &checkin::Model, cp_name: Option<String>) -> CheckinReply {
    CheckinReply {
        id: m.id,
        checkpoint_id: m.checkpoint_id,
        checkpoint_name: cp_name,
        verdict: m.verdict.clone(),
        reasons: m
            .reasons
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        server_time: m.server_time,
    }
}

async fn checkpoint_name(st: &AppState, id: Option<Uuid>) -> ApiResult<Option<String>> {
    Ok(match id {
        Some(id) => checkpoint::Entity::find_by_id(id)
            .one(st.store.db())
            .await
            .map_err(StoreError::from)?
            .map(|c| c.name),
        None => None,
    })
}

/// Which checkpoint a code names, and whether its signature holds.
async fn resolve_code(
    st: &AppState,
    code: &str,
) -> ApiResult<(CodeCheck, Option<checkpoint::Model>)> {
    let db = st.store.db();
    match codes::parse(code) {
        Scanned::Qr {
            kid,
            checkpoint: id,
            body,
            sig,
        } => {
            let cp = checkpoint::Entity::find_by_id(id)
                .one(db)
                .await
                .map_err(StoreError::from)?;
            let check = codes::check_qr(st, &kid, &body, &sig).await?;
            match cp {
                Some(cp) => Ok((check, Some(cp))),
                None => Ok((CodeCheck::BadSignature, None)),
            }
        }
        Scanned::Manual {
            checkpoint_code,
            digits,
        } => {
            let cp = checkpoint::Entity::find()
                .filter(checkpoint::Column::Code.eq(checkpoint_code))
                .one(db)
                .await
                .map_err(StoreError::from)?;
            match cp {
                Some(cp) => Ok((codes::check_manual(st, &cp, &digits).await?, Some(cp))),
                None => Ok((CodeCheck::BadSignature, None)),
            }
        }
        Scanned::Garbage => Ok((CodeCheck::BadSignature, None)),
    }
}

fn validate(b: &CheckinRequest) -> ApiResult<()> {
    let mut ck = Check::new();
    if b.code.is_empty() || b.code.len() > 300 {
        ck.fail("code", "invalid", "1–300 characters");
    }
    if b.lat.is_some() != b.lon.is_some() {
        ck.fail("lat", "invalid", "lat and lon come together");
    }
    if let Some(v) = b.lat {
        ck.range_f64("lat", v, -90.0, 90.0);
    }
    if let Some(v) = b.lon {
        ck.range_f64("lon", v, -180.0, 180.0);
    }
    if let Some(v) = b.accuracy {
        ck.range_f64("accuracy", v, 0.0, 100_000.0);
    }
    if b.items.as_ref().is_some_and(|i| i.len() > 50) {
        ck.fail("items", "too_many", "at most 50 items");
    }
    for (i, it) in b.items.iter().flatten().enumerate() {
        if !matches!(it.status.as_str(), "normal" | "abnormal") {
            ck.fail(
                &format!("items[{i}].status"),
                "invalid",
                "normal or abnormal",
            );
        }
    }
    ck.finish()
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(raw): ApiJson<serde_json::Value>,
) -> ApiResult<(StatusCode, Json<CheckinReply>)> {
    let b: CheckinRequest = crate::http::extract::parse_json(raw.to_string().as_bytes())?;
    validate(&b)?;
    let g = own_guard(&st, &c).await?;
    let hash = body_hash(&raw);
    let db = st.store.db();
    if let Some(prev) = checkins::by_id(db, b.id).await? {
        if prev.guard_id != g.id || prev.body_hash != hash {
            return Err(conflict());
        }
        let name = checkpoint_name(&st, prev.checkpoint_id).await?;
        return Ok((StatusCode::CREATED, Json(reply_of(&prev, name))));
    }
    let now = st.now();
    let (code_check, cp) = resolve_code(&st, &b.code).await?;
    let previous = checkins::last_of_guard(db, g.id).await?;
    let on_shift = shifts::open_of_guard(db, g.id).await?.is_some();
    let prev_facts = match (&previous, &cp) {
        (Some(p), Some(cp)) => {
            let pcp = checkpoint::Entity::find_by_id(p.checkpoint_id.unwrap_or_default())
                .one(db)
                .await
                .map_err(StoreError::from)?;
            pcp.map(|pcp| Previous {
                same_checkpoint: pcp.id == cp.id,
                server_time: p.server_time,
                device_time: p.device_time,
                distance_m: haversine_m((pcp.lat, pcp.lon), (cp.lat, cp.lon)),
            })
        }
        _ => None,
    };
    let fix = match (b.lat, b.lon, &cp) {
        (Some(lat), Some(lon), Some(cp)) => Some((
            haversine_m((lat, lon), (cp.lat, cp.lon)),
            b.accuracy.unwrap_or(30.0),
        )),
        (Some(_), Some(_), None) => Some((0.0, b.accuracy.unwrap_or(30.0))),
        _ => None,
    };
    let facts = Facts {
        code: code_check,
        indoor: cp.as_ref().is_some_and(|c| c.indoor),
        radius_m: cp.as_ref().map(|c| c.radius_m).unwrap_or(0.0),
        fix,
        previous: prev_facts,
        device_time: b.device_time,
        sent_at: b.sent_at,
        server_time: now,
        on_shift,
    };
    let (verdict, reasons) = judge(&facts, &Limits::default());
    let m = checkin::Model {
        id: b.id,
        guard_id: g.id,
        checkpoint_id: cp.as_ref().map(|c| c.id),
        code: b.code.chars().take(300).collect(),
        lat: b.lat,
        lon: b.lon,
        accuracy: b.accuracy,
        device_time: b.device_time,
        server_time: now,
        verdict: verdict.code().into(),
        reasons: reasons
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(","),
        items: serde_json::to_string(&b.items.clone().unwrap_or_default())
            .unwrap_or_else(|_| "[]".into()),
        body_hash: hash,
        scope_path: g.scope_path.clone(),
    };
    let tx = st.store.write().await?;
    match common::insert::<checkin::Entity, _>(tx.conn(), m.clone()).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            // A concurrent retry stored it first: answer with that one.
            tx.rollback().await?;
            let first = checkins::by_id(db, b.id)
                .await?
                .ok_or_else(ApiError::internal)?;
            if first.guard_id != g.id || first.body_hash != m.body_hash {
                return Err(conflict());
            }
            let name = checkpoint_name(&st, first.checkpoint_id).await?;
            return Ok((StatusCode::CREATED, Json(reply_of(&first, name))));
        }
        Err(e) => return Err(e.into()),
    }
    tx.commit(
        AuditEntry::new(now, &c.actor(), "checkin.create", "checkin")
            .object(m.id)
            .detail(serde_json::json!({
                "checkpoint_id": m.checkpoint_id, "verdict": m.verdict, "reasons": m.reasons
            })),
    )
    .await?;
    st.presence.signal(
        g.id,
        now,
        b.lat
            .zip(b.lon)
            .map(|(la, lo)| (la, lo, b.accuracy.unwrap_or(30.0))),
    );
    let reply = reply_of(&m, cp.map(|c| c.name));
    st.hub.publish(crate::realtime::Event::map(
        &g.scope_path,
        serde_json::json!({"kind": "checkin", "guard_id": g.id, "guard_name": g.name, "state": st.presence.state_of(g.id, now).code(), "checkin": &reply}),
    ));
    Ok((StatusCode::CREATED, Json(reply)))
}

const FILTERS: &[&str] = &["guard_id", "checkpoint_id", "verdict", "from", "to"];

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<CheckinOut>>> {
    let lq = q.list(FILTERS)?;
    let page = checkins::list(st.store.db(), &c.scope, &lq).await?;
    let db = st.store.db();
    let cp_ids: Vec<Uuid> = page.items.iter().filter_map(|m| m.checkpoint_id).collect();
    let names: HashMap<Uuid, String> = checkpoint::Entity::find()
        .filter(checkpoint::Column::Id.is_in(cp_ids))
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let g_ids: Vec<Uuid> = page.items.iter().map(|m| m.guard_id).collect();
    let gnames: HashMap<Uuid, String> = guard::Entity::find()
        .filter(guard::Column::Id.is_in(g_ids))
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let items = page
        .items
        .into_iter()
        .map(|m| CheckinOut {
            guard_name: gnames.get(&m.guard_id).cloned(),
            checkpoint_name: m.checkpoint_id.and_then(|c| names.get(&c).cloned()),
            reasons: m
                .reasons
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            items: serde_json::from_str(&m.items).unwrap_or(serde_json::Value::Null),
            id: m.id,
            guard_id: m.guard_id,
            checkpoint_id: m.checkpoint_id,
            lat: m.lat,
            lon: m.lon,
            accuracy: m.accuracy,
            device_time: m.device_time,
            server_time: m.server_time,
            verdict: m.verdict,
        })
        .collect();
    Ok(list_response(
        jingbao_store::Page {
            items,
            total: page.total,
        },
        &lq,
    ))
}
