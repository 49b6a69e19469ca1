//! Directives: recipients (on-shift guards of the targets), sign-for retried once, late
//! marking, one response per unit, the escalation ladder under a manual clock, feedback, the
//! board, and delivery over the socket with catch-up in order.

use crate::patrol::start_shift;
use crate::support::{Auth, TestApp};
use chrono::Duration;
use futures_util::{SinkExt, StreamExt};
use http::StatusCode;
use jingbao_server::patrol::alerts::evaluate_once;
use jingbao_store::both_backends;
use serde_json::{Value, json};
use std::net::SocketAddr;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use uuid::Uuid;

pub(crate) fn to_unit(unit: Uuid) -> Value {
    json!({"kind": "weekly", "title": "周末夜间巡查", "body": "请加强地库与消防通道巡查", "targets": {"unit_ids": [unit]},
        "tasks": [{"type": "hazard_sweep", "note": "消防通道"}]})
}

pub(crate) async fn ack(t: &TestApp, g: &Auth, d: &str, id: Uuid) -> crate::support::Resp {
    t.post(
        &format!("/api/directives/{d}/ack"),
        g,
        json!({"id": id, "device_time": t.clock_now()}),
    )
    .await
}

async fn state_of(t: &TestApp, officer: &Auth, d: &str, guard: Uuid) -> String {
    let v = t.get(&format!("/api/directives/{d}"), officer).await.json();
    v["recipients"]
        .as_array()
        .expect("recipients")
        .iter()
        .find(|r| r["guard_id"] == json!(guard))
        .map(|r| r["state"].as_str().unwrap_or("").to_string())
        .unwrap_or_default()
}

both_backends!(issue_ack_late_and_quota, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let u = t.fx.stations[0].units[0];
    let none = t.post("/api/directives", &officer, to_unit(u.unit)).await;
    assert_eq!(
        (none.status, none.code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "no_recipients"),
        "nobody on shift"
    );
    let g1 = t.token("guard_a1").await;
    start_shift(&t, &g1).await;
    let created = t.post("/api/directives", &officer, to_unit(u.unit)).await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&created.bytes)
    );
    assert_eq!(created.json()["recipient_count"], 1);
    assert!(
        created.json()["doc_no"]
            .as_str()
            .expect("doc")
            .contains("〔2026〕1号")
    );
    let d = created.json()["id"].as_str().expect("id").to_string();
    let foreign = t.token("officer_b").await;
    assert_eq!(
        t.get(&format!("/api/directives/{d}"), &foreign)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Sign-for retried: counted once, same answer.
    let ack_id = Uuid::now_v7();
    let a1 = ack(&t, &g1, &d, ack_id).await.json();
    let a2 = ack(&t, &g1, &d, ack_id).await.json();
    assert_eq!(a1, a2);
    assert_eq!(a1["state"], "signed");
    let board = t
        .get(&format!("/api/directives/{d}/board"), &officer)
        .await
        .json();
    assert_eq!(
        (
            board["totals"]["signed"].as_u64(),
            board["totals"]["recipients"].as_u64()
        ),
        (Some(1), Some(1))
    );
    // Late: a second directive signed after its deadline.
    let mut late = to_unit(u.unit);
    late["ack_deadline_minutes"] = json!(10);
    let d2 = t.post("/api/directives", &officer, late).await.json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    t.clock.advance(Duration::minutes(11));
    let a = ack(&t, &g1, &d2, Uuid::now_v7()).await.json();
    assert_eq!(
        (a["state"].as_str(), a["late"].as_bool()),
        (Some("signed_late"), Some(true))
    );
    // A guard not addressed cannot sign.
    let g2 = t.token("guard_a2").await;
    assert_eq!(
        ack(&t, &g2, &d, Uuid::now_v7()).await.status,
        StatusCode::NOT_FOUND
    );
    // Feedback completes it.
    let f = t
        .post(
            &format!("/api/directives/{d}/feedback"),
            &g1,
            json!({"id": Uuid::now_v7(), "text": "已巡查，消防通道畅通"}),
        )
        .await
        .json();
    assert_eq!(f["state"], "feedback_done");
    let d3 = t
        .post("/api/directives", &officer, to_unit(u.unit))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    t.post(&format!("/api/directives/{d3}/cancel"), &officer, json!({}))
        .await;
    let cancelled = ack(&t, &g1, &d3, Uuid::now_v7()).await;
    assert_eq!(
        (cancelled.status, cancelled.code().as_str()),
        (StatusCode::CONFLICT, "directive_not_open")
    );
    let mine = t.get("/api/me/directives?open=true", &g1).await.json();
    assert_eq!(
        mine["total"], 1,
        "the late one still needs feedback: {mine}"
    );
});

