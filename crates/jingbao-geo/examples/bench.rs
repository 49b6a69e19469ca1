//! Runs the geofence and nearest-guard benchmarks at the reference sizes and prints the
//! figures next to their same-run baselines:
//! `cargo run --release -p jingbao-geo --example bench [seed]`.

use jingbao_geo::bench::{geofence, nearest};

fn main() {
    let seed = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_260_101u64);
    println!("seed {seed}");

    println!("\ngeofence: fences_containing per update (64-vertex posts, 20 km square)");
    println!(
        "{:>7} {:>8} {:>9} {:>10} {:>13} {:>8} {:>8} {:>7} {:>9}",
        "fences",
        "updates",
        "build ms",
        "ns/update",
        "brute ns/upd",
        "speedup",
        "checked",
        "hits",
        "mismatch"
    );
    for fences in [100, 1_000, 23_000] {
        let r = geofence(fences, 200_000, seed);
        println!(
            "{:>7} {:>8} {:>9.1} {:>10.0} {:>13.0} {:>7.1}x {:>8} {:>7} {:>9}",
            r.fences,
            r.updates,
            r.build_ms,
            r.ns_per_update,
            r.brute_ns_per_update,
            r.brute_ns_per_update / r.ns_per_update,
            r.brute_checked,
            r.hits,
            r.mismatches
        );
    }

    println!("\nnearest: LiveIndex::nearest vs bare rstar, k = 10, Guangdong-sized box");
    println!(
        "{:>9} {:>8} {:>9} {:>9} {:>6} {:>10} {:>8} {:>11} {:>8} {:>9}",
        "points",
        "queries",
        "ns/query",
        "bare ns",
        "ratio",
        "brute ns",
        "ns/move",
        "after moves",
        "checked",
        "mismatch"
    );
    for points in [1_000, 100_000, 1_000_000] {
        let r = nearest(points, 10_000, 10, seed);
        let brute = r
            .brute_ns_per_query
            .map_or_else(|| "-".to_string(), |b| format!("{b:.0}"));
        println!(
            "{:>9} {:>8} {:>9.0} {:>9.0} {:>5.2}x {:>10} {:>8.0} {:>11.0} {:>8} {:>9}",
            r.points,
            r.queries,
            r.ns_per_query,
            r.bare_rstar_ns_per_query,
            r.ns_per_query / r.bare_rstar_ns_per_query,
            brute,
            r.ns_per_move,
            r.ns_per_query_after_moves,
            r.checked,
            r.mismatches
        );
    }
}
