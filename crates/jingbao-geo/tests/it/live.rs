//! LiveIndex: k-nearest and radius queries equal brute force after many moves and removals.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use jingbao_geo::rng::SplitMix64;
use jingbao_geo::{LiveIndex, LocalProjection, LonLat};
use uuid::Uuid;

use crate::NINGBO;

fn t(s: i64) -> DateTime<Utc> {
    DateTime::<Utc>::UNIX_EPOCH + Duration::days(20_500) + Duration::seconds(s)
}

/// Brute force over the model: (id, metres) nearest first, ties by id.
fn brute(model: &HashMap<Uuid, LonLat>, proj: &LocalProjection, p: LonLat) -> Vec<(Uuid, f64)> {
    let q = proj.to_xy(p);
    let mut all: Vec<(f64, Uuid)> = model
        .iter()
        .map(|(&g, &pos)| {
            let a = proj.to_xy(pos);
            let (dx, dy) = (a[0] - q[0], a[1] - q[1]);
            (dx * dx + dy * dy, g)
        })
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    all.into_iter().map(|(d2, g)| (g, d2.sqrt())).collect()
}

fn random_near(rng: &mut SplitMix64, proj: &LocalProjection, half_m: f64) -> LonLat {
    proj.to_lonlat([rng.range(-half_m, half_m), rng.range(-half_m, half_m)])
}

#[test]
fn nearest_and_within_equal_brute_force_after_moves_and_removals() {
    let mut rng = SplitMix64::new(42);
    let mut live = LiveIndex::new(NINGBO);
    let proj = *live.projection();
    let mut model: HashMap<Uuid, LonLat> = HashMap::new();
    let ids: Vec<Uuid> = (0..400).map(|_| rng.uuid()).collect();
    for step in 0..6_000i64 {
        let g = ids[rng.below(ids.len())];
        if rng.next_f64() < 0.1 {
            assert_eq!(live.remove(g).map(|p| p.p), model.remove(&g));
        } else {
            // Snap a quarter of positions to a 50 m grid so exact distance ties occur.
            let mut p = random_near(&mut rng, &proj, 3_000.0);
            if rng.next_f64() < 0.25 {
                let xy = proj.to_xy(p);
                p = proj.to_lonlat([(xy[0] / 50.0).round() * 50.0, (xy[1] / 50.0).round() * 50.0]);
            }
            assert!(live.upsert(g, p, t(step)));
            model.insert(g, p);
        }
        if step % 200 == 0 {
            assert_eq!(live.len(), model.len());
            for _ in 0..20 {
                let q = random_near(&mut rng, &proj, 3_500.0);
                let expect = brute(&model, &proj, q);
                for k in [1, 5, 10, 37] {
                    let want: Vec<_> = expect.iter().copied().take(k).collect();
                    assert_eq!(live.nearest(q, k), want, "k = {k} at step {step}");
                }
                let r = rng.range(0.0, 800.0);
                let want: Vec<_> = expect.iter().copied().filter(|e| e.1 <= r).collect();
                assert_eq!(live.within(q, r), want);
            }
        }
    }
    for (g, p) in &model {
        assert_eq!(live.get(*g).map(|x| x.p), Some(*p));
    }
}

#[test]
fn ties_are_ordered_by_id_and_k_beyond_len_returns_all() {
    let mut live = LiveIndex::new(NINGBO);
    let proj = *live.projection();
    let same = proj.to_lonlat([100.0, 0.0]);
    for i in [5u128, 3, 9, 1] {
        live.upsert(Uuid::from_u128(i), same, t(0));
    }
    // Same distance, different place: mirror image across the query point.
    live.upsert(Uuid::from_u128(2), proj.to_lonlat([-100.0, 0.0]), t(0));
    let got: Vec<u128> = live
        .nearest(NINGBO, 3)
        .iter()
        .map(|e| e.0.as_u128())
        .collect();
    assert_eq!(got, vec![1, 2, 3]);
    assert_eq!(live.nearest(NINGBO, 100).len(), 5);
    assert!(live.nearest(NINGBO, 0).is_empty());
    assert!((live.nearest(NINGBO, 1)[0].1 - 100.0).abs() < 1e-6);
}

#[test]
fn late_and_invalid_positions_are_refused() {
    let mut live = LiveIndex::new(NINGBO);
    let g = Uuid::from_u128(1);
    let a = LonLat::new(121.544, 29.868);
    let b = LonLat::new(121.550, 29.870);
    assert!(live.upsert(g, a, t(10)));
    assert!(!live.upsert(g, b, t(5)), "older than the held position");
    assert_eq!(live.get(g).map(|p| p.p), Some(a));
    assert!(!live.upsert(g, LonLat::new(f64::NAN, 29.0), t(20)));
    assert!(!live.upsert(g, LonLat::new(200.0, 29.0), t(20)));
    assert!(live.upsert(g, b, t(10)), "same time is accepted");
    assert_eq!(live.get(g).map(|p| (p.p, p.at)), Some((b, t(10))));
    assert_eq!(live.nearest(a, 1)[0].0, g);
    assert_eq!(live.len(), 1);
    assert_eq!(live.remove(g).map(|p| p.p), Some(b));
    assert!(live.is_empty() && live.nearest(a, 3).is_empty() && live.remove(g).is_none());
    assert!(live.within(a, -1.0).is_empty() && live.within(a, f64::NAN).is_empty());
}

#[test]
fn bulk_load_equals_incremental_build() {
    let mut rng = SplitMix64::new(9);
    let proj = LocalProjection::new(NINGBO);
    let rows: Vec<(Uuid, LonLat, DateTime<Utc>)> = (0..500)
        .map(|i| (rng.uuid(), random_near(&mut rng, &proj, 5_000.0), t(i)))
        .collect();
    let bulk = LiveIndex::from_positions(NINGBO, rows.iter().copied());
    let mut inc = LiveIndex::new(NINGBO);
    for &(g, p, at) in &rows {
        inc.upsert(g, p, at);
    }
    assert_eq!(bulk.len(), inc.len());
    for _ in 0..50 {
        let q = random_near(&mut rng, &proj, 5_000.0);
        assert_eq!(bulk.nearest(q, 10), inc.nearest(q, 10));
        assert_eq!(bulk.within(q, 700.0), inc.within(q, 700.0));
    }
    // A repeated guard keeps its newest row.
    let g = rows[0].0;
    let older = LonLat::new(121.0, 29.0);
    let both = LiveIndex::from_positions(NINGBO, [(g, rows[0].1, t(100)), (g, older, t(1))]);
    assert_eq!(both.get(g).map(|p| p.p), Some(rows[0].1));
    assert_eq!(both.iter().count(), 1);
}
