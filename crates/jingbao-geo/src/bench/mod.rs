//! Benchmarks the CLI runs (`jingbao bench geofence|nearest`): each builds deterministic data
//! from a seed, times our code and a baseline in the same run on the same data, checks the
//! answers against brute force, and returns the figures. Nothing here prints.
//!
//! The data generators are public so tests and the simulator can use the same shapes.

mod geofence;
mod nearest;

use std::f64::consts::TAU;

pub use geofence::{GeofenceReport, geofence};
pub use nearest::{NearestReport, nearest};

use crate::error::GeoError;
use crate::lonlat::LonLat;
use crate::polygon::Polygon;
use crate::projection::LocalProjection;
use crate::rng::SplitMix64;

/// Centre of the generated city (Ningbo, Yinzhou): the geofence benchmark scatters fences in a
/// 20 km square around it.
pub const CITY_CENTER: LonLat = LonLat::new(121.55, 29.87);

/// Half the side of the generated city square, metres.
pub const CITY_HALF_SIDE_M: f64 = 10_000.0;

/// A star-shaped polygon around `center` (projected metres in `proj`): `vertices` vertices at
/// evenly spaced, jittered angles, each at a radius between 70 % and 100 % of a base radius
/// drawn from `[r_min, r_max)` metres.
pub fn star_polygon(
    rng: &mut SplitMix64,
    proj: &LocalProjection,
    center: [f64; 2],
    r_min: f64,
    r_max: f64,
    vertices: usize,
) -> Result<Polygon, GeoError> {
    let base = rng.range(r_min, r_max);
    let n = vertices.max(3);
    let step = TAU / n as f64;
    let ring: Vec<LonLat> = (0..n)
        .map(|i| {
            let angle = step * (i as f64 + rng.range(-0.3, 0.3));
            let r = base * rng.range(0.7, 1.0);
            proj.to_lonlat([center[0] + r * angle.cos(), center[1] + r * angle.sin()])
        })
        .collect();
    Polygon::new(ring)
}

/// Nanoseconds per item for `elapsed` over `items` (0 when there were none).
fn per_item_ns(elapsed: std::time::Duration, items: usize) -> f64 {
    if items == 0 {
        0.0
    } else {
        elapsed.as_secs_f64() * 1e9 / items as f64
    }
}
