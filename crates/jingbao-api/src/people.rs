//! Guards, companies and user accounts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GuardOut {
    pub id: Uuid,
    pub name: String,
    pub gender: String,
    /// Masked unless `?unmask=true` by a holder of `guard.unmask`.
    pub id_number: String,
    pub phone: String,
    pub masked: bool,
    pub licence_no: String,
    pub licence_expiry: String,
    pub employer_company_id: Option<Uuid>,
    pub employer_company_name: Option<String>,
    pub unit_id: Uuid,
    pub unit_name: Option<String>,
    pub post_id: Option<Uuid>,
    pub grid_id: Uuid,
    pub user_id: Option<Uuid>,
    pub username: Option<String>,
    pub status: String,
    pub team_leader: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardCreate {
    pub name: String,
    pub gender: String,
    pub id_number: String,
    pub phone: String,
    pub licence_no: String,
    /// YYYY-MM-DD
    pub licence_expiry: String,
    pub employer_company_id: Option<Uuid>,
    pub unit_id: Uuid,
    pub post_id: Option<Uuid>,
    #[serde(default)]
    pub team_leader: bool,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardPatch {
    pub name: Option<String>,
    pub gender: Option<String>,
    pub id_number: Option<String>,
    pub phone: Option<String>,
    pub licence_no: Option<String>,
    pub licence_expiry: Option<String>,
    pub employer_company_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub post_id: Option<Uuid>,
    pub status: Option<String>,
    pub team_leader: Option<bool>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompanyOut {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub credit_code: String,
    pub building_id: Option<Uuid>,
    pub building_name: Option<String>,
    pub floor: Option<i32>,
    pub industry: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyCreate {
    pub name: String,
    pub kind: String,
    pub credit_code: String,
    pub building_id: Option<Uuid>,
    pub floor: Option<i32>,
    pub industry: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyPatch {
    pub name: Option<String>,
    pub building_id: Option<Uuid>,
    pub floor: Option<i32>,
    pub industry: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserOut {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub roles: Vec<String>,
    pub org_unit_id: Option<Uuid>,
    pub org_unit_name: Option<String>,
    pub department_id: Option<Uuid>,
    pub guard_id: Option<Uuid>,
    pub disabled: bool,
    pub must_change_password: bool,
    pub totp_enabled: bool,
    pub locked_until: Option<DateTime<Utc>>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserCreate {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub roles: Vec<String>,
    pub org_unit_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub guard_id: Option<Uuid>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    pub display_name: Option<String>,
    pub roles: Option<Vec<String>>,
    pub org_unit_id: Option<Uuid>,
    pub disabled: Option<bool>,
    /// Sets a new password and forces a change at next login.
    pub password: Option<String>,
    /// `false` lifts a lockout.
    pub locked: Option<bool>,
}
