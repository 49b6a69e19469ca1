//! GCJ-02: the offset is hundreds of metres in China, zero outside, and the inverse round-trips.

use jingbao_geo::{LonLat, gcj02_to_wgs84, haversine_m, out_of_china, wgs84_to_gcj02};

use crate::NINGBO;

#[test]
fn offset_in_ningbo_is_between_100_and_1000_m() {
    let g = wgs84_to_gcj02(NINGBO);
    let d = haversine_m(NINGBO, g);
    assert!((100.0..1000.0).contains(&d), "offset {d} m");
    // The published model shifts Ningbo east and south: AMap's pins sit ~0.0045° east.
    assert!(g.lon > NINGBO.lon && g.lat < NINGBO.lat, "{g:?}");
}

#[test]
fn matches_published_reference_values() {
    // Reference values of the widely used implementations of the model (coordtransform).
    let g = wgs84_to_gcj02(LonLat::new(116.404, 39.915));
    assert!((g.lon - 116.41024449916938).abs() < 1e-9, "{g:?}");
    assert!((g.lat - 39.91640428150164).abs() < 1e-9, "{g:?}");
    // Their inverse is the one-step approximation (p − offset(p)), off by up to ~1e-6°;
    // the iterated inverse lands within that of it.
    let w = gcj02_to_wgs84(LonLat::new(116.404, 39.915));
    assert!((w.lon - 116.39775550083061).abs() < 5e-6, "{w:?}");
    assert!((w.lat - 39.91359571849836).abs() < 5e-6, "{w:?}");
}

#[test]
fn inverse_round_trips_to_1e_7_degrees_across_china() {
    for i in 0..40 {
        for j in 0..30 {
            let w = LonLat::new(74.0 + i as f64 * 1.6, 18.5 + j as f64 * 1.2);
            if out_of_china(w) {
                continue;
            }
            let back = gcj02_to_wgs84(wgs84_to_gcj02(w));
            assert!((back.lon - w.lon).abs() < 1e-7, "{w:?} -> {back:?}");
            assert!((back.lat - w.lat).abs() < 1e-7, "{w:?} -> {back:?}");
        }
    }
    let g = LonLat::new(121.5485, 29.8658);
    let w = gcj02_to_wgs84(g);
    let again = wgs84_to_gcj02(w);
    assert!((again.lon - g.lon).abs() < 1e-9 && (again.lat - g.lat).abs() < 1e-9);
}

#[test]
fn no_offset_outside_china() {
    for p in [
        LonLat::new(2.3522, 48.8566),
        LonLat::new(-74.0, 40.7),
        LonLat::new(151.2, -33.9),
    ] {
        assert!(out_of_china(p));
        assert_eq!(wgs84_to_gcj02(p), p);
        assert_eq!(gcj02_to_wgs84(p), p);
    }
    assert!(!out_of_china(NINGBO));
    let nan = LonLat::new(f64::NAN, 30.0);
    assert!(wgs84_to_gcj02(nan).lon.is_nan());
}
