//! `GET /api/health`: liveness and which store serves (no login).

use crate::http::error::{ApiError, ApiResult};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use jingbao_api::system::Health;

pub async fn health(State(st): State<AppState>) -> ApiResult<Json<Health>> {
    st.store.ping().await.map_err(|e| {
        tracing::error!(error = %e, "health: store unreachable");
        ApiError::new(
            http::StatusCode::SERVICE_UNAVAILABLE,
            "store_unavailable",
            "数据库不可用",
            "The database is unavailable",
        )
    })?;
    Ok(Json(Health {
        status: "ok".into(),
        store: st.store.kind().code().into(),
        version: env!("CARGO_PKG_VERSION").into(),
        node: st.config.node_id.clone(),
    }))
}
