//! Presence alerts under a manual clock: off post after 10 minutes outside the fence, vacant
//! post under minimum staffing, offline after 15 silent minutes — raised once, cleared when
//! the condition ends, acknowledged and resolved by people.

use crate::patrol::start_shift;
use crate::support::TestApp;
use chrono::Duration;
use http::StatusCode;
use jingbao_server::patrol::alerts::evaluate_once;
use jingbao_store::both_backends;
use serde_json::json;
use uuid::Uuid;

fn batch(t: &TestApp, lat: f64, lon: f64) -> serde_json::Value {
    json!({"id": Uuid::now_v7(), "positions": [{"id": Uuid::now_v7(), "lat": lat, "lon": lon, "accuracy": 5.0, "device_time": t.clock_now()}]})
}

async fn alerts(t: &TestApp, q: &str) -> serde_json::Value {
    let officer = t.token("officer_a").await;
    t.get(&format!("/api/alerts?{q}"), &officer).await.json()
}

both_backends!(off_post_raised_and_cleared, |store| {
    let t = TestApp::new(store).await;
    let guard = t.token("guard_a1").await;
    start_shift(&t, &guard).await;
    // The fixture's tower is a 0.0002° square at (121.501, 29.8).
    t.post("/api/positions/batch", &guard, batch(&t, 29.8001, 121.5011))
        .await;
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(alerts(&t, "kind=off_post").await["total"], 0);
    t.clock.advance(Duration::minutes(1));
    t.post("/api/positions/batch", &guard, batch(&t, 29.805, 121.51))
        .await;
    t.clock.advance(Duration::minutes(5));
    t.post("/api/positions/batch", &guard, batch(&t, 29.805, 121.51))
        .await;
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(
        alerts(&t, "kind=off_post").await["total"],
        0,
        "5 minutes outside is not yet off post"
    );
    t.clock.advance(Duration::minutes(5));
    t.post("/api/positions/batch", &guard, batch(&t, 29.805, 121.51))
        .await;
    evaluate_once(&t.state).await.expect("eval");
    evaluate_once(&t.state)
        .await
        .expect("eval twice raises once");
    let raised = alerts(&t, "kind=off_post").await;
    assert_eq!(raised["total"], 1);
    assert_eq!(raised["items"][0]["state"], "raised");
    assert_eq!(raised["items"][0]["guard_name"], "保安a1");
    assert_eq!(
        alerts(&t, "kind=offline").await["total"],
        0,
        "off post is not offline"
    );
    let manager_b = t.token("manager_b1").await;
    assert_eq!(
        t.get("/api/alerts", &manager_b).await.json()["total"],
        0,
        "other stations do not see it"
    );
    t.clock.advance(Duration::minutes(1));
    t.post("/api/positions/batch", &guard, batch(&t, 29.8001, 121.5011))
        .await;
    evaluate_once(&t.state).await.expect("eval");
    let cleared = alerts(&t, "kind=off_post").await;
    assert_eq!(
        (
            cleared["items"][0]["state"].as_str(),
            cleared["items"][0]["auto"].as_bool()
        ),
        (Some("resolved"), Some(true))
    );
});

