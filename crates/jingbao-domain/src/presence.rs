//! A guard's live state and the presence alerts, as pure rules over what the node knows:
//! silence is "no signal" (phones suspend web apps), never evidence of being off post; off
//! post needs a fix outside the fence for the dwell tolerance; offline needs 15 minutes of
//! silence while on shift.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveState {
    OnPost,
    OffPost,
    NoSignal,
    Offline,
}

impl LiveState {
    pub fn code(self) -> &'static str {
        match self {
            LiveState::OnPost => "on_post",
            LiveState::OffPost => "off_post",
            LiveState::NoSignal => "no_signal",
            LiveState::Offline => "offline",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct PresenceLimits {
    /// Silence after which a terminal shows "no signal".
    pub no_signal_after: Duration,
    /// Silence after which an on-shift terminal is offline (and an alert is raised).
    pub offline_after: Duration,
    /// Time continuously outside the fence before off-post is raised.
    pub off_post_dwell: Duration,
    /// Time a post may stay under its minimum staffing before vacant-post is raised.
    pub vacant_grace: Duration,
}

impl Default for PresenceLimits {
    fn default() -> Self {
        PresenceLimits {
            no_signal_after: Duration::minutes(2),
            offline_after: Duration::minutes(15),
            off_post_dwell: Duration::minutes(10),
            vacant_grace: Duration::minutes(10),
        }
    }
}

/// What the node knows about one guard on shift.
#[derive(Debug, Clone, Copy)]
pub struct GuardFacts {
    pub last_signal: Option<DateTime<Utc>>,
    pub shift_started: DateTime<Utc>,
    /// Since when the latest fixes have been outside the fence (None: inside or unknown).
    pub outside_since: Option<DateTime<Utc>>,
}

/// The guard's state now.
pub fn state(g: &GuardFacts, now: DateTime<Utc>, l: &PresenceLimits) -> LiveState {
    let last = g.last_signal.unwrap_or(g.shift_started);
    let silent = now - last;
    if silent >= l.offline_after {
        LiveState::Offline
    } else if g.outside_since.is_some() {
        LiveState::OffPost
    } else if silent >= l.no_signal_after {
        LiveState::NoSignal
    } else {
        LiveState::OnPost
    }
}

/// Whether the off-post alert condition holds now.
pub fn off_post(g: &GuardFacts, now: DateTime<Utc>, l: &PresenceLimits) -> bool {
    g.outside_since.is_some_and(|s| now - s >= l.off_post_dwell)
        && state(g, now, l) != LiveState::Offline
}

/// Whether the offline alert condition holds now.
pub fn offline(g: &GuardFacts, now: DateTime<Utc>, l: &PresenceLimits) -> bool {
    state(g, now, l) == LiveState::Offline
}

/// Whether a post is vacant now: under its minimum since `under_since` for the grace period.
pub fn vacant(under_since: Option<DateTime<Utc>>, now: DateTime<Utc>, l: &PresenceLimits) -> bool {
    under_since.is_some_and(|s| now - s >= l.vacant_grace)
}

/// Whether `hhmm` (minutes after local midnight) lies in the window [start, end) that may
/// cross midnight.
pub fn in_window(minute: u32, start: u32, end: u32) -> bool {
    if start == end {
        true
    } else if start < end {
        minute >= start && minute < end
    } else {
        minute >= start || minute < end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(m: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0)
            .single()
            .expect("t")
            + Duration::minutes(m)
    }

    #[test]
    fn states() {
        let l = PresenceLimits::default();
        let g = GuardFacts {
            last_signal: Some(t(0)),
            shift_started: t(-60),
            outside_since: None,
        };
        assert_eq!(state(&g, t(1), &l), LiveState::OnPost);
        assert_eq!(state(&g, t(3), &l), LiveState::NoSignal);
        assert_eq!(state(&g, t(15), &l), LiveState::Offline);
        let out = GuardFacts {
            outside_since: Some(t(0)),
            ..g
        };
        assert_eq!(state(&out, t(1), &l), LiveState::OffPost);
        assert!(!off_post(&out, t(9), &l));
        assert!(off_post(&out, t(10), &l));
        assert!(
            !off_post(&out, t(16), &l),
            "silent too long: offline, not off post"
        );
        assert!(offline(&out, t(16), &l));
        let fresh = GuardFacts {
            last_signal: None,
            shift_started: t(0),
            outside_since: None,
        };
        assert_eq!(state(&fresh, t(1), &l), LiveState::OnPost);
        assert!(vacant(Some(t(0)), t(10), &l));
        assert!(!vacant(Some(t(0)), t(9), &l));
        assert!(!vacant(None, t(100), &l));
    }

    #[test]
    fn windows_cross_midnight() {
        assert!(in_window(9 * 60, 8 * 60, 20 * 60));
        assert!(!in_window(21 * 60, 8 * 60, 20 * 60));
        assert!(in_window(23 * 60, 20 * 60, 8 * 60));
        assert!(in_window(60, 20 * 60, 8 * 60));
        assert!(!in_window(12 * 60, 20 * 60, 8 * 60));
        assert!(in_window(5, 0, 0));
    }
}
