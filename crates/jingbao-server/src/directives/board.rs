//! Reading directives: the list, one directive with its recipients, and the live ack board
//! per unit (delivered, signed, late, feedback, overdue, median latency).

use crate::auth::caller::Caller;
use crate::directives::view::out;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{IdPath, QueryMap};
use crate::resources::common::list_response;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use jingbao_api::ListResponse;
use jingbao_api::directives::{Board, BoardRow, DirectiveDetail, DirectiveOut, RecipientOut};
use jingbao_store::StoreError;
use jingbao_store::entity::{directive_recipient, guard, org_unit};
use jingbao_store::repo::directives;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<DirectiveOut>>> {
    let lq = q.list(&["kind", "state"])?;
    let page = directives::list(st.store.db(), &c.scope, &lq).await?;
    let mut items = Vec::with_capacity(page.items.len());
    for d in &page.items {
        let rs = directives::recipients(st.store.db(), &c.scope, d.id).await?;
        items.push(out(d, &rs));
    }
    Ok(list_response(
        jingbao_store::Page {
            items,
            total: page.total,
        },
        &lq,
    ))
}

async fn names(
    st: &AppState,
    rs: &[directive_recipient::Model],
) -> ApiResult<(HashMap<Uuid, String>, HashMap<Uuid, String>)> {
    let db = st.store.db();
    let g = guard::Entity::find()
        .filter(guard::Column::Id.is_in(rs.iter().map(|r| r.guard_id)))
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let u = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(rs.iter().map(|r| r.unit_id)))
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok((g, u))
}

pub async fn get(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<DirectiveDetail>> {
    let d = directives::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let rs = directives::recipients(st.store.db(), &c.scope, id).await?;
    let (gn, un) = names(&st, &rs).await?;
    let recipients = rs
        .iter()
        .map(|r| RecipientOut {
            guard_id: r.guard_id,
            guard_name: gn.get(&r.guard_id).cloned(),
            unit_id: r.unit_id,
            unit_name: un.get(&r.unit_id).cloned(),
            seq: r.seq,
            state: r.state.clone(),
            delivered_at: r.delivered_at,
            signed_at: r.signed_at,
            latency_seconds: r.signed_at.map(|s| (s - d.sent_at).num_seconds()),
            late: r.late,
            feedback_at: r.feedback_at,
            feedback: r
                .feedback
                .as_deref()
                .and_then(|f| serde_json::from_str(f).ok()),
        })
        .collect();
    Ok(Json(DirectiveDetail {
        directive: out(&d, &rs),
        recipients,
    }))
}

fn row(rs: &[&directive_recipient::Model], sent: chrono::DateTime<chrono::Utc>) -> BoardRow {
    let mut lat: Vec<i64> = rs
        .iter()
        .filter_map(|r| r.signed_at.map(|s| (s - sent).num_seconds()))
        .collect();
    lat.sort_unstable();
    BoardRow {
        unit_id: None,
        unit_name: None,
        recipients: rs.len() as u32,
        delivered: rs.iter().filter(|r| r.delivered_at.is_some()).count() as u32,
        signed: rs.iter().filter(|r| r.signed_at.is_some()).count() as u32,
        late: rs.iter().filter(|r| r.late).count() as u32,
        feedback: rs.iter().filter(|r| r.feedback_at.is_some()).count() as u32,
        overdue: rs.iter().filter(|r| r.state == "overdue").count() as u32,
        not_required: rs.iter().filter(|r| r.state == "not_required").count() as u32,
        median_latency_seconds: (!lat.is_empty()).then(|| lat[lat.len() / 2]),
    }
}

pub async fn board(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<Board>> {
    let d = directives::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let rs = directives::recipients(st.store.db(), &c.scope, id).await?;
    let (_, un) = names(&st, &rs).await?;
    let mut by_unit: BTreeMap<Uuid, Vec<&directive_recipient::Model>> = BTreeMap::new();
    for r in &rs {
        by_unit.entry(r.unit_id).or_default().push(r);
    }
    let mut units: Vec<BoardRow> = by_unit
        .into_iter()
        .map(|(u, v)| BoardRow {
            unit_id: Some(u),
            unit_name: un.get(&u).cloned(),
            ..row(&v, d.sent_at)
        })
        .collect();
    units.sort_by(|a, b| a.unit_name.cmp(&b.unit_name));
    let all: Vec<&directive_recipient::Model> = rs.iter().collect();
    Ok(Json(Board {
        units,
        totals: row(&all, d.sent_at),
    }))
}
