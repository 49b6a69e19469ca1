//! Patrol plans: a route (ordered checkpoints) walked every N minutes inside a daily time
//! window (local time, may cross midnight). The rounds of a day, what each round expects, and
//! which expectations a set of check-ins met — the basis of completion rates and of
//! missed-checkpoint alerts.

use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// One round: the route must be walked between `start` and `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The rounds of the local day that begins at `day_start` (UTC instant of local midnight).
/// `window` is (start minute, end minute) after local midnight; end ≤ start crosses midnight.
pub fn rounds(day_start: DateTime<Utc>, window: (u32, u32), every_minutes: u32) -> Vec<Round> {
    let every = every_minutes.max(5) as i64;
    let (ws, we) = (window.0 as i64, window.1 as i64);
    let len = if we > ws { we - ws } else { we + 24 * 60 - ws };
    let mut out = Vec::new();
    let mut m = 0;
    while m < len {
        let start = day_start + Duration::minutes(ws + m);
        let end = day_start + Duration::minutes(ws + (m + every).min(len));
        out.push(Round { start, end });
        m += every;
    }
    out
}

/// For each (round, checkpoint) the time it was first done, if it was.
pub fn matched(
    rounds: &[Round],
    checkpoints: &[Uuid],
    done: &[(Uuid, DateTime<Utc>)],
) -> Vec<(Round, Uuid, Option<DateTime<Utc>>)> {
    let mut by_cp: HashMap<Uuid, Vec<DateTime<Utc>>> = HashMap::new();
    for (cp, t) in done {
        by_cp.entry(*cp).or_default().push(*t);
    }
    let mut out = Vec::with_capacity(rounds.len() * checkpoints.len());
    for r in rounds {
        for cp in checkpoints {
            let first = by_cp.get(cp).and_then(|ts| {
                ts.iter()
                    .filter(|t| **t >= r.start && **t < r.end)
                    .min()
                    .copied()
            });
            out.push((*r, *cp, first));
        }
    }
    out
}

/// Expected and done counts of the rounds that have ended by `now` (a round still running is
/// not yet counted against anyone).
pub fn completion(m: &[(Round, Uuid, Option<DateTime<Utc>>)], now: DateTime<Utc>) -> (u32, u32) {
    let due: Vec<_> = m.iter().filter(|(r, _, _)| r.end <= now).collect();
    (
        due.len() as u32,
        due.iter().filter(|(_, _, d)| d.is_some()).count() as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn midnight() -> DateTime<Utc> {
        // 2026-11-23 00:00 in Asia/Shanghai.
        Utc.with_ymd_and_hms(2026, 11, 22, 16, 0, 0)
            .single()
            .expect("t")
    }

    #[test]
    fn rounds_cover_the_window() {
        let r = rounds(midnight(), (8 * 60, 12 * 60), 60);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].start, midnight() + Duration::hours(8));
        assert_eq!(r[3].end, midnight() + Duration::hours(12));
        let night = rounds(midnight(), (22 * 60, 2 * 60), 120);
        assert_eq!(night.len(), 2);
        assert_eq!(night[1].end, midnight() + Duration::hours(26));
        assert_eq!(
            rounds(midnight(), (0, 0), 240).len(),
            6,
            "start = end is the whole day, as for shift windows"
        );
        assert_eq!(
            rounds(midnight(), (8 * 60, 9 * 60 + 30), 60)
                .last()
                .map(|r| r.end),
            Some(midnight() + Duration::minutes(9 * 60 + 30))
        );
    }

    #[test]
    fn matching_and_completion() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let r = rounds(midnight(), (8 * 60, 10 * 60), 60);
        let t = |m: i64| midnight() + Duration::minutes(m);
        let done = vec![
            (a, t(8 * 60 + 5)),
            (b, t(8 * 60 + 59)),
            (a, t(9 * 60 + 10)),
            (a, t(9 * 60 + 20)),
        ];
        let m = matched(&r, &[a, b], &done);
        assert_eq!(m.len(), 4);
        assert_eq!(m[2].2, Some(t(9 * 60 + 10)), "first in the round");
        assert_eq!(m[3].2, None);
        assert_eq!(
            completion(&m, t(9 * 60 + 30)),
            (2, 2),
            "the running round is not counted"
        );
        assert_eq!(completion(&m, t(10 * 60)), (4, 3));
    }
}
