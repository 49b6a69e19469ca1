//! Point in polygon (convex, concave, L, boundary-near), distance and buffered containment.

use jingbao_geo::{GeoError, LocalProjection, LonLat, Polygon};

use crate::NINGBO;

/// A polygon from vertices given in metres east/north of the district centre.
fn poly(xy: &[(f64, f64)]) -> Polygon {
    Polygon::new(xy.iter().map(|&(x, y)| at(x, y)).collect()).unwrap()
}

fn at(x: f64, y: f64) -> LonLat {
    LocalProjection::new(NINGBO).to_lonlat([x, y])
}

fn square() -> Polygon {
    poly(&[(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)])
}

#[test]
fn convex_square_inside_outside_and_just_across_the_edge() {
    let sq = square();
    assert!(sq.point_in_polygon(at(50.0, 50.0)));
    assert!(sq.point_in_polygon(at(0.5, 99.5)));
    assert!(!sq.point_in_polygon(at(150.0, 50.0)));
    assert!(!sq.point_in_polygon(at(-0.5, 50.0)));
    // One centimetre either side of each edge.
    for &(inside, outside) in &[
        ((99.99, 50.0), (100.01, 50.0)),
        ((0.01, 50.0), (-0.01, 50.0)),
        ((50.0, 99.99), (50.0, 100.01)),
        ((50.0, 0.01), (50.0, -0.01)),
    ] {
        assert!(sq.point_in_polygon(at(inside.0, inside.1)), "{inside:?}");
        assert!(
            !sq.point_in_polygon(at(outside.0, outside.1)),
            "{outside:?}"
        );
    }
}

#[test]
fn concave_u_shape_excludes_the_notch() {
    // A 100 m square with a 40 m wide notch cut from the top down to y = 30.
    let u = poly(&[
        (0.0, 0.0),
        (100.0, 0.0),
        (100.0, 100.0),
        (70.0, 100.0),
        (70.0, 30.0),
        (30.0, 30.0),
        (30.0, 100.0),
        (0.0, 100.0),
    ]);
    assert!(!u.point_in_polygon(at(50.0, 60.0)), "in the notch");
    assert!(
        !u.point_in_polygon(at(50.0, 30.01)),
        "just inside the notch"
    );
    assert!(u.point_in_polygon(at(50.0, 29.99)), "just below the notch");
    assert!(u.point_in_polygon(at(15.0, 60.0)), "left arm");
    assert!(u.point_in_polygon(at(85.0, 60.0)), "right arm");
    assert!(u.point_in_polygon(at(29.99, 60.0)));
    assert!(!u.point_in_polygon(at(30.01, 60.0)));
    assert!((u.distance_to_polygon_m(at(50.0, 60.0)) - 20.0).abs() < 1e-3);
}

#[test]
fn l_shape_and_rays_through_vertices() {
    let l = poly(&[
        (0.0, 0.0),
        (100.0, 0.0),
        (100.0, 40.0),
        (40.0, 40.0),
        (40.0, 100.0),
        (0.0, 100.0),
    ]);
    assert!(l.point_in_polygon(at(20.0, 70.0)));
    assert!(l.point_in_polygon(at(70.0, 20.0)));
    assert!(!l.point_in_polygon(at(70.0, 70.0)));
    // The ray from these points passes exactly through a vertex row (y = 40 or 0/100).
    assert!(l.point_in_polygon(at(20.0, 40.0)));
    assert!(!l.point_in_polygon(at(-10.0, 40.0)));
    assert!(!l.point_in_polygon(at(120.0, 40.0)));
    assert!(!l.point_in_polygon(at(-10.0, 0.0)));
    assert!(!l.point_in_polygon(at(-10.0, 100.0)));
    // Inside corner of the L.
    assert!(l.point_in_polygon(at(39.99, 39.99)));
    assert!(!l.point_in_polygon(at(40.01, 40.01)));
}

#[test]
fn closed_open_and_winding_give_the_same_answers() {
    let open = square();
    let closed = poly(&[
        (0.0, 0.0),
        (100.0, 0.0),
        (100.0, 100.0),
        (0.0, 100.0),
        (0.0, 0.0),
    ]);
    let clockwise = poly(&[(0.0, 0.0), (0.0, 100.0), (100.0, 100.0), (100.0, 0.0)]);
    assert_eq!(closed.ring().len(), 4);
    for &(x, y) in &[
        (50.0, 50.0),
        (99.9, 0.1),
        (100.1, 50.0),
        (-3.0, -4.0),
        (130.0, 140.0),
    ] {
        let p = at(x, y);
        assert_eq!(open.point_in_polygon(p), closed.point_in_polygon(p));
        assert_eq!(open.point_in_polygon(p), clockwise.point_in_polygon(p));
        let d = open.distance_to_polygon_m(p);
        assert!((d - closed.distance_to_polygon_m(p)).abs() < 1e-9);
        assert!((d - clockwise.distance_to_polygon_m(p)).abs() < 1e-9);
    }
}

