//! Row builders shared by the seeders: org units with their materialised paths, and users.

use chrono::{DateTime, Utc};
use jingbao_domain::org::child_path;
use jingbao_domain::{OrgKind, Role};
use jingbao_store::entity::{org_unit, user};
use uuid::Uuid;

pub fn org(
    id: Uuid,
    parent: Option<&org_unit::Model>,
    kind: OrgKind,
    name: &str,
    code: &str,
    boundary: Option<String>,
    now: DateTime<Utc>,
) -> org_unit::Model {
    org_unit::Model {
        id,
        parent_id: parent.map(|p| p.id),
        kind: kind.code().into(),
        name: name.into(),
        code: code.into(),
        path: child_path(parent.map(|p| p.path.as_str()), id),
        boundary,
        manager_user_id: None,
        created_at: now,
        updated_at: now,
    }
}

/// A ready-to-use account (no forced change, no second factor): demo and fixture accounts.
pub fn account(
    username: &str,
    name: &str,
    roles: &[Role],
    at: &org_unit::Model,
    hash: &str,
    now: DateTime<Utc>,
) -> user::Model {
    user::Model {
        id: Uuid::now_v7(),
        username: username.into(),
        display_name: name.into(),
        password_hash: hash.into(),
        roles: roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(","),
        org_unit_id: Some(at.id),
        department_id: (at.kind == OrgKind::Department.code()).then_some(at.id),
        guard_id: None,
        scope_path: at.path.clone(),
        disabled: false,
        must_change_password: false,
        mfa_required: false,
        totp_secret_enc: None,
        totp_enabled: false,
        failed_count: 0,
        window_started_at: None,
        locked_until: None,
        last_login_at: None,
        created_at: now,
        updated_at: now,
    }
}
