//! `/api/org-units`: the organisation tree — list, tree, get, create, patch, export.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::office::xlsx::{Cell, Sheet};
use crate::resources::common::{Check, list_response, unknown_reference};
use crate::resources::geojson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use http::StatusCode;
use jingbao_api::ListResponse;
use jingbao_api::org::{OrgTreeNode, OrgUnitCreate, OrgUnitOut, OrgUnitPatch};
use jingbao_domain::org::child_path;
use jingbao_domain::{OrgKind, Permission};
use jingbao_store::AuditEntry;
use jingbao_store::entity::org_unit;
use jingbao_store::repo::{buildings, common, org_units};
use std::collections::HashMap;
use uuid::Uuid;

const FILTERS: &[&str] = &["kind", "parent_id"];

async fn outs(st: &AppState, rows: Vec<org_unit::Model>) -> ApiResult<Vec<OrgUnitOut>> {
    let unit_ids: Vec<Uuid> = rows
        .iter()
        .filter(|o| o.kind == OrgKind::Unit.code())
        .map(|o| o.id)
        .collect();
    let mut bmap = buildings::buildings_of_units(st.store.db(), &unit_ids).await?;
    Ok(rows
        .into_iter()
        .map(|o| OrgUnitOut {
            building_ids: bmap.remove(&o.id).unwrap_or_default(),
            boundary: o
                .boundary
                .as_deref()
                .and_then(|b| serde_json::from_str(b).ok()),
            id: o.id,
            parent_id: o.parent_id,
            kind: o.kind,
            name: o.name,
            code: o.code,
            manager_user_id: o.manager_user_id,
            created_at: o.created_at,
            updated_at: o.updated_at,
        })
        .collect())
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<OrgUnitOut>>> {
    c.require(&st, Permission::OrgRead).await?;
    let lq = q.list(FILTERS)?;
    let page = org_units::list(st.store.db(), &c.scope, &lq).await?;
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
) -> ApiResult<Json<OrgUnitOut>> {
    c.require(&st, Permission::OrgRead).await?;
    let o = org_units::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(outs(&st, vec![o]).await?.remove(0)))
}

/// The visible part of the tree, nested. Nodes whose parent is out of scope become roots.
pub async fn tree(State(st): State<AppState>, c: Caller) -> ApiResult<Json<Vec<OrgTreeNode>>> {
    c.require(&st, Permission::OrgRead).await?;
    let rows = org_units::all_in_scope(st.store.db(), &c.scope).await?;
    let ids: std::collections::HashSet<Uuid> = rows.iter().map(|o| o.id).collect();
    let mut children: HashMap<Option<Uuid>, Vec<&org_unit::Model>> = HashMap::new();
    for o in &rows {
        let parent = o.parent_id.filter(|p| ids.contains(p));
        children.entry(parent).or_default().push(o);
    }
    fn build(
        node: &org_unit::Model,
        children: &HashMap<Option<Uuid>, Vec<&org_unit::Model>>,
    ) -> OrgTreeNode {
        let mut kids: Vec<OrgTreeNode> = children
            .get(&Some(node.id))
            .map(|v| v.iter().map(|c| build(c, children)).collect())
            .unwrap_or_default();
        kids.sort_by(|a, b| a.code.cmp(&b.code));
        OrgTreeNode {
            id: node.id,
            kind: node.kind.clone(),
            name: node.name.clone(),
            code: node.code.clone(),
            children: kids,
        }
    }
    let roots = children
        .get(&None)
        .map(|v| v.iter().map(|r| build(r, &children)).collect())
        .unwrap_or_default();
    Ok(Json(roots))
}

