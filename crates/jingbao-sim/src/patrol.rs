//! Simulated patrols for the demo: guards of the district start their shifts, report
//! positions every half minute around their posts, check in at their unit's checkpoints, and
//! a few wander off post or go silent — so the live map and the alerts are alive the moment
//! someone opens the console. Never drives `guard0001`–`guard0010`, which stay free for
//! people and checks.

use crate::transport::Transport;
use chrono::Utc;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// The first guard number the simulator may drive.
pub const FIRST_SIMULATED: usize = 11;

#[derive(Debug, Clone)]
pub struct PatrolConfig {
    pub password: String,
    /// How many guards to drive (from guard0011 on).
    pub guards: usize,
    /// Seconds between position reports.
    pub report_every: Duration,
    /// Share of guards that wander off post for a while.
    pub wanderers: f64,
    /// Share of guards whose phones go silent.
    pub silent: f64,
    pub seed: u64,
}

impl Default for PatrolConfig {
    fn default() -> Self {
        PatrolConfig {
            password: String::new(),
            guards: 278,
            report_every: Duration::from_secs(30),
            wanderers: 0.05,
            silent: 0.03,
            seed: 7,
        }
    }
}

struct Plate {
    code: String,
    lat: f64,
    lon: f64,
}

struct Walker {
    token: String,
    plates: Vec<Plate>,
    home: (f64, f64),
    wander: bool,
    silent: bool,
}

async fn token(t: &dyn Transport, user: &str, pw: &str) -> Option<String> {
    let (s, v) = t
        .call(
            "POST",
            "/api/auth/token",
            None,
            Some(json!({"username": user, "password": pw})),
        )
        .await;
    (s == 200)
        .then(|| v["token"].as_str().map(str::to_string))
        .flatten()
}

/// Prepares one guard: its unit's checkpoints and their plates (read as the officer).
async fn walker(
    t: &dyn Transport,
    officer: &str,
    n: usize,
    cfg: &PatrolConfig,
    rng: &mut ChaCha8Rng,
) -> Option<Walker> {
    let user = format!("guard{n:04}");
    let tok = token(t, &user, &cfg.password).await?;
    let (_, me) = t.call("GET", "/api/me", Some(&tok), None).await;
    let gid = me["guard_id"].as_str()?.to_string();
    let (_, g) = t
        .call("GET", &format!("/api/guards/{gid}"), Some(officer), None)
        .await;
    let unit = g["unit_id"].as_str()?.to_string();
    let (_, cps) = t
        .call(
            "GET",
            &format!("/api/checkpoints?unit_id={unit}&page_size=50"),
            Some(officer),
            None,
        )
        .await;
    let mut plates = Vec::new();
    for cp in cps["items"]
        .as_array()?
        .iter()
        .filter(|c| c["indoor"] == false)
    {
        let id = cp["id"].as_str()?;
        let (s, p) = t
            .call(
                "GET",
                &format!("/api/checkpoints/{id}/qr?format=json"),
                Some(officer),
                None,
            )
            .await;
        if s == 200 {
            plates.push(Plate {
                code: p["payload"].as_str()?.to_string(),
                lat: cp["lat"].as_f64()?,
                lon: cp["lon"].as_f64()?,
            });
        }
    }
    let home = plates.first().map(|p| (p.lat, p.lon))?;
    Some(Walker {
        token: tok,
        plates,
        home,
        wander: rng.random_bool(cfg.wanderers),
        silent: rng.random_bool(cfg.silent),
    })
}

fn jitter(rng: &mut ChaCha8Rng, (lat, lon): (f64, f64), metres: f64) -> (f64, f64) {
    let d = metres / 111_320.0;
    (
        lat + rng.random_range(-d..d),
        lon + rng.random_range(-d..d) / 0.87,
    )
}

/// Runs until the process ends. Failures are skipped: the demo must never stop serving.
pub async fn run(t: Arc<dyn Transport>, cfg: PatrolConfig) {
    let Some(officer) = token(t.as_ref(), "officer", &cfg.password).await else {
        return;
    };
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut walkers = Vec::new();
    for n in FIRST_SIMULATED..FIRST_SIMULATED + cfg.guards {
        if let Some(w) = walker(t.as_ref(), &officer, n, &cfg, &mut rng).await {
            let start = json!({"id": Uuid::now_v7(), "device_time": Utc::now()});
            let (s, _) = t
                .call("POST", "/api/shifts/start", Some(&w.token), Some(start))
                .await;
            if s == 201 || s == 409 {
                walkers.push(w);
            }
        }
    }
    let mut round: u64 = 0;
    loop {
        round += 1;
        for (i, w) in walkers.iter().enumerate() {
            if w.silent && round > 2 {
                continue;
            }
            // Wanderers leave ~150 m for 20 rounds out of every 60.
            let away = w.wander && (round + i as u64 * 7) % 60 < 20;
            let centre = if away {
                (w.home.0 + 0.0014, w.home.1 + 0.0012)
            } else {
                w.home
            };
            let (lat, lon) = jitter(&mut rng, centre, 12.0);
            let batch = json!({"id": Uuid::now_v7(), "positions": [{"id": Uuid::now_v7(), "lat": lat, "lon": lon, "accuracy": rng.random_range(4.0..25.0), "device_time": Utc::now()}]});
            t.call("POST", "/api/positions/batch", Some(&w.token), Some(batch))
                .await;
            // Open directives: most are signed for within a few rounds, with feedback after.
            if round.is_multiple_of(2) && !w.silent {
                let (_, open) = t
                    .call("GET", "/api/me/directives?open=true", Some(&w.token), None)
                    .await;
                for d in open["items"].as_array().into_iter().flatten() {
                    let Some(id) = d["directive"]["id"].as_str() else {
                        continue;
                    };
                    if d["state"] == "pending"
                        || d["state"] == "delivered"
                        || d["state"] == "overdue"
                    {
                        if rng.random_bool(0.7) {
                            t.call(
                                "POST",
                                &format!("/api/directives/{id}/ack"),
                                Some(&w.token),
                                Some(json!({"id": Uuid::now_v7(), "device_time": Utc::now()})),
                            )
                            .await;
                        }
                    } else if d["directive"]["feedback_required"] == true && rng.random_bool(0.4) {
                        t.call("POST", &format!("/api/directives/{id}/feedback"), Some(&w.token), Some(json!({"id": Uuid::now_v7(), "text": "已按指令完成巡查，未发现异常"}))).await;
                    }
                }
            }
            // About every ten minutes, a check-in at one of the unit's checkpoints.
            if !away && !w.plates.is_empty() && rng.random_bool(0.05) {
                let p = &w.plates[rng.random_range(0..w.plates.len())];
                let (plat, plon) = jitter(&mut rng, (p.lat, p.lon), 6.0);
                let body = json!({"id": Uuid::now_v7(), "code": p.code, "lat": plat, "lon": plon, "accuracy": 8.0, "device_time": Utc::now()});
                t.call("POST", "/api/checkins", Some(&w.token), Some(body))
                    .await;
            }
        }
        tokio::time::sleep(cfg.report_every).await;
    }
}

/// Guard numbers a configuration drives (for checks that it leaves the reserved ones alone).
pub fn driven(cfg: &PatrolConfig) -> std::ops::Range<usize> {
    FIRST_SIMULATED..FIRST_SIMULATED + cfg.guards
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_guards_are_never_driven() {
        let r = driven(&PatrolConfig::default());
        assert!(!(1..=10).any(|n| r.contains(&n)));
    }
}
