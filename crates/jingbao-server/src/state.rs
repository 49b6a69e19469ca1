//! Shared state of the HTTP server.

use crate::clock::Clock;
use crate::config::ServerConfig;
use jingbao_store::Store;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<ServerConfig>,
    pub clock: Arc<dyn Clock>,
}

impl AppState {
    pub fn new(store: Store, config: ServerConfig, clock: Arc<dyn Clock>) -> Self {
        AppState {
            store,
            config: Arc::new(config),
            clock,
        }
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }
}
