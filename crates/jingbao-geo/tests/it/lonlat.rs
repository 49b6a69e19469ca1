//! Haversine against known distances; the local projection's round trip and accuracy.

use jingbao_geo::{LocalProjection, LonLat, haversine_m};

use crate::{NINGBO, rel};

#[test]
fn one_degree_of_latitude_is_about_111_2_km() {
    let d = haversine_m(LonLat::new(121.0, 29.0), LonLat::new(121.0, 30.0));
    assert!((d - 111_195.0).abs() < 10.0, "got {d}");
    let eq = haversine_m(LonLat::new(0.0, 0.0), LonLat::new(1.0, 0.0));
    assert!((eq - 111_195.0).abs() < 10.0, "got {eq}");
    // A degree of longitude shrinks with cos(lat): at 60° it is half.
    let north = haversine_m(LonLat::new(10.0, 60.0), LonLat::new(11.0, 60.0));
    assert!(rel(north, 55_597.0) < 0.002, "got {north}");
}

#[test]
fn haversine_known_city_pairs() {
    let paris = LonLat::new(2.3522, 48.8566);
    let london = LonLat::new(-0.1278, 51.5074);
    assert!(rel(haversine_m(paris, london), 343_560.0) < 0.001);
    let beijing = LonLat::new(116.4074, 39.9042);
    let shanghai = LonLat::new(121.4737, 31.2304);
    assert!(rel(haversine_m(beijing, shanghai), 1_067_300.0) < 0.001);
    assert!(rel(haversine_m(shanghai, NINGBO), 151_600.0) < 0.001);
}

#[test]
fn haversine_is_symmetric_zero_on_identity_and_finite_for_antipodes() {
    let a = LonLat::new(121.5, 29.8);
    let b = LonLat::new(-58.5, -29.8);
    assert_eq!(haversine_m(a, a), 0.0);
    assert_eq!(haversine_m(a, b), haversine_m(b, a));
    let half_circumference = std::f64::consts::PI * jingbao_geo::EARTH_RADIUS_M;
    assert!(rel(haversine_m(a, b), half_circumference) < 1e-9);
}

#[test]
fn projection_round_trips_and_centre_is_origin() {
    let proj = LocalProjection::new(NINGBO);
    assert_eq!(proj.to_xy(NINGBO), [0.0, 0.0]);
    for &(dx, dy) in &[
        (0.0, 0.0),
        (1.0, -1.0),
        (12_345.6, -7_890.1),
        (-50_000.0, 50_000.0),
    ] {
        let p = proj.to_lonlat([dx, dy]);
        let back = proj.to_xy(p);
        assert!((back[0] - dx).abs() < 1e-6 && (back[1] - dy).abs() < 1e-6);
    }
    // East is +x, north is +y.
    let ne = proj.to_xy(LonLat::new(NINGBO.lon + 0.01, NINGBO.lat + 0.01));
    assert!(ne[0] > 900.0 && ne[1] > 1_100.0);
}

#[test]
fn projection_is_within_0_1_percent_of_haversine_out_to_50_km() {
    let proj = LocalProjection::new(NINGBO);
    for bearing in (0..360).step_by(5) {
        for &d in &[100.0, 1_000.0, 10_000.0, 50_000.0] {
            let t = (bearing as f64).to_radians();
            // A point roughly d metres away; the check compares the two metrics at it.
            let p = proj.to_lonlat([d * t.sin(), d * t.cos()]);
            let plane = proj.distance_m(NINGBO, p);
            let sphere = haversine_m(NINGBO, p);
            assert!(
                rel(plane, sphere) < 1e-3,
                "bearing {bearing} d {d}: {plane} vs {sphere}"
            );
        }
    }
}

#[test]
fn lonlat_validity_and_serde_shape() {
    assert!(NINGBO.is_valid());
    assert!(!LonLat::new(f64::NAN, 0.0).is_valid());
    assert!(!LonLat::new(181.0, 0.0).is_valid());
    assert!(!LonLat::new(0.0, -90.5).is_valid());
    let json = serde_json::to_string(&LonLat::new(121.5, 29.8)).unwrap();
    assert_eq!(json, r#"{"lon":121.5,"lat":29.8}"#);
}
