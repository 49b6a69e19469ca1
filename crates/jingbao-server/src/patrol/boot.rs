//! Starting presence on a node: posts, their fences and manning windows, open shifts and the
//! latest fixes are read from the store; then the presence job evaluates every few seconds
//! and the retention job purges old positions (audited).

use crate::patrol::presence::{GuardLive, PostMeta};
use crate::state::AppState;
use chrono::Duration;
use jingbao_store::entity::{building, guard, post};
use jingbao_store::repo::patrol::{positions, shifts};
use jingbao_store::{Actor, AuditEntry, StoreError};
use sea_orm::EntityTrait;
use std::collections::HashMap;
use uuid::Uuid;

/// Default retention of positions.
pub const RETENTION_DAYS: i64 = 90;

fn ring_of(footprint: &str) -> Vec<(f64, f64)> {
    let v: serde_json::Value = serde_json::from_str(footprint).unwrap_or_default();
    v.pointer("/coordinates/0")
        .and_then(|r| r.as_array())
        .map(|r| {
            r.iter()
                .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                .collect()
        })
        .unwrap_or_default()
}

/// Reads posts, fences and open shifts into `st.presence`.
pub async fn load(st: &AppState) -> Result<(), StoreError> {
    let db = st.store.db();
    let posts = post::Entity::find().all(db).await?;
    let buildings: HashMap<Uuid, building::Model> = building::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let mut windows: HashMap<Uuid, Vec<(u32, u32, i32)>> = HashMap::new();
    for t in shifts::templates(db).await? {
        windows.entry(t.post_id).or_default().push((
            t.start_minute.max(0) as u32,
            t.end_minute.max(0) as u32,
            t.min_staff,
        ));
    }
    let metas = posts
        .iter()
        .map(|p| PostMeta {
            post_id: p.id,
            name: p.name.clone(),
            unit_id: p.unit_id,
            scope_path: p.scope_path.clone(),
            windows: windows.remove(&p.id).unwrap_or_default(),
        })
        .collect();
    let fences = posts
        .iter()
        .filter_map(|p| Some((p.id, ring_of(&buildings.get(&p.building_id?)?.footprint))))
        .collect();
    st.presence.set_posts(metas, fences);
    let guards: HashMap<Uuid, guard::Model> = guard::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    for s in shifts::open_all(db).await? {
        let Some(g) = guards.get(&s.guard_id) else {
            continue;
        };
        let last = positions::latest_of(db, g.id).await?;
        let signal = last
            .as_ref()
            .map(|p| p.server_time)
            .filter(|t| *t > s.started_at)
            .unwrap_or(s.started_at);
        st.presence.shift_started(GuardLive {
            guard_id: g.id,
            name: g.name.clone(),
            unit_id: g.unit_id,
            post_id: s.post_id,
            scope_path: g.scope_path.clone(),
            shift_started: Some(s.started_at),
            last_signal: Some(signal),
            fix: None,
            outside_since: None,
        });
        if let Some(p) = last.filter(|p| p.server_time >= s.started_at) {
            st.presence
                .signal(g.id, p.server_time, Some((p.lat, p.lon, p.accuracy)));
        }
    }
    Ok(())
}

/// Deletes positions older than the retention period, with an audit record of its own.
pub async fn purge(st: &AppState, retention: Duration) -> Result<u64, StoreError> {
    let now = st.now();
    let tx = st.store.write().await?;
    let n = positions::purge_before(tx.conn(), now - retention).await?;
    let actor = Actor {
        username: "system".into(),
        ..Actor::default()
    };
    tx.commit(
        AuditEntry::new(now, &actor, "positions.purge", "positions")
            .detail(serde_json::json!({"deleted": n, "retention_days": retention.num_days()})),
    )
    .await?;
    Ok(n)
}

/// Spawns the presence job (every `every`) and the daily retention job.
pub fn spawn_jobs(st: AppState, every: std::time::Duration) {
    let s = st.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(e) = crate::patrol::alerts::evaluate_once(&s).await {
                tracing::warn!(error = %e, "presence evaluation failed");
            }
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(24 * 3600));
        loop {
            tick.tick().await;
            if let Err(e) = purge(&st, Duration::days(RETENTION_DAYS)).await {
                tracing::warn!(error = %e, "position retention failed");
            }
        }
    });
}
