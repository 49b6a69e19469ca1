//! The live channel over a real socket: scoped delivery of map events within 2 s, single-use
//! tickets, and a revoked session closed with 4401.

use crate::support::{Auth, TestApp};
use futures_util::{SinkExt, StreamExt};
use jingbao_store::both_backends;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use uuid::Uuid;

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn serve(t: &TestApp) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = t
        .router
        .clone()
        .into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.ok() });
    addr
}

async fn connect(addr: SocketAddr, auth: &Auth, query: &str) -> Result<Ws, String> {
    let mut req = format!("ws://{addr}/api/ws{query}")
        .into_client_request()
        .map_err(|e| e.to_string())?;
    if let Auth::Bearer(t) = auth {
        req.headers_mut().insert(
            "authorization",
            format!("Bearer {t}").parse().map_err(|_| "hdr")?,
        );
    }
    tokio_tungstenite::connect_async(req)
        .await
        .map(|(s, _)| s)
        .map_err(|e| e.to_string())
}

async fn subscribe(ws: &mut Ws) {
    ws.send(Message::Text(
        json!({"type": "subscribe", "topics": ["map", "alerts"]})
            .to_string()
            .into(),
    ))
    .await
    .expect("send");
    let ack = next_json(ws, Duration::from_secs(2))
        .await
        .expect("subscribed");
    assert_eq!(ack["type"], "subscribed");
}

async fn next_json(ws: &mut Ws, within: Duration) -> Option<Value> {
    loop {
        match tokio::time::timeout(within, ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => return serde_json::from_str(t.as_str()).ok(),
            Ok(Some(Ok(Message::Close(f)))) => {
                return Some(json!({"type": "closed", "code": f.map(|f| u16::from(f.code))}));
            }
            Ok(Some(Ok(_))) => continue,
            _ => return None,
        }
    }
}

both_backends!(map_events_reach_scoped_subscribers, |store| {
    let t = TestApp::new(store).await;
    let addr = serve(&t).await;
    let a = t.token("officer_a").await;
    let b = t.token("officer_b").await;
    let mut wa = connect(addr, &a, "").await.expect("officer a");
    let mut wb = connect(addr, &b, "").await.expect("officer b");
    subscribe(&mut wa).await;
    subscribe(&mut wb).await;
    wa.send(Message::Text(r#"{"type":"ping"}"#.into()))
        .await
        .expect("ping");
    assert_eq!(
        next_json(&mut wa, Duration::from_secs(2))
            .await
            .expect("pong")["type"],
        "pong"
    );
    let guard = t.token("guard_a1").await;
    crate::patrol::start_shift(&t, &guard).await;
    let _state = next_json(&mut wa, Duration::from_secs(2))
        .await
        .expect("shift state event");
    let batch = json!({"id": Uuid::now_v7(), "positions": [{"id": Uuid::now_v7(), "lat": 29.8001, "lon": 121.5011, "accuracy": 5.0, "device_time": t.clock_now()}]});
    let sent = std::time::Instant::now();
    t.post("/api/positions/batch", &guard, batch).await;
    let ev = next_json(&mut wa, Duration::from_secs(2))
        .await
        .expect("position event within 2 s");
    assert!(sent.elapsed() < Duration::from_secs(2));
    assert_eq!(
        (
            ev["type"].as_str(),
            ev["topic"].as_str(),
            ev["kind"].as_str()
        ),
        (Some("event"), Some("map"), Some("position"))
    );
    assert_eq!(ev["guard_id"], json!(t.fx.stations[0].units[0].guard));
    assert_eq!(
        ev["state"], "on_post",
        "the live state travels with the position"
    );
    assert!(
        next_json(&mut wb, Duration::from_millis(500))
            .await
            .is_none(),
        "another station hears nothing"
    );
});

both_backends!(tickets_and_revocation, |store| {
    let t = TestApp::new(store).await;
    let addr = serve(&t).await;
    assert!(
        connect(addr, &Auth::None, "").await.is_err(),
        "no credentials, no socket"
    );
    let cookie = t.login("officer_a").await;
    let ticket = t.post("/api/ws/ticket", &cookie, json!({})).await.json()["ticket"]
        .as_str()
        .expect("ticket")
        .to_string();
    let mut ws = connect(addr, &Auth::None, &format!("?ticket={ticket}"))
        .await
        .expect("ticket works once");
    assert!(
        connect(addr, &Auth::None, &format!("?ticket={ticket}"))
            .await
            .is_err(),
        "and only once"
    );
    subscribe(&mut ws).await;
    t.post("/api/auth/logout", &cookie, json!({})).await;
    let closed = next_json(&mut ws, Duration::from_secs(7))
        .await
        .expect("closed within 5 s");
    assert_eq!(closed, json!({"type": "closed", "code": 4401}));
});
