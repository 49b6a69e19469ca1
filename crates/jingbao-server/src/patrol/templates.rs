//! Shift templates (when a post must be manned, by how many): list, create, and the Excel
//! roster import — all rows or none, errors by row — after which presence reloads its posts.

use crate::auth::caller::Caller;
use crate::http::error::ApiResult;
use crate::http::extract::{ApiJson, QueryMap};
use crate::office::import;
use crate::office::xlsx::{Cell, Sheet};
use crate::resources::common::{Check, unknown_reference};
use crate::state::AppState;
use axum::Json;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::response::Response;
use http::StatusCode;
use jingbao_api::patrol::{ShiftTemplateCreate, ShiftTemplateOut, TimeWindow};
use jingbao_api::system::ImportResult;
use jingbao_api::{ErrorDetail, ListResponse};
use jingbao_domain::OrgKind;
use jingbao_store::entity::{post, shift_template};
use jingbao_store::repo::{common, org_units};
use jingbao_store::{AuditEntry, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

const HEADERS: &[&str] = &[
    "联动单位编码",
    "岗位名称",
    "班次名称",
    "开始(HH:MM)",
    "结束(HH:MM)",
    "最少人数",
];

fn hhmm(m: i32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn parse_hhmm(s: &str) -> Option<i32> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

/// Posts the caller may see (the post's unit is in scope).
async fn visible_posts(st: &AppState, c: &Caller) -> ApiResult<HashMap<Uuid, post::Model>> {
    let units = org_units::of_kind(st.store.db(), &c.scope, OrgKind::Unit.code()).await?;
    let ids: Vec<Uuid> = units.iter().map(|u| u.id).collect();
    Ok(post::Entity::find()
        .filter(post::Column::UnitId.is_in(ids))
        .all(st.store.db())
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<ShiftTemplateOut>>> {
    let posts = visible_posts(&st, &c).await?;
    let want = q.0.get("post_id").and_then(|p| Uuid::parse_str(p).ok());
    let rows = shift_template::Entity::find()
        .filter(shift_template::Column::PostId.is_in(posts.keys().copied()))
        .all(st.store.db())
        .await
        .map_err(StoreError::from)?;
    let items: Vec<ShiftTemplateOut> = rows
        .into_iter()
        .filter(|t| want.is_none_or(|p| p == t.post_id))
        .map(|t| ShiftTemplateOut {
            post_name: posts.get(&t.post_id).map(|p| p.name.clone()),
            window: TimeWindow {
                start: hhmm(t.start_minute),
                end: hhmm(t.end_minute),
            },
            id: t.id,
            post_id: t.post_id,
            name: t.name,
            min_staff: t.min_staff,
        })
        .collect();
    let total = items.len() as u64;
    Ok(Json(ListResponse {
        items,
        total,
        page: 1,
        page_size: total.max(1),
    }))
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<ShiftTemplateCreate>,
) -> ApiResult<(StatusCode, Json<ShiftTemplateOut>)> {
    let mut ck = Check::new();
    ck.text("name", &b.name, 50);
    ck.range_i32("min_staff", b.min_staff, 1, 50);
    let (s, e) = (parse_hhmm(&b.window.start), parse_hhmm(&b.window.end));
    if s.is_none() {
        ck.fail("window.start", "invalid", "HH:MM");
    }
    if e.is_none() {
        ck.fail("window.end", "invalid", "HH:MM");
    }
    ck.finish()?;
    let posts = visible_posts(&st, &c).await?;
    let p = posts
        .get(&b.post_id)
        .ok_or_else(|| unknown_reference("post_id"))?;
    let now = st.now();
    let t = shift_template::Model {
        id: Uuid::now_v7(),
        post_id: p.id,
        name: b.name.trim().into(),
        start_minute: s.unwrap_or(0),
        end_minute: e.unwrap_or(0),
        min_staff: b.min_staff,
        scope_path: p.scope_path.clone(),
    };
    let tx = st.store.write().await?;
    common::insert::<shift_template::Entity, _>(tx.conn(), t.clone()).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "shift_template.create", "shift_template").object(t.id),
    )
    .await?;
    crate::patrol::boot::load(&st).await?;
    Ok((
        StatusCode::CREATED,
        Json(ShiftTemplateOut {
            post_name: Some(p.name.clone()),
            window: b.window,
            id: t.id,
            post_id: t.post_id,
            name: t.name,
            min_staff: t.min_staff,
        }),
    ))
}

pub async fn template(State(_st): State<AppState>, _c: Caller) -> ApiResult<Response> {
    let mut s = Sheet::new("排班", HEADERS);
    s.row(vec![
        Cell::text("U01"),
        Cell::text("大堂岗"),
        Cell::text("白班"),
        Cell::text("08:00"),
        Cell::text("20:00"),
        Cell::num(1),
    ]);
    s.row(vec![
        Cell::text("U01"),
        Cell::text("大堂岗"),
        Cell::text("夜班"),
        Cell::text("20:00"),
        Cell::text("08:00"),
        Cell::num(1),
    ]);
    crate::office::export::template("shift-templates", s)
}

pub async fn import_roster(
    State(st): State<AppState>,
    c: Caller,
    mp: Result<Multipart, MultipartRejection>,
) -> ApiResult<Json<ImportResult>> {
    let bytes = import::file_of(mp).await?;
    let rows = import::rows(&bytes, HEADERS)?;
    let units: HashMap<Uuid, String> =
        org_units::of_kind(st.store.db(), &c.scope, OrgKind::Unit.code())
            .await?
            .into_iter()
            .map(|u| (u.id, u.code))
            .collect();
    let by_key: HashMap<(String, String), post::Model> = visible_posts(&st, &c)
        .await?
        .into_values()
        .filter_map(|p| Some(((units.get(&p.unit_id)?.clone(), p.name.clone()), p)))
        .collect();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for r in &rows {
        let n = r.number;
        let mut bad =
            |col: &str, code: &str, msg: &str| problems.push(ErrorDetail::cell(n, col, code, msg));
        let p = by_key.get(&(r.get(0).to_string(), r.get(1).to_string()));
        if p.is_none() {
            bad(
                HEADERS[1],
                "unknown_reference",
                "no such post of that unit in your scope",
            );
        }
        let name = r.get(2).trim().to_string();
        if name.is_empty() || name.chars().count() > 50 {
            bad(HEADERS[2], "required", "1–50 characters");
        }
        let (s, e) = (parse_hhmm(r.get(3)), parse_hhmm(r.get(4)));
        if s.is_none() {
            bad(HEADERS[3], "invalid", "HH:MM");
        }
        if e.is_none() {
            bad(HEADERS[4], "invalid", "HH:MM");
        }
        let min = r
            .get(5)
            .parse::<i32>()
            .ok()
            .filter(|m| (1..=50).contains(m));
        if min.is_none() {
            bad(HEADERS[5], "invalid", "a whole number from 1 to 50");
        }
        if let (Some(p), Some(s), Some(e), Some(min)) = (p, s, e, min) {
            out.push(shift_template::Model {
                id: Uuid::now_v7(),
                post_id: p.id,
                name,
                start_minute: s,
                end_minute: e,
                min_staff: min,
                scope_path: p.scope_path.clone(),
            });
        }
    }
    let reply =
        import::commit_all::<shift_template::Entity>(&st, &c, "shift_templates", problems, out)
            .await?;
    crate::patrol::boot::load(&st).await?;
    Ok(reply)
}
