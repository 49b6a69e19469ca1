//! `GET /api/me`, password change, second-factor setup.

use crate::auth::caller::{Caller, must_enroll_totp};
use crate::auth::{password, totp};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use http::StatusCode;
use jingbao_api::auth::{ChangePasswordRequest, Me, TotpEnableRequest, TotpSetupResponse};
use jingbao_domain::password_policy;
use jingbao_store::AuditEntry;
use jingbao_store::entity::user;
use jingbao_store::repo::{common, org_units, sessions};

pub async fn me_of(st: &AppState, c: &Caller) -> ApiResult<Me> {
    let org_name = match c.user.org_unit_id {
        Some(id) => org_units::by_id(st.store.db(), id).await?.map(|o| o.name),
        None => None,
    };
    Ok(Me {
        id: c.user.id,
        username: c.user.username.clone(),
        display_name: c.user.display_name.clone(),
        roles: c.roles.iter().map(|r| r.code().to_string()).collect(),
        org_unit_id: c.user.org_unit_id,
        org_unit_name: org_name,
        department_id: c.user.department_id,
        guard_id: c.user.guard_id,
        must_change_password: c.user.must_change_password,
        must_enroll_totp: must_enroll_totp(st, &c.user, &c.roles),
        session_kind: c.session.kind.clone(),
        permissions: c.permission_codes(),
        csrf_token: c.via_cookie.then(|| c.session.csrf_token.clone()),
    })
}

pub async fn get_me(State(st): State<AppState>, c: Caller) -> ApiResult<Json<Me>> {
    Ok(Json(me_of(&st, &c).await?))
}

/// A policy failure as a 422 on `field`, in both languages.
pub fn policy_error(
    field: &str,
    p: password_policy::PasswordProblem,
    lang: crate::http::lang::Lang,
) -> ApiError {
    ApiError::invalid_field(field, p.code(), lang.pick(p.message_zh(), p.message_en()))
}

pub async fn change_password(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(req): ApiJson<ChangePasswordRequest>,
) -> ApiResult<StatusCode> {
    if req.new_password.len() > 512
        || !password::verify(c.user.password_hash.clone(), req.old_password.clone()).await
    {
        return Err(ApiError::invalid_field(
            "old_password",
            "wrong_password",
            c.ctx
                .lang
                .pick("原密码错误", "The current password is wrong"),
        ));
    }
    password_policy::check(&c.user.username, &req.new_password)
        .map_err(|p| policy_error("new_password", p, c.ctx.lang))?;
    if req.new_password == req.old_password {
        return Err(ApiError::invalid_field(
            "new_password",
            "password_unchanged",
            c.ctx
                .lang
                .pick("新密码不能与原密码相同", "The new password must differ"),
        ));
    }
    let now = st.now();
    let mut u = c.user.clone();
    u.password_hash = password::hash(st.config.hash_profile, req.new_password).await;
    u.must_change_password = false;
    u.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<user::Entity, _>(tx.conn(), u).await?;
    let others = sessions::revoke_all_of(tx.conn(), c.user.id, Some(c.session.id), now).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "user.password_change", "user")
            .object(c.user.id)
            .detail(serde_json::json!({ "other_sessions_revoked": others })),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn totp_setup(
    State(st): State<AppState>,
    c: Caller,
) -> ApiResult<Json<TotpSetupResponse>> {
    if c.user.totp_enabled {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "totp_already_enabled",
            "动态验证码已启用",
            "One-time codes are already enabled",
        ));
    }
    let secret = totp::new_secret();
    let url = totp::otpauth_url(&secret, &c.user.username).ok_or_else(ApiError::internal)?;
    let now = st.now();
    let mut u = c.user.clone();
    u.totp_secret_enc = Some(st.store.cipher().encrypt(&secret));
    u.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<user::Entity, _>(tx.conn(), u).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "user.totp_setup", "user").object(c.user.id))
        .await?;
    Ok(Json(TotpSetupResponse {
        secret,
        otpauth_url: url,
    }))
}

pub async fn totp_enable(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(req): ApiJson<TotpEnableRequest>,
) -> ApiResult<StatusCode> {
    let now = st.now();
    let secret = c
        .user
        .totp_secret_enc
        .as_deref()
        .and_then(|s| st.store.cipher().decrypt(s).ok());
    let Some(secret) = secret else {
        return Err(ApiError::invalid_field(
            "code",
            "setup_first",
            c.ctx.lang.pick("请先获取密钥", "Call setup first"),
        ));
    };
    if !totp::check(&secret, &c.user.username, &req.code, now) {
        return Err(ApiError::invalid_totp());
    }
    let mut u = c.user.clone();
    u.totp_enabled = true;
    u.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<user::Entity, _>(tx.conn(), u).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "user.totp_enable", "user").object(c.user.id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
