//! Grids partition the district, footprints sit inside their grids without crowding
//! each other, and checkpoints are at their buildings.

use super::{districts, metres, ring_metres};

type Pt = (f64, f64);

fn signed_area(ring: &[Pt]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

/// Ray casting; points on the boundary count as inside (within 1 cm).
fn inside(ring: &[Pt], p: Pt) -> bool {
    if distance_to_boundary(ring, p) < 0.01 {
        return true;
    }
    let mut odd = false;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0) {
            odd = !odd;
        }
    }
    odd
}

fn segment_distance(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

fn distance_to_boundary(ring: &[Pt], p: Pt) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| segment_distance(p, ring[i], ring[(i + 1) % n]))
        .fold(f64::MAX, f64::min)
}

fn bbox(ring: &[Pt]) -> (f64, f64, f64, f64) {
    ring.iter()
        .fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |b, p| {
            (b.0.min(p.0), b.1.min(p.1), b.2.max(p.0), b.3.max(p.1))
        })
}

#[test]
fn grids_partition_about_one_square_kilometre() {
    for d in districts() {
        let rings: Vec<Vec<Pt>> = d.grids.iter().map(|g| ring_metres(&g.boundary)).collect();
        for g in &d.grids {
            assert_eq!(g.boundary.first(), g.boundary.last());
        }
        let total: f64 = rings.iter().map(|r| signed_area(r)).sum();
        assert!((0.9e6..=1.1e6).contains(&total), "area {total}");
        assert!(rings.iter().all(|r| signed_area(r) > 0.0));
        // No overlap: the union's bounding box has the same area as the parts.
        let boxes: Vec<_> = rings.iter().map(|r| bbox(r)).collect();
        let union = boxes
            .iter()
            .fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |u, b| {
                (u.0.min(b.0), u.1.min(b.1), u.2.max(b.2), u.3.max(b.3))
            });
        assert!(((union.2 - union.0) * (union.3 - union.1) - total).abs() < 1.0);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap_x = a.2.min(b.2) - a.0.max(b.0);
                let overlap_y = a.3.min(b.3) - a.1.max(b.1);
                assert!(overlap_x <= 1e-6 || overlap_y <= 1e-6, "grids overlap");
            }
        }
    }
}

#[test]
fn footprints_are_closed_ccw_rings_of_plausible_size() {
    for b in districts().iter().flat_map(|d| &d.buildings) {
        assert_eq!(
            b.footprint.first(),
            b.footprint.last(),
            "{} not closed",
            b.name
        );
        let ring = ring_metres(&b.footprint);
        assert!(
            (4..=8).contains(&ring.len()),
            "{} has {} vertices",
            b.name,
            ring.len()
        );
        assert!(signed_area(&ring) > 0.0, "{} is clockwise", b.name);
        let (x0, y0, x1, y1) = bbox(&ring);
        assert!(
            (x1 - x0).min(y1 - y0) >= 25.0 - 0.05,
            "{} too small",
            b.name
        );
        for i in 0..ring.len() {
            let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
            assert!(
                ((q.0 - p.0).hypot(q.1 - p.1)) <= 70.05,
                "{} side too long",
                b.name
            );
        }
    }
}

#[test]
fn every_footprint_lies_inside_its_grid() {
    for d in districts() {
        for b in &d.buildings {
            let grid = ring_metres(&d.grids[b.grid].boundary);
            let ring = ring_metres(&b.footprint);
            for i in 0..ring.len() {
                let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
                for k in 0..=10 {
                    let t = f64::from(k) / 10.0;
                    let s = (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
                    assert!(inside(&grid, s), "{} leaves grid {}", b.name, b.grid);
                }
            }
        }
    }
}

#[test]
fn footprints_keep_fifteen_metres_apart() {
    for d in districts() {
        let boxes: Vec<_> = d
            .buildings
            .iter()
            .map(|b| (b, bbox(&ring_metres(&b.footprint))))
            .collect();
        for (i, (a, ab)) in boxes.iter().enumerate() {
            for (b, bb) in &boxes[i + 1..] {
                let gap_x = (bb.0 - ab.2).max(ab.0 - bb.2);
                let gap_y = (bb.1 - ab.3).max(ab.1 - bb.3);
                assert!(
                    gap_x.max(gap_y) >= 15.0,
                    "{} and {} are {:.1} m apart",
                    a.name,
                    b.name,
                    gap_x.max(gap_y)
                );
            }
        }
    }
}

#[test]
fn checkpoints_are_within_thirty_metres_of_their_building() {
    for d in districts() {
        for cp in &d.checkpoints {
            let ring = ring_metres(&d.buildings[cp.building].footprint);
            let p = metres(cp.position);
            let distance = if inside(&ring, p) {
                0.0
            } else {
                distance_to_boundary(&ring, p)
            };
            assert!(distance <= 30.0, "{} is {distance:.1} m away", cp.name);
            if cp.indoor {
                assert!(distance < 0.05, "{} indoor but outside", cp.name);
            }
        }
    }
}

#[test]
fn test_helpers_detect_outside_points() {
    let square = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
    assert!(inside(&square, (5.0, 5.0)));
    assert!(!inside(&square, (15.0, 5.0)));
    assert!((distance_to_boundary(&square, (13.0, 14.0)) - 5.0).abs() < 1e-9);
    assert!(signed_area(&square) > 0.0);
}
