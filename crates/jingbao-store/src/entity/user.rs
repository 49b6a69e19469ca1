//! `users`: accounts, their roles (comma-separated role codes), attachment to the
//! organisation, password hash, second factor and lockout state.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub roles: String,
    pub org_unit_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub guard_id: Option<Uuid>,
    pub scope_path: String,
    pub disabled: bool,
    pub must_change_password: bool,
    pub mfa_required: bool,
    pub totp_secret_enc: Option<String>,
    pub totp_enabled: bool,
    pub failed_count: i32,
    pub window_started_at: Option<DateTimeUtc>,
    pub locked_until: Option<DateTimeUtc>,
    pub last_login_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
