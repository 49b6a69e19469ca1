//! `jingbao bench ingest`: guards' position batches (20 per request) and check-ins sent over
//! HTTP by this process to a `jingbao serve` child process on a SQLite file, audit on. Reports
//! durable rows/s and reply latency next to the baseline: raw inserts of the same rows into
//! the same table and indexes, WAL + synchronous=FULL, 1,000 rows per transaction. Checks that
//! the store holds exactly the acknowledged rows and that the audit chain is intact.

use super::stats::Latencies;
use crate::cli::BenchArgs;
use crate::cmd::serve::open_store;
use crate::http_client::Client;
use anyhow::{Context, bail};
use chrono::Utc;
use jingbao_store::VerifyOutcome;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use uuid::Uuid;

const BATCH: usize = 20;
const PASSWORD: &str = "Bench-Pass-2026!";

fn spawn_server(bin: &Path, url: &str, dir: &Path) -> anyhow::Result<(Child, String)> {
    let mut child = Command::new(bin)
        .args([
            "serve",
            "--database-url",
            url,
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            &dir.display().to_string(),
        ])
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("starting the server")?;
    let out = child.stdout.take().context("server stdout")?;
    let mut lines = BufReader::new(out).lines();
    while let Some(line) = lines.next() {
        let line = line?;
        if let Some(a) = line.strip_prefix("console: http://") {
            // Keep reading what the server prints, so it never writes into a closed pipe.
            std::thread::spawn(move || lines.for_each(drop));
            return Ok((child, a.trim_end_matches('/').to_string()));
        }
    }
    bail!("the server did not start")
}

