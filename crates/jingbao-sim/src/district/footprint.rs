//! Tower footprints in the local metric frame: drawing a plausible shape (rectangle,
//! rotated rectangle, L-shape or chamfered square) that fits a slot, and the small
//! polygon helpers (bounding box, centroid, containment, edge normals) used elsewhere.
//! Rings here are open (no repeated first point) and counter-clockwise.

use super::layout::{Rect, SLOT_MARGIN_M, Xy};
use super::rng::Draw;

/// Shortest and longest overall side of a tower footprint, metres.
pub(crate) const MIN_SIDE_M: f64 = 25.0;
pub(crate) const MAX_SIDE_M: f64 = 70.0;

#[derive(Debug, Clone, Copy)]
enum Shape {
    Rectangle,
    Rotated,
    Notched,
    Chamfered,
}

const SHAPES: [(Shape, u32); 4] = [
    (Shape::Rectangle, 40),
    (Shape::Rotated, 25),
    (Shape::Notched, 20),
    (Shape::Chamfered, 15),
];

/// A footprint placed inside `slot`, keeping [`SLOT_MARGIN_M`] clear on every side and
/// set back only a few metres from the slot's north (`front_north`) or south edge, so
/// that towers line up along the street.
pub(crate) fn draw_footprint(draw: &mut Draw, slot: &Rect, front_north: bool) -> Vec<Xy> {
    let avail = slot.shrink(SLOT_MARGIN_M);
    let max_a = avail.width().min(MAX_SIDE_M);
    let max_b = avail.height().min(MAX_SIDE_M);
    let shape = *draw.weighted(&SHAPES);
    let points = match shape {
        Shape::Rectangle => {
            let (a, b) = (draw.float(30.0, max_a), draw.float(30.0, max_b));
            rectangle(a, b)
        }
        Shape::Rotated => {
            let (a, b) = (draw.float(30.0, max_a), draw.float(30.0, max_b));
            let sign = if draw.chance(0.5) { 1.0 } else { -1.0 };
            rotated(a, b, sign * draw.float(8.0, 25.0), &avail)
        }
        Shape::Notched => {
            let (a, b) = (draw.float(40.0, max_a), draw.float(40.0, max_b));
            let notch = (a * draw.float(0.35, 0.5), b * draw.float(0.35, 0.5));
            l_shape(a, b, notch, draw.chance(0.5), draw.chance(0.5))
        }
        Shape::Chamfered => {
            let side = draw.float(30.0, max_a.min(max_b));
            let b = (side * draw.float(0.85, 1.0)).max(MIN_SIDE_M);
            chamfered(side, b, side.min(b) * draw.float(0.12, 0.25))
        }
    };
    let bb = bbox(&points);
    let (x_lo, x_hi) = (avail.x0 - bb.x0, avail.x1 - bb.x1);
    let (y_lo, y_hi) = (avail.y0 - bb.y0, avail.y1 - bb.y1);
    let x_mid = (x_lo + x_hi) / 2.0;
    let x_slack = (x_hi - x_lo) * 0.3;
    let dx = draw.float(x_mid - x_slack / 2.0, x_mid + x_slack / 2.0);
    let setback = draw.float(0.0, 6.0).min(y_hi - y_lo);
    let dy = if front_north {
        y_hi - setback
    } else {
        y_lo + setback
    };
    points
        .into_iter()
        .map(|p| Xy {
            x: p.x + dx,
            y: p.y + dy,
        })
        .collect()
}

fn rectangle(a: f64, b: f64) -> Vec<Xy> {
    let (h, k) = (a / 2.0, b / 2.0);
    vec![
        Xy { x: -h, y: -k },
        Xy { x: h, y: -k },
        Xy { x: h, y: k },
        Xy { x: -h, y: k },
    ]
}

/// A rectangle turned by `degrees`, shrunk to fit `avail`; falls back to an unturned
/// rectangle when shrinking would make a side shorter than [`MIN_SIDE_M`].
fn rotated(a: f64, b: f64, degrees: f64, avail: &Rect) -> Vec<Xy> {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let turn = |p: Xy| Xy {
        x: p.x * cos - p.y * sin,
        y: p.x * sin + p.y * cos,
    };
    let points: Vec<Xy> = rectangle(a, b).into_iter().map(turn).collect();
    let bb = bbox(&points);
    let scale = (avail.width() / bb.width())
        .min(avail.height() / bb.height())
        .min(1.0);
    if a.min(b) * scale < MIN_SIDE_M {
        return rectangle(a.min(avail.width()), b.min(avail.height()));
    }
    points
        .into_iter()
        .map(|p| Xy {
            x: p.x * scale,
            y: p.y * scale,
        })
        .collect()
}

