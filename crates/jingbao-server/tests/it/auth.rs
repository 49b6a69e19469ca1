//! Sign-in, lockout, sessions (idle timeout, revocation, kinds), CSRF, second factor, password
//! change and the wall-screen session.

use crate::support::{Auth, TestApp};
use chrono::Duration;
use http::{Method, StatusCode};
use jingbao_server::auth::totp;
use jingbao_server::seed::fixture::PASSWORD;
use jingbao_store::both_backends;
use serde_json::json;

both_backends!(login_me_logout, |store| {
    let t = TestApp::new(store).await;
    let a = t.login("officer_a").await;
    let me = t.get("/api/me", &a).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["roles"], json!(["command_officer"]));
    assert_eq!(me.json()["session_kind"], "console");
    assert!(
        me.json()["permissions"]
            .as_array()
            .expect("perms")
            .iter()
            .any(|p| p == "guard.unmask")
    );
    let g = t.login("guard_a1").await;
    let gme = t.get("/api/me", &g).await.json();
    assert_eq!(gme["session_kind"], "guard");
    assert_eq!(gme["guard_id"], json!(t.fx.stations[0].units[0].guard));
    assert_eq!(
        t.post("/api/auth/logout", &a, json!({})).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(t.get("/api/me", &a).await.code(), "unauthenticated");
    assert_eq!(
        t.get("/api/me", &Auth::None).await.status,
        StatusCode::UNAUTHORIZED
    );
});

both_backends!(wrong_password_and_lockout, |store| {
    let t = TestApp::new(store).await;
    let bad = json!({"username": "officer_a", "password": "Wrong-Pass-2026!"});
    let r = t.post("/api/auth/login", &Auth::None, bad.clone()).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_credentials")
    );
    assert_eq!(r.json()["message"], "用户名或密码错误");
    let unknown = t
        .post(
            "/api/auth/login",
            &Auth::None,
            json!({"username": "nobody", "password": "x"}),
        )
        .await;
    assert_eq!(unknown.code(), "invalid_credentials");
    for _ in 0..3 {
        assert_eq!(
            t.post("/api/auth/login", &Auth::None, bad.clone())
                .await
                .code(),
            "invalid_credentials"
        );
    }
    let fifth = t.post("/api/auth/login", &Auth::None, bad.clone()).await;
    assert_eq!(
        (fifth.status, fifth.code().as_str()),
        (StatusCode::LOCKED, "account_locked")
    );
    let good = json!({"username": "officer_a", "password": PASSWORD});
    assert_eq!(
        t.post("/api/auth/login", &Auth::None, good.clone())
            .await
            .code(),
        "account_locked"
    );
    t.clock.advance(Duration::minutes(29));
    assert_eq!(
        t.post("/api/auth/login", &Auth::None, good.clone())
            .await
            .code(),
        "account_locked"
    );
    t.clock.advance(Duration::minutes(2));
    assert_eq!(
        t.post("/api/auth/login", &Auth::None, good).await.status,
        StatusCode::OK
    );
    // Other accounts were never affected.
    t.login("officer_b").await;
});

both_backends!(failures_spread_out_do_not_lock, |store| {
    let t = TestApp::new(store).await;
    let bad = json!({"username": "officer_a", "password": "Wrong-Pass-2026!"});
    for _ in 0..8 {
        assert_eq!(
            t.post("/api/auth/login", &Auth::None, bad.clone())
                .await
                .code(),
            "invalid_credentials"
        );
        t.clock.advance(Duration::minutes(4));
    }
    t.login("officer_a").await;
});

both_backends!(console_idle_timeout_and_guard_shift_session, |store| {
    let t = TestApp::new(store).await;
    let a = t.login("officer_a").await;
    let g = t.login("guard_a1").await;
    t.clock.advance(Duration::minutes(14));
    assert_eq!(
        t.get("/api/me", &a).await.status,
        StatusCode::OK,
        "activity resets the idle clock"
    );
    t.clock.advance(Duration::minutes(14));
    assert_eq!(t.get("/api/me", &a).await.status, StatusCode::OK);
    t.clock.advance(Duration::minutes(16));
    assert_eq!(
        t.get("/api/me", &a).await.code(),
        "unauthenticated",
        "15 idle minutes end a console session"
    );
    assert_eq!(
        t.get("/api/me", &g).await.status,
        StatusCode::OK,
        "a guard session lasts the shift"
    );
    t.clock.advance(Duration::hours(24));
    assert_eq!(
        t.get("/api/me", &g).await.code(),
        "unauthenticated",
        "…but not beyond 24 h"
    );
});

