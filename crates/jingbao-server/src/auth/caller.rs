//! `Caller`: the authenticated user of a request. Resolving it checks the session (revoked,
//! expired, idle), the wall-screen address range and read-only rule, CSRF for cookie
//! requests, pending password change or second-factor enrolment, and computes the data scope.

use crate::auth::token;
use crate::http::context::RequestContext;
use crate::http::error::{ApiError, ApiResult};
use crate::routes::RequiredPermission;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use chrono::Duration;
use http::Method;
use http::request::Parts;
use jingbao_domain::permission::{permissions_of, roles_grant};
use jingbao_domain::{DataScope, Permission, Role};
use jingbao_store::entity::{session, user};
use jingbao_store::repo::{sessions, users};
use jingbao_store::{Actor, AuditEntry, AuditResult, scope};

pub const CSRF_HEADER: &str = "x-csrf-token";

#[derive(Debug, Clone)]
pub struct Caller {
    pub user: user::Model,
    pub roles: Vec<Role>,
    pub scope: DataScope,
    pub session: session::Model,
    pub via_cookie: bool,
    pub ctx: RequestContext,
}

/// Session kinds.
pub mod kind {
    pub const CONSOLE: &str = "console";
    pub const GUARD: &str = "guard";
    pub const DISPLAY: &str = "display";
    pub const API: &str = "api";
}

impl Caller {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.user.id),
            username: self.user.username.clone(),
            role: self
                .roles
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(","),
            ip: self.ctx.ip.to_string(),
            request_id: self.ctx.request_id.clone(),
        }
    }

    pub fn has(&self, p: Permission) -> bool {
        roles_grant(&self.roles, p)
    }

    pub fn permission_codes(&self) -> Vec<String> {
        permissions_of(&self.roles)
            .into_iter()
            .map(|p| p.code().to_string())
            .collect()
    }

    /// Fails with 403 (and an audit record of the refusal) unless the caller holds `p`.
    pub async fn require(&self, st: &AppState, p: Permission) -> ApiResult<()> {
        if self.has(p) {
            return Ok(());
        }
        let entry = AuditEntry::new(st.now(), &self.actor(), "authz.denied", "permission")
            .object(p.code())
            .result(AuditResult::Denied);
        st.store.audit_only(entry).await?;
        Err(ApiError::forbidden())
    }
}

fn path_allowed_while_restricted(path: &str) -> bool {
    path == "/api/me" || path.starts_with("/api/me/") || path.starts_with("/api/auth/")
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(c) = parts.extensions.get::<Caller>() {
            return Ok(c.clone());
        }
        let ctx = RequestContext::from_parts(parts);
        let now = st.now();
        // A WebSocket may authenticate with a single-use ticket instead of its token.
        let ticket = (parts.uri.path() == "/api/ws")
            .then(|| {
                parts
                    .uri
                    .query()
                    .unwrap_or("")
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("ticket="))
                    .map(str::to_string)
            })
            .flatten();
        let (hash, via_cookie, via_ticket) = match (token::from_headers(&parts.headers), ticket) {
            (Some((tok, cookie)), _) => (token::token_hash(&tok), cookie, false),
            (None, Some(t)) => (
                st.hub
                    .take_ticket(&t, now)
                    .ok_or_else(ApiError::unauthenticated)?,
                false,
                true,
            ),
            (None, None) => return Err(ApiError::unauthenticated()),
        };
        let db = st.store.db();
        let sess = sessions::by_token_hash(db, &hash)
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        let idle_over = sess
            .idle_timeout_secs
            .is_some_and(|s| now - sess.last_seen_at > Duration::seconds(s));
        if sess.revoked_at.is_some() || sess.expires_at <= now || idle_over {
            return Err(ApiError::unauthenticated());
        }
        // Only session kinds that live in a browser authenticate by cookie; tokens by header.
        if !via_ticket && via_cookie == (sess.kind == kind::API) {
            return Err(ApiError::unauthenticated());
        }
        let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if sess.kind == kind::DISPLAY {
            if !st
                .config
                .display_ip_ranges
                .iter()
                .any(|n| n.contains(&ctx.ip))
            {
                return Err(ApiError::unauthenticated());
            }
            let logout = parts.uri.path() == "/api/auth/logout";
            if !safe && !logout {
                return Err(ApiError::display_read_only());
            }
        }
        if via_cookie && !safe {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !token::ct_eq(sent, &sess.csrf_token) {
                return Err(ApiError::csrf_failed());
            }
        }
        let u = users::by_id(db, sess.user_id)
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        if u.disabled {
            return Err(ApiError::unauthenticated());
        }
        let roles = scope::roles_of(&u);
        if !path_allowed_while_restricted(parts.uri.path()) {
            if u.must_change_password {
                return Err(ApiError::password_change_required());
            }
            if must_enroll_totp(st, &u, &roles) {
                return Err(ApiError::totp_enrollment_required());
            }
        }
        if now - sess.last_seen_at > Duration::seconds(30) {
            let tx = st.store.write().await?;
            sessions::touch(tx.conn(), sess.id, now).await?;
            tx.commit_unaudited().await?;
        }
        let scope = scope::resolve(db, &u).await?;
        let caller = Caller {
            user: u,
            roles,
            scope,
            session: sess,
            via_cookie,
            ctx,
        };
        if let Some(RequiredPermission(p)) = parts.extensions.get::<RequiredPermission>().copied() {
            caller.require(st, p).await?;
        }
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

/// An account that must use a second factor and has not set one up yet.
pub fn must_enroll_totp(st: &AppState, u: &user::Model, roles: &[Role]) -> bool {
    let needs = roles.iter().any(|r| r.requires_totp())
        || (st.config.officer_totp && roles.contains(&Role::CommandOfficer));
    u.mfa_required && needs && !u.totp_enabled
}
