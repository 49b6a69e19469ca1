//! `/api/users`: accounts and roles. Admin roles are mutually exclusive (三权分立), nobody
//! changes their own roles, passwords follow the policy.

use crate::auth::caller::Caller;
use crate::auth::me::policy_error;
use crate::auth::password;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::office::xlsx::{Cell, EXPORT_CAP, Sheet};
use crate::resources::common::{Check, list_response, unknown_reference};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use http::StatusCode;
use jingbao_api::ListResponse;
use jingbao_api::people::{UserCreate, UserOut, UserPatch};
use jingbao_domain::role::validate_roles;
use jingbao_domain::{Permission, Role, password_policy};
use jingbao_store::AuditEntry;
use jingbao_store::entity::user;
use jingbao_store::repo::{common, guards, org_units, sessions, users};
use uuid::Uuid;

const FILTERS: &[&str] = &["role"];

pub fn out(u: user::Model) -> UserOut {
    out_named(u, None)
}

/// Wire forms with org unit names looked up in one query.
async fn outs(st: &AppState, rows: Vec<user::Model>) -> ApiResult<Vec<UserOut>> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let ids: Vec<Uuid> = rows.iter().filter_map(|u| u.org_unit_id).collect();
    let names: std::collections::HashMap<Uuid, String> =
        jingbao_store::entity::org_unit::Entity::find()
            .filter(jingbao_store::entity::org_unit::Column::Id.is_in(ids))
            .all(st.store.db())
            .await
            .map_err(jingbao_store::StoreError::from)?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
    Ok(rows
        .into_iter()
        .map(|u| {
            let n = u.org_unit_id.and_then(|o| names.get(&o).cloned());
            out_named(u, n)
        })
        .collect())
}

/// The wire form; `org_name` is the name of the account's org unit when known.
pub fn out_named(u: user::Model, org_name: Option<String>) -> UserOut {
    UserOut {
        roles: u
            .roles
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        id: u.id,
        username: u.username,
        display_name: u.display_name,
        org_unit_id: u.org_unit_id,
        org_unit_name: org_name,
        department_id: u.department_id,
        guard_id: u.guard_id,
        disabled: u.disabled,
        must_change_password: u.must_change_password,
        totp_enabled: u.totp_enabled,
        locked_until: u.locked_until,
        last_login_at: u.last_login_at,
        created_at: u.created_at,
    }
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<UserOut>>> {
    c.require(&st, Permission::UserRead).await?;
    let lq = q.list(FILTERS)?;
    let page = users::list(st.store.db(), &c.scope, &lq).await?;
    let items = outs(&st, page.items).await?;
    Ok(list_response(
        jingbao_store::Page {
            items,
            total: page.total,
        },
        &lq,
    ))
}

pub async fn get(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<UserOut>> {
    c.require(&st, Permission::UserRead).await?;
    let u = users::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(outs(&st, vec![u]).await?.remove(0)))
}

fn parse_roles(ck: &mut Check, codes: &[String]) -> Vec<Role> {
    let mut roles = Vec::new();
    for code in codes {
        match Role::parse(code) {
            Some(r) if !roles.contains(&r) => roles.push(r),
            Some(_) => {}
            None => ck.fail("roles", "invalid", format!("unknown role {code}")),
        }
    }
    if let Err(e) = validate_roles(&roles) {
        ck.fail("roles", "role_conflict", e.to_string());
    }
    roles
}

fn join_roles(roles: &[Role]) -> String {
    roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
}

fn valid_username(s: &str) -> bool {
    (3..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<UserCreate>,
) -> ApiResult<(StatusCode, Json<UserOut>)> {
    c.require(&st, Permission::UserWrite).await?;
    let mut ck = Check::new();
    if !valid_username(&b.username) {
        ck.fail(
            "username",
            "invalid",
            "3–32 letters, digits, '-', '_' or '.'",
        );
    }
    ck.text("display_name", &b.display_name, 50);
    let roles = parse_roles(&mut ck, &b.roles);
    if let Err(p) = password_policy::check(&b.username, &b.password) {
        let e = policy_error("password", p, c.ctx.lang);
        ck.problems.extend(e.details.unwrap_or_default());
    }
    ck.finish()?;
    let db = st.store.db();
    let org = match b.org_unit_id {
        Some(o) => Some(
            org_units::get(db, &c.scope, o)
                .await?
                .ok_or_else(|| unknown_reference("org_unit_id"))?,
        ),
        None => None,
    };
    if let Some(d) = b.department_id {
        org_units::get(db, &c.scope, d)
            .await?
            .filter(|o| o.kind == "department")
            .ok_or_else(|| unknown_reference("department_id"))?;
    }
    if let Some(g) = b.guard_id {
        guards::get(db, &c.scope, g)
            .await?
            .ok_or_else(|| unknown_reference("guard_id"))?;
    }
    if users::by_username(db, &b.username).await?.is_some() {
        return Err(ApiError::conflict("username"));
    }
    let now = st.now();
    let m = user::Model {
        id: Uuid::now_v7(),
        username: b.username.clone(),
        display_name: b.display_name.trim().to_string(),
        password_hash: password::hash(st.config.hash_profile, b.password).await,
        roles: join_roles(&roles),
        org_unit_id: org.as_ref().map(|o| o.id),
        department_id: b.department_id,
        guard_id: b.guard_id,
        scope_path: org
            .map(|o| o.path)
            .unwrap_or_else(|| c.user.scope_path.clone()),
        disabled: false,
        must_change_password: true,
        mfa_required: true,
        totp_secret_enc: None,
        totp_enabled: false,
        failed_count: 0,
        window_started_at: None,
        locked_until: None,
        last_login_at: None,
        created_at: now,
        updated_at: now,
    };
    let tx = st.store.write().await?;
    common::insert::<user::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "user.create", "user")
            .object(m.id)
            .detail(serde_json::json!({"username": m.username, "roles": m.roles})),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(outs(&st, vec![m]).await?.remove(0)),
    ))
}

