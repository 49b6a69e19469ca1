//! `GET /api/positions/live` (guards in scope with their state) and
//! `GET /api/guards/{id}/track` (track replay).

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{IdPath, QueryMap};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Duration, Utc};
use jingbao_api::patrol::{LiveGuard, LiveList, Track, TrackPoint};
use jingbao_store::StoreError;
use jingbao_store::entity::org_unit;
use jingbao_store::repo::guards;
use jingbao_store::repo::patrol::positions;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

pub const MAX_TRACK_POINTS: u64 = 20_000;

pub async fn live(State(st): State<AppState>, c: Caller) -> ApiResult<Json<LiveList>> {
    let now = st.now();
    let rows: Vec<_> = st
        .presence
        .snapshot(now)
        .into_iter()
        .filter(|(g, _)| c.scope.admits_path(&g.scope_path) || c.scope.guard_id == Some(g.guard_id))
        .filter(|(g, _)| {
            g.shift_started.is_some() || g.last_signal.is_some_and(|t| now - t < Duration::hours(1))
        })
        .collect();
    let unit_ids: Vec<_> = rows.iter().map(|(g, _)| g.unit_id).collect();
    let names: HashMap<_, _> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(unit_ids))
        .all(st.store.db())
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let items = rows
        .into_iter()
        .map(|(g, state)| LiveGuard {
            unit_name: names.get(&g.unit_id).cloned(),
            lat: g.fix.map(|f| f.0),
            lon: g.fix.map(|f| f.1),
            accuracy: g.fix.map(|f| f.2),
            at: g.fix.map(|f| f.3).or(g.last_signal),
            state: state.code().into(),
            on_shift: g.shift_started.is_some(),
            guard_id: g.guard_id,
            name: g.name,
            unit_id: g.unit_id,
            post_id: g.post_id,
        })
        .collect();
    Ok(Json(LiveList { items }))
}

fn time_param(q: &QueryMap, name: &str) -> ApiResult<Option<DateTime<Utc>>> {
    match q.0.get(name) {
        None => Ok(None),
        Some(v) => DateTime::parse_from_rfc3339(v)
            .map(|t| Some(t.with_timezone(&Utc)))
            .map_err(|_| ApiError::invalid_field(name, "invalid", "an RFC 3339 time")),
    }
}

pub async fn track(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    q: QueryMap,
) -> ApiResult<Json<Track>> {
    guards::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let to = time_param(&q, "to")?.unwrap_or_else(|| st.now() + Duration::minutes(1));
    let from = time_param(&q, "from")?.unwrap_or(to - Duration::hours(12));
    if from >= to {
        return Err(ApiError::invalid_field(
            "from",
            "invalid",
            "from must be before to",
        ));
    }
    let rows = positions::track(st.store.db(), id, from, to, MAX_TRACK_POINTS).await?;
    Ok(Json(Track {
        points: rows
            .into_iter()
            .map(|p| TrackPoint {
                lat: p.lat,
                lon: p.lon,
                accuracy: p.accuracy,
                at: p.server_time,
                device_time: p.device_time,
            })
            .collect(),
    }))
}
