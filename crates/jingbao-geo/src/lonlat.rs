//! WGS-84 positions in degrees ([`LonLat`]) and great-circle distance ([`haversine_m`]).

use serde::{Deserialize, Serialize};

/// Mean Earth radius (IUGG), metres. Used by [`haversine_m`] and by
/// [`crate::LocalProjection`], so the two agree on what a metre is.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// A position in WGS-84 degrees: longitude east, latitude north.
///
/// Phones and the browser Geolocation API report WGS-84; maps traced from AMap or Tencent are
/// GCJ-02 and must be converted with [`crate::gcj02_to_wgs84`] on import.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    pub const fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }

    /// Both coordinates are finite and within the WGS-84 ranges
    /// (−180 ≤ lon ≤ 180, −90 ≤ lat ≤ 90).
    pub fn is_valid(&self) -> bool {
        self.lon.is_finite()
            && self.lat.is_finite()
            && (-180.0..=180.0).contains(&self.lon)
            && (-90.0..=90.0).contains(&self.lat)
    }
}

/// Great-circle distance in metres on a sphere of radius [`EARTH_RADIUS_M`].
///
/// The spherical model is within about 0.5 % of the WGS-84 ellipsoid, which is far below GPS
/// error at the distances the platform uses (a post, a district, a city).
pub fn haversine_m(a: LonLat, b: LonLat) -> f64 {
    let lat1 = a.lat.to_radians();
    let lat2 = b.lat.to_radians();
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let s_lat = (dlat * 0.5).sin();
    let s_lon = (dlon * 0.5).sin();
    let h = s_lat * s_lat + lat1.cos() * lat2.cos() * s_lon * s_lon;
    // Clamp: rounding can push h a hair above 1 for antipodal points.
    2.0 * EARTH_RADIUS_M * h.clamp(0.0, 1.0).sqrt().asin()
}
