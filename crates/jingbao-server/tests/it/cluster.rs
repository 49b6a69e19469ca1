//! Two nodes on one database and one NATS: a directive issued on node A reaches a guard
//! connected to node B, and the guard's sign-for through node B appears on node A's live
//! channel. NATS comes from `JINGBAO_TEST_NATS_URL` (default the local server); under
//! `CI=true` it must be there.

use crate::patrol::start_shift;
use crate::support::{Auth, TestApp};
use futures_util::{SinkExt, StreamExt};
use jingbao_server::{AppState, app};
use jingbao_store::both_backends;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use uuid::Uuid;

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn serve(router: axum::Router) -> SocketAddr {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let a = l.local_addr().expect("addr");
    tokio::spawn(async move {
        axum::serve(
            l,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .ok()
    });
    a
}

async fn socket(addr: SocketAddr, auth: &Auth) -> Ws {
    let Auth::Bearer(t) = auth else {
        panic!("bearer")
    };
    let mut req = format!("ws://{addr}/api/ws")
        .into_client_request()
        .expect("req");
    req.headers_mut()
        .insert("authorization", format!("Bearer {t}").parse().expect("hdr"));
    tokio_tungstenite::connect_async(req)
        .await
        .expect("connect")
        .0
}

async fn until(ws: &mut Ws, want: impl Fn(&Value) -> bool) -> Option<Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while let Ok(Some(Ok(m))) = tokio::time::timeout_at(deadline, ws.next()).await {
        if let Message::Text(t) = m {
            let v: Value = serde_json::from_str(t.as_str()).unwrap_or_default();
            if want(&v) {
                return Some(v);
            }
        }
    }
    None
}

fn nats_url() -> Option<String> {
    let url =
        std::env::var("JINGBAO_TEST_NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".into());
    let reachable = std::net::TcpStream::connect_timeout(
        &url.trim_start_matches("nats://").parse().ok()?,
        Duration::from_secs(1),
    )
    .is_ok();
    if !reachable && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but NATS is not reachable at {url}");
    }
    reachable.then_some(url)
}

both_backends!(directive_crosses_nodes, |store| {
    let Some(url) = nats_url() else { return };
    let a = TestApp::new(store).await;
    let state_b = AppState::new(a.store.clone(), crate::support::config(), a.clock.clone());
    jingbao_server::patrol::boot::load(&state_b)
        .await
        .expect("presence b");
    let b = TestApp {
        state: state_b.clone(),
        router: app(state_b.clone()),
        store: a.store.clone(),
        clock: a.clock.clone(),
        fx: a.fx.clone(),
    };
    let subject = format!("jingbao.test.{}", Uuid::new_v4().simple());
    jingbao_server::realtime::bus::attach(a.state.hub.clone(), &url, &subject, "node-a")
        .await
        .expect("bus a");
    jingbao_server::realtime::bus::attach(b.state.hub.clone(), &url, &subject, "node-b")
        .await
        .expect("bus b");
    let (addr_a, addr_b) = (serve(a.router.clone()).await, serve(b.router.clone()).await);
    let officer = a.token("officer_a").await;
    let guard = b.token("guard_a1").await;
    start_shift(&b, &guard).await;
    let mut on_b = socket(addr_b, &guard).await;
    on_b.send(Message::Text(
        json!({"type": "resume", "cursor": 0}).to_string().into(),
    ))
    .await
    .expect("resume");
    until(&mut on_b, |v| v["type"] == "resumed")
        .await
        .expect("resumed");
    let mut on_a = socket(addr_a, &officer).await;
    on_a.send(Message::Text(
        json!({"type": "subscribe", "topics": ["directives"]})
            .to_string()
            .into(),
    ))
    .await
    .expect("sub");
    until(&mut on_a, |v| v["type"] == "subscribed")
        .await
        .expect("subscribed");
    let d = a.post("/api/directives", &officer, json!({"kind": "emergency", "title": "跨节点", "body": "请签收", "targets": {"unit_ids": [a.fx.stations[0].units[0].unit]}})).await.json();
    let id = d["id"].as_str().expect("id").to_string();
    let got = until(&mut on_b, |v| v["type"] == "directive")
        .await
        .expect("the guard on node B receives the directive issued on node A");
    assert_eq!(got["directive"]["id"].as_str(), Some(id.as_str()));
    let ack = b
        .post(
            &format!("/api/directives/{id}/ack"),
            &guard,
            json!({"id": Uuid::now_v7(), "device_time": b.clock_now()}),
        )
        .await
        .json();
    assert_eq!(ack["state"], "signed");
    let ev = until(&mut on_a, |v| {
        v["type"] == "event"
            && v["directive_id"].as_str() == Some(id.as_str())
            && v["topic"].as_str().is_some_and(|t| t.starts_with("board:"))
    })
    .await;
    assert!(ev.is_some(), "node A hears the board change made on node B");
    let board = a
        .get(&format!("/api/directives/{id}/board"), &officer)
        .await
        .json();
    assert_eq!(board["totals"]["signed"], 1);
});
