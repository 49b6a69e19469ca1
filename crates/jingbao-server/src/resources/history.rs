//! `GET /api/{list}/{id}/history`: the timeline of one object (who did what, when), for
//! anyone who may see the object; the caller's own scope check comes first.

use crate::http::error::ApiResult;
use crate::resources::audit::out;
use crate::state::AppState;
use axum::Json;
use jingbao_api::system::AuditRecordOut;
use uuid::Uuid;

pub const MAX_EVENTS: u64 = 200;

pub async fn of(st: &AppState, id: Uuid) -> ApiResult<Json<Vec<AuditRecordOut>>> {
    let rows = jingbao_store::audit::of_object(st.store.db(), &id.to_string(), MAX_EVENTS).await?;
    Ok(Json(rows.into_iter().map(out).collect()))
}