/// Raw inserts of `n` rows into the positions table, 1,000 per transaction.
async fn baseline(dir: &Path, n: usize, guard: Uuid) -> anyhow::Result<f64> {
    let store = open_store(
        &format!("sqlite://{}", dir.join("raw.db").display()),
        &hex::encode([3u8; 32]),
    )
    .await?;
    let pool = store.db().get_sqlite_connection_pool();
    let t0 = Instant::now();
    let now = Utc::now();
    for chunk in 0..n.div_ceil(1000) {
        let mut tx = pool.begin().await?;
        for i in 0..1000.min(n - chunk * 1000) {
            sea_orm::sqlx::query("INSERT INTO positions (id, guard_id, lat, lon, accuracy, device_time, server_time) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(Uuid::now_v7())
                .bind(guard)
                .bind(29.82 + i as f64 * 1e-6)
                .bind(121.55)
                .bind(8.0)
                .bind(now)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(n as f64 / t0.elapsed().as_secs_f64())
}

async fn worker(
    addr: String,
    token: String,
    plate: Option<String>,
    batches: usize,
) -> anyhow::Result<(Vec<Duration>, u64, u64)> {
    let mut c = Client::connect(&addr).await?;
    let mut lat = Vec::with_capacity(batches);
    let (mut accepted, mut checkins) = (0u64, 0u64);
    for b in 0..batches {
        let positions: Vec<Value> = (0..BATCH)
            .map(|i| json!({"id": Uuid::now_v7(), "lat": 29.82 + (i as f64) * 1e-5, "lon": 121.55, "accuracy": 8.0, "device_time": Utc::now()}))
            .collect();
        let body = json!({"id": Uuid::now_v7(), "positions": positions});
        let t = Instant::now();
        let (s, v) = c
            .call("POST", "/api/positions/batch", Some(&token), Some(&body))
            .await?;
        lat.push(t.elapsed());
        if s != 200 {
            bail!("batch answered {s}: {v}");
        }
        accepted += v["accepted"].as_u64().unwrap_or(0);
        if let (Some(code), true) = (&plate, b % 10 == 9) {
            let body = json!({"id": Uuid::now_v7(), "code": code, "device_time": Utc::now()});
            let (s, _) = c
                .call("POST", "/api/checkins", Some(&token), Some(&body))
                .await?;
            if s == 201 {
                checkins += 1;
            }
        }
    }
    Ok((lat, accepted, checkins))
}

pub async fn run(a: &BenchArgs) -> anyhow::Result<bool> {
    let (guards, batches) = if a.quick { (4, 25) } else { (64, 320) };
    let bin = std::env::current_exe()?;
    let dir = std::env::temp_dir().join(format!("jingbao-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}", dir.join("served.db").display());
    let seed = Command::new(&bin)
        .args([
            "seed-demo",
            "--database-url",
            &url,
            "--data-dir",
            &dir.display().to_string(),
            "--demo-password",
            PASSWORD,
        ])
        .stdout(Stdio::null())
        .status()?;
    if !seed.success() {
        bail!("seeding failed");
    }
    let (mut child, addr) = spawn_server(&bin, &url, &dir)?;
    let result = async {
        let mut c = Client::connect(&addr).await?;
        let (_, o) = c
            .call(
                "POST",
                "/api/auth/token",
                None,
                Some(&json!({"username": "officer", "password": PASSWORD})),
            )
            .await?;
        let officer = o["token"].as_str().context("officer token")?.to_string();
        let mut setups = Vec::new();
        for n in 11..11 + guards {
            let (_, v) = c
                .call(
                    "POST",
                    "/api/auth/token",
                    None,
                    Some(&json!({"username": format!("guard{n:04}"), "password": PASSWORD})),
                )
                .await?;
            let tok = v["token"].as_str().context("guard token")?.to_string();
            c.call(
                "POST",
                "/api/shifts/start",
                Some(&tok),
                Some(&json!({"id": Uuid::now_v7(), "device_time": Utc::now()})),
            )
            .await?;
            let gid = v["user"]["guard_id"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let (_, g) = c
                .call("GET", &format!("/api/guards/{gid}"), Some(&officer), None)
                .await?;
            let (_, cps) = c
                .call(
                    "GET",
                    &format!(
                        "/api/checkpoints?unit_id={}&page_size=1",
                        g["unit_id"].as_str().unwrap_or_default()
                    ),
                    Some(&officer),
                    None,
                )
                .await?;
            let plate = match cps["items"][0]["id"].as_str() {
                Some(id) => c
                    .call(
                        "GET",
                        &format!("/api/checkpoints/{id}/qr?format=json"),
                        Some(&officer),
                        None,
                    )
                    .await?
                    .1["payload"]
                    .as_str()
                    .map(str::to_string),
                None => None,
            };
            setups.push((tok, plate));
        }
        let t0 = Instant::now();
        let tasks: Vec<_> = setups
            .into_iter()
            .map(|(tok, plate)| tokio::spawn(worker(addr.clone(), tok, plate, batches)))
            .collect();
        let (mut all, mut accepted, mut checkins) = (Vec::new(), 0u64, 0u64);
        for t in tasks {
            let (l, acc, ci) = t.await??;
            all.extend(l);
            accepted += acc;
            checkins += ci;
        }
        let elapsed = t0.elapsed();
        anyhow::Ok((Latencies(all), accepted, checkins, elapsed))
    }
    .await;
    let _ = child.kill();
    let _ = child.wait();
    let (mut lat, accepted, checkins, elapsed) = result?;
    // The oracle: exactly the acknowledged rows are stored, and the chain is intact.
    let store = open_store(&url, &hex::encode([0u8; 32])).await?;
    use sea_orm::{EntityTrait, PaginatorTrait};
    let stored = jingbao_store::entity::position::Entity::find()
        .count(store.db())
        .await?;
    let chain = jingbao_store::audit::verify(store.db()).await?;
    let rows = (accepted + checkins) as f64;
    let served = accepted as f64 / elapsed.as_secs_f64();
    let raw = baseline(&dir, accepted as usize, Uuid::now_v7()).await?;
    let ok = stored == accepted && matches!(chain, VerifyOutcome::Intact { .. });
    println!(
        "bench ingest (sqlite, {guards} guards × {batches} batches of {BATCH} positions + a check-in every 10 batches, audit on)"
    );
    println!(
        "  served positions     : {served:>8.0} /s   ({accepted} acknowledged, {checkins} check-ins, {:.1} s)",
        elapsed.as_secs_f64()
    );
    println!(
        "  all durable rows     : {:>8.0} /s",
        rows / elapsed.as_secs_f64()
    );
    println!(
        "  reply latency        : p50 {:.2} ms  p99 {:.2} ms",
        Latencies::ms(lat.quantile(0.5)),
        Latencies::ms(lat.quantile(0.99))
    );
    println!("  baseline raw inserts : {raw:>8.0} /s   (1,000 rows per transaction)");
    println!("  ratio served/raw     : {:.3}x", served / raw);
    println!(
        "  oracle               : {} (stored {stored}, acknowledged {accepted}; chain {})",
        if ok { "ok" } else { "FAILED" },
        match chain {
            VerifyOutcome::Intact { records } => format!("intact, {records} records"),
            VerifyOutcome::Broken { seq, .. } => format!("broken at {seq}"),
        }
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ok)
}
