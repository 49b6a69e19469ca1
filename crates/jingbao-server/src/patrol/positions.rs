//! `POST /api/positions/batch` and `POST /api/heartbeat`: positions are accepted only while on
//! shift, each stored once under its id, one audit record per batch; a retried batch gets
//! the first reply.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, parse_json};
use crate::patrol::checkins::own_guard;
use crate::patrol::idempotency::{body_hash, record, replay};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use http::StatusCode;
use jingbao_api::patrol::{BatchReply, Heartbeat, PositionBatch, Refused};
use jingbao_store::entity::position;
use jingbao_store::repo::patrol::{positions, shifts, submissions};
use jingbao_store::{AuditEntry, StoreError};
use serde_json::Value;

pub const MAX_BATCH: usize = 100;

pub async fn batch(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(raw): ApiJson<Value>,
) -> ApiResult<Json<Value>> {
    let b: PositionBatch = parse_json(raw.to_string().as_bytes())?;
    if b.positions.is_empty() || b.positions.len() > MAX_BATCH {
        return Err(ApiError::invalid_field(
            "positions",
            "out_of_range",
            format!("1 to {MAX_BATCH} positions"),
        ));
    }
    let g = own_guard(&st, &c).await?;
    let hash = body_hash(&raw);
    let db = st.store.db();
    if let Some(prev) = submissions::by_id(db, b.id).await? {
        return replay(&prev, c.user.id, &hash).map(|(_, v)| Json(v));
    }
    let now = st.now();
    let on_shift = shifts::open_of_guard(db, g.id).await?.is_some();
    let mut refused = Vec::new();
    let mut fresh = Vec::new();
    let ids: Vec<uuid::Uuid> = b.positions.iter().map(|p| p.id).collect();
    let existing = positions::existing_ids(db, &ids).await?;
    let mut accepted = 0u32;
    let mut seen = std::collections::HashSet::new();
    for p in &b.positions {
        let valid = (-90.0..=90.0).contains(&p.lat)
            && (-180.0..=180.0).contains(&p.lon)
            && p.accuracy.is_finite()
            && p.accuracy >= 0.0;
        if !on_shift {
            refused.push(Refused {
                id: p.id,
                reason: "not_on_shift".into(),
            });
        } else if !valid {
            refused.push(Refused {
                id: p.id,
                reason: "invalid".into(),
            });
        } else if existing.contains(&p.id) || !seen.insert(p.id) {
            accepted += 1;
        } else {
            accepted += 1;
            fresh.push(position::Model {
                id: p.id,
                guard_id: g.id,
                lat: p.lat,
                lon: p.lon,
                accuracy: p.accuracy,
                device_time: p.device_time,
                server_time: now,
            });
        }
    }
    let reply = serde_json::to_value(BatchReply { accepted, refused }).unwrap_or(Value::Null);
    let latest = fresh
        .iter()
        .max_by_key(|p| p.device_time)
        .map(|p| (p.lat, p.lon, p.accuracy));
    let stored = fresh.len();
    let audit = AuditEntry::new(now, &c.actor(), "positions.batch", "guard")
        .object(g.id)
        .detail(serde_json::json!({"batch": b.id, "stored": stored, "accepted": accepted}));
    if let Err(e) = st
        .ingest
        .submit(
            fresh,
            record(
                b.id,
                c.user.id,
                "positions",
                &hash,
                StatusCode::OK,
                &reply,
                now,
            ),
            audit,
        )
        .await
    {
        return match e {
            StoreError::Conflict(_) => match submissions::by_id(db, b.id).await? {
                Some(prev) => replay(&prev, c.user.id, &hash).map(|(_, v)| Json(v)),
                None => Err(crate::patrol::idempotency::conflict()),
            },
            other => Err(other.into()),
        };
    }
    if on_shift {
        st.presence.signal(g.id, now, latest);
        if let Some((lat, lon, acc)) = latest {
            st.hub.publish(crate::realtime::Event::map(&g.scope_path, serde_json::json!({"kind": "position", "guard_id": g.id, "lat": lat, "lon": lon, "accuracy": acc, "at": now, "state": st.presence.state_of(g.id, now).code()})));
        }
    }
    Ok(Json(reply))
}

pub async fn heartbeat(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(_b): ApiJson<Heartbeat>,
) -> ApiResult<StatusCode> {
    let g = own_guard(&st, &c).await?;
    st.presence.signal(g.id, st.now(), None);
    Ok(StatusCode::NO_CONTENT)
}
