//! `jingbao simulate`: N guard terminals against a running server, through the public API
//! only — they sign in, start their shifts, hold a WebSocket (resuming from their cursor),
//! sign for each directive after a sampled delay and report back; a progress bar while it
//! runs and sign-for latency percentiles at the end. The load generator for `bench fanout`
//! and what makes an ack board come alive.

use crate::cli::SimulateArgs;
use crate::http_client::Client;
use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use futures_util::{SinkExt, StreamExt};
use indicatif::{ProgressBar, ProgressStyle};
use rand::Rng;
use serde_json::{Value, json};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Mutex;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use uuid::Uuid;

/// A delay distribution.
#[derive(Debug, Clone, Copy)]
pub enum Delay {
    Fixed(f64),
    Uniform(f64, f64),
    Exp(f64),
}

fn secs(s: &str) -> Option<f64> {
    let s = s.trim();
    s.strip_suffix("ms")
        .and_then(|v| v.parse::<f64>().ok().map(|v| v / 1000.0))
        .or_else(|| s.trim_end_matches('s').parse().ok())
}

impl Delay {
    pub fn parse(s: &str) -> Option<Delay> {
        let (kind, arg) = s.split_once(':')?;
        match kind {
            "fixed" => Some(Delay::Fixed(secs(arg)?)),
            "uniform" => {
                let (a, b) = arg.split_once('-')?;
                let (a, b) = (secs(a)?, secs(b)?);
                (a <= b).then_some(Delay::Uniform(a, b))
            }
            "exp" => Some(Delay::Exp(secs(arg)?)),
            _ => None,
        }
    }

    fn sample(self) -> Duration {
        let mut r = rand::rng();
        let s = match self {
            Delay::Fixed(v) => v,
            Delay::Uniform(a, b) => {
                if b > a {
                    r.random_range(a..b)
                } else {
                    a
                }
            }
            Delay::Exp(mean) => -mean * (1.0 - r.random::<f64>()).ln(),
        };
        Duration::from_secs_f64(s.max(0.0))
    }
}

#[derive(Default)]
struct Counters {
    connected: AtomicU64,
    received: AtomicU64,
    signed: AtomicU64,
    errors: AtomicU64,
}