both_backends!(one_response_per_unit_relieves_the_others, |store| {
    use jingbao_store::entity::guard;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let u = t.fx.stations[0].units[0];
    // A second guard in unit a1: move guard a2 there.
    let a2 = t.fx.stations[0].units[1].guard;
    let mut g: guard::ActiveModel = guard::Entity::find_by_id(a2)
        .one(t.store.db())
        .await
        .expect("q")
        .expect("guard")
        .into();
    let unit_path = guard::Entity::find_by_id(u.guard)
        .one(t.store.db())
        .await
        .expect("q")
        .expect("g")
        .scope_path;
    g.unit_id = Set(u.unit);
    g.post_id = Set(Some(u.post));
    g.scope_path = Set(unit_path);
    g.update(t.store.db()).await.expect("move");
    let g1 = t.token("guard_a1").await;
    let g2 = t.token("guard_a2").await;
    start_shift(&t, &g1).await;
    start_shift(&t, &g2).await;
    let d = t
        .post("/api/directives", &officer, to_unit(u.unit))
        .await
        .json();
    assert_eq!(d["recipient_count"], 2);
    let id = d["id"].as_str().expect("id").to_string();
    ack(&t, &g1, &id, Uuid::now_v7()).await;
    assert_eq!(state_of(&t, &officer, &id, a2).await, "not_required");
    t.clock.advance(Duration::minutes(12));
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(
        state_of(&t, &officer, &id, a2).await,
        "not_required",
        "not escalated once relieved"
    );
});

both_backends!(escalation_ladder, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let u = t.fx.stations[0].units[0];
    let g1 = t.token("guard_a1").await;
    start_shift(&t, &g1).await;
    let id = t
        .post("/api/directives", &officer, to_unit(u.unit))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let aud = t.token("auditor").await;
    let count = |a: &'static str| {
        let t = &t;
        let aud = aud.clone();
        async move {
            t.get(&format!("/api/audit?action={a}"), &aud).await.json()["total"]
                .as_u64()
                .unwrap_or(0)
        }
    };
    t.clock.advance(Duration::minutes(4));
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(count("directive.remind").await, 0);
    t.clock.advance(Duration::minutes(1));
    evaluate_once(&t.state).await.expect("eval");
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(
        count("directive.remind").await,
        1,
        "reminded once at 5 minutes"
    );
    assert_eq!(state_of(&t, &officer, &id, u.guard).await, "pending");
    t.clock.advance(Duration::minutes(5));
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(count("directive.overdue").await, 1);
    assert_eq!(state_of(&t, &officer, &id, u.guard).await, "overdue");
    let board = t
        .get(&format!("/api/directives/{id}/board"), &officer)
        .await
        .json();
    assert_eq!(board["totals"]["overdue"], 1);
    // A late sign-for is kept and marked late.
    let a = ack(&t, &g1, &id, Uuid::now_v7()).await.json();
    assert_eq!(a["state"], "signed_late");
});

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn next(ws: &mut Ws) -> Option<Value> {
    loop {
        match tokio::time::timeout(std::time::Duration::from_secs(3), ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => return serde_json::from_str(t.as_str()).ok(),
            Ok(Some(Ok(_))) => continue,
            _ => return None,
        }
    }
}

both_backends!(delivered_live_and_caught_up_in_order, |store| {
    let t = TestApp::new(store).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = t
        .router
        .clone()
        .into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.ok() });
    let officer = t.token("officer_a").await;
    let u = t.fx.stations[0].units[0];
    let g = t.token("guard_a1").await;
    start_shift(&t, &g).await;
    let Auth::Bearer(tok) = g.clone() else {
        panic!("bearer")
    };
    let connect = |tok: String| async move {
        let mut req = format!("ws://{addr}/api/ws")
            .into_client_request()
            .expect("req");
        req.headers_mut().insert(
            "authorization",
            format!("Bearer {tok}").parse().expect("hdr"),
        );
        tokio_tungstenite::connect_async(req)
            .await
            .expect("connect")
            .0
    };
    let mut ws = connect(tok.clone()).await;
    ws.send(Message::Text(
        json!({"type": "resume", "cursor": 0}).to_string().into(),
    ))
    .await
    .expect("resume");
    assert_eq!(next(&mut ws).await.expect("resumed")["type"], "resumed");
    let first = t
        .post("/api/directives", &officer, to_unit(u.unit))
        .await
        .json();
    let m = next(&mut ws).await.expect("directive within 3 s");
    assert_eq!(
        (m["type"].as_str(), m["directive"]["id"].as_str()),
        (Some("directive"), first["id"].as_str())
    );
    let seq = m["seq"].as_i64().expect("seq");
    ws.close(None).await.ok();
    // Offline: two more directives.
    let second = t
        .post("/api/directives", &officer, to_unit(u.unit))
        .await
        .json();
    let third = t
        .post("/api/directives", &officer, to_unit(u.unit))
        .await
        .json();
    let mut ws = connect(tok).await;
    ws.send(Message::Text(
        json!({"type": "resume", "cursor": seq}).to_string().into(),
    ))
    .await
    .expect("resume");
    let a = next(&mut ws).await.expect("second");
    let b = next(&mut ws).await.expect("third");
    let done = next(&mut ws).await.expect("resumed");
    assert_eq!(
        (a["directive"]["id"].as_str(), b["directive"]["id"].as_str()),
        (second["id"].as_str(), third["id"].as_str()),
        "missed ones in order"
    );
    assert_eq!(done["type"], "resumed");
    assert_eq!(done["cursor"], b["seq"]);
    let detail = t
        .get(
            &format!("/api/directives/{}", first["id"].as_str().expect("id")),
            &officer,
        )
        .await
        .json();
    assert_eq!(detail["recipients"][0]["state"], "delivered");
    // Signing for over the socket has the same effect as the POST, and a retry counts once.
    let ack = json!({"type": "ack", "id": Uuid::now_v7(), "directive_id": second["id"], "device_time": t.clock_now()});
    ws.send(Message::Text(ack.to_string().into()))
        .await
        .expect("ack");
    let acked = next(&mut ws).await.expect("acked");
    assert_eq!(
        (acked["type"].as_str(), acked["state"].as_str()),
        (Some("acked"), Some("signed"))
    );
    ws.send(Message::Text(ack.to_string().into()))
        .await
        .expect("again");
    assert_eq!(next(&mut ws).await.expect("acked again")["state"], "signed");
    let board = t
        .get(
            &format!(
                "/api/directives/{}/board",
                second["id"].as_str().expect("id")
            ),
            &officer,
        )
        .await
        .json();
    assert_eq!(board["totals"]["signed"], 1);
});

