//! `jingbao bench audit`: one-row write transactions that append to the audit chain (what
//! every request pays) against raw one-row commits of the same size on the same database.

use crate::cli::BenchArgs;
use crate::cmd::serve::open_store;
use anyhow::bail;
use jingbao_store::{Actor, AuditEntry, Store, VerifyOutcome};
use sea_orm::{ConnectionTrait, Statement};
use std::time::{Duration, Instant};

struct Stats {
    per_sec: f64,
    p50: Duration,
    p99: Duration,
}

fn stats(mut lat: Vec<Duration>, total: Duration) -> Stats {
    lat.sort();
    let at = |q: f64| {
        lat.get(((lat.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or_default()
    };
    Stats {
        per_sec: lat.len() as f64 / total.as_secs_f64(),
        p50: at(0.5),
        p99: at(0.99),
    }
}

async fn raw_commits(store: &Store, n: usize) -> anyhow::Result<Stats> {
    let b = store.db().get_database_backend();
    store
        .db()
        .execute_raw(Statement::from_string(
            b,
            "CREATE TABLE IF NOT EXISTS bench_raw (k TEXT PRIMARY KEY, v TEXT NOT NULL)"
                .to_string(),
        ))
        .await?;
    let mut lat = Vec::with_capacity(n);
    let t0 = Instant::now();
    for i in 0..n {
        let t = Instant::now();
        let tx = store.write().await?;
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                b,
                if b == sea_orm::DbBackend::Postgres {
                    "INSERT INTO bench_raw (k, v) VALUES ($1, $2)"
                } else {
                    "INSERT INTO bench_raw (k, v) VALUES (?, ?)"
                },
                [format!("raw-{i}").into(), "x".repeat(200).into()],
            ))
            .await?;
        tx.commit_unaudited().await?;
        lat.push(t.elapsed());
    }
    Ok(stats(lat, t0.elapsed()))
}

async fn audited_commits(store: &Store, n: usize) -> anyhow::Result<Stats> {
    let actor = Actor {
        username: "bench".into(),
        role: "command_officer".into(),
        ip: "127.0.0.1".into(),
        ..Actor::default()
    };
    let mut lat = Vec::with_capacity(n);
    let t0 = Instant::now();
    for i in 0..n {
        let t = Instant::now();
        let tx = store.write().await?;
        jingbao_store::repo::settings::put(
            tx.conn(),
            &format!("bench-{i}"),
            &"x".repeat(200),
            chrono::Utc::now(),
        )
        .await?;
        tx.commit(AuditEntry::new(chrono::Utc::now(), &actor, "bench.write", "setting").object(i))
            .await?;
        lat.push(t.elapsed());
    }
    Ok(stats(lat, t0.elapsed()))
}

pub async fn run(a: &BenchArgs) -> anyhow::Result<bool> {
    let n = if a.quick { 200 } else { 5_000 };
    let dir = std::env::temp_dir().join(format!("jingbao-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = a
        .database_url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", dir.join("bench.db").display()));
    let store = open_store(&url, &hex::encode([1u8; 32])).await?;
    let before = match jingbao_store::audit::verify(store.db()).await? {
        VerifyOutcome::Intact { records } => records,
        VerifyOutcome::Broken { seq, reason } => {
            bail!("chain broken before the run at {seq}: {reason}")
        }
    };
    let raw = raw_commits(&store, n).await?;
    let audited = audited_commits(&store, n).await?;
    let ok = jingbao_store::audit::verify(store.db()).await?
        == VerifyOutcome::Intact {
            records: before + n as u64,
        };
    println!(
        "bench audit ({}, {n} one-row commits each, synchronous=FULL)",
        store.kind().code()
    );
    println!(
        "  baseline raw commits : {:>8.0} /s  p50 {:>7.2} ms  p99 {:>7.2} ms",
        raw.per_sec,
        raw.p50.as_secs_f64() * 1e3,
        raw.p99.as_secs_f64() * 1e3
    );
    println!(
        "  audited commits      : {:>8.0} /s  p50 {:>7.2} ms  p99 {:>7.2} ms",
        audited.per_sec,
        audited.p50.as_secs_f64() * 1e3,
        audited.p99.as_secs_f64() * 1e3
    );
    println!(
        "  ratio audited/raw    : {:.2}x throughput",
        audited.per_sec / raw.per_sec
    );
    println!(
        "  chain check          : {}",
        if ok {
            "intact, every commit recorded once"
        } else {
            "FAILED"
        }
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ok)
}
