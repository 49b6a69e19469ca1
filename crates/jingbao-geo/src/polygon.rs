//! Polygons (one outer ring of WGS-84 vertices) and the exact predicates on them: point in
//! polygon (even-odd), distance to the boundary and buffered containment, all in metres.
//!
//! Each polygon carries its own [`LocalProjection`] centred on its bounding box, so the
//! predicates are accurate to a few millimetres for anything the size of a post or a block.

use serde::{Deserialize, Serialize};

use crate::error::GeoError;
use crate::lonlat::LonLat;
use crate::projection::LocalProjection;

/// A simple area: one outer ring, closed (first = last) or not, in either winding order.
/// Self-intersecting rings are evaluated with the even-odd rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<LonLat>", into = "Vec<LonLat>")]
pub struct Polygon {
    /// The ring without the closing vertex.
    ring: Vec<LonLat>,
    proj: LocalProjection,
    /// `ring` in `proj`, metres.
    xy: Vec<[f64; 2]>,
    min: [f64; 2],
    max: [f64; 2],
    /// Distance from the projection centre to the boundary when the centre is inside
    /// (every point within it is inside), else 0.
    inner_radius_m: f64,
    /// Largest distance from the projection centre to a vertex (the polygon lies within it).
    outer_radius_m: f64,
}

impl Polygon {
    /// Builds a polygon from its outer ring. Rejects non-finite or out-of-range coordinates and
    /// rings with fewer than three vertices once a closing vertex and repeats are dropped.
    pub fn new(ring: Vec<LonLat>) -> Result<Self, GeoError> {
        if let Some(index) = ring.iter().position(|p| !p.is_valid()) {
            return Err(GeoError::InvalidCoordinate { index });
        }
        let mut open: Vec<LonLat> = Vec::with_capacity(ring.len());
        for p in ring {
            if open.last() != Some(&p) {
                open.push(p);
            }
        }
        while open.len() > 1 && open.first() == open.last() {
            open.pop();
        }
        if open.len() < 3 {
            return Err(GeoError::TooFewVertices { got: open.len() });
        }
        let (lo, hi) = lonlat_bounds(&open);
        let proj = LocalProjection::new(LonLat::new(
            (lo.lon + hi.lon) * 0.5,
            (lo.lat + hi.lat) * 0.5,
        ));
        let xy: Vec<[f64; 2]> = open.iter().map(|&p| proj.to_xy(p)).collect();
        let min = proj.to_xy(lo);
        let max = proj.to_xy(hi);
        let outer_radius_m = xy.iter().map(|v| v[0].hypot(v[1])).fold(0.0, f64::max);
        let mut polygon = Self {
            ring: open,
            proj,
            xy,
            min,
            max,
            inner_radius_m: 0.0,
            outer_radius_m,
        };
        if polygon.crossings_odd([0.0, 0.0]) {
            polygon.inner_radius_m = polygon.min_edge_distance2([0.0, 0.0], 0.0).sqrt();
        }
        Ok(polygon)
    }

    /// The ring as given, without the closing vertex.
    pub fn ring(&self) -> &[LonLat] {
        &self.ring
    }

    /// The projection the predicates use (centred on the bounding box).
    pub fn projection(&self) -> &LocalProjection {
        &self.proj
    }

    /// Discs around the projection centre that bound the polygon: every point within the
    /// first (inner) radius is inside, every point is within the second (outer). The inner
    /// radius is 0 when the centre is outside the polygon.
    pub fn center_radii_m(&self) -> (f64, f64) {
        (self.inner_radius_m, self.outer_radius_m)
    }

    /// Bounding box (south-west, north-east) grown by `metres` on every side, in degrees.
    /// Every point for which [`Polygon::buffered_contains`]`(p, metres)` holds lies inside it.
    pub fn buffered_bounds(&self, metres: f64) -> (LonLat, LonLat) {
        let m = clean_buffer(metres);
        let lo = self.proj.to_lonlat([self.min[0] - m, self.min[1] - m]);
        let hi = self.proj.to_lonlat([self.max[0] + m, self.max[1] + m]);
        (lo, hi)
    }

