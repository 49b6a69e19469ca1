//! The benchmark functions find no mismatches at small sizes (their figures are not asserted).

use jingbao_geo::bench::{geofence, nearest};

#[test]
fn geofence_bench_agrees_with_brute_force() {
    let r = geofence(300, 4_000, 11);
    assert_eq!(r.fences, 300);
    assert_eq!(r.updates, 4_000);
    assert_eq!(r.brute_checked, 4_000);
    assert!(r.hits > 500, "{r:?}");
    assert_eq!(r.mismatches, 0, "{r:?}");
    assert!(r.ns_per_update > 0.0 && r.brute_ns_per_update > 0.0);
}

#[test]
fn nearest_bench_agrees_with_brute_force() {
    let r = nearest(3_000, 400, 10, 5);
    assert_eq!(r.mismatches, 0, "{r:?}");
    assert_eq!(r.checked, 400);
    assert!(r.brute_ns_per_query.is_some());
    let tiny = nearest(7, 50, 10, 6);
    assert_eq!(tiny.mismatches, 0, "{tiny:?}");
}

#[test]
fn same_seed_same_data() {
    let a = geofence(50, 500, 3);
    let b = geofence(50, 500, 3);
    assert_eq!(a.hits, b.hits);
    assert_ne!(a.hits, geofence(50, 500, 4).hits);
}
