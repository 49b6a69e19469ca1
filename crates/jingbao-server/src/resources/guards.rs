//! `/api/guards`: security guards. ID numbers and phones are stored encrypted and masked in
//! every response and export; `?unmask=true` (officers) shows them and is audited.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::office::import;
use crate::office::xlsx::{Cell, EXPORT_CAP, Sheet};
use crate::resources::common::{
    Check, list_response, org_in_scope, unknown_reference, valid_date, valid_id_number, valid_phone,
};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Multipart, State};
use axum::response::Response;
use http::StatusCode;
use jingbao_api::people::{GuardCreate, GuardOut, GuardPatch};
use jingbao_api::system::ImportResult;
use jingbao_api::{ErrorDetail, ListResponse};
use jingbao_domain::masking::{mask_id_number, mask_phone};
use jingbao_domain::{OrgKind, Permission};
use jingbao_store::AuditEntry;
use jingbao_store::entity::{guard, org_unit, user};
use jingbao_store::repo::{common, companies, guards, org_units, posts};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

const FILTERS: &[&str] = &["unit_id", "grid_id", "employer_company_id", "status"];
const IMPORT_HEADERS: &[&str] = &[
    "姓名",
    "性别(男/女)",
    "身份证号",
    "手机号",
    "保安员证号",
    "证件有效期(YYYY-MM-DD)",
    "联动单位编码",
    "用人单位信用代码",
];

async fn outs(st: &AppState, rows: Vec<guard::Model>, unmask: bool) -> ApiResult<Vec<GuardOut>> {
    let db = st.store.db();
    let company_ids: Vec<Uuid> = rows.iter().filter_map(|g| g.employer_company_id).collect();
    let cnames: HashMap<Uuid, String> = companies::by_ids(db, company_ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let unit_ids: Vec<Uuid> = rows.iter().map(|g| g.unit_id).collect();
    let unames: HashMap<Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(unit_ids))
        .all(db)
        .await
        .map_err(jingbao_store::StoreError::from)?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let user_ids: Vec<Uuid> = rows.iter().filter_map(|g| g.user_id).collect();
    let logins: HashMap<Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .all(db)
        .await
        .map_err(jingbao_store::StoreError::from)?
        .into_iter()
        .map(|u| (u.id, u.username))
        .collect();
    let cipher = st.store.cipher();
    Ok(rows
        .into_iter()
        .map(|g| {
            let id_number = cipher.decrypt(&g.id_number_enc).unwrap_or_default();
            let phone = cipher.decrypt(&g.phone_enc).unwrap_or_default();
            GuardOut {
                id_number: if unmask {
                    id_number
                } else {
                    mask_id_number(&id_number)
                },
                phone: if unmask { phone } else { mask_phone(&phone) },
                masked: !unmask,
                employer_company_name: g.employer_company_id.and_then(|c| cnames.get(&c).cloned()),
                unit_name: unames.get(&g.unit_id).cloned(),
                username: g.user_id.and_then(|u| logins.get(&u).cloned()),
                id: g.id,
                name: g.name,
                gender: g.gender,
                licence_no: g.licence_no,
                licence_expiry: g.licence_expiry,
                employer_company_id: g.employer_company_id,
                unit_id: g.unit_id,
                post_id: g.post_id,
                grid_id: g.grid_id,
                user_id: g.user_id,
                status: g.status,
                team_leader: g.team_leader,
                created_at: g.created_at,
                updated_at: g.updated_at,
            }
        })
        .collect())
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<GuardOut>>> {
    c.require(&st, Permission::GuardRead).await?;
    let lq = q.list(FILTERS)?;
    let page = guards::list(st.store.db(), &c.scope, &lq).await?;
    let items = outs(&st, page.items, false).await?;
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
    q: QueryMap,
) -> ApiResult<Json<GuardOut>> {
    c.require(&st, Permission::GuardRead).await?;
    let g = guards::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let unmask = q.flag("unmask");
    if unmask {
        c.require(&st, Permission::GuardUnmask).await?;
        st.store
            .audit_only(
                AuditEntry::new(st.now(), &c.actor(), "guard.view_unmasked", "guard")
                    .object(id)
                    .detail(serde_json::json!({"fields": ["id_number", "phone"]})),
            )
            .await?;
    }
    Ok(Json(outs(&st, vec![g], unmask).await?.remove(0)))
}

fn check_person(
    ck: &mut Check,
    gender: Option<&str>,
    id_number: Option<&str>,
    phone: Option<&str>,
    expiry: Option<&str>,
) {
    if let Some(g) = gender {
        ck.one_of("gender", g, &["male", "female"]);
    }
    if id_number.is_some_and(|v| !valid_id_number(v)) {
        ck.fail(
            "id_number",
            "invalid",
            "an 18-character resident ID number with a valid check character",
        );
    }
    if phone.is_some_and(|v| !valid_phone(v)) {
        ck.fail("phone", "invalid", "an 11-digit mobile number");
    }
    if expiry.is_some_and(|v| !valid_date(v)) {
        ck.fail("licence_expiry", "invalid", "a date YYYY-MM-DD");
    }
}

/// An employer must be a property or security company the caller can see.
async fn check_employer(st: &AppState, c: &Caller, id: Uuid) -> ApiResult<()> {
    let found = companies::get(st.store.db(), &c.scope, id).await?;
    match found {
        Some(co) if co.kind == "property" || co.kind == "security" => Ok(()),
        _ => Err(unknown_reference("employer_company_id")),
    }
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<GuardCreate>,
) -> ApiResult<(StatusCode, Json<GuardOut>)> {
    c.require(&st, Permission::GuardWrite).await?;
    let mut ck = Check::new();
    ck.text("name", &b.name, 50);
    ck.text("licence_no", &b.licence_no, 50);
    check_person(
        &mut ck,
        Some(&b.gender),
        Some(&b.id_number),
        Some(&b.phone),
        Some(&b.licence_expiry),
    );
    ck.finish()?;
    let unit = org_in_scope(&st, &c, b.unit_id, OrgKind::Unit, "unit_id").await?;
    if let Some(e) = b.employer_company_id {
        check_employer(&st, &c, e).await?;
    }
    if let Some(p) = b.post_id {
        posts::by_id(st.store.db(), p)
            .await?
            .filter(|p| p.unit_id == unit.id)
            .ok_or_else(|| unknown_reference("post_id"))?;
    }
    if guards::licence_exists(st.store.db(), b.licence_no.trim()).await? {
        return Err(ApiError::conflict("licence_no"));
    }
    let now = st.now();
    let cipher = st.store.cipher();
    let m = guard::Model {
        id: Uuid::now_v7(),
        name: b.name.trim().to_string(),
        gender: b.gender,
        id_number_enc: cipher.encrypt(&b.id_number.to_ascii_uppercase()),
        phone_enc: cipher.encrypt(&b.phone),
        licence_no: b.licence_no.trim().to_string(),
        licence_expiry: b.licence_expiry,
        employer_company_id: b.employer_company_id,
        unit_id: unit.id,
        post_id: b.post_id,
        grid_id: unit.parent_id.ok_or_else(ApiError::internal)?,
        user_id: None,
        status: "active".into(),
        team_leader: b.team_leader,
        scope_path: unit.path,
        created_at: now,
        updated_at: now,
    };
    let tx = st.store.write().await?;
    common::insert::<guard::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "guard.create", "guard")
            .object(m.id)
            .detail(serde_json::json!({"name": m.name})),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(outs(&st, vec![m], false).await?.remove(0)),
    ))
}

