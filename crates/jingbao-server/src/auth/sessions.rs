//! `GET /api/sessions` and `POST /api/sessions/{id}/revoke`: a user sees and ends its own
//! sessions; the security admin sees and ends anyone's.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::IdPath;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use http::StatusCode;
use jingbao_api::ListResponse;
use jingbao_api::auth::SessionOut;
use jingbao_domain::Permission;
use jingbao_store::AuditEntry;
use jingbao_store::repo::{sessions, users};
use std::collections::HashMap;

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
) -> ApiResult<Json<ListResponse<SessionOut>>> {
    let now = st.now();
    let all = c.has(Permission::SessionManage);
    let rows = sessions::live(st.store.db(), (!all).then_some(c.user.id), now, 500).await?;
    let mut names: HashMap<uuid::Uuid, String> = HashMap::new();
    for r in &rows {
        if let std::collections::hash_map::Entry::Vacant(e) = names.entry(r.user_id) {
            let n = users::by_id(st.store.db(), r.user_id)
                .await?
                .map(|u| u.username)
                .unwrap_or_default();
            e.insert(n);
        }
    }
    let items: Vec<SessionOut> = rows
        .into_iter()
        .map(|s| SessionOut {
            id: s.id,
            user_id: s.user_id,
            username: names.get(&s.user_id).cloned().unwrap_or_default(),
            kind: s.kind,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            expires_at: s.expires_at,
            ip: s.ip,
            user_agent: s.user_agent,
            current: s.id == c.session.id,
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

pub async fn revoke(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<StatusCode> {
    let s = sessions::by_id(st.store.db(), id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if s.user_id != c.user.id && !c.has(Permission::SessionManage) {
        return Err(ApiError::not_found());
    }
    let now = st.now();
    let tx = st.store.write().await?;
    sessions::revoke(tx.conn(), id, now).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "session.revoke", "session")
            .object(id)
            .detail(serde_json::json!({ "user_id": s.user_id })),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
