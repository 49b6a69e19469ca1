//! FenceIndex equals brute force (and an independent distance oracle) on random data.

use jingbao_geo::bench::{CITY_CENTER, star_polygon};
use jingbao_geo::rng::SplitMix64;
use jingbao_geo::{FenceId, FenceIndex, LocalProjection, LonLat, Polygon};
use uuid::Uuid;

type Input = Vec<(FenceId, Polygon, f64)>;

/// `n` random posts within `half_m` metres of `center`, and `m` points, half near a post.
fn scenario(seed: u64, center: LonLat, half_m: f64, n: usize, m: usize) -> (Input, Vec<LonLat>) {
    let mut rng = SplitMix64::new(seed);
    let proj = LocalProjection::new(center);
    let mut fences = Vec::new();
    let mut centers = Vec::new();
    for _ in 0..n {
        let c = [rng.range(-half_m, half_m), rng.range(-half_m, half_m)];
        let vertices = 3 + rng.below(62);
        let polygon = star_polygon(&mut rng, &proj, c, 20.0, 150.0, vertices).unwrap();
        fences.push((rng.uuid(), polygon, rng.range(0.0, 40.0)));
        centers.push(c);
    }
    let points = (0..m)
        .map(|i| {
            let xy = if i % 2 == 0 {
                let c = centers[rng.below(centers.len())];
                [
                    c[0] + rng.range(-250.0, 250.0),
                    c[1] + rng.range(-250.0, 250.0),
                ]
            } else {
                [rng.range(-half_m, half_m), rng.range(-half_m, half_m)]
            };
            proj.to_lonlat(xy)
        })
        .collect();
    (fences, points)
}

/// The answer computed a different way: distance to the polygon against the buffer.
fn distance_oracle(fences: &Input, p: LonLat) -> Vec<FenceId> {
    let mut ids: Vec<FenceId> = fences
        .iter()
        .filter(|(_, poly, buffer)| poly.distance_to_polygon_m(p) <= *buffer)
        .map(|(id, _, _)| *id)
        .collect();
    ids.sort_unstable();
    ids
}

fn check(seed: u64, center: LonLat, half_m: f64, n: usize, m: usize) {
    let (fences, points) = scenario(seed, center, half_m, n, m);
    let index = FenceIndex::new(fences.clone());
    assert_eq!(index.len(), n);
    let mut hits = 0;
    for &p in &points {
        let got = index.fences_containing(p);
        assert_eq!(got, index.fences_containing_brute(p), "at {p:?}");
        assert_eq!(got, distance_oracle(&fences, p), "at {p:?}");
        for (id, _, _) in &fences {
            assert_eq!(index.contains(*id, p), got.contains(id));
        }
        hits += usize::from(!got.is_empty());
    }
    assert!(
        hits > m / 25,
        "too few hits ({hits}) for the test to mean anything"
    );
}

#[test]
fn equals_brute_force_in_a_dense_district() {
    check(1, CITY_CENTER, 1_000.0, 60, 3_000);
}

#[test]
fn equals_brute_force_in_a_city() {
    check(2, CITY_CENTER, 10_000.0, 300, 2_000);
}

#[test]
fn equals_brute_force_across_a_province() {
    // Fences 500 km apart in latitude: one index projection, per-polygon exact tests.
    check(3, LonLat::new(113.4, 23.4), 300_000.0, 300, 2_000);
    check(4, LonLat::new(126.6, 45.7), 300_000.0, 200, 1_000);
}

