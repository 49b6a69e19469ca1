//! Sending an export: stamp it with who and when, write the audit record, answer with the file.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::office::xlsx::Sheet;
use crate::state::AppState;
use axum::response::{IntoResponse, Response};
use chrono::FixedOffset;
use http::header;
use jingbao_store::AuditEntry;

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub async fn respond(
    st: &AppState,
    c: &Caller,
    list: &str,
    sheet: Sheet,
    rows: usize,
) -> ApiResult<Response> {
    let now = st.now();
    let local = now.with_timezone(&FixedOffset::east_opt(8 * 3600).ok_or_else(ApiError::internal)?);
    let stamp = format!(
        "导出人：{}（{}）  导出时间：{}  请求号：{}  共 {} 条  内部资料 注意保密",
        c.user.display_name,
        c.user.username,
        local.format("%Y-%m-%d %H:%M:%S"),
        c.ctx.request_id,
        rows
    );
    let bytes = sheet.to_xlsx(Some(&stamp)).map_err(|e| {
        tracing::error!(error = %e, "xlsx export");
        ApiError::internal()
    })?;
    st.store
        .audit_only(
            AuditEntry::new(now, &c.actor(), "export", list)
                .detail(serde_json::json!({ "rows": rows })),
        )
        .await?;
    let name = format!("{list}-{}.xlsx", local.format("%Y%m%d-%H%M%S"));
    Ok((
        [
            (header::CONTENT_TYPE, XLSX_MIME.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// An empty sheet with the import columns.
pub fn template(list: &str, sheet: Sheet) -> ApiResult<Response> {
    let bytes = sheet.to_xlsx(None).map_err(|_| ApiError::internal())?;
    Ok((
        [
            (header::CONTENT_TYPE, XLSX_MIME.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{list}-template.xlsx\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
