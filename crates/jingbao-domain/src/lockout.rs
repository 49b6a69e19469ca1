//! Login lockout: 5 failures within 15 minutes lock the account for 30 minutes. The state
//! lives on the user row so it holds across nodes; these rules only compute it.

use chrono::{DateTime, Duration, Utc};

pub const MAX_FAILURES: i32 = 5;
pub const WINDOW_MINUTES: i64 = 15;
pub const LOCK_MINUTES: i64 = 30;

/// The lockout fields of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LockState {
    pub failed_count: i32,
    pub window_started_at: Option<DateTime<Utc>>,
    pub locked_until: Option<DateTime<Utc>>,
}

impl LockState {
    pub fn is_locked(&self, now: DateTime<Utc>) -> bool {
        self.locked_until.is_some_and(|t| t > now)
    }

    /// The state after one more failed attempt at `now`.
    pub fn after_failure(&self, now: DateTime<Utc>) -> LockState {
        let in_window = self
            .window_started_at
            .is_some_and(|start| now - start < Duration::minutes(WINDOW_MINUTES));
        let (count, start) = if in_window {
            (self.failed_count + 1, self.window_started_at)
        } else {
            (1, Some(now))
        };
        let locked_until = if count >= MAX_FAILURES {
            Some(now + Duration::minutes(LOCK_MINUTES))
        } else {
            self.locked_until.filter(|t| *t > now)
        };
        let failed_count = if count >= MAX_FAILURES { 0 } else { count };
        let window_started_at = if count >= MAX_FAILURES { None } else { start };
        LockState {
            failed_count,
            window_started_at,
            locked_until,
        }
    }

    /// The state after a successful login.
    pub fn after_success() -> LockState {
        LockState::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(min: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0)
            .single()
            .expect("valid")
            + Duration::minutes(min)
    }

    #[test]
    fn five_failures_in_window_lock_for_thirty_minutes() {
        let mut s = LockState::default();
        for i in 0..4 {
            s = s.after_failure(t(i));
            assert!(!s.is_locked(t(i)));
        }
        s = s.after_failure(t(4));
        assert!(s.is_locked(t(4)));
        assert!(s.is_locked(t(33)));
        assert!(!s.is_locked(t(34)));
    }

    #[test]
    fn failures_spread_beyond_window_do_not_lock() {
        let mut s = LockState::default();
        for i in 0..10 {
            s = s.after_failure(t(i * 4));
            assert!(!s.is_locked(t(i * 4)), "attempt {i}");
        }
    }
}