/// An `a`×`b` rectangle with a `notch` cut from one corner, mirrored as asked.
fn l_shape(a: f64, b: f64, notch: (f64, f64), flip_x: bool, flip_y: bool) -> Vec<Xy> {
    let (h, k) = (a / 2.0, b / 2.0);
    let (na, nb) = notch;
    let mut points = vec![
        Xy { x: -h, y: -k },
        Xy { x: h, y: -k },
        Xy { x: h, y: k - nb },
        Xy {
            x: h - na,
            y: k - nb,
        },
        Xy { x: h - na, y: k },
        Xy { x: -h, y: k },
    ];
    let (fx, fy) = (
        if flip_x { -1.0 } else { 1.0 },
        if flip_y { -1.0 } else { 1.0 },
    );
    for p in &mut points {
        p.x *= fx;
        p.y *= fy;
    }
    if flip_x != flip_y {
        points.reverse();
    }
    points
}

/// An octagon: an `a`×`b` rectangle with every corner cut by `c`.
fn chamfered(a: f64, b: f64, c: f64) -> Vec<Xy> {
    let (h, k) = (a / 2.0, b / 2.0);
    vec![
        Xy { x: -h + c, y: -k },
        Xy { x: h - c, y: -k },
        Xy { x: h, y: -k + c },
        Xy { x: h, y: k - c },
        Xy { x: h - c, y: k },
        Xy { x: -h + c, y: k },
        Xy { x: -h, y: k - c },
        Xy { x: -h, y: -k + c },
    ]
}

/// Axis-aligned bounding box.
pub(crate) fn bbox(points: &[Xy]) -> Rect {
    let mut r = Rect {
        x0: f64::MAX,
        y0: f64::MAX,
        x1: f64::MIN,
        y1: f64::MIN,
    };
    for p in points {
        r.x0 = r.x0.min(p.x);
        r.y0 = r.y0.min(p.y);
        r.x1 = r.x1.max(p.x);
        r.y1 = r.y1.max(p.y);
    }
    r
}

/// Area centroid of a simple polygon.
pub(crate) fn centroid(points: &[Xy]) -> Xy {
    let (mut area2, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (i, p) in points.iter().enumerate() {
        let q = points[(i + 1) % points.len()];
        let cross = p.x * q.y - q.x * p.y;
        area2 += cross;
        cx += (p.x + q.x) * cross;
        cy += (p.y + q.y) * cross;
    }
    Xy {
        x: cx / (3.0 * area2),
        y: cy / (3.0 * area2),
    }
}

/// Even–odd point-in-polygon test.
pub(crate) fn contains(points: &[Xy], p: Xy) -> bool {
    let mut inside = false;
    for (i, a) in points.iter().enumerate() {
        let b = points[(i + 1) % points.len()];
        if (a.y > p.y) != (b.y > p.y) {
            let x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
            if p.x < x {
                inside = !inside;
            }
        }
    }
    inside
}

/// Midpoint and unit outward normal of every edge (for a counter-clockwise ring).
pub(crate) fn edges_outward(points: &[Xy]) -> Vec<(Xy, Xy)> {
    (0..points.len())
        .map(|i| {
            let a = points[i];
            let b = points[(i + 1) % points.len()];
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len = dx.hypot(dy).max(f64::EPSILON);
            let mid = Xy {
                x: (a.x + b.x) / 2.0,
                y: (a.y + b.y) / 2.0,
            };
            (
                mid,
                Xy {
                    x: dy / len,
                    y: -dx / len,
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed_area(points: &[Xy]) -> f64 {
        (0..points.len())
            .map(|i| {
                let (p, q) = (points[i], points[(i + 1) % points.len()]);
                p.x * q.y - q.x * p.y
            })
            .sum::<f64>()
            / 2.0
    }

    #[test]
    fn every_shape_is_counter_clockwise_and_holds_its_centroid() {
        let mut draw = Draw::new(3, super::super::rng::Stage::Layout);
        let slot = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 75.0,
            y1: 110.0,
        };
        for _ in 0..500 {
            let north = draw.chance(0.5);
            let fp = draw_footprint(&mut draw, &slot, north);
            assert!(signed_area(&fp) > 0.0);
            assert!(contains(&fp, centroid(&fp)));
            let bb = bbox(&fp);
            assert!(bb.x0 >= SLOT_MARGIN_M - 1e-9 && bb.x1 <= 75.0 - SLOT_MARGIN_M + 1e-9);
            assert!(bb.y0 >= SLOT_MARGIN_M - 1e-9 && bb.y1 <= 110.0 - SLOT_MARGIN_M + 1e-9);
        }
    }

    #[test]
    fn mirrored_l_shapes_stay_counter_clockwise() {
        for (fx, fy) in [(false, false), (true, false), (false, true), (true, true)] {
            assert!(signed_area(&l_shape(50.0, 60.0, (20.0, 25.0), fx, fy)) > 0.0);
        }
    }
}
