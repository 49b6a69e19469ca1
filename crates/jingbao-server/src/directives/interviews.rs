//! Interview records (约谈记录): `POST /api/interviews` by the officer who held it,
//! `GET /api/interviews?month=` for everyone who reads directives in scope.

use crate::auth::caller::Caller;
use crate::http::error::ApiResult;
use crate::http::extract::{ApiJson, QueryMap};
use crate::resources::common::{Check, org_in_scope};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use http::StatusCode;
use jingbao_domain::OrgKind;
use jingbao_store::entity::interview;
use jingbao_store::repo::common;
use jingbao_store::{AuditEntry, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInterview {
    pub unit_id: Uuid,
    pub month: String,
    pub interviewed_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub attendees: String,
    pub note: String,
    #[serde(default)]
    pub measures: String,
}

fn out(i: &interview::Model) -> Value {
    json!({"id": i.id, "unit_id": i.unit_id, "month": i.month, "interviewed_at": i.interviewed_at, "attendees": i.attendees, "note": i.note, "measures": i.measures, "officer": i.officer, "created_at": i.created_at})
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<NewInterview>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let mut ck = Check::new();
    ck.text("note", &b.note, 5000);
    if crate::directives::ack_tests::parse_month(&b.month).is_err() {
        ck.fail("month", "invalid", "YYYY-MM");
    }
    if b.attendees.chars().count() > 500 || b.measures.chars().count() > 5000 {
        ck.fail("measures", "too_long", "at most 5000 characters");
    }
    ck.finish()?;
    let unit = org_in_scope(&st, &c, b.unit_id, OrgKind::Unit, "unit_id").await?;
    let now = st.now();
    let m = interview::Model {
        id: Uuid::now_v7(),
        unit_id: unit.id,
        month: b.month,
        interviewed_at: b.interviewed_at.unwrap_or(now),
        attendees: b.attendees.trim().into(),
        note: b.note.trim().into(),
        measures: b.measures.trim().into(),
        officer: c.user.username.clone(),
        created_at: now,
        scope_path: unit.path,
    };
    let tx = st.store.write().await?;
    common::insert::<interview::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "interview.create", "interview")
            .object(m.id)
            .detail(json!({"unit_id": m.unit_id, "month": m.month})),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(out(&m))))
}

pub async fn list(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Json<Value>> {
    let mut sel = interview::Entity::find().filter(jingbao_store::scope::condition(
        &c.scope,
        interview::Column::ScopePath,
        None,
    ));
    if let Some(m) = q.0.get("month") {
        sel = sel.filter(interview::Column::Month.eq(m.as_str()));
    }
    let rows = sel
        .order_by_desc(interview::Column::InterviewedAt)
        .all(st.store.db())
        .await
        .map_err(StoreError::from)?;
    let items: Vec<Value> = rows.iter().map(out).collect();
    Ok(Json(json!({"items": items, "total": items.len()})))
}
