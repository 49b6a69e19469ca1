//! Events and the hub: a bounded broadcast channel (a connection that falls behind is closed
//! and catches up by reloading, it never slows the others) and the ticket store.

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

pub const CHANNEL_CAPACITY: usize = 4096;
pub const TICKET_TTL_SECS: i64 = 60;

#[derive(Debug, Clone)]
pub struct Event {
    pub topic: &'static str,
    /// Materialised path of the object the event is about (for scope filtering).
    pub scope_path: String,
    pub payload: Value,
}

impl Event {
    pub fn map(scope_path: &str, payload: Value) -> Event {
        Event {
            topic: "map",
            scope_path: scope_path.to_string(),
            payload,
        }
    }
    pub fn alerts(scope_path: &str, payload: Value) -> Event {
        Event {
            topic: "alerts",
            scope_path: scope_path.to_string(),
            payload,
        }
    }
    /// A directive's board changed (subscribers of `board:<id>` and of `directives`).
    pub fn board(directive_id: uuid::Uuid, scope_path: &str) -> Event {
        Event {
            topic: "board",
            scope_path: scope_path.to_string(),
            payload: serde_json::json!({"directive_id": directive_id}),
        }
    }
}

pub struct Hub {
    tx: broadcast::Sender<Arc<Event>>,
    /// Set when events are shared with other nodes (see `bus`).
    remote: std::sync::OnceLock<tokio::sync::mpsc::UnboundedSender<Arc<Event>>>,
    /// ticket → (session token hash, expiry)
    tickets: Mutex<HashMap<String, (String, DateTime<Utc>)>>,
}

impl Default for Hub {
    fn default() -> Self {
        let (tx, _) = broadcast::channel(CHANNEL_CAPACITY);
        Hub {
            tx,
            remote: std::sync::OnceLock::new(),
            tickets: Mutex::new(HashMap::new()),
        }
    }
}

impl Hub {
    /// Delivers to this node's sockets and, when a bus is attached, to the other nodes.
    pub fn publish(&self, e: Event) {
        let e = Arc::new(e);
        if let Some(r) = self.remote.get() {
            let _ = r.send(e.clone());
        }
        // No subscriber is not an error.
        let _ = self.tx.send(e);
    }

    /// Delivers an event that came from another node to this node's sockets only.
    pub fn publish_local(&self, e: Event) {
        let _ = self.tx.send(Arc::new(e));
    }

    /// Sends every later local event to `forward` too (once; later calls are ignored).
    pub fn attach_remote(&self, forward: tokio::sync::mpsc::UnboundedSender<Arc<Event>>) -> bool {
        self.remote.set(forward).is_ok()
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Event>> {
        self.tx.subscribe()
    }

    pub fn issue_ticket(&self, token_hash: &str, now: DateTime<Utc>) -> String {
        let t = crate::auth::token::new_token();
        let mut m = self.tickets.lock().unwrap_or_else(|p| p.into_inner());
        m.retain(|_, (_, exp)| *exp > now);
        m.insert(
            t.clone(),
            (
                token_hash.to_string(),
                now + Duration::seconds(TICKET_TTL_SECS),
            ),
        );
        t
    }

    /// Consumes a ticket; the session token hash it stands for, when still valid.
    pub fn take_ticket(&self, ticket: &str, now: DateTime<Utc>) -> Option<String> {
        let mut m = self.tickets.lock().unwrap_or_else(|p| p.into_inner());
        m.remove(ticket)
            .filter(|(_, exp)| *exp > now)
            .map(|(h, _)| h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_are_single_use_and_expire() {
        let h = Hub::default();
        let now = Utc::now();
        let t = h.issue_ticket("abc", now);
        assert_eq!(h.take_ticket(&t, now).as_deref(), Some("abc"));
        assert_eq!(h.take_ticket(&t, now), None);
        let t2 = h.issue_ticket("abc", now);
        assert_eq!(h.take_ticket(&t2, now + Duration::seconds(61)), None);
    }
}
