//! `/api/checkpoints`: patrol checkpoints — list, get, create, patch, export, import.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::office::import;
use crate::office::xlsx::{Cell, EXPORT_CAP, Sheet};
use crate::resources::common::{Check, list_response, org_in_scope, unknown_reference};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Multipart, State};
use axum::response::Response;
use http::StatusCode;
use jingbao_api::org::{CheckpointCreate, CheckpointOut, CheckpointPatch};
use jingbao_api::system::ImportResult;
use jingbao_api::{ErrorDetail, ListResponse};
use jingbao_domain::{OrgKind, Permission};
use jingbao_store::AuditEntry;
use jingbao_store::entity::checkpoint;
use jingbao_store::repo::{buildings, checkpoints, common, org_units, posts};
use std::collections::HashMap;
use uuid::Uuid;

const FILTERS: &[&str] = &["building_id", "unit_id"];
const IMPORT_HEADERS: &[&str] = &[
    "编码",
    "名称",
    "楼宇编码",
    "联动单位编码",
    "纬度",
    "经度",
    "半径(米)",
    "楼层",
    "室内(是/否)",
];

pub fn out(m: checkpoint::Model) -> CheckpointOut {
    CheckpointOut {
        id: m.id,
        name: m.name,
        code: m.code,
        building_id: m.building_id,
        unit_id: m.unit_id,
        post_id: m.post_id,
        lat: m.lat,
        lon: m.lon,
        radius_m: m.radius_m,
        floor: m.floor,
        indoor: m.indoor,
        created_at: m.created_at,
        updated_at: m.updated_at,
    }
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<CheckpointOut>>> {
    c.require(&st, Permission::CheckpointRead).await?;
    let lq = q.list(FILTERS)?;
    let page = checkpoints::list(st.store.db(), &c.scope, &lq).await?;
    Ok(list_response(page.map(out), &lq))
}

pub async fn get(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<CheckpointOut>> {
    c.require(&st, Permission::CheckpointRead).await?;
    let m = checkpoints::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(out(m)))
}

fn check_values(ck: &mut Check, lat: f64, lon: f64, radius: f64, floor: i32) {
    ck.range_f64("lat", lat, -90.0, 90.0);
    ck.range_f64("lon", lon, -180.0, 180.0);
    ck.range_f64("radius_m", radius, 5.0, 500.0);
    ck.range_i32("floor", floor, -10, 200);
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<CheckpointCreate>,
) -> ApiResult<(StatusCode, Json<CheckpointOut>)> {
    c.require(&st, Permission::CheckpointWrite).await?;
    let mut ck = Check::new();
    ck.text("name", &b.name, 100);
    ck.text("code", &b.code, 50);
    check_values(&mut ck, b.lat, b.lon, b.radius_m, b.floor);
    ck.finish()?;
    let unit = org_in_scope(&st, &c, b.unit_id, OrgKind::Unit, "unit_id").await?;
    buildings::get(st.store.db(), &c.scope, b.building_id)
        .await?
        .ok_or_else(|| unknown_reference("building_id"))?;
    if let Some(p) = b.post_id {
        posts::by_id(st.store.db(), p)
            .await?
            .filter(|p| p.unit_id == unit.id)
            .ok_or_else(|| unknown_reference("post_id"))?;
    }
    let now = st.now();
    let m = checkpoint::Model {
        id: Uuid::now_v7(),
        name: b.name.trim().to_string(),
        code: b.code.trim().to_string(),
        building_id: b.building_id,
        unit_id: unit.id,
        post_id: b.post_id,
        lat: b.lat,
        lon: b.lon,
        radius_m: b.radius_m,
        floor: b.floor,
        indoor: b.indoor,
        scope_path: unit.path,
        created_at: now,
        updated_at: now,
    };
    let tx = st.store.write().await?;
    common::insert::<checkpoint::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "checkpoint.create", "checkpoint").object(m.id))
        .await?;
    Ok((StatusCode::CREATED, Json(out(m))))
}

pub async fn patch(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    ApiJson(b): ApiJson<CheckpointPatch>,
) -> ApiResult<Json<CheckpointOut>> {
    c.require(&st, Permission::CheckpointWrite).await?;
    let mut m = checkpoints::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut ck = Check::new();
    if let Some(v) = &b.name {
        ck.text("name", v, 100);
        m.name = v.trim().to_string();
    }
    if let Some(p) = b.post_id {
        if posts::by_id(st.store.db(), p)
            .await?
            .filter(|p| p.unit_id == m.unit_id)
            .is_none()
        {
            ck.fail("post_id", "unknown_reference", "no such post in this unit");
        }
        m.post_id = Some(p);
    }
    m.lat = b.lat.unwrap_or(m.lat);
    m.lon = b.lon.unwrap_or(m.lon);
    m.radius_m = b.radius_m.unwrap_or(m.radius_m);
    m.floor = b.floor.unwrap_or(m.floor);
    m.indoor = b.indoor.unwrap_or(m.indoor);
    check_values(&mut ck, m.lat, m.lon, m.radius_m, m.floor);
    ck.finish()?;
    let now = st.now();
    m.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<checkpoint::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "checkpoint.update", "checkpoint").object(id))
        .await?;
    Ok(Json(out(m)))
}

