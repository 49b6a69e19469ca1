//! Nearest-guard benchmark (B5, in-process part): [`crate::LiveIndex::nearest`] against a bare
//! `rstar::RTree<[f64; 2]>` over the same points, checked against brute force.

use std::hint::black_box;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use rstar::RTree;
use serde::Serialize;
use uuid::Uuid;

use super::per_item_ns;
use crate::live::LiveIndex;
use crate::lonlat::LonLat;
use crate::rng::SplitMix64;

/// Centre of the generated province (a Guangdong-sized box, as in the reference figures).
pub const PROVINCE_CENTER: LonLat = LonLat::new(113.4, 23.4);
/// Half extents of that box in degrees (≈ 800 km × 580 km).
const HALF_LON: f64 = 3.9;
const HALF_LAT: f64 = 2.6;

/// Brute force is checked on at most this many (query × point) distance evaluations.
const BRUTE_BUDGET: usize = 200_000_000;
/// Brute force is timed only up to this many points.
const BRUTE_TIMED_MAX_POINTS: usize = 100_000;
/// Guards moved (remove + insert) to time moves and to check the index after them.
const MOVES_MAX: usize = 100_000;

/// Figures from one [`nearest`] run.
#[derive(Debug, Clone, Serialize)]
pub struct NearestReport {
    pub points: usize,
    pub queries: usize,
    pub k: usize,
    /// `LiveIndex::nearest(p, k)` per query (projection, ties by id, distances in metres).
    pub ns_per_query: f64,
    /// `nearest_neighbor_iter(q).take(k)` on a bare `RTree<[f64; 2]>` of the same points.
    pub bare_rstar_ns_per_query: f64,
    /// Full scan per query; only measured up to 100,000 points.
    pub brute_ns_per_query: Option<f64>,
    /// One guard move (`upsert` to a new position: R-tree remove + insert).
    pub ns_per_move: f64,
    /// `LiveIndex::nearest` again after the moves (the tree is no longer bulk-loaded).
    pub ns_per_query_after_moves: f64,
    /// Queries compared with brute force (before and after the moves).
    pub checked: usize,
    /// Checked queries where `LiveIndex` (ids and distances) or the bare tree (distances)
    /// differ from brute force. Must be 0.
    pub mismatches: usize,
}

