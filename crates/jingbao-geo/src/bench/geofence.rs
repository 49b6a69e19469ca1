//! Geofence benchmark (B6, evaluation part): [`crate::FenceIndex::fences_containing`] against
//! checking every fence, on random 64-vertex posts scattered over a city.

use std::hint::black_box;
use std::time::Instant;

use serde::Serialize;

use super::{CITY_CENTER, CITY_HALF_SIDE_M, per_item_ns, star_polygon};
use crate::fence::{FenceId, FenceIndex};
use crate::lonlat::LonLat;
use crate::projection::LocalProjection;
use crate::rng::SplitMix64;

/// Vertices per generated fence.
pub const FENCE_VERTICES: usize = 64;

/// Brute force is timed and checked on at most this many (update × fence) evaluations, so a
/// 23,000-fence run stays at a few seconds; smaller runs check every update.
const BRUTE_BUDGET: usize = 300_000_000;

/// Figures from one [`geofence`] run.
#[derive(Debug, Clone, Serialize)]
pub struct GeofenceReport {
    pub fences: usize,
    pub updates: usize,
    /// Building the index (bulk load of the R-tree, per-fence shortcuts), milliseconds.
    pub build_ms: f64,
    /// `fences_containing` per update (R-tree candidates, then exact buffered test).
    pub ns_per_update: f64,
    /// Checking every fence, per update, in the same run.
    pub brute_ns_per_update: f64,
    /// Updates on which brute force was run and compared (all of them unless the run is big).
    pub brute_checked: usize,
    /// Updates inside at least one fence.
    pub hits: usize,
    /// Updates where the index and brute force disagree. Must be 0.
    pub mismatches: usize,
}

/// Builds `fences` random star-shaped posts (64 vertices, 30–80 m, buffer 0–25 m) in a 20 km
/// square and `updates` positions (half near a random post, half anywhere), then times
/// `fences_containing` per update against brute force.
pub fn geofence(fences: usize, updates: usize, seed: u64) -> GeofenceReport {
    let mut rng = SplitMix64::new(seed);
    let proj = LocalProjection::new(CITY_CENTER);
    let mut centers: Vec<[f64; 2]> = Vec::with_capacity(fences);
    let mut input: Vec<(FenceId, crate::Polygon, f64)> = Vec::with_capacity(fences);
    for _ in 0..fences {
        let c = [
            rng.range(-CITY_HALF_SIDE_M, CITY_HALF_SIDE_M),
            rng.range(-CITY_HALF_SIDE_M, CITY_HALF_SIDE_M),
        ];
        if let Ok(polygon) = star_polygon(&mut rng, &proj, c, 30.0, 80.0, FENCE_VERTICES) {
            centers.push(c);
            input.push((rng.uuid(), polygon, rng.range(0.0, 25.0)));
        }
    }
    let start = Instant::now();
    let index = FenceIndex::new(input);
    let build_ms = start.elapsed().as_secs_f64() * 1e3;
    let points = positions(&mut rng, &proj, &centers, updates);

    // Warm caches and branch predictors on a prefix, untimed.
    for &p in points.iter().take(1_000) {
        black_box(index.fences_containing(p));
    }
    let start = Instant::now();
    let answers: Vec<Vec<FenceId>> = points
        .iter()
        .map(|&p| black_box(index.fences_containing(p)))
        .collect();
    let ns_per_update = per_item_ns(start.elapsed(), points.len());

    let brute_checked = if index.is_empty() {
        points.len()
    } else {
        points.len().min((BRUTE_BUDGET / index.len()).max(1_000))
    };
    let start = Instant::now();
    let oracle: Vec<Vec<FenceId>> = points[..brute_checked]
        .iter()
        .map(|&p| black_box(index.fences_containing_brute(p)))
        .collect();
    let brute_ns_per_update = per_item_ns(start.elapsed(), brute_checked);

    let mismatches = answers.iter().zip(&oracle).filter(|(a, b)| a != b).count();
    GeofenceReport {
        fences: index.len(),
        updates: points.len(),
        build_ms,
        ns_per_update,
        brute_ns_per_update,
        brute_checked,
        hits: answers.iter().filter(|a| !a.is_empty()).count(),
        mismatches,
    }
}

/// Half the positions within 120 m of a random post's centre (where the boundary cases are),
/// half uniform over the city square and a 500 m margin.
fn positions(
    rng: &mut SplitMix64,
    proj: &LocalProjection,
    centers: &[[f64; 2]],
    n: usize,
) -> Vec<LonLat> {
    let outer = CITY_HALF_SIDE_M + 500.0;
    (0..n)
        .map(|i| {
            let xy = if i % 2 == 0 && !centers.is_empty() {
                let c = centers[rng.below(centers.len())];
                [
                    c[0] + rng.range(-120.0, 120.0),
                    c[1] + rng.range(-120.0, 120.0),
                ]
            } else {
                [rng.range(-outer, outer), rng.range(-outer, outer)]
            };
            proj.to_lonlat(xy)
        })
        .collect()
}
