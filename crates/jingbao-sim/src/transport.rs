//! How the simulator reaches the server: through its public API only. The demo passes an
//! in-process transport (the router itself); a load generator passes an HTTP one.

use serde_json::Value;

/// One API call: method, path, bearer token, JSON body → status and JSON answer.
#[async_trait::async_trait]
pub trait Transport: Send + Sync {
    async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value);
}
