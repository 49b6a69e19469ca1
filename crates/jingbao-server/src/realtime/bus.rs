//! The bus between nodes: with several `jingbao serve` processes on one PostgreSQL, each
//! hub forwards its events to a NATS subject (in order, through one task) and re-broadcasts
//! the other nodes' events to its own sockets. Outboxes and boards live in the shared
//! database, so an event only has to wake the right socket: a directive issued on node A
//! reaches a guard connected to node B, and its sign-for shows on node A's board.

use crate::realtime::{Event, Hub};
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::sync::Arc;

const TOPICS: &[&str] = &["map", "alerts", "directive", "board", "directives"];

fn topic(name: &str) -> Option<&'static str> {
    TOPICS.iter().copied().find(|t| *t == name)
}

/// Connects the hub to NATS at `url` on `subject`; `node` tells this node's messages apart.
pub async fn attach(hub: Arc<Hub>, url: &str, subject: &str, node: &str) -> Result<(), String> {
    let client = async_nats::connect(url).await.map_err(|e| e.to_string())?;
    let mut sub = client
        .subscribe(subject.to_string())
        .await
        .map_err(|e| e.to_string())?;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Arc<Event>>();
    if !hub.attach_remote(tx) {
        return Err("a bus is already attached".into());
    }
    let (out, subj, me) = (client.clone(), subject.to_string(), node.to_string());
    tokio::spawn(async move {
        while let Some(e) = rx.recv().await {
            let msg = json!({"origin": me, "topic": e.topic, "scope_path": e.scope_path, "payload": e.payload});
            if let Err(err) = out.publish(subj.clone(), msg.to_string().into()).await {
                tracing::warn!(error = %err, "bus publish failed");
            }
        }
    });
    let me = node.to_string();
    tokio::spawn(async move {
        while let Some(m) = sub.next().await {
            let Ok(v) = serde_json::from_slice::<Value>(&m.payload) else {
                continue;
            };
            if v["origin"].as_str() == Some(me.as_str()) {
                continue;
            }
            let Some(t) = v["topic"].as_str().and_then(topic) else {
                continue;
            };
            hub.publish_local(Event {
                topic: t,
                scope_path: v["scope_path"].as_str().unwrap_or("").to_string(),
                payload: v["payload"].clone(),
            });
        }
    });
    client.flush().await.map_err(|e| e.to_string())?;
    Ok(())
}
