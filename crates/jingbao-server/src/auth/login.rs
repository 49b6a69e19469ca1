//! `POST /api/auth/login`, `POST /api/auth/token`, `POST /api/auth/logout`: password check,
//! lockout kept on the user row, second factor, session creation, all audited.

use crate::auth::caller::{Caller, kind};
use crate::auth::me::me_of;
use crate::auth::{password, token, totp};
use crate::http::context::RequestContext;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::ApiJson;
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use http::{StatusCode, header};
use jingbao_api::auth::{LoginRequest, LoginResponse, TokenResponse};
use jingbao_domain::Role;
use jingbao_domain::lockout::LockState;
use jingbao_store::entity::{session, user};
use jingbao_store::repo::{common, sessions, users};
use jingbao_store::{Actor, AuditEntry, AuditResult, scope};
use uuid::Uuid;

struct Authenticated {
    user: user::Model,
    roles: Vec<Role>,
}

fn anon_actor(ctx: &RequestContext, username: &str, user_id: Option<Uuid>) -> Actor {
    Actor {
        user_id,
        username: username.chars().take(64).collect(),
        role: String::new(),
        ip: ctx.ip.to_string(),
        request_id: ctx.request_id.clone(),
    }
}

async fn refuse(
    st: &AppState,
    ctx: &RequestContext,
    u: Option<&user::Model>,
    name: &str,
    reason: &str,
    err: ApiError,
) -> ApiError {
    let entry = AuditEntry::new(
        st.now(),
        &anon_actor(ctx, name, u.map(|u| u.id)),
        "auth.login",
        "user",
    )
    .object(u.map(|u| u.id.to_string()).unwrap_or_default())
    .result(AuditResult::Failed)
    .detail(serde_json::json!({ "reason": reason }));
    match st.store.audit_only(entry).await {
        Ok(_) => err,
        Err(e) => e.into(),
    }
}

/// Counts a failure against the account (locking it at the fifth) and answers.
async fn count_failure(
    st: &AppState,
    ctx: &RequestContext,
    u: &user::Model,
    reason: &str,
    err: ApiError,
) -> ApiError {
    let now = st.now();
    let state = LockState {
        failed_count: u.failed_count,
        window_started_at: u.window_started_at,
        locked_until: u.locked_until,
    };
    let next = state.after_failure(now);
    let locked_now = next.is_locked(now);
    let mut m = u.clone();
    m.failed_count = next.failed_count;
    m.window_started_at = next.window_started_at;
    m.locked_until = next.locked_until;
    let entry = AuditEntry::new(
        now,
        &anon_actor(ctx, &u.username, Some(u.id)),
        "auth.login",
        "user",
    )
    .object(u.id)
    .result(AuditResult::Failed)
    .detail(serde_json::json!({ "reason": reason, "locked": locked_now }));
    let res = async {
        let tx = st.store.write().await?;
        common::update::<user::Entity, _>(tx.conn(), m).await?;
        tx.commit(entry).await
    }
    .await;
    match res {
        Err(e) => e.into(),
        Ok(_) if locked_now => ApiError::account_locked(),
        Ok(_) => err,
    }
}

async fn authenticate(
    st: &AppState,
    ctx: &RequestContext,
    req: &LoginRequest,
) -> ApiResult<Authenticated> {
    if req.username.is_empty() || req.username.chars().count() > 64 || req.password.len() > 256 {
        return Err(ApiError::invalid_credentials());
    }
    let now = st.now();
    let Some(u) = users::by_username(st.store.db(), &req.username).await? else {
        password::verify(
            password::dummy_hash(st.config.hash_profile).to_string(),
            req.password.clone(),
        )
        .await;
        return Err(refuse(
            st,
            ctx,
            None,
            &req.username,
            "unknown_user",
            ApiError::invalid_credentials(),
        )
        .await);
    };
    if u.locked_until.is_some_and(|t| t > now) {
        return Err(refuse(
            st,
            ctx,
            Some(&u),
            &u.username,
            "locked",
            ApiError::account_locked(),
        )
        .await);
    }
    if !password::verify(u.password_hash.clone(), req.password.clone()).await {
        return Err(count_failure(
            st,
            ctx,
            &u,
            "wrong_password",
            ApiError::invalid_credentials(),
        )
        .await);
    }
    if u.disabled {
        return Err(refuse(
            st,
            ctx,
            Some(&u),
            &u.username,
            "disabled",
            ApiError::invalid_credentials(),
        )
        .await);
    }
    if u.totp_enabled {
        let secret = u
            .totp_secret_enc
            .as_deref()
            .and_then(|s| st.store.cipher().decrypt(s).ok());
        match (req.totp.as_deref().filter(|c| !c.is_empty()), secret) {
            (None, _) => {
                return Err(refuse(
                    st,
                    ctx,
                    Some(&u),
                    &u.username,
                    "totp_missing",
                    ApiError::totp_required(),
                )
                .await);
            }
            (Some(code), Some(secret)) if totp::check(&secret, &u.username, code, now) => {}
            _ => {
                return Err(
                    count_failure(st, ctx, &u, "wrong_totp", ApiError::invalid_totp()).await,
                );
            }
        }
    }
    let roles = scope::roles_of(&u);
    Ok(Authenticated { user: u, roles })
}