#[test]
fn overlapping_fences_are_all_returned_sorted() {
    let proj = LocalProjection::new(CITY_CENTER);
    let sq = |x0: f64| {
        Polygon::new(
            [
                (x0, 0.0),
                (x0 + 100.0, 0.0),
                (x0 + 100.0, 100.0),
                (x0, 100.0),
            ]
            .iter()
            .map(|&(x, y)| proj.to_lonlat([x, y]))
            .collect(),
        )
        .unwrap()
    };
    let a = Uuid::from_u128(2);
    let b = Uuid::from_u128(1);
    let c = Uuid::from_u128(3);
    let index = FenceIndex::new(vec![
        (a, sq(0.0), 0.0),
        (b, sq(50.0), 0.0),
        (c, sq(300.0), 10.0),
    ]);
    assert_eq!(
        index.fences_containing(proj.to_lonlat([75.0, 50.0])),
        vec![b, a]
    );
    assert_eq!(
        index.fences_containing(proj.to_lonlat([25.0, 50.0])),
        vec![a]
    );
    assert!(
        index
            .fences_containing(proj.to_lonlat([200.0, 50.0]))
            .is_empty()
    );
    // Within c's 10 m buffer but outside its polygon.
    assert_eq!(
        index.fences_containing(proj.to_lonlat([295.0, 50.0])),
        vec![c]
    );
    assert!(index.contains(c, proj.to_lonlat([295.0, 50.0])));
    assert!(!index.contains(c, proj.to_lonlat([285.0, 50.0])));
    assert!(!index.contains(Uuid::from_u128(99), proj.to_lonlat([75.0, 50.0])));
    assert!(
        index
            .fences_containing(LonLat::new(f64::NAN, 0.0))
            .is_empty()
    );
}

#[test]
fn repeated_id_keeps_the_last_polygon_and_empty_index_answers_nothing() {
    let proj = LocalProjection::new(CITY_CENTER);
    let tri = |x0: f64| {
        Polygon::new(vec![
            proj.to_lonlat([x0, 0.0]),
            proj.to_lonlat([x0 + 50.0, 0.0]),
            proj.to_lonlat([x0, 50.0]),
        ])
        .unwrap()
    };
    let id = Uuid::from_u128(7);
    let index = FenceIndex::new(vec![(id, tri(0.0), 0.0), (id, tri(1_000.0), 0.0)]);
    assert_eq!(index.len(), 1);
    assert!(
        index
            .fences_containing(proj.to_lonlat([10.0, 10.0]))
            .is_empty()
    );
    assert_eq!(
        index.fences_containing(proj.to_lonlat([1_010.0, 10.0])),
        vec![id]
    );
    assert_eq!(index.get(id).map(|(_, b)| b), Some(0.0));

    let empty = FenceIndex::default();
    assert!(empty.is_empty());
    assert!(empty.fences_containing(CITY_CENTER).is_empty());
}

#[test]
fn concave_fences_whose_centre_is_outside_equal_brute_force() {
    // U and L shapes (the bounding-box centre of the U is in its notch), with buffers, probed
    // on a dense grid around them.
    let proj = LocalProjection::new(CITY_CENTER);
    let shape = |pts: &[(f64, f64)], x0: f64| {
        Polygon::new(
            pts.iter()
                .map(|&(x, y)| proj.to_lonlat([x + x0, y]))
                .collect(),
        )
        .unwrap()
    };
    let u = [
        (0.0, 0.0),
        (100.0, 0.0),
        (100.0, 100.0),
        (70.0, 100.0),
        (70.0, 20.0),
        (30.0, 20.0),
        (30.0, 100.0),
        (0.0, 100.0),
    ];
    let l = [
        (0.0, 0.0),
        (100.0, 0.0),
        (100.0, 30.0),
        (30.0, 30.0),
        (30.0, 100.0),
        (0.0, 100.0),
    ];
    let fences: Input = vec![
        (Uuid::from_u128(1), shape(&u, 0.0), 0.0),
        (Uuid::from_u128(2), shape(&u, 300.0), 12.0),
        (Uuid::from_u128(3), shape(&l, 600.0), 25.0),
        (Uuid::from_u128(4), shape(&l, 640.0), 5.0),
    ];
    assert_eq!(
        fences[0].1.center_radii_m().0,
        0.0,
        "U centre is in the notch"
    );
    let index = FenceIndex::new(fences.clone());
    let mut hits = 0;
    for i in 0..400 {
        for j in 0..80 {
            let p = proj.to_lonlat([-40.0 + i as f64 * 2.3, -40.0 + j as f64 * 2.3]);
            let got = index.fences_containing(p);
            assert_eq!(got, index.fences_containing_brute(p), "at {p:?}");
            assert_eq!(got, distance_oracle(&fences, p), "at {p:?}");
            hits += got.len();
        }
    }
    assert!(hits > 5_000, "{hits}");
}
