//! Live presence on this node: who is on shift, their latest fix and signal, whether they
//! are inside their post's fence; rebuilt from the store at start, fed by shifts, positions,
//! heartbeats and check-ins, and evaluated by the presence job into alert decisions.

use chrono::{DateTime, Utc};
use jingbao_domain::presence::{
    GuardFacts, LiveState, PresenceLimits, in_window, off_post, offline, state, vacant,
};
use jingbao_geo::{FenceIndex, LonLat, Polygon};
use std::collections::HashMap;
use std::sync::Mutex;
use uuid::Uuid;

/// The fence around a post: its building's footprint plus this many metres.
pub const FENCE_BUFFER_M: f64 = 30.0;

#[derive(Debug, Clone)]
pub struct GuardLive {
    pub guard_id: Uuid,
    pub name: String,
    pub unit_id: Uuid,
    pub post_id: Option<Uuid>,
    pub scope_path: String,
    pub shift_started: Option<DateTime<Utc>>,
    pub last_signal: Option<DateTime<Utc>>,
    pub fix: Option<(f64, f64, f64, DateTime<Utc>)>,
    pub outside_since: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct PostMeta {
    pub post_id: Uuid,
    pub name: String,
    pub unit_id: Uuid,
    pub scope_path: String,
    /// (start minute, end minute, minimum staff) in local time.
    pub windows: Vec<(u32, u32, i32)>,
}

/// What the job should change in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Raise {
        kind: &'static str,
        guard_id: Option<Uuid>,
        post_id: Option<Uuid>,
    },
    Resolve {
        open_key: String,
    },
}

pub fn open_key(kind: &str, guard: Option<Uuid>, post: Option<Uuid>) -> String {
    match (guard, post) {
        (Some(g), _) => format!("{kind}:{g}"),
        (None, Some(p)) => format!("{kind}:post:{p}"),
        _ => kind.to_string(),
    }
}

#[derive(Default)]
struct Inner {
    guards: HashMap<Uuid, GuardLive>,
    posts: HashMap<Uuid, PostMeta>,
    fences: Option<FenceIndex>,
    under_since: HashMap<Uuid, DateTime<Utc>>,
}

#[derive(Default)]
pub struct Presence {
    inner: Mutex<Inner>,
    pub limits: PresenceLimits,
}

fn local_minute(now: DateTime<Utc>) -> u32 {
    let shanghai = now + chrono::Duration::hours(8);
    use chrono::Timelike;
    shanghai.hour() * 60 + shanghai.minute()
}