both_backends!(offline_after_silence_not_off_post, |store| {
    let t = TestApp::new(store).await;
    let guard = t.token("guard_a1").await;
    start_shift(&t, &guard).await;
    t.post("/api/positions/batch", &guard, batch(&t, 29.8001, 121.5011))
        .await;
    t.clock.advance(Duration::minutes(14));
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(alerts(&t, "kind=offline").await["total"], 0);
    let officer = t.token("officer_a").await;
    let live = t.get("/api/positions/live", &officer).await.json();
    let me = live["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["name"] == "保安a1")
        .cloned()
        .expect("listed");
    assert_eq!(
        me["state"], "no_signal",
        "silence is no signal, never off post"
    );
    t.clock.advance(Duration::minutes(2));
    evaluate_once(&t.state).await.expect("eval");
    let off = alerts(&t, "kind=offline").await;
    assert_eq!(off["total"], 1);
    let id = off["items"][0]["id"].as_str().expect("id").to_string();
    let ack = t
        .post(&format!("/api/alerts/{id}/ack"), &officer, json!({}))
        .await;
    assert_eq!(ack.json()["state"], "acknowledged");
    let g = t.token("guard_a2").await;
    assert_eq!(
        t.post(&format!("/api/alerts/{id}/ack"), &g, json!({}))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    t.post(
        "/api/heartbeat",
        &guard,
        json!({"device_time": t.clock_now()}),
    )
    .await;
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(
        alerts(&t, "kind=offline").await["items"][0]["state"],
        "resolved"
    );
    assert_eq!(alerts(&t, "kind=off_post").await["total"], 0);
});

both_backends!(vacant_post_during_manned_hours, |store| {
    use jingbao_store::entity::shift_template;
    let t = TestApp::new(store).await;
    let u = t.fx.stations[0].units[0];
    let tx = t.store.write().await.expect("tx");
    jingbao_store::repo::common::insert::<shift_template::Entity, _>(
        tx.conn(),
        shift_template::Model {
            id: Uuid::now_v7(),
            post_id: u.post,
            name: "全天".into(),
            start_minute: 0,
            end_minute: 0,
            min_staff: 1,
            scope_path: String::new(),
        },
    )
    .await
    .expect("template");
    tx.commit_unaudited().await.expect("commit");
    jingbao_server::patrol::boot::load(&t.state)
        .await
        .expect("reload");
    evaluate_once(&t.state).await.expect("eval");
    t.clock.advance(Duration::minutes(9));
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(
        alerts(&t, "kind=vacant_post").await["total"],
        0,
        "grace period"
    );
    t.clock.advance(Duration::minutes(2));
    evaluate_once(&t.state).await.expect("eval");
    let v = alerts(&t, "kind=vacant_post").await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["post_name"], "大堂岗");
    let officer = t.token("officer_a").await;
    let id = v["items"][0]["id"].as_str().expect("id").to_string();
    let guard = t.token("guard_a1").await;
    start_shift(&t, &guard).await;
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(
        alerts(&t, "kind=vacant_post").await["items"][0]["state"],
        "resolved"
    );
    let again = t
        .post(
            &format!("/api/alerts/{id}/resolve"),
            &officer,
            json!({"note": "已处理"}),
        )
        .await;
    assert_eq!(again.code(), "alert_resolved");
});

both_backends!(
    manual_resolve_is_not_undone_while_the_condition_holds,
    |store| {
        let t = TestApp::new(store).await;
        let guard = t.token("guard_a1").await;
        start_shift(&t, &guard).await;
        t.post("/api/positions/batch", &guard, batch(&t, 29.8001, 121.5011))
            .await;
        t.clock.advance(Duration::minutes(16));
        evaluate_once(&t.state).await.expect("eval");
        let officer = t.token("officer_a").await;
        let id = alerts(&t, "kind=offline").await["items"][0]["id"]
            .as_str()
            .expect("id")
            .to_string();
        let r = t
            .post(
                &format!("/api/alerts/{id}/resolve"),
                &officer,
                json!({"note": "已电话联系"}),
            )
            .await;
        assert_eq!(r.json()["state"], "resolved");
        evaluate_once(&t.state).await.expect("eval");
        assert_eq!(
            alerts(&t, "kind=offline").await["total"],
            1,
            "still silent: not raised again"
        );
        t.post(
            "/api/heartbeat",
            &guard,
            json!({"device_time": t.clock_now()}),
        )
        .await;
        evaluate_once(&t.state).await.expect("eval");
        t.clock.advance(Duration::minutes(16));
        evaluate_once(&t.state).await.expect("eval");
        assert_eq!(
            alerts(&t, "kind=offline").await["total"],
            2,
            "a new silence is a new alert"
        );
    }
);
