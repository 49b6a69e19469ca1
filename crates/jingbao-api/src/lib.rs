//! Jingbao wire types: the JSON bodies of the HTTP API, one module per area. The OpenAPI
//! document's schemas derive from these.

pub mod auth;
pub mod directives;
pub mod error;
pub mod org;
pub mod patrol;
pub mod people;
pub mod system;

pub use error::{ErrorBody, ErrorDetail};

use serde::Serialize;
use utoipa::ToSchema;

/// One page of a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ListResponse<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub page_size: u64,
}

/// Point in WGS-84 degrees.
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize, ToSchema, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}
