//! Notifications of the escalation ladder: to the live channel always, and to a webhook
//! (SMS gateway, WeCom, DingTalk robot) when one is configured — browser push does not reach
//! phones in China or police networks, so the webhook is how a closed app is reached.

use crate::realtime::{Event, Hub};
use serde_json::Value;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Notification {
    /// directive_reminder | directive_overdue
    pub kind: &'static str,
    /// Whose screens may show it (materialised path).
    pub scope_path: String,
    pub payload: Value,
}

#[async_trait::async_trait]
pub trait Notifier: Send + Sync {
    async fn notify(&self, n: &Notification);
}

/// Live channel: topic `directives`.
pub struct LiveNotifier(pub Arc<Hub>);

#[async_trait::async_trait]
impl Notifier for LiveNotifier {
    async fn notify(&self, n: &Notification) {
        let mut p = n.payload.clone();
        if let Some(o) = p.as_object_mut() {
            o.insert("kind".into(), Value::String(n.kind.into()));
        }
        self.0.publish(Event {
            topic: "directives",
            scope_path: n.scope_path.clone(),
            payload: p,
        });
    }
}

/// POSTs the notification as JSON to a URL (plain HTTP inside the police network; put a
/// gateway in front for anything else). Failures are logged, never fatal.
pub struct WebhookNotifier {
    pub url: String,
}

#[async_trait::async_trait]
impl Notifier for WebhookNotifier {
    async fn notify(&self, n: &Notification) {
        let body = serde_json::json!({"kind": n.kind, "payload": n.payload}).to_string();
        if let Err(e) = post_json(&self.url, &body).await {
            tracing::warn!(error = %e, url = %self.url, "webhook notification failed");
        }
    }
}

async fn post_json(url: &str, body: &str) -> Result<(), String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url
        .strip_prefix("http://")
        .ok_or("only http:// webhooks are supported")?;
    let (host, path) = rest
        .split_once('/')
        .map(|(h, p)| (h, format!("/{p}")))
        .unwrap_or((rest, "/".into()));
    let mut s = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        tokio::net::TcpStream::connect(host),
    )
    .await
    .map_err(|_| "timeout")?
    .map_err(|e| e.to_string())?;
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut buf = [0u8; 12];
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), s.read(&mut buf)).await;
    Ok(())
}
