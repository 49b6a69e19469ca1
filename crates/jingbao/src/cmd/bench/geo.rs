//! `jingbao bench geofence` and `jingbao bench nearest`: the live index's figures next to a
//! brute-force oracle and bare rstar measured in the same run (jingbao-geo's bench module).

use crate::cli::BenchArgs;

pub fn geofence(a: &BenchArgs) -> bool {
    let sizes: &[usize] = if a.quick {
        &[100, 1_000]
    } else {
        &[100, 1_000, 23_000]
    };
    let updates = if a.quick { 5_000 } else { 200_000 };
    let mut ok = true;
    println!(
        "bench geofence ({updates} position updates, 64-vertex fences, brute force in the same run)"
    );
    for &n in sizes {
        let r = jingbao_geo::bench::geofence(n, updates, 42);
        ok &= r.mismatches == 0;
        println!(
            "  {n:>6} fences: {:>8.0} ns/update  brute {:>10.0} ns/update  ({:.0}x faster)  mismatches {}",
            r.ns_per_update,
            r.brute_ns_per_update,
            r.brute_ns_per_update / r.ns_per_update.max(1e-9),
            r.mismatches
        );
    }
    ok
}

pub fn nearest(a: &BenchArgs) -> bool {
    let sizes: &[usize] = if a.quick {
        &[1_000, 20_000]
    } else {
        &[1_000, 100_000, 1_000_000]
    };
    let queries = if a.quick { 1_000 } else { 10_000 };
    let mut ok = true;
    println!(
        "bench nearest (10-nearest, {queries} queries, bare rstar and brute force in the same run)"
    );
    for &n in sizes {
        let r = jingbao_geo::bench::nearest(n, queries, 10, 42);
        ok &= r.mismatches == 0;
        let brute = r
            .brute_ns_per_query
            .map(|b| format!("brute {b:.0} ns"))
            .unwrap_or_else(|| "brute —".into());
        println!(
            "  {n:>8} points: {:>8.0} ns/query  bare rstar {:>8.0} ns  ratio {:.2}x  {brute}  mismatches {}",
            r.ns_per_query,
            r.bare_rstar_ns_per_query,
            r.ns_per_query / r.bare_rstar_ns_per_query.max(1e-9),
            r.mismatches
        );
    }
    ok
}
