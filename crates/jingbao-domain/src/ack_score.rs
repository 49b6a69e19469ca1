//! Scoring sign-fors (每月测试): per unit, the ack rate, the on-time rate (server received the
//! sign-for before the deadline), median and p90 latency. Fairness: a targeted unit with nobody
//! on shift scores 0 % and is listed as vacant (absence is no escape); a recipient relieved by
//! its unit's quota counts as answered; a unit is ranked only with at least 3 recipients.

use chrono::{DateTime, Utc};
use serde::Serialize;

pub const MIN_RECIPIENTS_TO_RANK: u32 = 3;
pub const DEFAULT_INTERVIEW_THRESHOLD: f64 = 0.5;

/// One recipient's outcome.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    pub signed_at: Option<DateTime<Utc>>,
    pub relieved: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct UnitScore {
    pub recipients: u32,
    pub answered: u32,
    pub on_time: u32,
    pub ack_rate: f64,
    pub on_time_rate: f64,
    pub median_latency_s: Option<i64>,
    pub p90_latency_s: Option<i64>,
    pub vacant: bool,
    pub ranked: bool,
}

fn quantile(sorted: &[i64], q: f64) -> Option<i64> {
    (!sorted.is_empty()).then(|| sorted[(((sorted.len() - 1) as f64) * q).round() as usize])
}

/// Scores one unit of one directive (`answers` empty = the unit was targeted but vacant).
pub fn score(answers: &[Answer], sent: DateTime<Utc>, deadline: DateTime<Utc>) -> UnitScore {
    if answers.is_empty() {
        return UnitScore {
            recipients: 0,
            answered: 0,
            on_time: 0,
            ack_rate: 0.0,
            on_time_rate: 0.0,
            median_latency_s: None,
            p90_latency_s: None,
            vacant: true,
            ranked: true,
        };
    }
    let n = answers.len() as u32;
    let answered = answers
        .iter()
        .filter(|a| a.signed_at.is_some() || a.relieved)
        .count() as u32;
    let on_time = answers
        .iter()
        .filter(|a| a.relieved || a.signed_at.is_some_and(|s| s < deadline))
        .count() as u32;
    let mut lat: Vec<i64> = answers
        .iter()
        .filter_map(|a| a.signed_at.map(|s| (s - sent).num_seconds()))
        .collect();
    lat.sort_unstable();
    UnitScore {
        recipients: n,
        answered,
        on_time,
        ack_rate: answered as f64 / n as f64,
        on_time_rate: on_time as f64 / n as f64,
        median_latency_s: quantile(&lat, 0.5),
        p90_latency_s: quantile(&lat, 0.9),
        vacant: false,
        ranked: n >= MIN_RECIPIENTS_TO_RANK,
    }
}

/// Adds up several directives' scores of one unit (a month's column).
pub fn combine(scores: &[UnitScore]) -> UnitScore {
    let vacant_only = !scores.is_empty() && scores.iter().all(|s| s.vacant);
    let n: u32 = scores
        .iter()
        .map(|s| s.recipients.max(s.vacant as u32))
        .sum();
    let answered: u32 = scores.iter().map(|s| s.answered).sum();
    let on_time: u32 = scores.iter().map(|s| s.on_time).sum();
    let recipients: u32 = scores.iter().map(|s| s.recipients).sum();
    let rate = |x: u32| if n == 0 { 0.0 } else { x as f64 / n as f64 };
    UnitScore {
        recipients,
        answered,
        on_time,
        ack_rate: rate(answered),
        on_time_rate: rate(on_time),
        median_latency_s: None,
        p90_latency_s: None,
        vacant: vacant_only,
        ranked: vacant_only || recipients >= MIN_RECIPIENTS_TO_RANK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(s: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 1, 0, 0)
            .single()
            .expect("t")
            + Duration::seconds(s)
    }

    #[test]
    fn scores_a_unit() {
        let deadline = t(600);
        let a = |s: Option<i64>| Answer {
            signed_at: s.map(t),
            relieved: false,
        };
        let s = score(
            &[a(Some(60)), a(Some(300)), a(Some(900)), a(None)],
            t(0),
            deadline,
        );
        assert_eq!((s.recipients, s.answered, s.on_time), (4, 3, 2));
        assert_eq!((s.ack_rate, s.on_time_rate), (0.75, 0.5));
        assert_eq!(s.median_latency_s, Some(300));
        assert_eq!(s.p90_latency_s, Some(900));
        assert!(s.ranked);
        let exact = score(&[a(Some(600))], t(0), deadline);
        assert_eq!(exact.on_time, 0, "at the deadline is late");
        assert!(!exact.ranked, "fewer than 3 recipients are not ranked");
    }

    #[test]
    fn vacancy_is_no_escape_and_quota_counts() {
        let v = score(&[], t(0), t(600));
        assert!(v.vacant && v.ranked);
        assert_eq!(v.on_time_rate, 0.0);
        let relieved = Answer {
            signed_at: None,
            relieved: true,
        };
        let s = score(
            &[
                Answer {
                    signed_at: Some(t(30)),
                    relieved: false,
                },
                relieved,
                relieved,
            ],
            t(0),
            t(600),
        );
        assert_eq!(s.on_time_rate, 1.0);
        let c = combine(&[v.clone(), s.clone()]);
        assert_eq!(c.recipients, 3);
        assert!(
            (c.on_time_rate - 0.75).abs() < 1e-9,
            "the vacant test weighs as one missed answer"
        );
        assert!(combine(&[v]).vacant);
    }
}