impl Presence {
    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut g)
    }

    /// Installs the posts and their fences (building footprints).
    pub fn set_posts(&self, posts: Vec<PostMeta>, footprints: Vec<(Uuid, Vec<(f64, f64)>)>) {
        let fences: Vec<_> = footprints
            .into_iter()
            .filter_map(|(post, ring)| {
                Polygon::new(
                    ring.into_iter()
                        .map(|(lon, lat)| LonLat { lon, lat })
                        .collect(),
                )
                .ok()
                .map(|p| (post, p, FENCE_BUFFER_M))
            })
            .collect();
        self.with(|s| {
            s.posts = posts.into_iter().map(|p| (p.post_id, p)).collect();
            s.fences = Some(FenceIndex::new(fences));
        });
    }

    pub fn shift_started(&self, g: GuardLive) {
        self.with(|s| {
            s.guards.insert(g.guard_id, g);
        });
    }

    pub fn shift_ended(&self, guard: Uuid) {
        self.with(|s| {
            if let Some(g) = s.guards.get_mut(&guard) {
                g.shift_started = None;
                g.outside_since = None;
            }
        });
    }

    /// A sign of life, with a fix when there is one.
    pub fn signal(&self, guard: Uuid, at: DateTime<Utc>, fix: Option<(f64, f64, f64)>) {
        self.with(|s| {
            let fences = s.fences.as_ref();
            let Some(g) = s.guards.get_mut(&guard) else {
                return;
            };
            if g.last_signal.is_none_or(|t| t < at) {
                g.last_signal = Some(at);
            }
            if let Some((lat, lon, acc)) = fix
                && g.fix.is_none_or(|f| f.3 <= at)
            {
                g.fix = Some((lat, lon, acc, at));
                let inside = match (g.post_id, fences) {
                    (Some(p), Some(f)) if f.get(p).is_some() => f.contains(p, LonLat { lon, lat }),
                    _ => true,
                };
                if inside {
                    g.outside_since = None;
                } else if g.outside_since.is_none() {
                    g.outside_since = Some(at);
                }
            }
        });
    }

    /// One guard's state now (offline when unknown or off shift).
    pub fn state_of(&self, guard: Uuid, now: DateTime<Utc>) -> LiveState {
        self.with(|s| {
            s.guards
                .get(&guard)
                .and_then(Self::facts)
                .map(|f| state(&f, now, &self.limits))
                .unwrap_or(LiveState::Offline)
        })
    }

    pub fn is_on_shift(&self, guard: Uuid) -> bool {
        self.with(|s| {
            s.guards
                .get(&guard)
                .is_some_and(|g| g.shift_started.is_some())
        })
    }

    fn facts(g: &GuardLive) -> Option<GuardFacts> {
        Some(GuardFacts {
            last_signal: g.last_signal,
            shift_started: g.shift_started?,
            outside_since: g.outside_since,
        })
    }

    /// Every known guard with its state now (off-shift guards are offline).
    pub fn snapshot(&self, now: DateTime<Utc>) -> Vec<(GuardLive, LiveState)> {
        self.with(|s| {
            s.guards
                .values()
                .map(|g| {
                    let st = Self::facts(g)
                        .map(|f| state(&f, now, &self.limits))
                        .unwrap_or(LiveState::Offline);
                    (g.clone(), st)
                })
                .collect()
        })
    }

    pub fn post(&self, id: Uuid) -> Option<PostMeta> {
        self.with(|s| s.posts.get(&id).cloned())
    }

    /// The alerts that should be open now, compared with those that are.
    pub fn evaluate(&self, now: DateTime<Utc>, open: &[String]) -> Vec<Decision> {
        let l = self.limits;
        self.with(|s| {
            let mut want: Vec<(String, Decision)> = Vec::new();
            for g in s.guards.values() {
                let Some(f) = Self::facts(g) else { continue };
                if off_post(&f, now, &l) {
                    want.push((
                        open_key("off_post", Some(g.guard_id), None),
                        Decision::Raise {
                            kind: "off_post",
                            guard_id: Some(g.guard_id),
                            post_id: g.post_id,
                        },
                    ));
                }
                if offline(&f, now, &l) {
                    want.push((
                        open_key("offline", Some(g.guard_id), None),
                        Decision::Raise {
                            kind: "offline",
                            guard_id: Some(g.guard_id),
                            post_id: g.post_id,
                        },
                    ));
                }
            }
            let minute = local_minute(now);
            let mut staffed: HashMap<Uuid, i32> = HashMap::new();
            for g in s.guards.values().filter(|g| g.shift_started.is_some()) {
                if let Some(p) = g.post_id {
                    *staffed.entry(p).or_default() += 1;
                }
            }
            for p in s.posts.values() {
                let needed = p
                    .windows
                    .iter()
                    .filter(|(a, b, _)| in_window(minute, *a, *b))
                    .map(|w| w.2)
                    .max()
                    .unwrap_or(0);
                let have = staffed.get(&p.post_id).copied().unwrap_or(0);
                if have < needed {
                    let since = *s.under_since.entry(p.post_id).or_insert(now);
                    if vacant(Some(since), now, &l) {
                        want.push((
                            open_key("vacant_post", None, Some(p.post_id)),
                            Decision::Raise {
                                kind: "vacant_post",
                                guard_id: None,
                                post_id: Some(p.post_id),
                            },
                        ));
                    }
                } else {
                    s.under_since.remove(&p.post_id);
                }
            }
            let mut out: Vec<Decision> = want
                .iter()
                .filter(|(k, _)| !open.contains(k))
                .map(|(_, d)| d.clone())
                .collect();
            for k in open {
                let auto_kind = k.starts_with("off_post:")
                    || k.starts_with("offline:")
                    || k.starts_with("vacant_post:");
                if auto_kind && !want.iter().any(|(w, _)| w == k) {
                    out.push(Decision::Resolve {
                        open_key: k.clone(),
                    });
                }
            }
            out
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(m: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
            .single()
            .expect("t")
            + Duration::minutes(m)
    }

    fn setup() -> (Presence, Uuid, Uuid) {
        let p = Presence::default();
        let post = Uuid::from_u128(1);
        let guard = Uuid::from_u128(2);
        let d = 0.0005;
        let ring = vec![
            (121.55, 29.82),
            (121.55 + d, 29.82),
            (121.55 + d, 29.82 + d),
            (121.55, 29.82 + d),
            (121.55, 29.82),
        ];
        p.set_posts(
            vec![PostMeta {
                post_id: post,
                name: "大堂岗".into(),
                unit_id: Uuid::from_u128(3),
                scope_path: "/x/".into(),
                windows: vec![(0, 0, 1)],
            }],
            vec![(post, ring)],
        );
        (p, post, guard)
    }

    fn on_shift(p: &Presence, post: Uuid, guard: Uuid, at: DateTime<Utc>) {
        p.shift_started(GuardLive {
            guard_id: guard,
            name: "g".into(),
            unit_id: Uuid::from_u128(3),
            post_id: Some(post),
            scope_path: "/x/".into(),
            shift_started: Some(at),
            last_signal: Some(at),
            fix: None,
            outside_since: None,
        });
    }

    #[test]
    fn off_post_after_dwell_and_back() {
        let (p, post, g) = setup();
        on_shift(&p, post, g, t(0));
        p.signal(g, t(0), Some((29.82025, 121.55025, 5.0)));
        assert!(p.evaluate(t(0), &[]).is_empty());
        p.signal(g, t(1), Some((29.83, 121.56, 5.0)));
        assert!(
            p.evaluate(t(10), &[]).is_empty(),
            "silent for 9 min after leaving: not yet"
        );
        p.signal(g, t(11), Some((29.83, 121.56, 5.0)));
        let d = p.evaluate(t(11), &[]);
        assert_eq!(
            d,
            vec![Decision::Raise {
                kind: "off_post",
                guard_id: Some(g),
                post_id: Some(post)
            }]
        );
        p.signal(g, t(12), Some((29.82025, 121.55025, 5.0)));
        assert_eq!(
            p.evaluate(t(12), &[open_key("off_post", Some(g), None)]),
            vec![Decision::Resolve {
                open_key: open_key("off_post", Some(g), None)
            }]
        );
    }

    #[test]
    fn within_buffer_is_on_post() {
        let (p, post, g) = setup();
        on_shift(&p, post, g, t(0));
        // ~20 m east of the footprint.
        p.signal(g, t(0), Some((29.82025, 121.5507, 5.0)));
        assert!(p.evaluate(t(30), &[]).iter().all(|d| !matches!(
            d,
            Decision::Raise {
                kind: "off_post",
                ..
            }
        )));
    }

    #[test]
    fn offline_and_vacant() {
        let (p, post, g) = setup();
        assert!(
            p.evaluate(t(0), &[]).is_empty(),
            "vacancy needs the grace period"
        );
        let d = p.evaluate(t(10), &[]);
        assert_eq!(
            d,
            vec![Decision::Raise {
                kind: "vacant_post",
                guard_id: None,
                post_id: Some(post)
            }]
        );
        on_shift(&p, post, g, t(10));
        let vac = open_key("vacant_post", None, Some(post));
        assert_eq!(
            p.evaluate(t(11), &[vac.clone()]),
            vec![Decision::Resolve { open_key: vac }]
        );
        let d = p.evaluate(t(25), &[]);
        assert_eq!(
            d,
            vec![Decision::Raise {
                kind: "offline",
                guard_id: Some(g),
                post_id: Some(post)
            }]
        );
        p.signal(g, t(26), None);
        assert_eq!(
            p.evaluate(t(26), &[open_key("offline", Some(g), None)]),
            vec![Decision::Resolve {
                open_key: open_key("offline", Some(g), None)
            }]
        );
    }
}
