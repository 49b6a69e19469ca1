//! `GET /api/me/route`: today's checkpoints of the guard's unit with what is done, and the
//! checkpoint plates (`GET /api/checkpoints/{id}/qr`) and key rotation.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{IdPath, QueryMap};
use crate::patrol::checkins::own_guard;
use crate::patrol::codes;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::{Duration, Timelike};
use http::header;
use jingbao_api::patrol::{KeyOut, PlateOut, RouteCheckpoint, RouteToday};
use jingbao_store::StoreError;
use jingbao_store::entity::checkpoint;
use jingbao_store::repo::checkpoints;
use jingbao_store::repo::patrol::checkins;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

pub async fn today(State(st): State<AppState>, c: Caller) -> ApiResult<Json<RouteToday>> {
    let g = own_guard(&st, &c).await?;
    let db = st.store.db();
    let now = st.now();
    let local = now + Duration::hours(8);
    let midnight = now
        - Duration::seconds(local.num_seconds_from_midnight() as i64)
        - Duration::nanoseconds(local.nanosecond() as i64);
    let cps = checkpoint::Entity::find()
        .filter(checkpoint::Column::UnitId.eq(g.unit_id))
        .order_by_asc(checkpoint::Column::Code)
        .all(db)
        .await
        .map_err(StoreError::from)?;
    let mut done: HashMap<uuid::Uuid, chrono::DateTime<chrono::Utc>> = HashMap::new();
    for ci in checkins::accepted_since(db, g.id, midnight).await? {
        if let Some(cp) = ci.checkpoint_id {
            done.entry(cp).or_insert(ci.server_time);
        }
    }
    let checkpoints: Vec<RouteCheckpoint> = cps
        .into_iter()
        .map(|c| RouteCheckpoint {
            done_at: done.get(&c.id).copied(),
            id: c.id,
            name: c.name,
            code: c.code,
            floor: c.floor,
            indoor: c.indoor,
        })
        .collect();
    let d = checkpoints.iter().filter(|c| c.done_at.is_some()).count() as u32;
    let total = checkpoints.len() as u32;
    Ok(Json(RouteToday {
        checkpoints,
        done: d,
        total,
    }))
}

pub async fn qr(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    q: QueryMap,
) -> ApiResult<Response> {
    let cp = checkpoints::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let key = codes::active_key(&st).await?;
    let (payload, manual) = codes::plate(&st.store, &key, &cp)?;
    if q.0.get("format").map(String::as_str) == Some("json") {
        return Ok(Json(PlateOut {
            payload,
            manual_code: manual,
            kid: key.kid,
            checkpoint_id: cp.id,
            name: cp.name,
            code: cp.code,
        })
        .into_response());
    }
    let png = crate::patrol::qr_png::render(&payload, 8).map_err(|_| ApiError::internal())?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        png,
    )
        .into_response())
}

pub async fn rotate_key(State(st): State<AppState>, c: Caller) -> ApiResult<Json<KeyOut>> {
    let k = codes::rotate(&st, &c.user.username).await?;
    Ok(Json(KeyOut { kid: k.kid }))
}