both_backends!(csrf_is_required_for_cookie_writes_only, |store| {
    let t = TestApp::new(store).await;
    let Auth::Cookie { cookie, .. } = t.login("admin").await else {
        panic!("cookie")
    };
    let body = json!({"display_name": "改名"});
    let path = format!("/api/users/{}", t.uid("officer_b"));
    let none = Auth::Cookie {
        cookie: cookie.clone(),
        csrf: String::new(),
    };
    let r = t.patch(&path, &none, body.clone()).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "csrf_failed")
    );
    let wrong = Auth::Cookie {
        cookie: cookie.clone(),
        csrf: "x".repeat(43),
    };
    assert_eq!(
        t.patch(&path, &wrong, body.clone()).await.code(),
        "csrf_failed"
    );
    assert_eq!(
        t.get(&path, &none).await.status,
        StatusCode::OK,
        "reads need no token"
    );
    let bearer = t.token("admin").await;
    assert_eq!(
        t.patch(&path, &bearer, body).await.status,
        StatusCode::OK,
        "bearer tokens are exempt"
    );
    // A bearer token is not accepted as a cookie, nor a cookie session as a bearer token.
    let Auth::Bearer(tok) = bearer else {
        panic!("bearer")
    };
    let as_cookie = Auth::Cookie {
        cookie: format!("jingbao_session={tok}"),
        csrf: String::new(),
    };
    assert_eq!(
        t.get("/api/me", &as_cookie).await.status,
        StatusCode::UNAUTHORIZED
    );
    let cookie_token = cookie.trim_start_matches("jingbao_session=").to_string();
    assert_eq!(
        t.get("/api/me", &Auth::Bearer(cookie_token)).await.status,
        StatusCode::UNAUTHORIZED
    );
});