both_backends!(escalation_reaches_the_webhook, |store| {
    use tokio::io::AsyncReadExt;
    let hook = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/sms", hook.local_addr().expect("addr"));
    let cfg = jingbao_server::ServerConfig {
        notify_webhook: Some(url),
        ..crate::support::config()
    };
    let t = TestApp::with_config(store, cfg).await;
    let received = tokio::spawn(async move {
        let (mut s, _) = hook.accept().await.expect("accept");
        let mut buf = vec![0u8; 8192];
        let n = s.read(&mut buf).await.expect("read");
        String::from_utf8_lossy(&buf[..n]).to_string()
    });
    let officer = t.token("officer_a").await;
    let g1 = t.token("guard_a1").await;
    start_shift(&t, &g1).await;
    t.post(
        "/api/directives",
        &officer,
        to_unit(t.fx.stations[0].units[0].unit),
    )
    .await;
    t.clock.advance(Duration::minutes(5));
    evaluate_once(&t.state).await.expect("eval");
    let req = tokio::time::timeout(std::time::Duration::from_secs(5), received)
        .await
        .expect("webhook called")
        .expect("join");
    assert!(req.starts_with("POST /sms HTTP/1.1"), "{req}");
    assert!(
        req.contains("directive_reminder") && req.contains("周末夜间巡查"),
        "{req}"
    );
});

both_backends!(polygon_targets_the_towers_inside, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    for g in ["guard_a1", "guard_a2"] {
        let tok = t.token(g).await;
        start_shift(&t, &tok).await;
    }
    // Tower a1 is the 0.0002° square at (121.501, 29.8); tower a2 starts at 121.502.
    let poly = json!({"type": "Polygon", "coordinates": [[[121.5005, 29.7995], [121.5015, 29.7995], [121.5015, 29.8005], [121.5005, 29.8005], [121.5005, 29.7995]]]});
    let r = t.post("/api/directives", &officer, json!({"kind": "emergency", "title": "可疑人员", "body": "注意一名穿灰色外套男子", "targets": {"polygon": poly}})).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    assert_eq!(
        r.json()["recipient_count"],
        1,
        "only the guard of the tower inside"
    );
    let bad = t.post("/api/directives", &officer, json!({"kind": "emergency", "title": "x", "body": "y", "targets": {"polygon": {"type": "Point", "coordinates": [1, 2]}}})).await;
    assert_eq!(bad.json()["details"][0]["code"], "invalid_geometry");
});

both_backends!(scheduled_directive_goes_out_when_due, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let mut body = to_unit(t.fx.stations[0].units[0].unit);
    body["send_at"] = json!(t.clock_now() + Duration::minutes(30));
    let r = t.post("/api/directives", &officer, body).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    assert_eq!(
        r.json()["recipient_count"],
        0,
        "recipients are resolved when it goes out"
    );
    let id = r.json()["id"].as_str().expect("id").to_string();
    assert_eq!(
        t.get(&format!("/api/directives/{id}"), &officer)
            .await
            .json()["state"],
        "scheduled"
    );
    let g1 = t.token("guard_a1").await;
    start_shift(&t, &g1).await;
    t.clock.advance(Duration::minutes(29));
    evaluate_once(&t.state).await.expect("eval");
    assert_eq!(
        t.get("/api/me/directives?open=true", &g1).await.json()["total"],
        0
    );
    t.clock.advance(Duration::minutes(2));
    evaluate_once(&t.state).await.expect("eval");
    let d = t
        .get(&format!("/api/directives/{id}"), &officer)
        .await
        .json();
    assert_eq!(
        (d["state"].as_str(), d["recipient_count"].as_u64()),
        (Some("sent"), Some(1))
    );
    assert_eq!(
        t.get("/api/me/directives?open=true", &g1).await.json()["total"],
        1
    );
});
