//! `GET /api/roles`: the role catalogue with names, scopes and permissions.

use crate::auth::caller::Caller;
use crate::http::error::ApiResult;
use axum::Json;
use jingbao_api::system::RoleOut;
use jingbao_domain::Role;
use jingbao_domain::permission::role_permissions;
use jingbao_domain::role::ScopeRule;

pub async fn list(_c: Caller) -> ApiResult<Json<Vec<RoleOut>>> {
    Ok(Json(
        Role::ALL
            .iter()
            .map(|r| RoleOut {
                code: r.code().into(),
                name_zh: r.name_zh().into(),
                name_en: r.name_en().into(),
                scope: match r.scope_rule() {
                    ScopeRule::Subtree => "subtree",
                    ScopeRule::Station => "station",
                    ScopeRule::OwnUnits => "own_units",
                    ScopeRule::Department => "department",
                    ScopeRule::SelfOnly => "self",
                }
                .into(),
                admin: r.is_admin(),
                permissions: role_permissions(*r)
                    .iter()
                    .map(|p| p.code().to_string())
                    .collect(),
            })
            .collect(),
    ))
}
