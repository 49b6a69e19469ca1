//! FenceTracker: entered/exited, OutsideTooLong exactly once after the dwell, BackInside.

use chrono::{DateTime, Duration, Utc};
use jingbao_geo::{FenceEvent, FenceTracker};
use uuid::Uuid;

const G: Uuid = Uuid::from_u128(1);
const F: Uuid = Uuid::from_u128(100);

fn t(minutes: f64) -> DateTime<Utc> {
    DateTime::<Utc>::UNIX_EPOCH
        + Duration::days(20_500)
        + Duration::seconds((minutes * 60.0) as i64)
}

/// Feeds (minute, inside) observations; returns the events with their minute.
fn run(tracker: &mut FenceTracker, obs: &[(f64, bool)]) -> Vec<(f64, FenceEvent)> {
    obs.iter()
        .filter_map(|&(m, inside)| tracker.update(G, F, inside, t(m)).map(|e| (m, e)))
        .collect()
}

/// Observations every 30 s from `from` to `to` minutes (exclusive).
fn pings(from: f64, to: f64, inside: bool) -> Vec<(f64, bool)> {
    let mut v = Vec::new();
    let mut m = from;
    while m < to {
        v.push((m, inside));
        m += 0.5;
    }
    v
}

#[test]
fn nothing_while_inside() {
    let mut tr = FenceTracker::default();
    let events = run(&mut tr, &pings(0.0, 120.0, true));
    assert_eq!(events, vec![(0.0, FenceEvent::Entered)]);
}

#[test]
fn outside_too_long_exactly_once_then_back_inside() {
    let mut tr = FenceTracker::default();
    let mut obs = pings(0.0, 5.0, true);
    obs.extend(pings(5.0, 40.0, false));
    obs.extend(pings(40.0, 50.0, true));
    let events = run(&mut tr, &obs);
    assert_eq!(
        events,
        vec![
            (0.0, FenceEvent::Entered),
            (5.0, FenceEvent::Exited),
            // Outside since minute 5; 10 min is not "longer than", the next ping is.
            (15.5, FenceEvent::OutsideTooLong { since: t(5.0) }),
            (40.0, FenceEvent::BackInside),
        ]
    );
    // A second excursion alerts again, once.
    let mut again = pings(50.0, 70.0, false);
    again.push((70.0, true));
    let events = run(&mut tr, &again);
    assert_eq!(
        events,
        vec![
            (50.0, FenceEvent::Exited),
            (60.5, FenceEvent::OutsideTooLong { since: t(50.0) }),
            (70.0, FenceEvent::BackInside),
        ]
    );
}

#[test]
fn short_excursions_raise_no_alert() {
    let mut tr = FenceTracker::default();
    let mut obs = pings(0.0, 10.0, true);
    obs.extend(pings(10.0, 19.5, false)); // 9.5 minutes out
    obs.extend(pings(19.5, 30.0, true));
    obs.extend(pings(30.0, 40.5, false)); // exactly 10 minutes at the last ping: not longer
    obs.extend(pings(40.5, 45.0, true));
    let events = run(&mut tr, &obs);
    assert!(
        events
            .iter()
            .all(|(_, e)| matches!(e, FenceEvent::Entered | FenceEvent::Exited)),
        "{events:?}"
    );
    assert_eq!(events.len(), 5);
}

#[test]
fn silence_is_not_evidence() {
    let mut tr = FenceTracker::default();
    run(&mut tr, &[(0.0, true), (1.0, false)]);
    // No updates for an hour: nothing can be emitted. The next ping decides.
    let events = run(&mut tr, &[(61.0, false)]);
    assert_eq!(
        events,
        vec![(61.0, FenceEvent::OutsideTooLong { since: t(1.0) })]
    );
    let events = run(&mut tr, &[(62.0, false), (63.0, false)]);
    assert!(events.is_empty());
}

#[test]
fn first_observation_outside_starts_the_clock_and_dwell_is_configurable() {
    let mut tr = FenceTracker::new(Duration::minutes(3));
    assert_eq!(tr.dwell(), Duration::minutes(3));
    let events = run(&mut tr, &pings(0.0, 5.0, false));
    assert_eq!(
        events,
        vec![(3.5, FenceEvent::OutsideTooLong { since: t(0.0) })]
    );
}

#[test]
fn stale_updates_are_ignored_and_forget_drops_state() {
    let mut tr = FenceTracker::default();
    run(&mut tr, &[(0.0, true), (10.0, true)]);
    assert_eq!(
        tr.update(G, F, false, t(5.0)),
        None,
        "older than the last update"
    );
    assert_eq!(tr.state(G, F).map(|s| s.inside), Some(true));
    let other_fence = Uuid::from_u128(101);
    assert_eq!(
        tr.update(G, other_fence, true, t(10.0)),
        Some(FenceEvent::Entered)
    );
    assert!(tr.forget(G));
    assert!(!tr.forget(G));
    assert_eq!(tr.state(G, F), None);
    assert_eq!(tr.guards(), 0);
    // After forget the next observation is a first observation again.
    assert_eq!(tr.update(G, F, true, t(11.0)), Some(FenceEvent::Entered));
}

#[test]
fn guards_and_fences_are_independent() {
    let mut tr = FenceTracker::default();
    let g2 = Uuid::from_u128(2);
    let f2 = Uuid::from_u128(200);
    assert_eq!(tr.update(G, F, true, t(0.0)), Some(FenceEvent::Entered));
    assert_eq!(tr.update(g2, F, false, t(0.0)), None);
    assert_eq!(tr.update(G, f2, false, t(0.0)), None);
    assert_eq!(tr.update(G, F, true, t(20.0)), None);
    assert_eq!(
        tr.update(g2, F, false, t(20.0)),
        Some(FenceEvent::OutsideTooLong { since: t(0.0) })
    );
    tr.forget_fence(F);
    assert_eq!(tr.state(G, F), None);
    assert!(tr.state(G, f2).is_some());
    assert_eq!(tr.guards(), 1);
}

#[test]
fn events_serialise_with_a_kind_tag() {
    let json = serde_json::to_string(&FenceEvent::OutsideTooLong { since: t(0.0) }).unwrap();
    assert!(
        json.starts_with(r#"{"kind":"outside_too_long","since":"#),
        "{json}"
    );
    let back: FenceEvent = serde_json::from_str(&json).unwrap();
    assert_eq!(back, FenceEvent::OutsideTooLong { since: t(0.0) });
}
