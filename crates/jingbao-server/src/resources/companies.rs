//! `/api/companies`: enterprises and the property/security companies — list, get, create,
//! patch, export, import.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::office::import;
use crate::office::xlsx::{Cell, EXPORT_CAP, Sheet};
use crate::resources::common::{Check, list_response, unknown_reference, valid_credit_code};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Multipart, State};
use axum::response::Response;
use http::StatusCode;
use jingbao_api::people::{CompanyCreate, CompanyOut, CompanyPatch};
use jingbao_api::system::ImportResult;
use jingbao_api::{ErrorDetail, ListResponse};
use jingbao_domain::Permission;
use jingbao_store::AuditEntry;
use jingbao_store::entity::{building, company};
use jingbao_store::repo::{buildings, common, companies};
use std::collections::HashMap;
use uuid::Uuid;

const FILTERS: &[&str] = &["kind", "building_id"];
const KINDS: &[&str] = &["enterprise", "property", "security"];
const IMPORT_HEADERS: &[&str] = &[
    "名称",
    "类型(enterprise/property/security)",
    "统一社会信用代码",
    "楼宇编码",
    "楼层",
    "行业",
];

async fn outs(st: &AppState, c: &Caller, rows: Vec<company::Model>) -> ApiResult<Vec<CompanyOut>> {
    let names: HashMap<Uuid, String> = buildings::all_in_scope(st.store.db(), &c.scope)
        .await?
        .into_iter()
        .map(|b| (b.id, b.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|m| CompanyOut {
            building_name: m.building_id.and_then(|b| names.get(&b).cloned()),
            id: m.id,
            name: m.name,
            kind: m.kind,
            credit_code: m.credit_code,
            building_id: m.building_id,
            floor: m.floor,
            industry: m.industry,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
        .collect())
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<CompanyOut>>> {
    c.require(&st, Permission::CompanyRead).await?;
    let lq = q.list(FILTERS)?;
    let page = companies::list(st.store.db(), &c.scope, &lq).await?;
    let items = outs(&st, &c, page.items).await?;
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
) -> ApiResult<Json<CompanyOut>> {
    c.require(&st, Permission::CompanyRead).await?;
    let m = companies::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(outs(&st, &c, vec![m]).await?.remove(0)))
}

/// Where a company sits in the tree: its building's grid, or the creator's own unit.
async fn scope_path_for(
    st: &AppState,
    c: &Caller,
    building_id: Option<Uuid>,
) -> ApiResult<(Option<building::Model>, String)> {
    match building_id {
        Some(b) => {
            let b = buildings::get(st.store.db(), &c.scope, b)
                .await?
                .ok_or_else(|| unknown_reference("building_id"))?;
            let p = b.scope_path.clone();
            Ok((Some(b), p))
        }
        None => Ok((None, c.user.scope_path.clone())),
    }
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<CompanyCreate>,
) -> ApiResult<(StatusCode, Json<CompanyOut>)> {
    c.require(&st, Permission::CompanyWrite).await?;
    let mut ck = Check::new();
    ck.text("name", &b.name, 200);
    ck.one_of("kind", &b.kind, KINDS);
    if !valid_credit_code(&b.credit_code) {
        ck.fail(
            "credit_code",
            "invalid",
            "an 18-character unified social credit code with a valid check character",
        );
    }
    if let Some(f) = b.floor {
        ck.range_i32("floor", f, -10, 200);
    }
    ck.finish()?;
    let (_, scope_path) = scope_path_for(&st, &c, b.building_id).await?;
    let now = st.now();
    let m = company::Model {
        id: Uuid::now_v7(),
        name: b.name.trim().to_string(),
        kind: b.kind,
        credit_code: b.credit_code,
        building_id: b.building_id,
        floor: b.floor,
        industry: b.industry.map(|s| s.trim().chars().take(50).collect()),
        scope_path,
        created_at: now,
        updated_at: now,
    };
    let tx = st.store.write().await?;
    common::insert::<company::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "company.create", "company")
            .object(m.id)
            .detail(serde_json::json!({"name": m.name})),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(outs(&st, &c, vec![m]).await?.remove(0)),
    ))
}

pub async fn patch(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    ApiJson(b): ApiJson<CompanyPatch>,
) -> ApiResult<Json<CompanyOut>> {
    c.require(&st, Permission::CompanyWrite).await?;
    let mut m = companies::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut ck = Check::new();
    if let Some(v) = &b.name {
        ck.text("name", v, 200);
        m.name = v.trim().to_string();
    }
    if let Some(f) = b.floor {
        ck.range_i32("floor", f, -10, 200);
        m.floor = Some(f);
    }
    if let Some(i) = &b.industry {
        m.industry = Some(i.trim().chars().take(50).collect());
    }
    ck.finish()?;
    if b.building_id.is_some() {
        let (_, p) = scope_path_for(&st, &c, b.building_id).await?;
        m.building_id = b.building_id;
        m.scope_path = p;
    }
    let now = st.now();
    m.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<company::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "company.update", "company").object(id))
        .await?;
    Ok(Json(outs(&st, &c, vec![m]).await?.remove(0)))
}