pub async fn patch(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    ApiJson(b): ApiJson<UserPatch>,
) -> ApiResult<Json<UserOut>> {
    c.require(&st, Permission::UserWrite).await?;
    let db = st.store.db();
    let mut m = users::get(db, &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut ck = Check::new();
    let mut revoke = false;
    if let Some(v) = &b.display_name {
        ck.text("display_name", v, 50);
        m.display_name = v.trim().to_string();
    }
    if let Some(codes) = &b.roles {
        if id == c.user.id {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "self_grant",
                "不能修改自己的角色",
                "You cannot change your own roles",
            ));
        }
        let roles = parse_roles(&mut ck, codes);
        m.roles = join_roles(&roles);
        revoke = true;
    }
    if let Some(p) = &b.password
        && let Err(pp) = password_policy::check(&m.username, p)
    {
        ck.problems.extend(
            policy_error("password", pp, c.ctx.lang)
                .details
                .unwrap_or_default(),
        );
    }
    ck.finish()?;
    if let Some(o) = b.org_unit_id {
        let org = org_units::get(db, &c.scope, o)
            .await?
            .ok_or_else(|| unknown_reference("org_unit_id"))?;
        m.org_unit_id = Some(org.id);
        m.scope_path = org.path;
        revoke = true;
    }
    if let Some(d) = b.disabled {
        if d && id == c.user.id {
            return Err(ApiError::invalid_field(
                "disabled",
                "self_disable",
                "you cannot disable yourself",
            ));
        }
        m.disabled = d;
        revoke |= d;
    }
    if let Some(p) = b.password {
        m.password_hash = password::hash(st.config.hash_profile, p).await;
        m.must_change_password = true;
        revoke = true;
    }
    if b.locked == Some(false) {
        m.locked_until = None;
        m.failed_count = 0;
        m.window_started_at = None;
    }
    let now = st.now();
    m.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<user::Entity, _>(tx.conn(), m.clone()).await?;
    if revoke {
        sessions::revoke_all_of(tx.conn(), id, None, now).await?;
    }
    tx.commit(AuditEntry::new(now, &c.actor(), "user.update", "user").object(id).detail(serde_json::json!({
        "roles": b.roles, "disabled": b.disabled, "password_reset": m.must_change_password && revoke, "unlocked": b.locked == Some(false)
    }))).await?;
    Ok(Json(outs(&st, vec![m]).await?.remove(0)))
}

pub async fn export(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Response> {
    c.require(&st, Permission::UserRead).await?;
    let lq = q.list(FILTERS)?.all_rows(EXPORT_CAP);
    let page = users::list(st.store.db(), &c.scope, &lq).await?;
    let mut sheet = Sheet::new(
        "用户",
        &["用户名", "姓名", "角色", "停用", "双因素", "最近登录"],
    );
    for u in &page.items {
        sheet.row(vec![
            Cell::text(&u.username),
            Cell::text(&u.display_name),
            Cell::text(&u.roles),
            Cell::text(if u.disabled { "是" } else { "否" }),
            Cell::text(if u.totp_enabled {
                "已启用"
            } else {
                "未启用"
            }),
            Cell::text(u.last_login_at.map(|t| t.to_rfc3339()).unwrap_or_default()),
        ]);
    }
    crate::office::export::respond(&st, &c, "users", sheet, page.items.len()).await
}

pub async fn history(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<Vec<jingbao_api::system::AuditRecordOut>>> {
    users::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    crate::resources::history::of(&st, id).await
}