pub async fn patch(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    ApiJson(b): ApiJson<GuardPatch>,
) -> ApiResult<Json<GuardOut>> {
    c.require(&st, Permission::GuardWrite).await?;
    let mut m = guards::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut ck = Check::new();
    if let Some(v) = &b.name {
        ck.text("name", v, 50);
        m.name = v.trim().to_string();
    }
    if let Some(v) = &b.licence_no {
        ck.text("licence_no", v, 50);
        m.licence_no = v.trim().to_string();
    }
    if let Some(s) = &b.status {
        ck.one_of("status", s, &["active", "inactive"]);
        m.status = s.clone();
    }
    check_person(
        &mut ck,
        b.gender.as_deref(),
        b.id_number.as_deref(),
        b.phone.as_deref(),
        b.licence_expiry.as_deref(),
    );
    ck.finish()?;
    let cipher = st.store.cipher();
    if let Some(v) = &b.gender {
        m.gender = v.clone();
    }
    if let Some(v) = &b.id_number {
        m.id_number_enc = cipher.encrypt(&v.to_ascii_uppercase());
    }
    if let Some(v) = &b.phone {
        m.phone_enc = cipher.encrypt(v);
    }
    if let Some(v) = &b.licence_expiry {
        m.licence_expiry = v.clone();
    }
    if let Some(v) = b.team_leader {
        m.team_leader = v;
    }
    if let Some(u) = b.unit_id {
        let unit = org_in_scope(&st, &c, u, OrgKind::Unit, "unit_id").await?;
        m.unit_id = unit.id;
        m.grid_id = unit.parent_id.ok_or_else(ApiError::internal)?;
        m.scope_path = unit.path;
        m.post_id = None;
    }
    if let Some(p) = b.post_id {
        posts::by_id(st.store.db(), p)
            .await?
            .filter(|p| p.unit_id == m.unit_id)
            .ok_or_else(|| unknown_reference("post_id"))?;
        m.post_id = Some(p);
    }
    if let Some(e) = b.employer_company_id {
        check_employer(&st, &c, e).await?;
        m.employer_company_id = Some(e);
    }
    let now = st.now();
    m.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<guard::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "guard.update", "guard").object(id))
        .await?;
    Ok(Json(outs(&st, vec![m], false).await?.remove(0)))
}