pub async fn export(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Response> {
    c.require(&st, Permission::CompanyRead).await?;
    let lq = q.list(FILTERS)?.all_rows(EXPORT_CAP);
    let page = companies::list(st.store.db(), &c.scope, &lq).await?;
    let n = page.items.len();
    let items = outs(&st, &c, page.items).await?;
    let mut sheet = Sheet::new(
        "企业",
        &["名称", "类型", "统一社会信用代码", "楼宇", "楼层", "行业"],
    );
    for m in items {
        sheet.row(vec![
            Cell::text(m.name),
            Cell::text(m.kind),
            Cell::text(m.credit_code),
            Cell::text(m.building_name.unwrap_or_default()),
            Cell::text(m.floor.map(|f| f.to_string()).unwrap_or_default()),
            Cell::text(m.industry.unwrap_or_default()),
        ]);
    }
    crate::office::export::respond(&st, &c, "companies", sheet, n).await
}

pub async fn template(c: Caller, State(st): State<AppState>) -> ApiResult<Response> {
    c.require(&st, Permission::CompanyWrite).await?;
    let mut s = Sheet::new("企业", IMPORT_HEADERS);
    s.row(vec![
        Cell::text("宁波示例贸易有限公司"),
        Cell::text("enterprise"),
        Cell::text("91350100M000100Y43"),
        Cell::text("B01"),
        Cell::num(12),
        Cell::text("批发零售"),
    ]);
    crate::office::export::template("companies", s)
}

pub async fn import(
    State(st): State<AppState>,
    c: Caller,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> ApiResult<Json<ImportResult>> {
    c.require(&st, Permission::CompanyWrite).await?;
    let bytes = import::file_of(mp).await?;
    let rows = import::rows(&bytes, IMPORT_HEADERS)?;
    let db = st.store.db();
    let bmap: HashMap<String, building::Model> = buildings::all_in_scope(db, &c.scope)
        .await?
        .into_iter()
        .map(|b| (b.code.clone(), b))
        .collect();
    let now = st.now();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut out_rows = Vec::new();
    for r in &rows {
        let n = r.number;
        let mut bad =
            |col: &str, code: &str, msg: &str| problems.push(ErrorDetail::cell(n, col, code, msg));
        let name = r.get(0).to_string();
        if name.is_empty() || name.chars().count() > 200 {
            bad(IMPORT_HEADERS[0], "required", "1–200 characters");
        }
        let kind = r.get(1).to_string();
        if !KINDS.contains(&kind.as_str()) {
            bad(
                IMPORT_HEADERS[1],
                "invalid",
                "enterprise, property or security",
            );
        }
        let code = r.get(2).to_string();
        if !valid_credit_code(&code) {
            bad(
                IMPORT_HEADERS[2],
                "invalid",
                "not a valid unified social credit code",
            );
        } else if !seen.insert(code.clone()) || companies::credit_code_exists(db, &code).await? {
            bad(
                IMPORT_HEADERS[2],
                "duplicate",
                "credit code already registered",
            );
        }
        let building = if r.get(3).is_empty() {
            None
        } else {
            let b = bmap.get(r.get(3));
            if b.is_none() {
                bad(
                    IMPORT_HEADERS[3],
                    "unknown_reference",
                    "no such building in your scope",
                );
            }
            b
        };
        let floor = if r.get(4).is_empty() {
            Ok(None)
        } else {
            r.get(4).parse::<i32>().map(Some).map_err(|_| ())
        };
        if floor.is_err() {
            bad(IMPORT_HEADERS[4], "invalid", "a whole number");
        }
        let industry = Some(r.get(5).to_string()).filter(|s| !s.is_empty());
        out_rows.push(company::Model {
            id: Uuid::now_v7(),
            name,
            kind,
            credit_code: code,
            building_id: building.map(|b| b.id),
            floor: floor.unwrap_or(None),
            industry,
            scope_path: building
                .map(|b| b.scope_path.clone())
                .unwrap_or_else(|| c.user.scope_path.clone()),
            created_at: now,
            updated_at: now,
        });
    }
    import::commit_all::<company::Entity>(&st, &c, "companies", problems, out_rows).await
}

pub async fn history(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<Vec<jingbao_api::system::AuditRecordOut>>> {
    companies::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    crate::resources::history::of(&st, id).await
}
