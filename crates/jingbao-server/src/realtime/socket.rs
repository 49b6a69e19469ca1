//! `GET /api/ws` and `POST /api/ws/ticket`: the WebSocket session. Client messages:
//! `subscribe{topics}`, `ping`; server messages: `pong`, `event{topic, …}`. A connection that
//! falls behind is closed with 1013; a revoked session with 4401 within 5 s.

use crate::auth::caller::Caller;
use crate::http::error::ApiResult;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use futures_util::{SinkExt, StreamExt};
use jingbao_store::repo::sessions;
use std::collections::HashSet;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

pub const CLOSE_SLOW: u16 = 1013;
pub const CLOSE_REVOKED: u16 = 4401;

pub async fn ticket(State(st): State<AppState>, c: Caller) -> ApiResult<Json<serde_json::Value>> {
    let t = st.hub.issue_ticket(&c.session.token_hash, st.now());
    Ok(Json(serde_json::json!({ "ticket": t })))
}

pub async fn upgrade(State(st): State<AppState>, c: Caller, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| run(socket, st, c))
}

fn close(code: u16, reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame {
        code,
        reason: reason.into(),
    }))
}

async fn run(socket: WebSocket, st: AppState, c: Caller) {
    let (mut tx, mut rx) = socket.split();
    let mut events = st.hub.subscribe();
    let mut topics: HashSet<String> = HashSet::new();
    let mut check = tokio::time::interval(Duration::from_secs(5));
    let mut last_heard = tokio::time::Instant::now();
    // The last outbox sequence sent to this terminal (guards only).
    let mut cursor: Option<i64> = None;
    let own_guard = c.user.guard_id;
    loop {
        tokio::select! {
            msg = rx.next() => {
                let Some(Ok(msg)) = msg else { break };
                last_heard = tokio::time::Instant::now();
                let Message::Text(text) = msg else {
                    if matches!(msg, Message::Close(_)) { break }
                    continue;
                };
                let v: serde_json::Value = serde_json::from_str(text.as_str()).unwrap_or_default();
                match v["type"].as_str() {
                    Some("ping") => {
                        if tx.send(Message::Text(r#"{"type":"pong"}"#.into())).await.is_err() { break }
                    }
                    Some("resume") => {
                        let Some(g) = own_guard else { continue };
                        let from = v["cursor"].as_i64().unwrap_or(0);
                        let last = match send_outbox(&st, &mut tx, g, from).await { Some(l) => l, None => break };
                        cursor = Some(last);
                        let done = serde_json::json!({"type": "resumed", "cursor": last});
                        if tx.send(Message::Text(done.to_string().into())).await.is_err() { break }
                    }
                    Some("ack") => {
                        let reply = match (v["directive_id"].as_str().and_then(|d| d.parse().ok()), serde_json::from_value::<jingbao_api::directives::AckRequest>(serde_json::json!({"id": v["id"], "device_time": v["device_time"]}))) {
                            (Some(did), Ok(req)) => match crate::directives::guard::sign_for(&st, &c, did, req).await {
                                Ok(r) => serde_json::json!({"type": "acked", "directive_id": did, "state": r.state, "late": r.late}),
                                Err(e) => serde_json::json!({"type": "error", "code": e.code, "directive_id": did}),
                            },
                            _ => serde_json::json!({"type": "error", "code": "validation_failed"}),
                        };
                        if tx.send(Message::Text(reply.to_string().into())).await.is_err() { break }
                    }
                    Some("subscribe") => {
                        for t in v["topics"].as_array().into_iter().flatten().filter_map(|t| t.as_str()) {
                            topics.insert(t.to_string());
                        }
                        let ack = serde_json::json!({"type": "subscribed", "topics": topics});
                        if tx.send(Message::Text(ack.to_string().into())).await.is_err() { break }
                    }
                    _ => {
                        let err = serde_json::json!({"type": "error", "code": "unknown_message"});
                        if tx.send(Message::Text(err.to_string().into())).await.is_err() { break }
                    }
                }
            }
            ev = events.recv() => match ev {
                Ok(e) if e.topic == "directive" => {
                    let Some(g) = own_guard.filter(|g| e.payload["guard_id"].as_str() == Some(g.to_string().as_str())) else { continue };
                    let seq = e.payload["seq"].as_i64().unwrap_or(0);
                    let from = cursor.unwrap_or(seq - 1).min(seq - 1);
                    match send_outbox(&st, &mut tx, g, from).await { Some(l) => cursor = Some(l.max(cursor.unwrap_or(0))), None => break }
                }
                Ok(e) if e.topic == "board" => {
                    let id = e.payload["directive_id"].as_str().unwrap_or("");
                    let wanted = topics.contains("directives") || topics.contains(&format!("board:{id}"));
                    if wanted && c.scope.admits_path(&e.scope_path) {
                        let body = serde_json::json!({"type": "event", "topic": format!("board:{id}"), "directive_id": id});
                        if tx.send(Message::Text(body.to_string().into())).await.is_err() { break }
                    }
                }
                Ok(e) => {
                    let visible = c.scope.admits_path(&e.scope_path) || e.payload.get("guard_id").and_then(|g| g.as_str()) == c.scope.guard_id.map(|g| g.to_string()).as_deref();
                    if topics.contains(e.topic) && visible {
                        let mut body = serde_json::json!({"type": "event", "topic": e.topic});
                        if let (Some(o), Some(p)) = (body.as_object_mut(), e.payload.as_object()) {
                            for (k, v) in p { o.insert(k.clone(), v.clone()); }
                        }
                        match tokio::time::timeout(Duration::from_secs(5), tx.send(Message::Text(body.to_string().into()))).await {
                            Ok(Ok(())) => {}
                            _ => { let _ = tx.send(close(CLOSE_SLOW, "slow consumer")).await; break }
                        }
                    }
                }
                Err(RecvError::Lagged(_)) => { let _ = tx.send(close(CLOSE_SLOW, "fell behind; reload")).await; break }
                Err(RecvError::Closed) => break,
            },
            _ = check.tick() => {
                let live = sessions::by_id(st.store.db(), c.session.id).await.ok().flatten()
                    .is_some_and(|s| s.revoked_at.is_none() && s.expires_at > st.now());
                if !live { let _ = tx.send(close(CLOSE_REVOKED, "session ended")).await; break }
                if last_heard.elapsed() > Duration::from_secs(60) { let _ = tx.send(close(1001, "no ping")).await; break }
            }
        }
    }
}

/// Sends the guard's outbox entries after `from`, in order, marking them delivered; returns
/// the last sequence sent (or `from`), None when the socket failed.
async fn send_outbox(
    st: &AppState,
    tx: &mut futures_util::stream::SplitSink<WebSocket, Message>,
    guard: uuid::Uuid,
    from: i64,
) -> Option<i64> {
    let entries = crate::directives::deliver::catch_up(st, guard, from)
        .await
        .unwrap_or_default();
    let mut last = from;
    for (seq, directive_id, msg) in entries {
        if tx
            .send(Message::Text(msg.to_string().into()))
            .await
            .is_err()
        {
            return None;
        }
        let _ = crate::directives::deliver::delivered(st, directive_id, guard).await;
        last = seq;
    }
    Some(last)
}