both_backends!(sessions_list_and_revoke, |store| {
    let t = TestApp::new(store).await;
    let a1 = t.login("officer_a").await;
    let a2 = t.login("officer_a").await;
    let b = t.login("officer_b").await;
    let mine = t.get("/api/sessions", &a1).await.json();
    assert_eq!(mine["total"], 2);
    let other = mine["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|s| s["current"] == false)
        .expect("other")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let b_sessions = t.get("/api/sessions", &b).await.json();
    let b_id = b_sessions["items"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    assert_eq!(
        t.post(&format!("/api/sessions/{b_id}/revoke"), &a1, json!({}))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "not someone else's"
    );
    assert_eq!(
        t.post(&format!("/api/sessions/{other}/revoke"), &a1, json!({}))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(t.get("/api/me", &a2).await.status, StatusCode::UNAUTHORIZED);
    let sec = t.login("secadmin").await;
    assert!(
        t.get("/api/sessions", &sec).await.json()["total"]
            .as_u64()
            .expect("n")
            >= 3
    );
    assert_eq!(
        t.post(&format!("/api/sessions/{b_id}/revoke"), &sec, json!({}))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(t.get("/api/me", &b).await.status, StatusCode::UNAUTHORIZED);
});

both_backends!(display_session_is_read_only_and_address_bound, |store| {
    let t = TestApp::new(store).await;
    let body = json!({"username": "officer_a", "password": PASSWORD, "mode": "display"});
    let far = t
        .send_from(
            Method::POST,
            "/api/auth/login",
            &Auth::None,
            Some(body.clone()),
            "10.9.9.9:4000",
        )
        .await;
    assert_eq!(far.status, StatusCode::FORBIDDEN);
    let r = t.post("/api/auth/login", &Auth::None, body).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["user"]["session_kind"], "display");
    let cookie = r
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_string();
    let d = Auth::Cookie {
        cookie,
        csrf: r.json()["csrf_token"].as_str().expect("csrf").to_string(),
    };
    t.clock.advance(Duration::hours(6));
    assert_eq!(
        t.get("/api/buildings", &d).await.status,
        StatusCode::OK,
        "no idle timeout"
    );
    let w = t
        .patch(
            &format!("/api/buildings/{}", t.fx.stations[0].units[0].building),
            &d,
            json!({"floors": 3}),
        )
        .await;
    assert_eq!(w.status, StatusCode::FORBIDDEN);
    let moved = t
        .send_from(Method::GET, "/api/buildings", &d, None, "10.9.9.9:4000")
        .await;
    assert_eq!(moved.status, StatusCode::UNAUTHORIZED);
    let guard = json!({"username": "guard_a1", "password": PASSWORD, "mode": "display"});
    assert_eq!(
        t.post("/api/auth/login", &Auth::None, guard).await.status,
        StatusCode::FORBIDDEN
    );
});

both_backends!(password_change_policy_and_forced_change, |store| {
    let t = TestApp::new(store).await;
    let admin = t.login("admin").await;
    let weak = t.post("/api/users", &admin, json!({"username": "newbie", "display_name": "新人", "password": "short", "roles": ["command_officer"]})).await;
    assert_eq!(weak.code(), "validation_failed");
    assert_eq!(weak.json()["details"][0]["code"], "password_too_short");
    let r = t.post("/api/users", &admin, json!({"username": "newbie", "display_name": "新人", "password": "Initial-Pass-77", "roles": ["command_officer"], "org_unit_id": t.fx.stations[0].room})).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    let login = t
        .post(
            "/api/auth/login",
            &Auth::None,
            json!({"username": "newbie", "password": "Initial-Pass-77"}),
        )
        .await;
    assert_eq!(login.json()["user"]["must_change_password"], true);
    let cookie = login
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("c")
        .split(';')
        .next()
        .expect("p")
        .to_string();
    let n = Auth::Cookie {
        cookie,
        csrf: login.json()["csrf_token"].as_str().expect("csrf").into(),
    };
    assert_eq!(
        t.get("/api/guards", &n).await.code(),
        "password_change_required"
    );
    let contains = t
        .post(
            "/api/me/password",
            &n,
            json!({"old_password": "Initial-Pass-77", "new_password": "xxNEWBIExx-2026"}),
        )
        .await;
    assert_eq!(
        contains.json()["details"][0]["code"],
        "password_contains_username"
    );
    let wrong_old = t
        .post(
            "/api/me/password",
            &n,
            json!({"old_password": "nope", "new_password": "Better-Pass-2026"}),
        )
        .await;
    assert_eq!(wrong_old.json()["details"][0]["code"], "wrong_password");
    assert_eq!(
        t.post(
            "/api/me/password",
            &n,
            json!({"old_password": "Initial-Pass-77", "new_password": "Better-Pass-2026"})
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(t.get("/api/guards", &n).await.status, StatusCode::OK);
    let again = t
        .post(
            "/api/auth/login",
            &Auth::None,
            json!({"username": "newbie", "password": "Better-Pass-2026"}),
        )
        .await;
    assert_eq!(again.status, StatusCode::OK);
});

both_backends!(admin_second_factor, |store| {
    let t = TestApp::new(store).await;
    let admin = t.login("admin").await;
    let r = t.post("/api/users", &admin, json!({"username": "auditor2", "display_name": "审计二", "password": "Audit-Pass-2026", "roles": ["audit_admin"]})).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let uid = r.json()["id"].as_str().expect("id").to_string();
    // First sign-in: change password, then enrol a second factor before anything else.
    let l = t
        .post(
            "/api/auth/login",
            &Auth::None,
            json!({"username": "auditor2", "password": "Audit-Pass-2026"}),
        )
        .await;
    let cookie = l
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("c")
        .split(';')
        .next()
        .expect("p")
        .to_string();
    let s = Auth::Cookie {
        cookie,
        csrf: l.json()["csrf_token"].as_str().expect("csrf").into(),
    };
    assert_eq!(
        t.post(
            "/api/me/password",
            &s,
            json!({"old_password": "Audit-Pass-2026", "new_password": "Audit-Pass-2027!"})
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        t.get("/api/audit", &s).await.code(),
        "totp_enrollment_required"
    );
    let setup = t.post("/api/me/totp/setup", &s, json!({})).await.json();
    let secret = setup["secret"].as_str().expect("secret").to_string();
    assert!(
        setup["otpauth_url"]
            .as_str()
            .expect("url")
            .starts_with("otpauth://totp/")
    );
    assert_eq!(
        t.post("/api/me/totp/enable", &s, json!({"code": "000000"}))
            .await
            .code(),
        "invalid_totp"
    );
    let code = totp::code_at(&secret, "auditor2", t.clock_now()).expect("code");
    assert_eq!(
        t.post("/api/me/totp/enable", &s, json!({"code": code}))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(t.get("/api/audit", &s).await.status, StatusCode::OK);
    // From now on the code is required at sign-in.
    let body = json!({"username": "auditor2", "password": "Audit-Pass-2027!"});
    assert_eq!(
        t.post("/api/auth/login", &Auth::None, body.clone())
            .await
            .code(),
        "totp_required"
    );
    let mut with_wrong = body.clone();
    with_wrong["totp"] = json!("123456");
    assert_eq!(
        t.post("/api/auth/login", &Auth::None, with_wrong)
            .await
            .code(),
        "invalid_totp"
    );
    let mut with_code = body;
    with_code["totp"] = json!(totp::code_at(&secret, "auditor2", t.clock_now()).expect("code"));
    assert_eq!(
        t.post("/api/auth/login", &Auth::None, with_code)
            .await
            .status,
        StatusCode::OK
    );
    assert!(!uid.is_empty());
});

both_backends!(admin_roles_are_separated, |store| {
    let t = TestApp::new(store).await;
    let admin = t.login("admin").await;
    let two = t.post("/api/users", &admin, json!({"username": "superuser", "display_name": "超管", "password": "Super-Pass-2026", "roles": ["system_admin", "audit_admin"]})).await;
    assert_eq!(two.json()["details"][0]["code"], "role_conflict");
    let self_grant = t
        .patch(
            &format!("/api/users/{}", t.uid("admin")),
            &admin,
            json!({"roles": ["system_admin", "command_officer"]}),
        )
        .await;
    assert_eq!(self_grant.code(), "self_grant");
    let sec = t.login("secadmin").await;
    let r = t
        .patch(
            &format!("/api/users/{}", t.uid("secadmin")),
            &sec,
            json!({"roles": ["system_admin"]}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "the security admin cannot grant roles at all"
    );
});

both_backends!(language_follows_accept_language, |store| {
    let t = TestApp::new(store).await;
    let req = http::Request::builder()
        .method("POST")
        .uri("/api/auth/login")
        .header("content-type", "application/json")
        .header("accept-language", "en-US,en;q=0.9")
        .body(axum::body::Body::from(
            json!({"username": "x", "password": "y"}).to_string(),
        ))
        .expect("req");
    let r = t.raw(req).await;
    assert_eq!(r.json()["message"], "Wrong username or password");
    assert!(!r.json()["request_id"].as_str().expect("rid").is_empty());
    assert_eq!(
        r.headers.get("x-request-id").and_then(|v| v.to_str().ok()),
        r.json()["request_id"].as_str()
    );
});

both_backends!(security_headers_everywhere, |store| {
    let t = TestApp::new(store).await;
    for path in ["/api/health", "/", "/m/", "/api/nope"] {
        let r = t.get(path, &Auth::None).await;
        for h in [
            "content-security-policy",
            "x-content-type-options",
            "x-frame-options",
            "referrer-policy",
        ] {
            assert!(r.headers.contains_key(h), "{path} lacks {h}");
        }
    }
    let r = t
        .post(
            "/api/auth/login",
            &Auth::None,
            json!({"username": "officer_a", "password": PASSWORD}),
        )
        .await;
    let cookie = r
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("cookie");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && !cookie.contains("Secure")
    );
});
