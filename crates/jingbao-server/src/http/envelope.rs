//! Renders every error under `/api` as `{code, message, request_id, details?}` in the
//! request's language — the handlers' own `ApiError`s and the bare statuses produced by
//! the router (404, 405), body limits (413) and the panic guard (500).

use crate::http::error::ApiError;
use crate::http::lang::Lang;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jingbao_api::ErrorBody;

pub const REQUEST_ID: &str = "x-request-id";

pub async fn envelope(req: Request, next: Next) -> Response {
    let lang = Lang::from_headers(req.headers());
    let request_id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let is_api = req.uri().path().starts_with("/api");
    let mut res = next.run(req).await;
    let err = match res.extensions_mut().remove::<ApiError>() {
        Some(e) => e,
        None if is_api && (res.status().is_client_error() || res.status().is_server_error()) => {
            if res.status().is_server_error() {
                tracing::error!(request_id = %request_id, status = %res.status(), "server error");
            }
            ApiError::from_status(res.status())
        }
        None => return res,
    };
    let body = ErrorBody {
        code: err.code.to_string(),
        message: lang.pick(&err.zh, &err.en).to_string(),
        request_id,
        details: err.details.clone(),
    };
    let mut out = (err.status, axum::Json(body)).into_response();
    // Keep headers the handler set (cookies cleared on logout, Retry-After, …).
    for (k, v) in res.headers() {
        if k != http::header::CONTENT_TYPE && k != http::header::CONTENT_LENGTH {
            out.headers_mut().insert(k.clone(), v.clone());
        }
    }
    out
}
