//! Integration tests of the demo district generator, one binary. Geometry and checksum
//! helpers here are written independently of the generator's own.

mod checksums;
mod counts;
mod determinism;
mod enterprises;
mod geometry;
mod people;

use std::sync::OnceLock;

use jingbao_sim::{DEFAULT_SEED, DemoDistrict, LonLat, generate};

/// The default district and two others, generated once per test binary; invariants
/// are checked on all of them so that they hold for any seed, not one lucky draw.
pub fn districts() -> &'static [DemoDistrict] {
    static DISTRICTS: OnceLock<Vec<DemoDistrict>> = OnceLock::new();
    DISTRICTS.get_or_init(|| {
        [DEFAULT_SEED, 1, 0xDEAD_BEEF]
            .into_iter()
            .map(generate)
            .collect()
    })
}

/// The default district.
pub fn district() -> &'static DemoDistrict {
    &districts()[0]
}

/// Local metres east/north of (121.55, 29.82), equirectangular.
pub fn metres(p: LonLat) -> (f64, f64) {
    const LON0: f64 = 121.55;
    const LAT0: f64 = 29.82;
    const M_PER_DEG: f64 = 111_320.0;
    let x = (p.lon - LON0) * M_PER_DEG * LAT0.to_radians().cos();
    let y = (p.lat - LAT0) * M_PER_DEG;
    (x, y)
}

/// An open ring in metres from a closed lon/lat ring.
pub fn ring_metres(ring: &[LonLat]) -> Vec<(f64, f64)> {
    ring[..ring.len() - 1].iter().map(|p| metres(*p)).collect()
}
