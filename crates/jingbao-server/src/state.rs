//! Shared state of the HTTP server.

use crate::clock::Clock;
use crate::config::ServerConfig;
use crate::patrol::group_commit::GroupCommit;
use crate::patrol::presence::Presence;
use crate::realtime::Hub;
use jingbao_store::Store;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<ServerConfig>,
    pub clock: Arc<dyn Clock>,
    /// Live presence of this node (rebuilt from the store by `patrol::boot::load`).
    pub presence: Arc<Presence>,
    /// Real-time fan-out to WebSocket connections.
    pub hub: Arc<Hub>,
    /// The group-commit writer for position ingest.
    pub ingest: Arc<GroupCommit>,
}

impl AppState {
    pub fn new(store: Store, config: ServerConfig, clock: Arc<dyn Clock>) -> Self {
        AppState {
            config: Arc::new(config),
            clock,
            presence: Arc::new(Presence::default()),
            hub: Arc::new(Hub::default()),
            ingest: Arc::new(GroupCommit::start(store.clone())),
            store,
        }
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }
}
