//! [`FenceTracker`]: per (guard, fence) inside/outside state with a dwell tolerance, turning a
//! stream of "inside?" observations into events (entered, exited, outside too long, back).
//!
//! Silence is not evidence: state changes only on [`FenceTracker::update`]. A guard whose phone
//! goes quiet while outside raises nothing here; detecting a silent terminal is presence's job.
//! Time is a parameter; updates older than the last one seen for the pair are ignored.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::fence::FenceId;

/// Default dwell tolerance: how long a guard may be outside the post before it is an off-post
/// alert (脱岗).
pub const DEFAULT_DWELL_MINUTES: i64 = 10;

/// What an observation changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FenceEvent {
    /// Now inside: the first observation of the pair was inside, or it came back before the
    /// dwell tolerance ran out.
    Entered,
    /// Was inside, now outside.
    Exited,
    /// Outside continuously for longer than the dwell tolerance, since `since` (the first
    /// outside observation). Emitted once per excursion.
    OutsideTooLong { since: DateTime<Utc> },
    /// Inside again after an [`FenceEvent::OutsideTooLong`]: the alert can be cleared.
    BackInside,
}

/// The tracked state of one (guard, fence) pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairState {
    pub inside: bool,
    /// First outside observation of the current excursion (None while inside).
    pub outside_since: Option<DateTime<Utc>>,
    /// An OutsideTooLong has been emitted for the current excursion.
    pub alerted: bool,
    /// Time of the latest accepted observation.
    pub last_update: DateTime<Utc>,
}

/// Inside/outside state per guard and fence; see the module documentation.
#[derive(Debug, Clone)]
pub struct FenceTracker {
    dwell: Duration,
    guards: HashMap<Uuid, HashMap<FenceId, PairState>>,
}

impl Default for FenceTracker {
    fn default() -> Self {
        Self::new(Duration::minutes(DEFAULT_DWELL_MINUTES))
    }
}

impl FenceTracker {
    /// A tracker whose OutsideTooLong fires after `dwell` outside (negative counts as zero).
    pub fn new(dwell: Duration) -> Self {
        Self {
            dwell: dwell.max(Duration::zero()),
            guards: HashMap::new(),
        }
    }

    pub fn dwell(&self) -> Duration {
        self.dwell
    }

    /// Records one observation and returns the event it causes, if any.
    ///
    /// * first observation: inside → `Entered`; outside → nothing (the excursion starts now);
    /// * inside → outside: `Exited`;
    /// * outside → outside: `OutsideTooLong` once, when `now − since` exceeds the dwell;
    /// * outside → inside: `BackInside` after an OutsideTooLong, else `Entered`;
    /// * inside → inside, or an observation older than the last one: nothing.
    pub fn update(
        &mut self,
        guard: Uuid,
        fence: FenceId,
        inside: bool,
        now: DateTime<Utc>,
    ) -> Option<FenceEvent> {
        let pairs = self.guards.entry(guard).or_default();
        let Some(state) = pairs.get_mut(&fence) else {
            pairs.insert(
                fence,
                PairState {
                    inside,
                    outside_since: (!inside).then_some(now),
                    alerted: false,
                    last_update: now,
                },
            );
            return inside.then_some(FenceEvent::Entered);
        };
        if now < state.last_update {
            return None;
        }
        state.last_update = now;
        match (state.inside, inside) {
            (true, true) => None,
            (true, false) => {
                state.inside = false;
                state.outside_since = Some(now);
                state.alerted = false;
                Some(FenceEvent::Exited)
            }
            (false, true) => {
                let was_alerted = state.alerted;
                state.inside = true;
                state.outside_since = None;
                state.alerted = false;
                Some(if was_alerted {
                    FenceEvent::BackInside
                } else {
                    FenceEvent::Entered
                })
            }
            (false, false) => {
                let since = state.outside_since.unwrap_or(now);
                if !state.alerted && now - since > self.dwell {
                    state.alerted = true;
                    Some(FenceEvent::OutsideTooLong { since })
                } else {
                    None
                }
            }
        }
    }

    /// The state of one pair, if it has been observed since the last `forget`.
    pub fn state(&self, guard: Uuid, fence: FenceId) -> Option<PairState> {
        self.guards.get(&guard)?.get(&fence).copied()
    }

    /// Drops everything known about `guard` (end of shift). Returns whether anything was held.
    pub fn forget(&mut self, guard: Uuid) -> bool {
        self.guards.remove(&guard).is_some()
    }

    /// Drops one fence from every guard (the fence was deleted or redrawn).
    pub fn forget_fence(&mut self, fence: FenceId) {
        for pairs in self.guards.values_mut() {
            pairs.remove(&fence);
        }
        self.guards.retain(|_, pairs| !pairs.is_empty());
    }

    /// Number of guards with state.
    pub fn guards(&self) -> usize {
        self.guards.len()
    }
}