    /// Even-odd point in polygon in the polygon's projection. Points exactly on an edge may
    /// fall either way; use [`Polygon::buffered_contains`] when the boundary must count.
    pub fn point_in_polygon(&self, p: LonLat) -> bool {
        let q = self.proj.to_xy(p);
        self.in_box(q, 0.0) && self.crossings_odd(q)
    }

    /// Distance in metres from `p` to the polygon: 0 inside, otherwise to the nearest edge.
    pub fn distance_to_polygon_m(&self, p: LonLat) -> f64 {
        let q = self.proj.to_xy(p);
        if self.in_box(q, 0.0) && self.crossings_odd(q) {
            return 0.0;
        }
        self.min_edge_distance2(q, 0.0).sqrt()
    }

    /// Inside, or within `metres` of the boundary. Negative or NaN buffers count as 0.
    pub fn buffered_contains(&self, p: LonLat, metres: f64) -> bool {
        let m = clean_buffer(metres);
        let q = self.proj.to_xy(p);
        if !self.in_box(q, m) {
            return false;
        }
        if self.crossings_odd(q) {
            return true;
        }
        m > 0.0 && self.min_edge_distance2(q, m * m) <= m * m
    }

    #[inline]
    fn in_box(&self, q: [f64; 2], m: f64) -> bool {
        q[0] >= self.min[0] - m
            && q[0] <= self.max[0] + m
            && q[1] >= self.min[1] - m
            && q[1] <= self.max[1] + m
    }

    /// Even-odd ray cast towards +x with the half-open rule on y, so a vertex on the ray is
    /// counted once.
    fn crossings_odd(&self, q: [f64; 2]) -> bool {
        let [qx, qy] = q;
        let mut inside = false;
        let mut prev = self.xy[self.xy.len() - 1];
        for &cur in &self.xy {
            if (cur[1] > qy) != (prev[1] > qy) {
                let x_at = cur[0] + (qy - cur[1]) * (prev[0] - cur[0]) / (prev[1] - cur[1]);
                if qx < x_at {
                    inside = !inside;
                }
            }
            prev = cur;
        }
        inside
    }

    /// Smallest squared distance from `q` to an edge; stops early once one is ≤ `good_enough`.
    fn min_edge_distance2(&self, q: [f64; 2], good_enough: f64) -> f64 {
        let mut best = f64::INFINITY;
        let mut prev = self.xy[self.xy.len() - 1];
        for &cur in &self.xy {
            let d2 = segment_distance2(q, prev, cur);
            if d2 < best {
                best = d2;
                if best <= good_enough {
                    break;
                }
            }
            prev = cur;
        }
        best
    }
}

impl TryFrom<Vec<LonLat>> for Polygon {
    type Error = GeoError;
    fn try_from(ring: Vec<LonLat>) -> Result<Self, GeoError> {
        Polygon::new(ring)
    }
}

impl From<Polygon> for Vec<LonLat> {
    fn from(p: Polygon) -> Self {
        p.ring
    }
}

fn clean_buffer(metres: f64) -> f64 {
    if metres > 0.0 && metres.is_finite() {
        metres
    } else {
        0.0
    }
}

fn lonlat_bounds(ring: &[LonLat]) -> (LonLat, LonLat) {
    let mut lo = LonLat::new(f64::INFINITY, f64::INFINITY);
    let mut hi = LonLat::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in ring {
        lo.lon = lo.lon.min(p.lon);
        lo.lat = lo.lat.min(p.lat);
        hi.lon = hi.lon.max(p.lon);
        hi.lat = hi.lat.max(p.lat);
    }
    (lo, hi)
}

/// Squared distance from `q` to the segment `a`–`b`.
#[inline]
fn segment_distance2(q: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let abx = b[0] - a[0];
    let aby = b[1] - a[1];
    let aqx = q[0] - a[0];
    let aqy = q[1] - a[1];
    let len2 = abx * abx + aby * aby;
    let t = if len2 > 0.0 {
        ((aqx * abx + aqy * aby) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let dx = aqx - t * abx;
    let dy = aqy - t * aby;
    dx * dx + dy * dy
}