pub async fn export(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Response> {
    c.require(&st, Permission::CheckpointRead).await?;
    let lq = q.list(FILTERS)?.all_rows(EXPORT_CAP);
    let page = checkpoints::list(st.store.db(), &c.scope, &lq).await?;
    let mut sheet = Sheet::new(
        "巡检点",
        &["编码", "名称", "纬度", "经度", "半径(米)", "楼层", "室内"],
    );
    for m in &page.items {
        sheet.row(vec![
            Cell::text(&m.code),
            Cell::text(&m.name),
            Cell::num(m.lat),
            Cell::num(m.lon),
            Cell::num(m.radius_m),
            Cell::num(m.floor),
            Cell::text(if m.indoor { "是" } else { "否" }),
        ]);
    }
    crate::office::export::respond(&st, &c, "checkpoints", sheet, page.items.len()).await
}

pub async fn template(c: Caller, State(st): State<AppState>) -> ApiResult<Response> {
    c.require(&st, Permission::CheckpointWrite).await?;
    let mut s = Sheet::new("巡检点", IMPORT_HEADERS);
    s.row(vec![
        Cell::text("CP999"),
        Cell::text("一号楼大堂"),
        Cell::text("B01"),
        Cell::text("U01"),
        Cell::num(29.82),
        Cell::num(121.55),
        Cell::num(30),
        Cell::num(1),
        Cell::text("否"),
    ]);
    crate::office::export::template("checkpoints", s)
}

pub async fn import(
    State(st): State<AppState>,
    c: Caller,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> ApiResult<Json<ImportResult>> {
    c.require(&st, Permission::CheckpointWrite).await?;
    let bytes = import::file_of(mp).await?;
    let rows = import::rows(&bytes, IMPORT_HEADERS)?;
    let db = st.store.db();
    let bmap: HashMap<String, jingbao_store::entity::building::Model> =
        buildings::all_in_scope(db, &c.scope)
            .await?
            .into_iter()
            .map(|b| (b.code.clone(), b))
            .collect();
    let umap: HashMap<String, jingbao_store::entity::org_unit::Model> =
        org_units::of_kind(db, &c.scope, OrgKind::Unit.code())
            .await?
            .into_iter()
            .map(|u| (u.code.clone(), u))
            .collect();
    let now = st.now();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut out_rows = Vec::new();
    for r in &rows {
        let n = r.number;
        let mut bad =
            |col: &str, code: &str, msg: &str| problems.push(ErrorDetail::cell(n, col, code, msg));
        let code = r.get(0).to_string();
        if code.is_empty() || code.chars().count() > 50 {
            bad("编码", "required", "1–50 characters");
        } else if !seen.insert(code.clone()) || checkpoints::code_exists(db, &code).await? {
            bad("编码", "duplicate", "code already used");
        }
        let name = r.get(1).to_string();
        if name.is_empty() || name.chars().count() > 100 {
            bad("名称", "required", "1–100 characters");
        }
        let building = bmap.get(r.get(2));
        if building.is_none() {
            bad(
                "楼宇编码",
                "unknown_reference",
                "no such building in your scope",
            );
        }
        let unit = umap.get(r.get(3));
        if unit.is_none() {
            bad(
                "联动单位编码",
                "unknown_reference",
                "no such unit in your scope",
            );
        }
        let num = |s: &str| s.parse::<f64>().ok();
        let lat = num(r.get(4)).filter(|v| (-90.0..=90.0).contains(v));
        let lon = num(r.get(5)).filter(|v| (-180.0..=180.0).contains(v));
        let radius = if r.get(6).is_empty() {
            Some(30.0)
        } else {
            num(r.get(6)).filter(|v| (5.0..=500.0).contains(v))
        };
        let floor = if r.get(7).is_empty() {
            Some(1)
        } else {
            r.get(7)
                .parse::<i32>()
                .ok()
                .filter(|v| (-10..=200).contains(v))
        };
        let indoor = match r.get(8) {
            "是" | "true" | "1" | "Y" | "y" => Some(true),
            "" | "否" | "false" | "0" | "N" | "n" => Some(false),
            _ => None,
        };
        if lat.is_none() {
            bad("纬度", "invalid", "a latitude between -90 and 90");
        }
        if lon.is_none() {
            bad("经度", "invalid", "a longitude between -180 and 180");
        }
        if radius.is_none() {
            bad("半径(米)", "invalid", "5 to 500");
        }
        if floor.is_none() {
            bad("楼层", "invalid", "a whole number from -10 to 200");
        }
        if indoor.is_none() {
            bad("室内(是/否)", "invalid", "是 or 否");
        }
        if let (Some(b), Some(u), Some(lat), Some(lon), Some(radius), Some(floor), Some(indoor)) =
            (building, unit, lat, lon, radius, floor, indoor)
        {
            out_rows.push(checkpoint::Model {
                id: Uuid::now_v7(),
                name,
                code,
                building_id: b.id,
                unit_id: u.id,
                post_id: None,
                lat,
                lon,
                radius_m: radius,
                floor,
                indoor,
                scope_path: u.path.clone(),
                created_at: now,
                updated_at: now,
            });
        }
    }
    import::commit_all::<checkpoint::Entity>(&st, &c, "checkpoints", problems, out_rows).await
}

pub async fn history(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<Vec<jingbao_api::system::AuditRecordOut>>> {
    checkpoints::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    crate::resources::history::of(&st, id).await
}
