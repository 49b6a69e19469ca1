//! WGS-84 ↔ GCJ-02 ("Mars coordinates"), the datum of AMap, Tencent and Google China tiles.
//!
//! The forward transform is the published offset model (Krasovsky 1940 ellipsoid plus the
//! trigonometric perturbation); it is applied only inside China's bounding box
//! ([`out_of_china`]). The inverse has no closed form and is found by fixed-point iteration to
//! better than 1e-9° (≈ 0.1 mm), well inside the 1e-7° the platform needs.

use std::f64::consts::PI;

use crate::lonlat::LonLat;

/// Semi-major axis of the Krasovsky 1940 ellipsoid used by the model, metres.
const A: f64 = 6_378_245.0;
/// First eccentricity squared of that ellipsoid.
const EE: f64 = 0.006_693_421_622_965_943;
/// Stop iterating the inverse when a step moves less than this many degrees.
const INVERSE_TOLERANCE_DEG: f64 = 1e-10;
/// The inverse converges in 3–5 steps; this bound only guards against pathological input.
const INVERSE_MAX_STEPS: usize = 30;

/// True outside the rectangle where GCJ-02 applies an offset (the conventional box around
/// mainland China). Outside it, both transforms are the identity.
pub fn out_of_china(p: LonLat) -> bool {
    !(72.004..=137.8347).contains(&p.lon) || !(0.8293..=55.8271).contains(&p.lat)
}

/// WGS-84 → GCJ-02. Identity outside China or for non-finite input.
pub fn wgs84_to_gcj02(p: LonLat) -> LonLat {
    if !p.lon.is_finite() || !p.lat.is_finite() || out_of_china(p) {
        return p;
    }
    let (dlon, dlat) = offset_deg(p);
    LonLat {
        lon: p.lon + dlon,
        lat: p.lat + dlat,
    }
}

/// GCJ-02 → WGS-84 by iteration: find `w` with `wgs84_to_gcj02(w) == p` to < 1e-9°.
/// Identity outside China or for non-finite input.
pub fn gcj02_to_wgs84(p: LonLat) -> LonLat {
    if !p.lon.is_finite() || !p.lat.is_finite() || out_of_china(p) {
        return p;
    }
    // Start at `p`: the first step is the usual one-step approximation (p − offset(p)); later
    // steps correct by the residual. The offset varies slowly with position, so each step
    // gains several digits.
    let mut w = p;
    for _ in 0..INVERSE_MAX_STEPS {
        let g = wgs84_to_gcj02(w);
        let step_lon = p.lon - g.lon;
        let step_lat = p.lat - g.lat;
        w.lon += step_lon;
        w.lat += step_lat;
        if step_lon.abs() < INVERSE_TOLERANCE_DEG && step_lat.abs() < INVERSE_TOLERANCE_DEG {
            break;
        }
    }
    w
}

/// The model's offset (Δlon, Δlat) in degrees at WGS-84 position `p`.
fn offset_deg(p: LonLat) -> (f64, f64) {
    let x = p.lon - 105.0;
    let y = p.lat - 35.0;
    let mut dlat = transform_lat(x, y);
    let mut dlon = transform_lon(x, y);
    let rad_lat = p.lat.to_radians();
    let s = rad_lat.sin();
    let magic = 1.0 - EE * s * s;
    let sqrt_magic = magic.sqrt();
    dlat = (dlat * 180.0) / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    dlon = (dlon * 180.0) / (A / sqrt_magic * rad_lat.cos() * PI);
    (dlon, dlat)
}

fn transform_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn transform_lon(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}