fn check_boundary(ck: &mut Check, b: &Option<serde_json::Value>) -> Option<String> {
    let v = b.as_ref()?;
    match geojson::outer_ring(v) {
        Ok(ring) => Some(geojson::polygon(&ring).to_string()),
        Err(e) => {
            ck.fail("boundary", "invalid_geometry", e);
            None
        }
    }
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<OrgUnitCreate>,
) -> ApiResult<(StatusCode, Json<OrgUnitOut>)> {
    c.require(&st, Permission::OrgWrite).await?;
    let mut ck = Check::new();
    ck.text("name", &b.name, 100);
    ck.text("code", &b.code, 50);
    let kind = OrgKind::parse(&b.kind);
    if kind.is_none() {
        ck.fail(
            "kind",
            "invalid",
            "bureau, station, police_room, grid, unit or department",
        );
    }
    let boundary = check_boundary(&mut ck, &b.boundary);
    ck.finish()?;
    let kind = kind.ok_or_else(ApiError::internal)?;
    let parent = match b.parent_id {
        Some(pid) => Some(
            org_units::get(st.store.db(), &c.scope, pid)
                .await?
                .ok_or_else(|| unknown_reference("parent_id"))?,
        ),
        None => None,
    };
    match &parent {
        Some(p) => {
            let pk = OrgKind::parse(&p.kind).ok_or_else(ApiError::internal)?;
            if !pk.allowed_children().contains(&kind) {
                return Err(ApiError::invalid_field(
                    "kind",
                    "not_allowed_here",
                    format!("a {} cannot hold a {}", pk.code(), kind.code()),
                ));
            }
        }
        None if !(kind.may_be_root() && c.scope.all) => {
            return Err(ApiError::invalid_field(
                "parent_id",
                "required",
                "only a bureau may be a root",
            ));
        }
        None => {}
    }
    let now = st.now();
    let id = Uuid::now_v7();
    let m = org_unit::Model {
        id,
        parent_id: parent.as_ref().map(|p| p.id),
        kind: kind.code().to_string(),
        name: b.name.trim().to_string(),
        code: b.code.trim().to_string(),
        path: child_path(parent.as_ref().map(|p| p.path.as_str()), id),
        boundary,
        manager_user_id: b.manager_user_id,
        created_at: now,
        updated_at: now,
    };
    let tx = st.store.write().await?;
    common::insert::<org_unit::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "org_unit.create", "org_unit")
            .object(id)
            .detail(serde_json::json!({"name": m.name, "kind": m.kind})),
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
    ApiJson(b): ApiJson<OrgUnitPatch>,
) -> ApiResult<Json<OrgUnitOut>> {
    c.require(&st, Permission::OrgWrite).await?;
    let mut m = org_units::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut ck = Check::new();
    if let Some(n) = &b.name {
        ck.text("name", n, 100);
        m.name = n.trim().to_string();
    }
    if let Some(code) = &b.code {
        ck.text("code", code, 50);
        m.code = code.trim().to_string();
    }
    if b.boundary.is_some() {
        m.boundary = check_boundary(&mut ck, &b.boundary);
    }
    if b.manager_user_id.is_some() {
        m.manager_user_id = b.manager_user_id;
    }
    ck.finish()?;
    let now = st.now();
    m.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<org_unit::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "org_unit.update", "org_unit").object(id))
        .await?;
    Ok(Json(outs(&st, vec![m]).await?.remove(0)))
}

pub async fn export(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Response> {
    c.require(&st, Permission::OrgRead).await?;
    let lq = q.list(FILTERS)?.all_rows(crate::office::xlsx::EXPORT_CAP);
    let page = org_units::list(st.store.db(), &c.scope, &lq).await?;
    let mut sheet = Sheet::new("组织架构", &["编码", "名称", "类型", "上级 ID", "ID"]);
    for o in &page.items {
        sheet.row(vec![
            Cell::text(&o.code),
            Cell::text(&o.name),
            Cell::text(&o.kind),
            Cell::text(o.parent_id.map(|p| p.to_string()).unwrap_or_default()),
            Cell::text(o.id.to_string()),
        ]);
    }
    crate::office::export::respond(&st, &c, "org_units", sheet, page.items.len()).await
}

pub async fn history(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<Vec<jingbao_api::system::AuditRecordOut>>> {
    org_units::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    crate::resources::history::of(&st, id).await
}
