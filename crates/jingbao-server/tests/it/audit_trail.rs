//! Every state change, sign-in, refusal, export and unmasked view leaves exactly one audit
//! record in the chain, and the chain stays intact.

use crate::support::{Auth, TestApp};
use http::StatusCode;
use jingbao_store::{VerifyOutcome, audit, both_backends};
use serde_json::json;

async fn count(t: &TestApp, action: &str) -> u64 {
    let aud = t.token("auditor").await;
    t.get(&format!("/api/audit?action={action}&page_size=200"), &aud)
        .await
        .json()["total"]
        .as_u64()
        .expect("total")
}

both_backends!(actions_leave_one_record_each, |store| {
    let t = TestApp::new(store).await;
    let officer = t.login("officer_a").await;
    let bad = t
        .post(
            "/api/auth/login",
            &Auth::None,
            json!({"username": "officer_a", "password": "nope-nope-nope"}),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    let g = t.fx.stations[0].units[0].guard;
    assert_eq!(
        t.patch(
            &format!("/api/guards/{g}"),
            &officer,
            json!({"name": "新名字"})
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        t.get(&format!("/api/guards/{g}?unmask=true"), &officer)
            .await
            .json()["masked"],
        false
    );
    assert_eq!(
        t.get("/api/guards/export.xlsx", &officer).await.status,
        StatusCode::OK
    );
    // Reading lists writes nothing.
    t.get("/api/guards", &officer).await;
    assert_eq!(count(&t, "guard.update").await, 1);
    assert_eq!(count(&t, "guard.view_unmasked").await, 1);
    assert_eq!(count(&t, "export").await, 1);
    let aud = t.token("auditor").await;
    let fails = t
        .get("/api/audit?action=auth.login&result=failed", &aud)
        .await
        .json();
    assert_eq!(fails["total"], 1);
    assert_eq!(fails["items"][0]["username"], "officer_a");
    assert_eq!(fails["items"][0]["detail"]["reason"], "wrong_password");
    let upd = t.get("/api/audit?action=guard.update", &aud).await.json();
    assert_eq!(upd["items"][0]["object_id"], g.to_string());
    assert_eq!(upd["items"][0]["ip"], "127.0.0.1");
    assert!(
        !upd["items"][0]["request_id"]
            .as_str()
            .expect("rid")
            .is_empty()
    );
    assert!(matches!(
        audit::verify(t.store.db()).await.expect("verify"),
        VerifyOutcome::Intact { .. }
    ));
});

both_backends!(refused_writes_change_nothing, |store| {
    let t = TestApp::new(store).await;
    let officer = t.login("officer_a").await;
    let g = t.fx.stations[0].units[0].guard;
    let before = t.get(&format!("/api/guards/{g}"), &officer).await.json();
    let r = t
        .patch(
            &format!("/api/guards/{g}"),
            &officer,
            json!({"name": "改", "phone": "bad"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        t.get(&format!("/api/guards/{g}"), &officer).await.json()["name"],
        before["name"]
    );
    assert_eq!(count(&t, "guard.update").await, 0);
});
