//! `/api/buildings`: towers with WGS-84 footprints (GCJ-02 accepted on input and converted).

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::office::xlsx::{Cell, EXPORT_CAP, Sheet};
use crate::resources::common::{Check, list_response, org_in_scope};
use crate::resources::geojson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use http::StatusCode;
use jingbao_api::org::{BuildingCreate, BuildingOut, BuildingPatch};
use jingbao_api::{LatLon, ListResponse};
use jingbao_domain::{OrgKind, Permission};
use jingbao_store::AuditEntry;
use jingbao_store::entity::building;
use jingbao_store::repo::{buildings, common};
use uuid::Uuid;

const FILTERS: &[&str] = &["grid_id"];

pub async fn outs(st: &AppState, rows: Vec<building::Model>) -> ApiResult<Vec<BuildingOut>> {
    let ids: Vec<Uuid> = rows.iter().map(|b| b.id).collect();
    let mut units = buildings::units_of(st.store.db(), &ids).await?;
    Ok(rows
        .into_iter()
        .map(|b| BuildingOut {
            unit_ids: units.remove(&b.id).unwrap_or_default(),
            footprint: serde_json::from_str(&b.footprint).unwrap_or(serde_json::Value::Null),
            center: LatLon {
                lat: b.center_lat,
                lon: b.center_lon,
            },
            id: b.id,
            name: b.name,
            code: b.code,
            grid_id: b.grid_id,
            phase: b.phase,
            address: b.address,
            height_m: b.height_m,
            floors: b.floors,
            created_at: b.created_at,
            updated_at: b.updated_at,
        })
        .collect())
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<BuildingOut>>> {
    c.require(&st, Permission::BuildingRead).await?;
    let lq = q.list(FILTERS)?;
    let page = buildings::list(st.store.db(), &c.scope, &lq).await?;
    let items = outs(&st, page.items).await?;
    Ok(list_response(
        jingbao_store::Page {
            items,
            total: page.total,
        },
        &lq,
    ))
}

pub async fn get(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<BuildingOut>> {
    c.require(&st, Permission::BuildingRead).await?;
    let b = buildings::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(outs(&st, vec![b]).await?.remove(0)))
}

/// Validates a footprint and converts it to WGS-84 when the caller says it is GCJ-02.
fn footprint(
    ck: &mut Check,
    v: &serde_json::Value,
    datum: Option<&str>,
) -> Option<Vec<(f64, f64)>> {
    let gcj = match datum {
        None | Some("wgs84") => false,
        Some("gcj02") => true,
        Some(_) => {
            ck.fail("datum", "invalid", "wgs84 or gcj02");
            return None;
        }
    };
    match geojson::outer_ring(v) {
        Ok(r) if gcj => Some(
            r.into_iter()
                .map(|(x, y)| geojson::gcj_to_wgs(x, y))
                .collect(),
        ),
        Ok(r) => Some(r),
        Err(e) => {
            ck.fail("footprint", "invalid_geometry", e);
            None
        }
    }
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<BuildingCreate>,
) -> ApiResult<(StatusCode, Json<BuildingOut>)> {
    c.require(&st, Permission::BuildingWrite).await?;
    let mut ck = Check::new();
    ck.text("name", &b.name, 100);
    ck.text("code", &b.code, 50);
    ck.range_i32("phase", b.phase, 1, 99);
    ck.range_f64("height_m", b.height_m, 1.0, 1000.0);
    ck.range_i32("floors", b.floors, 1, 200);
    if b.address.chars().count() > 200 {
        ck.fail("address", "too_long", "at most 200 characters");
    }
    let ring = footprint(&mut ck, &b.footprint, b.datum.as_deref());
    ck.finish()?;
    let ring = ring.ok_or_else(ApiError::internal)?;
    let grid = org_in_scope(&st, &c, b.grid_id, OrgKind::Grid, "grid_id").await?;
    let now = st.now();
    let center = geojson::center(&ring);
    let m = building::Model {
        id: Uuid::now_v7(),
        name: b.name.trim().to_string(),
        code: b.code.trim().to_string(),
        grid_id: grid.id,
        scope_path: grid.path,
        phase: b.phase,
        address: b.address.trim().to_string(),
        height_m: b.height_m,
        floors: b.floors,
        footprint: geojson::polygon(&ring).to_string(),
        center_lat: center.lat,
        center_lon: center.lon,
        created_at: now,
        updated_at: now,
    };
    let tx = st.store.write().await?;
    common::insert::<building::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "building.create", "building")
            .object(m.id)
            .detail(serde_json::json!({"name": m.name})),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(outs(&st, vec![m]).await?.remove(0)),
    ))
}

pub async fn patch(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    ApiJson(b): ApiJson<BuildingPatch>,
) -> ApiResult<Json<BuildingOut>> {
    c.require(&st, Permission::BuildingWrite).await?;
    let mut m = buildings::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut ck = Check::new();
    if let Some(v) = &b.name {
        ck.text("name", v, 100);
        m.name = v.trim().to_string();
    }
    if let Some(v) = b.phase {
        ck.range_i32("phase", v, 1, 99);
        m.phase = v;
    }
    if let Some(v) = &b.address {
        m.address = v.trim().chars().take(200).collect();
    }
    if let Some(v) = b.height_m {
        ck.range_f64("height_m", v, 1.0, 1000.0);
        m.height_m = v;
    }
    if let Some(v) = b.floors {
        ck.range_i32("floors", v, 1, 200);
        m.floors = v;
    }
    if let Some(fp) = &b.footprint
        && let Some(ring) = footprint(&mut ck, fp, b.datum.as_deref())
    {
        let center = geojson::center(&ring);
        m.footprint = geojson::polygon(&ring).to_string();
        m.center_lat = center.lat;
        m.center_lon = center.lon;
    }
    ck.finish()?;
    let now = st.now();
    m.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<building::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "building.update", "building").object(id))
        .await?;
    Ok(Json(outs(&st, vec![m]).await?.remove(0)))
}

pub async fn export(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Response> {
    c.require(&st, Permission::BuildingRead).await?;
    let lq = q.list(FILTERS)?.all_rows(EXPORT_CAP);
    let page = buildings::list(st.store.db(), &c.scope, &lq).await?;
    let mut sheet = Sheet::new(
        "楼宇",
        &[
            "编码",
            "名称",
            "期数",
            "地址",
            "高度(米)",
            "层数",
            "纬度",
            "经度",
        ],
    );
    for b in &page.items {
        sheet.row(vec![
            Cell::text(&b.code),
            Cell::text(&b.name),
            Cell::num(b.phase),
            Cell::text(&b.address),
            Cell::num(b.height_m),
            Cell::num(b.floors),
            Cell::num(b.center_lat),
            Cell::num(b.center_lon),
        ]);
    }
    crate::office::export::respond(&st, &c, "buildings", sheet, page.items.len()).await
}

pub async fn history(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<Vec<jingbao_api::system::AuditRecordOut>>> {
    buildings::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    crate::resources::history::of(&st, id).await
}
