//! Per-request facts every handler may need: request id, client address, language,
//! user agent.

use crate::http::envelope::REQUEST_ID;
use crate::http::lang::Lang;
use axum::extract::{ConnectInfo, FromRequestParts};
use http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

#[derive(Debug, Clone)]
pub struct RequestContext {
    pub request_id: String,
    pub ip: IpAddr,
    pub lang: Lang,
    pub user_agent: String,
}

impl RequestContext {
    pub fn from_parts(parts: &Parts) -> Self {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        RequestContext {
            request_id: parts
                .headers
                .get(REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string(),
            ip,
            lang: Lang::from_headers(&parts.headers),
            user_agent: parts
                .headers
                .get(http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .chars()
                .take(300)
                .collect(),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestContext {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestContext::from_parts(parts))
    }
}
