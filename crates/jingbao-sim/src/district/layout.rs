//! The local metric frame of the district: points and rectangles in metres around the
//! centre, and their conversion to WGS-84 degrees.
//!
//! Positions are metres east (`x`) and north (`y`) of [`CENTER`], converted to degrees
//! with a local equirectangular approximation.

use super::model::LonLat;

/// Centre of the district, on the crossing of the two main roads.
pub const CENTER: LonLat = LonLat {
    lon: 121.55,
    lat: 29.82,
};

/// Metres per degree of latitude (and of longitude at the equator).
pub const METRES_PER_DEGREE: f64 = 111_320.0;

/// Half the side of the (square, 1 km²) district, metres.
pub(crate) const HALF_SIDE_M: f64 = 500.0;

/// Clear distance kept between a building slot's edge and the footprint inside it;
/// two neighbouring footprints are therefore at least twice this apart.
pub(crate) const SLOT_MARGIN_M: f64 = 8.0;

/// A point in the local metric frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Xy {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned rectangle in the local metric frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub(crate) fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub(crate) fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub(crate) fn shrink(&self, by: f64) -> Rect {
        Rect {
            x0: self.x0 + by,
            y0: self.y0 + by,
            x1: self.x1 - by,
            y1: self.y1 - by,
        }
    }

    /// Counter-clockwise closed ring of the corners.
    pub(crate) fn ring(&self) -> Vec<Xy> {
        vec![
            Xy {
                x: self.x0,
                y: self.y0,
            },
            Xy {
                x: self.x1,
                y: self.y0,
            },
            Xy {
                x: self.x1,
                y: self.y1,
            },
            Xy {
                x: self.x0,
                y: self.y1,
            },
            Xy {
                x: self.x0,
                y: self.y0,
            },
        ]
    }
}

/// Metres per degree of longitude at the district's latitude.
pub fn metres_per_degree_lon() -> f64 {
    METRES_PER_DEGREE * CENTER.lat.to_radians().cos()
}

/// Local metres to WGS-84 degrees, rounded to 1e-7° (about 1 cm).
pub(crate) fn to_lonlat(p: Xy) -> LonLat {
    let round = |v: f64| (v * 1e7).round() / 1e7;
    LonLat {
        lon: round(CENTER.lon + p.x / metres_per_degree_lon()),
        lat: round(CENTER.lat + p.y / METRES_PER_DEGREE),
    }
}

/// A ring of local points as degrees, closing it exactly (last == first).
pub(crate) fn ring_to_lonlat(points: &[Xy]) -> Vec<LonLat> {
    let mut ring: Vec<LonLat> = points.iter().map(|p| to_lonlat(*p)).collect();
    if let Some(first) = ring.first().copied() {
        if ring.last() != Some(&first) {
            ring.push(first);
        } else if let Some(last) = ring.last_mut() {
            *last = first;
        }
    }
    ring
}
