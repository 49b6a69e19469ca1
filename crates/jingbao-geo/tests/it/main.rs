//! Integration tests for jingbao-geo: one binary, one module per source file.
#![allow(clippy::unwrap_used)]

mod bench;
mod fence;
mod gcj;
mod live;
mod lonlat;
mod polygon;
mod tracker;

use jingbao_geo::LonLat;

/// Ningbo Southern Business District, the demo district.
pub const NINGBO: LonLat = LonLat::new(121.5440, 29.8683);

/// Relative difference |a − b| / |b|.
pub fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs()
}
