//! Jingbao HTTP server: `app(state)` builds the whole router — API routes from the route
//! table, the embedded web apps, and the layers every request passes (request id, tracing,
//! security headers, the error envelope, panic guard, body limits).

pub mod auth;
pub mod clock;
pub mod config;
pub mod directives;
pub mod http;
pub mod in_process;
pub mod office;
pub mod openapi;
pub mod patrol;
pub mod realtime;
pub mod resources;
pub mod routes;
pub mod seed;
pub mod state;
pub mod web;

pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{HashProfile, ServerConfig};
pub use state::AppState;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub fn app(state: AppState) -> Router {
    let (api, _) = routes::api(state.config.upload_limit);
    let json_limit = state.config.json_limit;
    let hsts = state.config.secure_cookies.then(|| {
        SetResponseHeaderLayer::if_not_present(
            ::http::header::STRICT_TRANSPORT_SECURITY,
            ::http::HeaderValue::from_static("max-age=31536000"),
        )
    });
    api.fallback(web::serve)
        .layer(tower::util::option_layer(hsts))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(TraceLayer::new_for_http())
                .layer(axum::middleware::from_fn(http::headers::security_headers))
                .layer(axum::middleware::from_fn(http::envelope::envelope))
                .layer(CatchPanicLayer::new())
                .layer(DefaultBodyLimit::max(json_limit)),
        )
        .with_state(state)
}