/// Creates the session row, resets the lockout, records the login.
async fn open_session(
    st: &AppState,
    ctx: &RequestContext,
    a: &Authenticated,
    kind: &str,
) -> ApiResult<(String, session::Model)> {
    let now = st.now();
    let cfg = &st.config;
    let (ttl, idle) = match kind {
        kind::CONSOLE => (Duration::hours(12), Some(cfg.console_idle.as_secs() as i64)),
        kind::GUARD => (
            Duration::from_std(cfg.guard_ttl).unwrap_or(Duration::hours(24)),
            None,
        ),
        kind::DISPLAY => (
            Duration::from_std(cfg.display_ttl).unwrap_or(Duration::days(30)),
            None,
        ),
        _ => (
            Duration::from_std(cfg.api_ttl).unwrap_or(Duration::hours(24)),
            None,
        ),
    };
    let tok = token::new_token();
    let s = session::Model {
        id: Uuid::now_v7(),
        token_hash: token::token_hash(&tok),
        user_id: a.user.id,
        kind: kind.to_string(),
        csrf_token: token::new_token(),
        created_at: now,
        last_seen_at: now,
        expires_at: now + ttl,
        idle_timeout_secs: idle,
        ip: ctx.ip.to_string(),
        user_agent: ctx.user_agent.clone(),
        revoked_at: None,
    };
    let mut u = a.user.clone();
    let reset = LockState::after_success();
    u.failed_count = reset.failed_count;
    u.window_started_at = reset.window_started_at;
    u.locked_until = reset.locked_until;
    u.last_login_at = Some(now);
    let actor = Actor {
        user_id: Some(u.id),
        username: u.username.clone(),
        role: a
            .roles
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(","),
        ip: ctx.ip.to_string(),
        request_id: ctx.request_id.clone(),
    };
    let entry = AuditEntry::new(now, &actor, "auth.login", "session")
        .object(s.id)
        .detail(serde_json::json!({ "kind": kind }));
    let tx = st.store.write().await?;
    common::insert::<session::Entity, _>(tx.conn(), s.clone()).await?;
    common::update::<user::Entity, _>(tx.conn(), u).await?;
    tx.commit(entry).await?;
    Ok((tok, s))
}

fn caller_of(
    a: Authenticated,
    s: session::Model,
    ctx: RequestContext,
    scope: jingbao_domain::DataScope,
    via_cookie: bool,
) -> Caller {
    Caller {
        user: a.user,
        roles: a.roles,
        scope,
        session: s,
        via_cookie,
        ctx,
    }
}

pub async fn login(
    State(st): State<AppState>,
    ctx: RequestContext,
    ApiJson(req): ApiJson<LoginRequest>,
) -> ApiResult<Response> {
    let display = match req.mode.as_deref() {
        None | Some("") | Some("console") => false,
        Some("display") => true,
        Some(_) => {
            return Err(ApiError::invalid_field(
                "mode",
                "invalid",
                "mode is display or absent",
            ));
        }
    };
    let a = authenticate(&st, &ctx, &req).await?;
    let kind = if display {
        let allowed_role = a
            .roles
            .iter()
            .any(|r| matches!(r, Role::CommandOfficer | Role::DistrictOffice));
        let allowed_ip = st
            .config
            .display_ip_ranges
            .iter()
            .any(|n| n.contains(&ctx.ip));
        if !allowed_role || !allowed_ip {
            return Err(refuse(
                &st,
                &ctx,
                Some(&a.user),
                &a.user.username,
                "display_not_allowed",
                ApiError::forbidden(),
            )
            .await);
        }
        kind::DISPLAY
    } else if a.roles == [Role::Guard] {
        kind::GUARD
    } else {
        kind::CONSOLE
    };
    let (tok, s) = open_session(&st, &ctx, &a, kind).await?;
    let max_age = (kind != kind::CONSOLE).then(|| (s.expires_at - s.created_at).num_seconds());
    let cookie = token::set_cookie(&tok, st.config.secure_cookies, max_age);
    let scope = scope::resolve(st.store.db(), &a.user).await?;
    let csrf = s.csrf_token.clone();
    let caller = caller_of(a, s, ctx, scope, true);
    let user = me_of(&st, &caller).await?;
    Ok((
        [(header::SET_COOKIE, cookie)],
        axum::Json(LoginResponse {
            user,
            csrf_token: csrf,
        }),
    )
        .into_response())
}

pub async fn token_login(
    State(st): State<AppState>,
    ctx: RequestContext,
    ApiJson(req): ApiJson<LoginRequest>,
) -> ApiResult<axum::Json<TokenResponse>> {
    if req.mode.is_some() {
        return Err(ApiError::invalid_field(
            "mode",
            "invalid",
            "tokens have no mode",
        ));
    }
    let a = authenticate(&st, &ctx, &req).await?;
    let (tok, s) = open_session(&st, &ctx, &a, kind::API).await?;
    let expires_at: DateTime<Utc> = s.expires_at;
    let scope = scope::resolve(st.store.db(), &a.user).await?;
    let caller = caller_of(a, s, ctx, scope, false);
    let user = me_of(&st, &caller).await?;
    Ok(axum::Json(TokenResponse {
        token: tok,
        expires_at,
        user,
    }))
}

pub async fn logout(State(st): State<AppState>, caller: Caller) -> ApiResult<Response> {
    let now = st.now();
    let entry =
        AuditEntry::new(now, &caller.actor(), "auth.logout", "session").object(caller.session.id);
    let tx = st.store.write().await?;
    sessions::revoke(tx.conn(), caller.session.id, now).await?;
    tx.commit(entry).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            token::clear_cookie(st.config.secure_cookies),
        )],
    )
        .into_response())
}
