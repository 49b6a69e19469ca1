//! Health, roles, audit records, imports.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Health {
    pub status: String,
    pub store: String,
    pub version: String,
    pub node: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoleOut {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub scope: String,
    pub admin: bool,
    pub permissions: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditRecordOut {
    pub seq: i64,
    pub id: String,
    pub at: String,
    pub user_id: Option<Uuid>,
    pub username: String,
    pub role: String,
    pub ip: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub result: String,
    pub request_id: String,
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportResult {
    pub imported: u32,
}
