//! [`FenceIndex`]: which geofences (post polygons with a GPS-error buffer) contain a point.
//!
//! An rstar R-tree holds each fence's buffered bounding box in projected metres; a query takes
//! the boxes that contain the point and confirms each with [`Polygon::buffered_contains`], so
//! the answer is exact, never an approximation by boxes. Two discs per fence, kept in the tree
//! leaf, settle most candidates (deep inside, or outside the polygon's reach) without reading
//! its vertices; only points near the buffered boundary run the full test.
//!
//! The index is immutable: when fences change, build a new one and swap it in.

use std::collections::HashMap;

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use uuid::Uuid;

use crate::lonlat::LonLat;
use crate::polygon::Polygon;
use crate::projection::LocalProjection;

/// Identifies a geofence (usually the post's or checkpoint's id).
pub type FenceId = Uuid;

/// Slack added to each bounding box so rounding can never drop a true candidate.
const BOX_SLACK_M: f64 = 1e-3;

/// Safety margin of the disc shortcuts: they decide only points at least this far from the
/// buffered boundary, where the exact test cannot round the other way.
const DISC_MARGIN_M: f64 = 1e-3;

type BoxEntry = GeomWithData<Rectangle<[f64; 2]>, u32>;

/// What a query needs to decide most candidates without touching the polygon's vertices:
/// the polygon's projection and two discs around its centre, already grown by the buffer.
/// One cache line per fence, in a Vec beside the tree, so an inside-the-inner-disc or
/// outside-the-outer-disc answer costs one memory access instead of the vertex list's 16.
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
struct Shortcut {
    proj: LocalProjection,
    /// Squared radius within which the buffered polygon certainly contains the point
    /// (negative when there is no such disc).
    accept_d2: f64,
    /// Squared radius beyond which it certainly does not.
    reject_d2: f64,
    id: FenceId,
}

impl Shortcut {
    fn new(fence: &Fence) -> Self {
        let (inner, outer) = fence.polygon.center_radii_m();
        // Inner: with the centre c inside P, any x within d(c, ∂P) + buffer of c is inside P
        // or within the buffer of it. Outer: P lies within `outer` of c.
        let accept = inner + fence.buffer_m - DISC_MARGIN_M;
        let reject = outer + fence.buffer_m + DISC_MARGIN_M;
        Self {
            proj: *fence.polygon.projection(),
            accept_d2: if inner > 0.0 && accept > 0.0 {
                accept * accept
            } else {
                -1.0
            },
            reject_d2: reject * reject,
            id: fence.id,
        }
    }
}

#[derive(Debug, Clone)]
struct Fence {
    id: FenceId,
    polygon: Polygon,
    buffer_m: f64,
}

/// An immutable set of buffered polygons with an R-tree over their bounding boxes.
#[derive(Debug, Clone)]
pub struct FenceIndex {
    proj: LocalProjection,
    fences: Vec<Fence>,
    shortcuts: Vec<Shortcut>,
    by_id: HashMap<FenceId, u32>,
    tree: RTree<BoxEntry>,
}

impl Default for FenceIndex {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl FenceIndex {
    /// Builds the index from `(id, polygon, buffer in metres)`. A repeated id keeps its last
    /// polygon. Negative or NaN buffers count as 0.
    pub fn new(fences: Vec<(FenceId, Polygon, f64)>) -> Self {
        let mut by_id: HashMap<FenceId, u32> = HashMap::with_capacity(fences.len());
        let mut kept: Vec<Fence> = Vec::with_capacity(fences.len());
        for (id, polygon, buffer_m) in fences {
            let buffer_m = if buffer_m > 0.0 && buffer_m.is_finite() {
                buffer_m
            } else {
                0.0
            };
            let fence = Fence {
                id,
                polygon,
                buffer_m,
            };
            match by_id.get(&id) {
                Some(&i) => kept[i as usize] = fence,
                None => {
                    by_id.insert(id, kept.len() as u32);
                    kept.push(fence);
                }
            }
        }
        let proj = LocalProjection::new(center_of(&kept));
        let shortcuts: Vec<Shortcut> = kept.iter().map(Shortcut::new).collect();
        let boxes: Vec<BoxEntry> = kept
            .iter()
            .enumerate()
            .map(|(i, f)| {
                // The projection is affine per axis, so the projected corners of the buffered
                // lon/lat box bound every point that `buffered_contains` can accept.
                let (lo, hi) = f.polygon.buffered_bounds(f.buffer_m);
                // A millimetre of slack absorbs rounding in the degree ↔ metre round trip.
                let a = proj.to_xy(lo);
                let b = proj.to_xy(hi);
                let a = [a[0] - BOX_SLACK_M, a[1] - BOX_SLACK_M];
                let b = [b[0] + BOX_SLACK_M, b[1] + BOX_SLACK_M];
                GeomWithData::new(Rectangle::from_corners(a, b), i as u32)
            })
            .collect();
        Self {
            proj,
            fences: kept,
            shortcuts,
            by_id,
            tree: RTree::bulk_load(boxes),
        }
    }