#[test]
fn distance_is_zero_inside_and_metres_outside() {
    let sq = square();
    assert_eq!(sq.distance_to_polygon_m(at(50.0, 50.0)), 0.0);
    assert!((sq.distance_to_polygon_m(at(150.0, 50.0)) - 50.0).abs() < 1e-3);
    assert!((sq.distance_to_polygon_m(at(50.0, -12.5)) - 12.5).abs() < 1e-3);
    let corner = sq.distance_to_polygon_m(at(103.0, 104.0));
    assert!((corner - 5.0).abs() < 1e-3, "{corner}");
}

#[test]
fn buffered_containment_just_inside_and_outside_the_buffer() {
    let sq = square();
    let buffer = 20.0;
    assert!(sq.buffered_contains(at(50.0, 50.0), buffer));
    assert!(sq.buffered_contains(at(119.95, 50.0), buffer));
    assert!(!sq.buffered_contains(at(120.05, 50.0), buffer));
    assert!(sq.buffered_contains(at(50.0, -19.95), buffer));
    assert!(!sq.buffered_contains(at(50.0, -20.05), buffer));
    // Corners are rounded: (114, 114) is 19.8 m away, (114.2, 114.2) is 20.08 m.
    assert!(sq.buffered_contains(at(114.0, 114.0), buffer));
    assert!(!sq.buffered_contains(at(114.2, 114.2), buffer));
    // A zero, negative or NaN buffer is the polygon itself.
    for b in [0.0, -5.0, f64::NAN] {
        assert!(sq.buffered_contains(at(99.9, 50.0), b));
        assert!(!sq.buffered_contains(at(100.1, 50.0), b));
    }
    assert!(!sq.buffered_contains(LonLat::new(f64::NAN, f64::NAN), buffer));
}

#[test]
fn buffered_bounds_cover_the_buffer() {
    let sq = square();
    let (lo, hi) = sq.buffered_bounds(20.0);
    let proj = LocalProjection::new(NINGBO);
    let a = proj.to_xy(lo);
    let b = proj.to_xy(hi);
    assert!(
        (a[0] + 20.0).abs() < 0.01 && (a[1] + 20.0).abs() < 0.01,
        "{a:?}"
    );
    assert!(
        (b[0] - 120.0).abs() < 0.01 && (b[1] - 120.0).abs() < 0.01,
        "{b:?}"
    );
}

#[test]
fn rejects_degenerate_and_invalid_rings() {
    assert_eq!(
        Polygon::new(vec![at(0.0, 0.0), at(1.0, 0.0), at(0.0, 0.0)]),
        Err(GeoError::TooFewVertices { got: 2 })
    );
    assert_eq!(
        Polygon::new(vec![at(0.0, 0.0), at(0.0, 0.0), at(0.0, 0.0), at(0.0, 0.0)]),
        Err(GeoError::TooFewVertices { got: 1 })
    );
    let bad = Polygon::new(vec![at(0.0, 0.0), LonLat::new(f64::NAN, 1.0), at(5.0, 5.0)]);
    assert_eq!(bad, Err(GeoError::InvalidCoordinate { index: 1 }));
    assert_eq!(bad.unwrap_err().code(), "invalid_coordinate");
}

#[test]
fn serde_is_the_ring_and_validates() {
    let sq = square();
    let json = serde_json::to_string(&sq).unwrap();
    assert!(json.starts_with("[{\"lon\":"));
    let back: Polygon = serde_json::from_str(&json).unwrap();
    assert_eq!(back.ring().len(), sq.ring().len());
    for (a, b) in back.ring().iter().zip(sq.ring()) {
        assert!((a.lon - b.lon).abs() < 1e-12 && (a.lat - b.lat).abs() < 1e-12);
    }
    let too_few: Result<Polygon, _> =
        serde_json::from_str(r#"[{"lon":1,"lat":1},{"lon":2,"lat":2}]"#);
    assert!(too_few.is_err());
}

#[test]
fn centre_discs_bound_the_polygon() {
    let sq = square();
    let (inner, outer) = sq.center_radii_m();
    assert!((inner - 50.0).abs() < 1e-3, "{inner}");
    assert!((outer - 50.0 * 2f64.sqrt()).abs() < 1e-3, "{outer}");
    let ring = poly(&[
        (0.0, 0.0),
        (100.0, 0.0),
        (100.0, 100.0),
        (60.0, 100.0),
        (60.0, 10.0),
        (40.0, 10.0),
        (40.0, 100.0),
        (0.0, 100.0),
    ]);
    assert_eq!(
        ring.center_radii_m().0,
        0.0,
        "centre in the notch: no inner disc"
    );
}
