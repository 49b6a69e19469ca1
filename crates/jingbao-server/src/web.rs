//! The console (`/`) and guard app (`/m/`) built from `web/` and embedded in the binary;
//! hashed assets are cached for a year, the HTML never.

use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "../../web/dist"]
#[allow_missing = true]
struct Assets;

fn file(path: &str) -> Option<Response> {
    let f = Assets::get(path)?;
    let mime = f.metadata.mimetype().to_string();
    let cache = if path.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    Some(
        Response::builder()
            .header(header::CONTENT_TYPE, mime)
            .header(header::CACHE_CONTROL, cache)
            .body(Body::from(f.data.into_owned()))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    )
}

/// True when the web app was built into this binary.
pub fn built() -> bool {
    Assets::get("index.html").is_some()
}

pub async fn serve(req: Request) -> Response {
    let path = req.uri().path().trim_start_matches('/');
    if path.starts_with("api/") || path == "api" {
        return crate::http::error::ApiError::not_found().into_response();
    }
    if let Some(r) = (!path.is_empty()).then(|| file(path)).flatten() {
        return r;
    }
    let index = if path == "m" || path.starts_with("m/") {
        "m/index.html"
    } else {
        "index.html"
    };
    file(index).unwrap_or_else(|| {
        (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
         "The web app is not built into this binary. Run `make web` and rebuild.\n网页端未编译进本程序，请先执行 make web 后重新编译。")
            .into_response()
    })
}