    pub fn len(&self) -> usize {
        self.fences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fences.is_empty()
    }

    /// The projection the R-tree works in (centred on the fences' overall bounding box).
    pub fn projection(&self) -> &LocalProjection {
        &self.proj
    }

    /// The fence's polygon and buffer, if the index has it.
    pub fn get(&self, fence: FenceId) -> Option<(&Polygon, f64)> {
        let f = &self.fences[*self.by_id.get(&fence)? as usize];
        Some((&f.polygon, f.buffer_m))
    }

    /// Ids of all fences, in build order.
    pub fn ids(&self) -> impl Iterator<Item = FenceId> + '_ {
        self.fences.iter().map(|f| f.id)
    }

    /// Every fence whose buffered polygon contains `p`, sorted by id. Exact.
    pub fn fences_containing(&self, p: LonLat) -> Vec<FenceId> {
        let mut out = Vec::new();
        if !p.lon.is_finite() || !p.lat.is_finite() {
            return out;
        }
        let q = self.proj.to_xy(p);
        let probe = AABB::from_point(q);
        for entry in self.tree.locate_in_envelope_intersecting(&probe) {
            let s = &self.shortcuts[entry.data as usize];
            if self.decide(s, entry.data, p) {
                out.push(s.id);
            }
        }
        out.sort_unstable();
        out
    }

    /// The same answer as [`FenceIndex::fences_containing`] by checking every fence: the oracle
    /// for tests and benchmarks.
    pub fn fences_containing_brute(&self, p: LonLat) -> Vec<FenceId> {
        let mut out: Vec<FenceId> = self
            .fences
            .iter()
            .filter(|f| f.polygon.buffered_contains(p, f.buffer_m))
            .map(|f| f.id)
            .collect();
        out.sort_unstable();
        out
    }

    /// Whether fence `fence` (with its buffer) contains `p`; false for an unknown fence.
    pub fn contains(&self, fence: FenceId, p: LonLat) -> bool {
        self.by_id
            .get(&fence)
            .is_some_and(|&i| self.decide(&self.shortcuts[i as usize], i, p))
    }

    /// The exact buffered test, answered from the discs when they settle it.
    #[inline]
    fn decide(&self, s: &Shortcut, index: u32, p: LonLat) -> bool {
        let q = s.proj.to_xy(p);
        let d2 = q[0] * q[0] + q[1] * q[1];
        if d2 <= s.accept_d2 {
            true
        } else if d2 > s.reject_d2 {
            false
        } else {
            let f = &self.fences[index as usize];
            f.polygon.buffered_contains(p, f.buffer_m)
        }
    }
}

/// Centre of the overall lon/lat bounding box of the fences (0, 0 when there are none).
fn center_of(fences: &[Fence]) -> LonLat {
    let mut lo = LonLat::new(f64::INFINITY, f64::INFINITY);
    let mut hi = LonLat::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
    for f in fences {
        let (a, b) = f.polygon.buffered_bounds(f.buffer_m);
        lo.lon = lo.lon.min(a.lon);
        lo.lat = lo.lat.min(a.lat);
        hi.lon = hi.lon.max(b.lon);
        hi.lat = hi.lat.max(b.lat);
    }
    if fences.is_empty() {
        LonLat::new(0.0, 0.0)
    } else {
        LonLat::new((lo.lon + hi.lon) * 0.5, (lo.lat + hi.lat) * 0.5)
    }
}