pub async fn export(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Response> {
    c.require(&st, Permission::GuardRead).await?;
    let lq = q.list(FILTERS)?.all_rows(EXPORT_CAP);
    let page = guards::list(st.store.db(), &c.scope, &lq).await?;
    let n = page.items.len();
    let items = outs(&st, page.items, false).await?;
    let mut sheet = Sheet::new(
        "保安",
        &[
            "姓名",
            "性别",
            "身份证号",
            "手机号",
            "保安员证号",
            "证件有效期",
            "联动单位",
            "用人单位",
            "状态",
        ],
    );
    for g in items {
        sheet.row(vec![
            Cell::text(g.name),
            Cell::text(if g.gender == "female" { "女" } else { "男" }),
            Cell::text(g.id_number),
            Cell::text(g.phone),
            Cell::text(g.licence_no),
            Cell::text(g.licence_expiry),
            Cell::text(g.unit_name.unwrap_or_default()),
            Cell::text(g.employer_company_name.unwrap_or_default()),
            Cell::text(if g.status == "active" {
                "在职"
            } else {
                "离职"
            }),
        ]);
    }
    crate::office::export::respond(&st, &c, "guards", sheet, n).await
}

pub async fn template(c: Caller, State(st): State<AppState>) -> ApiResult<Response> {
    c.require(&st, Permission::GuardWrite).await?;
    let mut s = Sheet::new("保安", IMPORT_HEADERS);
    s.row(vec![
        Cell::text("张三"),
        Cell::text("男"),
        Cell::text("11010519491231002X"),
        Cell::text("13800000000"),
        Cell::text("浙保证字2026000001"),
        Cell::text("2028-12-31"),
        Cell::text("U01"),
        Cell::text(""),
    ]);
    crate::office::export::template("guards", s)
}

pub async fn import(
    State(st): State<AppState>,
    c: Caller,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> ApiResult<Json<ImportResult>> {
    c.require(&st, Permission::GuardWrite).await?;
    let bytes = import::file_of(mp).await?;
    let rows = import::rows(&bytes, IMPORT_HEADERS)?;
    let db = st.store.db();
    let units: HashMap<String, org_unit::Model> =
        org_units::of_kind(db, &c.scope, OrgKind::Unit.code())
            .await?
            .into_iter()
            .map(|u| (u.code.clone(), u))
            .collect();
    let employers: HashMap<String, Uuid> = {
        let q = jingbao_store::ListQuery::default().all_rows(10_000);
        let mut m = HashMap::new();
        for kind in ["property", "security"] {
            let mut q = q.clone();
            q.filters.insert("kind".into(), kind.into());
            for co in companies::list(db, &c.scope, &q).await?.items {
                m.insert(co.credit_code, co.id);
            }
        }
        m
    };
    let now = st.now();
    let cipher = st.store.cipher();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut out_rows = Vec::new();
    for r in &rows {
        let n = r.number;
        let mut bad =
            |col: &str, code: &str, msg: &str| problems.push(ErrorDetail::cell(n, col, code, msg));
        let h = IMPORT_HEADERS;
        let name = r.get(0).to_string();
        if name.is_empty() || name.chars().count() > 50 {
            bad(h[0], "required", "1–50 characters");
        }
        let gender = match r.get(1) {
            "男" | "male" => Some("male"),
            "女" | "female" => Some("female"),
            _ => None,
        };
        if gender.is_none() {
            bad(h[1], "invalid", "男 or 女");
        }
        let idn = r.get(2).to_ascii_uppercase();
        if !valid_id_number(&idn) {
            bad(h[2], "invalid", "not a valid resident ID number");
        }
        let phone = r.get(3).to_string();
        if !valid_phone(&phone) {
            bad(h[3], "invalid", "an 11-digit mobile number");
        }
        let licence = r.get(4).to_string();
        if licence.is_empty() {
            bad(h[4], "required", "licence number needed");
        } else if !seen.insert(licence.clone()) || guards::licence_exists(db, &licence).await? {
            bad(h[4], "duplicate", "licence number already registered");
        }
        let expiry = r.get(5).to_string();
        if !valid_date(&expiry) {
            bad(h[5], "invalid", "a date YYYY-MM-DD");
        }
        let unit = units.get(r.get(6));
        if unit.is_none() {
            bad(h[6], "unknown_reference", "no such unit in your scope");
        }
        let employer = if r.get(7).is_empty() {
            None
        } else {
            let e = employers.get(r.get(7)).copied();
            if e.is_none() {
                bad(
                    h[7],
                    "unknown_reference",
                    "no such property or security company",
                );
            }
            e
        };
        if let (Some(u), Some(g)) = (unit, gender) {
            out_rows.push(guard::Model {
                id: Uuid::now_v7(),
                name,
                gender: g.into(),
                id_number_enc: cipher.encrypt(&idn),
                phone_enc: cipher.encrypt(&phone),
                licence_no: licence,
                licence_expiry: expiry,
                employer_company_id: employer,
                unit_id: u.id,
                post_id: None,
                grid_id: u.parent_id.unwrap_or(u.id),
                user_id: None,
                status: "active".into(),
                team_leader: false,
                scope_path: u.path.clone(),
                created_at: now,
                updated_at: now,
            });
        }
    }
    import::commit_all::<guard::Entity>(&st, &c, "guards", problems, out_rows).await
}

pub async fn history(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<Vec<jingbao_api::system::AuditRecordOut>>> {
    guards::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    crate::resources::history::of(&st, id).await
}
