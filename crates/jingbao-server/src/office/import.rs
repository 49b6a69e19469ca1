//! Reading an uploaded import: the multipart `file` field, the header check, and row
//! errors as `details[{row, column, code, message}]` (rows numbered as Excel shows them).

use crate::http::error::{ApiError, ApiResult};
use crate::office::xlsx::read_first_sheet;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use jingbao_api::ErrorDetail;

/// Largest number of rows in one import.
pub const MAX_ROWS: usize = 20_000;

/// One data row: its Excel row number and its cells by header.
pub struct Row {
    pub number: u32,
    cells: Vec<String>,
}

impl Row {
    pub fn get(&self, col: usize) -> &str {
        self.cells.get(col).map(String::as_str).unwrap_or("")
    }
}

/// Takes the `file` field of a multipart upload.
pub async fn file_of(mp: Result<Multipart, MultipartRejection>) -> ApiResult<Vec<u8>> {
    let mut mp = mp.map_err(|_| ApiError::unsupported_media_type())?;
    loop {
        let field = mp
            .next_field()
            .await
            .map_err(|e| multipart_error(e.status(), e.body_text()))?;
        let Some(field) = field else {
            return Err(ApiError::invalid_field(
                "file",
                "required",
                "multipart field `file` is missing",
            ));
        };
        if field.name() == Some("file") {
            let bytes = field
                .bytes()
                .await
                .map_err(|e| multipart_error(e.status(), e.body_text()))?;
            return Ok(bytes.to_vec());
        }
    }
}

fn multipart_error(status: http::StatusCode, text: String) -> ApiError {
    if status == http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::payload_too_large()
    } else {
        ApiError::invalid_field("file", "invalid_multipart", text)
    }
}

/// Parses the workbook and checks its header row against `headers`.
pub fn rows(bytes: &[u8], headers: &[&str]) -> ApiResult<Vec<Row>> {
    let all =
        read_first_sheet(bytes).map_err(|e| ApiError::invalid_field("file", "not_xlsx", e))?;
    let Some(head) = all.first() else {
        return Err(ApiError::invalid_field(
            "file",
            "empty",
            "the sheet is empty",
        ));
    };
    let mut problems = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if head.get(i).map(String::as_str) != Some(*h) {
            problems.push(ErrorDetail::cell(
                1,
                h,
                "header_mismatch",
                format!("column {} must be titled {h}", i + 1),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::validation(problems));
    }
    let data: Vec<Row> = all
        .into_iter()
        .enumerate()
        .skip(1)
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .map(|(i, cells)| Row {
            number: i as u32 + 1,
            cells,
        })
        .collect();
    if data.is_empty() {
        return Err(ApiError::invalid_field("file", "empty", "no data rows"));
    }
    if data.len() > MAX_ROWS {
        return Err(ApiError::invalid_field(
            "file",
            "too_many_rows",
            format!("at most {MAX_ROWS} rows"),
        ));
    }
    Ok(data)
}

/// Ends an import: any row problem rejects the whole file (422, nothing written); otherwise
/// every row is inserted in one transaction with one audit record.
pub async fn commit_all<E>(
    st: &crate::state::AppState,
    c: &crate::auth::caller::Caller,
    list: &str,
    problems: Vec<ErrorDetail>,
    rows: Vec<E::Model>,
) -> ApiResult<axum::Json<jingbao_api::system::ImportResult>>
where
    E: sea_orm::EntityTrait,
    E::Model: sea_orm::IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: sea_orm::ActiveModelTrait<Entity = E> + Send,
{
    if !problems.is_empty() {
        return Err(ApiError::validation(problems));
    }
    let count = rows.len() as u32;
    let tx = st.store.write().await?;
    jingbao_store::repo::common::insert_many::<E, _>(tx.conn(), rows, 500).await?;
    tx.commit(
        jingbao_store::AuditEntry::new(st.now(), &c.actor(), "import", list)
            .detail(serde_json::json!({ "rows": count })),
    )
    .await?;
    Ok(axum::Json(jingbao_api::system::ImportResult {
        imported: count,
    }))
}