async fn terminal(
    addr: String,
    user: String,
    pw: String,
    delay: Delay,
    c: Arc<Counters>,
    lat: Arc<Mutex<Vec<f64>>>,
) -> anyhow::Result<()> {
    let mut http = Client::connect(&addr).await?;
    let (s, v) = http
        .call(
            "POST",
            "/api/auth/token",
            None,
            Some(&json!({"username": user, "password": pw})),
        )
        .await?;
    if s != 200 {
        bail!("{user}: sign-in answered {s}");
    }
    let token = v["token"].as_str().context("token")?.to_string();
    http.call(
        "POST",
        "/api/shifts/start",
        Some(&token),
        Some(&json!({"id": Uuid::now_v7(), "device_time": Utc::now()})),
    )
    .await?;
    let mut req = format!("ws://{addr}/api/ws").into_client_request()?;
    req.headers_mut()
        .insert("authorization", format!("Bearer {token}").parse()?);
    let (ws, _) = tokio_tungstenite::connect_async(req).await?;
    let (mut tx, mut rx) = ws.split();
    tx.send(Message::Text(
        json!({"type": "resume", "cursor": 0}).to_string().into(),
    ))
    .await?;
    c.connected.fetch_add(1, Ordering::Relaxed);
    let mut ping = tokio::time::interval(Duration::from_secs(15));
    loop {
        tokio::select! {
            m = rx.next() => {
                let Some(Ok(Message::Text(t))) = m else { break };
                let v: Value = serde_json::from_str(t.as_str()).unwrap_or_default();
                if v["type"] != "directive" || v["directive"]["state"] != "sent" {
                    continue;
                }
                c.received.fetch_add(1, Ordering::Relaxed);
                let id = v["directive"]["id"].as_str().unwrap_or_default().to_string();
                let sent: Option<DateTime<Utc>> = v["directive"]["sent_at"].as_str().and_then(|s| s.parse().ok());
                let (addr, token, c, lat) = (addr.clone(), token.clone(), c.clone(), lat.clone());
                let feedback = v["directive"]["feedback_required"] == true;
                tokio::spawn(async move {
                    tokio::time::sleep(delay.sample()).await;
                    let Ok(mut h) = Client::connect(&addr).await else { c.errors.fetch_add(1, Ordering::Relaxed); return };
                    match h.call("POST", &format!("/api/directives/{id}/ack"), Some(&token), Some(&json!({"id": Uuid::now_v7(), "device_time": Utc::now()}))).await {
                        Ok((200, _)) => {
                            c.signed.fetch_add(1, Ordering::Relaxed);
                            if let Some(s) = sent {
                                lat.lock().await.push((Utc::now() - s).num_milliseconds() as f64 / 1000.0);
                            }
                        }
                        _ => { c.errors.fetch_add(1, Ordering::Relaxed); }
                    }
                    if feedback {
                        let _ = h.call("POST", &format!("/api/directives/{id}/feedback"), Some(&token), Some(&json!({"id": Uuid::now_v7(), "text": "已落实"}))).await;
                    }
                });
            }
            _ = ping.tick() => {
                if tx.send(Message::Text(r#"{"type":"ping"}"#.into())).await.is_err() { break }
            }
        }
    }
    Ok(())
}

fn pct(sorted: &[f64], q: f64) -> f64 {
    sorted
        .get(((sorted.len().max(1) - 1) as f64 * q).round() as usize)
        .copied()
        .unwrap_or(0.0)
}

pub async fn run(a: SimulateArgs) -> anyhow::Result<ExitCode> {
    let Some(delay) = Delay::parse(&a.ack_delay) else {
        bail!("--ack-delay: fixed:2s, uniform:1s-8s or exp:5s")
    };
    let addr = a
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    if a.url.starts_with("https://") {
        bail!("simulate speaks plain HTTP; point it at the server's own address");
    }
    let c = Arc::new(Counters::default());
    let lat = Arc::new(Mutex::new(Vec::new()));
    for n in a.first..a.first + a.guards {
        let (addr, pw, c2, lat) = (addr.clone(), a.password.clone(), c.clone(), lat.clone());
        let user = format!("guard{n:04}");
        tokio::spawn(async move {
            if let Err(e) = terminal(addr, user.clone(), pw, delay, c2.clone(), lat).await {
                c2.errors.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(error = %e, user, "terminal stopped");
            }
        });
    }
    let bar = ProgressBar::new(a.duration);
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    for _ in 0..a.duration {
        tokio::time::sleep(Duration::from_secs(1)).await;
        bar.inc(1);
        bar.set_message(format!(
            "connected {} · directives {} · signed {} · errors {}",
            c.connected.load(Ordering::Relaxed),
            c.received.load(Ordering::Relaxed),
            c.signed.load(Ordering::Relaxed),
            c.errors.load(Ordering::Relaxed)
        ));
    }
    bar.finish();
    let mut l = lat.lock().await.clone();
    l.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    println!(
        "terminals connected: {} of {}",
        c.connected.load(Ordering::Relaxed),
        a.guards
    );
    println!(
        "directives received: {}, signed for: {}, errors: {}",
        c.received.load(Ordering::Relaxed),
        c.signed.load(Ordering::Relaxed),
        c.errors.load(Ordering::Relaxed)
    );
    println!(
        "sign-for latency from issue (s): p50 {:.2}  p90 {:.2}  p99 {:.2}  (n = {})",
        pct(&l, 0.5),
        pct(&l, 0.9),
        pct(&l, 0.99),
        l.len()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_parse() {
        assert!(matches!(Delay::parse("fixed:2s"), Some(Delay::Fixed(v)) if v == 2.0));
        assert!(
            matches!(Delay::parse("uniform:500ms-3s"), Some(Delay::Uniform(a, b)) if a == 0.5 && b == 3.0)
        );
        assert!(matches!(Delay::parse("exp:5s"), Some(Delay::Exp(v)) if v == 5.0));
        assert!(Delay::parse("uniform:5s-1s").is_none());
        assert!(Delay::parse("soon").is_none());
        let d = Delay::Uniform(1.0, 2.0).sample();
        assert!(d >= Duration::from_secs(1) && d <= Duration::from_secs(2));
    }
}
