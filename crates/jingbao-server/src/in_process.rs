//! A transport that calls the router in process: the demo's simulator uses the public API
//! without a network hop (and without a port of its own).

use crate::http::envelope::REQUEST_ID;
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use http::Request;
use http_body_util::BodyExt;
use jingbao_sim::transport::Transport;
use serde_json::Value;
use std::net::SocketAddr;
use tower::ServiceExt;

pub struct InProcess {
    pub router: Router,
}

#[async_trait::async_trait]
impl Transport for InProcess {
    async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header(REQUEST_ID, uuid::Uuid::now_v7().to_string());
        if let Some(t) = token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        let body = match body {
            Some(v) => {
                b = b.header("content-type", "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        let Ok(mut req) = b.body(body) else {
            return (0, Value::Null);
        };
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 0))));
        let Ok(res) = self.router.clone().oneshot(req).await;
        let status = res.status().as_u16();
        let bytes = res
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }
}
