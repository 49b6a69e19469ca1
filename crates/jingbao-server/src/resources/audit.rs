//! `/api/audit`: the audit log for the audit admin — list with filters, export.

use crate::auth::caller::Caller;
use crate::http::error::ApiResult;
use crate::http::extract::QueryMap;
use crate::office::xlsx::{Cell, Sheet};
use crate::resources::common::list_response;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use jingbao_api::ListResponse;
use jingbao_api::system::AuditRecordOut;
use jingbao_domain::Permission;
use jingbao_store::audit;
use jingbao_store::entity::audit_log;

const FILTERS: &[&str] = &[
    "action",
    "username",
    "object_type",
    "object_id",
    "result",
    "from",
    "to",
];

pub fn out(m: audit_log::Model) -> AuditRecordOut {
    AuditRecordOut {
        seq: m.seq,
        user_id: uuid::Uuid::parse_str(&m.user_id).ok(),
        detail: serde_json::from_str(&m.detail).unwrap_or(serde_json::Value::Null),
        id: m.id,
        at: m.at,
        username: m.username,
        role: m.role,
        ip: m.ip,
        action: m.action,
        object_type: m.object_type,
        object_id: m.object_id,
        result: m.result,
        request_id: m.request_id,
    }
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<AuditRecordOut>>> {
    c.require(&st, Permission::AuditRead).await?;
    let lq = q.list(FILTERS)?;
    let page = audit::list(st.store.db(), &lq).await?;
    Ok(list_response(page.map(out), &lq))
}

pub async fn export(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Response> {
    c.require(&st, Permission::AuditRead).await?;
    let lq = q.list(FILTERS)?.all_rows(crate::office::xlsx::EXPORT_CAP);
    let page = audit::list(st.store.db(), &lq).await?;
    let mut sheet = Sheet::new(
        "审计日志",
        &[
            "序号",
            "时间(UTC)",
            "用户",
            "角色",
            "IP",
            "操作",
            "对象类型",
            "对象",
            "结果",
            "请求号",
            "哈希",
        ],
    );
    for m in &page.items {
        sheet.row(vec![
            Cell::num(m.seq as f64),
            Cell::text(&m.at),
            Cell::text(&m.username),
            Cell::text(&m.role),
            Cell::text(&m.ip),
            Cell::text(&m.action),
            Cell::text(&m.object_type),
            Cell::text(&m.object_id),
            Cell::text(&m.result),
            Cell::text(&m.request_id),
            Cell::text(&m.hash),
        ]);
    }
    crate::office::export::respond(&st, &c, "audit", sheet, page.items.len()).await
}