/// Places `points` guards uniformly in a Guangdong-sized box, then times `queries` k-nearest
/// queries on [`LiveIndex`] and on a bare R-tree, brute force on a sample, and guard moves.
pub fn nearest(points: usize, queries: usize, k: usize, seed: u64) -> NearestReport {
    let mut rng = SplitMix64::new(seed);
    let t0 = DateTime::<Utc>::UNIX_EPOCH + Duration::days(20_000);
    let mut guards: Vec<(Uuid, LonLat)> = (0..points)
        .map(|_| (rng.uuid(), random_position(&mut rng)))
        .collect();
    let live = LiveIndex::from_positions(PROVINCE_CENTER, guards.iter().map(|&(g, p)| (g, p, t0)));
    let proj = *live.projection();
    let bare: RTree<[f64; 2]> =
        RTree::bulk_load(guards.iter().map(|&(_, p)| proj.to_xy(p)).collect());
    let qs: Vec<LonLat> = (0..queries).map(|_| random_position(&mut rng)).collect();

    for &p in qs.iter().take(200) {
        black_box(live.nearest(p, k));
        let q = proj.to_xy(p);
        black_box(bare.nearest_neighbor_iter(&q).take(k).count());
    }
    let start = Instant::now();
    for &p in &qs {
        black_box(live.nearest(p, k));
    }
    let ns_per_query = per_item_ns(start.elapsed(), qs.len());

    let start = Instant::now();
    for &p in &qs {
        let q = proj.to_xy(p);
        let found: Vec<[f64; 2]> = bare.nearest_neighbor_iter(&q).take(k).copied().collect();
        black_box(found);
    }
    let bare_rstar_ns_per_query = per_item_ns(start.elapsed(), qs.len());

    let sample = qs.len().min((BRUTE_BUDGET / points.max(1)).max(50));
    let half = sample.div_ceil(2);
    let xy: Vec<([f64; 2], Uuid)> = guards.iter().map(|&(g, p)| (proj.to_xy(p), g)).collect();
    let brute_ns_per_query = (points <= BRUTE_TIMED_MAX_POINTS).then(|| {
        let start = Instant::now();
        for &p in &qs[..sample] {
            black_box(brute_nearest(&xy, proj.to_xy(p), k));
        }
        per_item_ns(start.elapsed(), sample)
    });
    let mut mismatches = 0;
    for &p in &qs[..half] {
        let q = proj.to_xy(p);
        let expect = brute_nearest(&xy, q, k);
        let bare_d: Vec<f64> = bare
            .nearest_neighbor_iter_with_distance_2(&q)
            .take(k)
            .map(|(_, d2)| d2.sqrt())
            .collect();
        let expect_d: Vec<f64> = expect.iter().map(|e| e.1).collect();
        if live.nearest(p, k) != expect || bare_d != expect_d {
            mismatches += 1;
        }
    }

    // Moves: each guard steps up to 50 m, as a 30 s ping would.
    let mut live = live;
    let moves = points.min(MOVES_MAX);
    let plan: Vec<(usize, LonLat)> = (0..moves)
        .map(|_| {
            let i = rng.below(points);
            let p = guards[i].1;
            (
                i,
                LonLat::new(
                    p.lon + rng.range(-5e-4, 5e-4),
                    p.lat + rng.range(-4.5e-4, 4.5e-4),
                ),
            )
        })
        .collect();
    let start = Instant::now();
    for (n, &(i, p)) in plan.iter().enumerate() {
        black_box(live.upsert(guards[i].0, p, t0 + Duration::seconds(n as i64 + 1)));
    }
    let ns_per_move = per_item_ns(start.elapsed(), plan.len());
    for &(i, p) in &plan {
        guards[i].1 = p;
    }
    let start = Instant::now();
    for &p in &qs {
        black_box(live.nearest(p, k));
    }
    let ns_per_query_after_moves = per_item_ns(start.elapsed(), qs.len());
    let xy: Vec<([f64; 2], Uuid)> = guards.iter().map(|&(g, p)| (proj.to_xy(p), g)).collect();
    for &p in &qs[half..sample] {
        if live.nearest(p, k) != brute_nearest(&xy, proj.to_xy(p), k) {
            mismatches += 1;
        }
    }

    NearestReport {
        points,
        queries: qs.len(),
        k,
        ns_per_query,
        bare_rstar_ns_per_query,
        brute_ns_per_query,
        ns_per_move,
        ns_per_query_after_moves,
        checked: sample,
        mismatches,
    }
}

fn random_position(rng: &mut SplitMix64) -> LonLat {
    LonLat::new(
        PROVINCE_CENTER.lon + rng.range(-HALF_LON, HALF_LON),
        PROVINCE_CENTER.lat + rng.range(-HALF_LAT, HALF_LAT),
    )
}

/// The k nearest of `points` to `q` by a full scan keeping a sorted top-k: (id, metres),
/// nearest first, ties by id. The scan compares against the current k-th distance only, so it
/// runs at memory speed; this is the honest baseline, not a strawman.
pub(crate) fn brute_nearest(
    points: &[([f64; 2], Uuid)],
    q: [f64; 2],
    k: usize,
) -> Vec<(Uuid, f64)> {
    if k == 0 {
        return Vec::new();
    }
    let mut best: Vec<(f64, Uuid)> = Vec::with_capacity(k + 1);
    let mut worst = f64::INFINITY;
    for &(p, g) in points {
        let dx = p[0] - q[0];
        let dy = p[1] - q[1];
        let d2 = dx * dx + dy * dy;
        if d2 > worst {
            continue;
        }
        let at = best.partition_point(|e| e.0 < d2 || (e.0 == d2 && e.1 < g));
        if at < k {
            best.insert(at, (d2, g));
            best.truncate(k);
            if best.len() == k {
                worst = best[k - 1].0;
            }
        }
    }
    best.into_iter().map(|(d2, g)| (g, d2.sqrt())).collect()
}
