//! The check-in verdict: a pure rule over what the server knows when a check-in arrives —
//! the code's signature check, the GPS fix against the checkpoint, the guard's previous
//! check-in, clocks and shift. A well-formed check-in is always stored with its verdict.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// Why a check-in is flagged or rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    BadSignature,
    UnknownKey,
    KeyRetired,
    OutOfRadius,
    Replayed,
    ImpossibleSpeed,
    ClockSkew,
    PoorAccuracy,
    NoFix,
    NotOnShift,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::BadSignature => "bad_signature",
            Reason::UnknownKey => "unknown_key",
            Reason::KeyRetired => "key_retired",
            Reason::OutOfRadius => "out_of_radius",
            Reason::Replayed => "replayed",
            Reason::ImpossibleSpeed => "impossible_speed",
            Reason::ClockSkew => "clock_skew",
            Reason::PoorAccuracy => "poor_accuracy",
            Reason::NoFix => "no_fix",
            Reason::NotOnShift => "not_on_shift",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Valid,
    Flagged,
    Rejected,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Flagged => "flagged",
            Verdict::Rejected => "rejected",
        }
    }
}

/// Outcome of checking the scanned code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCheck {
    Good,
    BadSignature,
    UnknownKey,
    /// Signed with a key retired longer ago than the grace period.
    KeyRetired,
}

/// Thresholds (defaults from the product: 2 min replay window, 7 m/s, 5 min skew, 50 m).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub replay_window: Duration,
    pub max_speed_mps: f64,
    pub max_skew: Duration,
    pub max_accuracy_m: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            replay_window: Duration::minutes(2),
            max_speed_mps: 7.0,
            max_skew: Duration::minutes(5),
            max_accuracy_m: 50.0,
        }
    }
}

/// The previous check-in of the same guard (for replay and speed).
#[derive(Debug, Clone, Copy)]
pub struct Previous {
    pub same_checkpoint: bool,
    pub server_time: DateTime<Utc>,
    pub device_time: DateTime<Utc>,
    /// Metres between the two checkpoints.
    pub distance_m: f64,
}

/// What is known about a check-in.
#[derive(Debug, Clone)]
pub struct Facts {
    pub code: CodeCheck,
    pub indoor: bool,
    pub radius_m: f64,
    /// Metres from the fix to the checkpoint, and the fix's accuracy; None without a fix.
    pub fix: Option<(f64, f64)>,
    pub previous: Option<Previous>,
    pub device_time: DateTime<Utc>,
    /// Device time when the phone sent it (falls back to `device_time`).
    pub sent_at: Option<DateTime<Utc>>,
    pub server_time: DateTime<Utc>,
    pub on_shift: bool,
}

