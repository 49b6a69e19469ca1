//! The error body every failing request answers with.

use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable snake_case code.
    pub code: String,
    /// In the request's language (Accept-Language; Chinese by default).
    pub message: String,
    pub request_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<ErrorDetail>>,
}

/// One problem of a request body or of an imported row.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct ErrorDetail {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub code: String,
    pub message: String,
}

impl ErrorDetail {
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        ErrorDetail {
            field: Some(field.to_string()),
            row: None,
            column: None,
            code: code.to_string(),
            message: message.into(),
        }
    }

    pub fn cell(row: u32, column: &str, code: &str, message: impl Into<String>) -> Self {
        ErrorDetail {
            field: None,
            row: Some(row),
            column: Some(column.to_string()),
            code: code.to_string(),
            message: message.into(),
        }
    }
}