/// Judges a check-in: the verdict and every reason, in a stable order.
pub fn judge(f: &Facts, l: &Limits) -> (Verdict, Vec<Reason>) {
    let mut reasons = Vec::new();
    let mut rejected = false;
    match f.code {
        CodeCheck::Good => {}
        CodeCheck::BadSignature => {
            reasons.push(Reason::BadSignature);
            rejected = true;
        }
        CodeCheck::UnknownKey => {
            reasons.push(Reason::UnknownKey);
            rejected = true;
        }
        CodeCheck::KeyRetired => {
            reasons.push(Reason::KeyRetired);
            rejected = true;
        }
    }
    match f.fix {
        None => {
            reasons.push(Reason::NoFix);
            rejected |= !f.indoor;
        }
        Some((dist, acc)) => {
            if acc > l.max_accuracy_m {
                reasons.push(Reason::PoorAccuracy);
            }
            let tolerance = f.radius_m + acc.clamp(0.0, l.max_accuracy_m);
            if dist > tolerance {
                reasons.push(Reason::OutOfRadius);
                rejected = true;
            }
        }
    }
    if let Some(p) = f.previous {
        if p.same_checkpoint
            && f.server_time - p.server_time < l.replay_window
            && f.device_time - p.device_time < l.replay_window
        {
            reasons.push(Reason::Replayed);
        }
        let secs = (f.device_time - p.device_time).num_milliseconds().abs() as f64 / 1000.0;
        if !p.same_checkpoint
            && p.distance_m > 50.0
            && p.distance_m / secs.max(1.0) > l.max_speed_mps
        {
            reasons.push(Reason::ImpossibleSpeed);
        }
    }
    let sent = f.sent_at.unwrap_or(f.device_time);
    if (f.server_time - sent).abs() > l.max_skew {
        reasons.push(Reason::ClockSkew);
    }
    if !f.on_shift {
        reasons.push(Reason::NotOnShift);
    }
    let verdict = if rejected {
        Verdict::Rejected
    } else if reasons.is_empty() {
        Verdict::Valid
    } else {
        Verdict::Flagged
    };
    (verdict, reasons)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(s: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0)
            .single()
            .expect("t")
            + Duration::seconds(s)
    }

    fn base() -> Facts {
        Facts {
            code: CodeCheck::Good,
            indoor: false,
            radius_m: 30.0,
            fix: Some((10.0, 8.0)),
            previous: None,
            device_time: t(0),
            sent_at: None,
            server_time: t(1),
            on_shift: true,
        }
    }

    fn judged(f: &Facts) -> (Verdict, Vec<Reason>) {
        judge(f, &Limits::default())
    }

    #[test]
    fn clean_check_in_is_valid() {
        assert_eq!(judged(&base()), (Verdict::Valid, vec![]));
    }

    #[test]
    fn code_problems_reject() {
        for (c, r) in [
            (CodeCheck::BadSignature, Reason::BadSignature),
            (CodeCheck::UnknownKey, Reason::UnknownKey),
            (CodeCheck::KeyRetired, Reason::KeyRetired),
        ] {
            let f = Facts { code: c, ..base() };
            assert_eq!(judged(&f), (Verdict::Rejected, vec![r]));
        }
    }

    #[test]
    fn radius_uses_capped_accuracy() {
        assert_eq!(
            judged(&Facts {
                fix: Some((37.0, 8.0)),
                ..base()
            })
            .0,
            Verdict::Valid
        );
        assert_eq!(
            judged(&Facts {
                fix: Some((39.0, 8.0)),
                ..base()
            }),
            (Verdict::Rejected, vec![Reason::OutOfRadius])
        );
        // Accuracy beyond 50 m widens the tolerance by 50 m only, and flags.
        assert_eq!(
            judged(&Facts {
                fix: Some((79.0, 400.0)),
                ..base()
            }),
            (Verdict::Flagged, vec![Reason::PoorAccuracy])
        );
        assert_eq!(
            judged(&Facts {
                fix: Some((81.0, 400.0)),
                ..base()
            }),
            (
                Verdict::Rejected,
                vec![Reason::PoorAccuracy, Reason::OutOfRadius]
            )
        );
    }

    #[test]
    fn no_fix_flags_indoors_and_rejects_outdoors() {
        assert_eq!(
            judged(&Facts {
                fix: None,
                indoor: true,
                ..base()
            }),
            (Verdict::Flagged, vec![Reason::NoFix])
        );
        assert_eq!(
            judged(&Facts {
                fix: None,
                indoor: false,
                ..base()
            }),
            (Verdict::Rejected, vec![Reason::NoFix])
        );
    }

    #[test]
    fn replay_speed_skew_shift() {
        let prev = Previous {
            same_checkpoint: true,
            server_time: t(-60),
            device_time: t(-61),
            distance_m: 0.0,
        };
        assert_eq!(
            judged(&Facts {
                previous: Some(prev),
                ..base()
            }),
            (Verdict::Flagged, vec![Reason::Replayed])
        );
        let later = Previous {
            server_time: t(-180),
            device_time: t(-181),
            ..prev
        };
        assert_eq!(
            judged(&Facts {
                previous: Some(later),
                ..base()
            })
            .0,
            Verdict::Valid
        );
        let far = Previous {
            same_checkpoint: false,
            server_time: t(-60),
            device_time: t(-60),
            distance_m: 900.0,
        };
        assert_eq!(
            judged(&Facts {
                previous: Some(far),
                ..base()
            }),
            (Verdict::Flagged, vec![Reason::ImpossibleSpeed])
        );
        let walk = Previous {
            distance_m: 300.0,
            ..far
        };
        assert_eq!(
            judged(&Facts {
                previous: Some(walk),
                ..base()
            })
            .0,
            Verdict::Valid
        );
        // Queued offline for an hour: sent_at close to server time means no skew.
        let queued = Facts {
            device_time: t(-3600),
            sent_at: Some(t(0)),
            ..base()
        };
        assert_eq!(judged(&queued).0, Verdict::Valid);
        assert_eq!(
            judged(&Facts {
                device_time: t(-600),
                ..base()
            }),
            (Verdict::Flagged, vec![Reason::ClockSkew])
        );
        assert_eq!(
            judged(&Facts {
                on_shift: false,
                ..base()
            }),
            (Verdict::Flagged, vec![Reason::NotOnShift])
        );
    }
}
