//! Patrol routes (`/api/patrol-routes`), completion per route, unit, grid or guard for a day
//! (`/api/patrol-routes/completion`), and the missed-round alerts the presence job raises.

use crate::auth::caller::Caller;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::resources::common::{Check, list_response, org_in_scope};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use http::StatusCode;
use jingbao_api::ListResponse;
use jingbao_api::patrol::{
    Completion, CompletionRow, PatrolRouteCreate, PatrolRouteOut, PatrolRoutePatch, TimeWindow,
};
use jingbao_domain::OrgKind;
use jingbao_domain::patrol_plan::{Round, completion, matched, rounds};
use jingbao_store::entity::{alert, checkpoint, guard, org_unit, patrol_route, shift};
use jingbao_store::repo::common;
use jingbao_store::repo::patrol::{alerts, routes};
use jingbao_store::{Actor, AuditEntry, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

fn hhmm(m: i32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn parse_hhmm(s: &str) -> Option<i32> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

fn cps_of(r: &patrol_route::Model) -> Vec<Uuid> {
    serde_json::from_str(&r.checkpoint_ids).unwrap_or_default()
}

fn out(r: patrol_route::Model) -> PatrolRouteOut {
    PatrolRouteOut {
        checkpoint_ids: cps_of(&r),
        window: TimeWindow {
            start: hhmm(r.window_start),
            end: hhmm(r.window_end),
        },
        id: r.id,
        unit_id: r.unit_id,
        name: r.name,
        every_minutes: r.every_minutes,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

/// Checks the fields and that every checkpoint belongs to the unit.
async fn check(
    st: &AppState,
    unit: Uuid,
    name: &str,
    cps: &[Uuid],
    every: i32,
    w: &TimeWindow,
) -> ApiResult<(i32, i32)> {
    let mut ck = Check::new();
    ck.text("name", name, 100);
    ck.range_i32("every_minutes", every, 10, 24 * 60);
    if cps.is_empty() || cps.len() > 100 {
        ck.fail("checkpoint_ids", "out_of_range", "1 to 100 checkpoints");
    }
    let (s, e) = (parse_hhmm(&w.start), parse_hhmm(&w.end));
    if s.is_none() {
        ck.fail("window.start", "invalid", "HH:MM");
    }
    if e.is_none() {
        ck.fail("window.end", "invalid", "HH:MM");
    }
    ck.finish()?;
    let found = checkpoint::Entity::find()
        .filter(checkpoint::Column::Id.is_in(cps.iter().copied()))
        .filter(checkpoint::Column::UnitId.eq(unit))
        .all(st.store.db())
        .await
        .map_err(StoreError::from)?;
    if found.len() != cps.iter().collect::<std::collections::HashSet<_>>().len() {
        return Err(ApiError::invalid_field(
            "checkpoint_ids",
            "unknown_reference",
            "every checkpoint must belong to the unit",
        ));
    }
    Ok((s.unwrap_or(0), e.unwrap_or(0)))
}

pub async fn list(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<ListResponse<PatrolRouteOut>>> {
    let lq = q.list(&["unit_id"])?;
    let page = routes::list(st.store.db(), &c.scope, &lq).await?;
    Ok(list_response(page.map(out), &lq))
}

pub async fn get(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<PatrolRouteOut>> {
    Ok(Json(out(routes::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?)))
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<PatrolRouteCreate>,
) -> ApiResult<(StatusCode, Json<PatrolRouteOut>)> {
    let unit = org_in_scope(&st, &c, b.unit_id, OrgKind::Unit, "unit_id").await?;
    let (ws, we) = check(
        &st,
        unit.id,
        &b.name,
        &b.checkpoint_ids,
        b.every_minutes,
        &b.window,
    )
    .await?;
    let now = st.now();
    let m = patrol_route::Model {
        id: Uuid::now_v7(),
        unit_id: unit.id,
        name: b.name.trim().into(),
        checkpoint_ids: serde_json::to_string(&b.checkpoint_ids).unwrap_or_default(),
        every_minutes: b.every_minutes,
        window_start: ws,
        window_end: we,
        scope_path: unit.path,
        created_at: now,
        updated_at: now,
    };
    let tx = st.store.write().await?;
    common::insert::<patrol_route::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "patrol_route.create", "patrol_route").object(m.id))
        .await?;
    Ok((StatusCode::CREATED, Json(out(m))))
}

pub async fn patch(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
    ApiJson(b): ApiJson<PatrolRoutePatch>,
) -> ApiResult<Json<PatrolRouteOut>> {
    let mut m = routes::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let name = b.name.unwrap_or(m.name.clone());
    let cps = b.checkpoint_ids.unwrap_or_else(|| cps_of(&m));
    let every = b.every_minutes.unwrap_or(m.every_minutes);
    let w = b.window.unwrap_or(TimeWindow {
        start: hhmm(m.window_start),
        end: hhmm(m.window_end),
    });
    let (ws, we) = check(&st, m.unit_id, &name, &cps, every, &w).await?;
    let now = st.now();
    m.name = name.trim().into();
    m.checkpoint_ids = serde_json::to_string(&cps).unwrap_or_default();
    m.every_minutes = every;
    m.window_start = ws;
    m.window_end = we;
    m.updated_at = now;
    let tx = st.store.write().await?;
    common::update::<patrol_route::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "patrol_route.update", "patrol_route").object(id))
        .await?;
    Ok(Json(out(m)))
}

/// UTC instant of local (Asia/Shanghai) midnight starting `date`.
fn local_midnight(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default()) - Duration::hours(8)
}

fn rate(expected: u32, done: u32) -> Option<f64> {
    (expected > 0).then(|| done as f64 / expected as f64)
}

pub async fn completion_report(
    State(st): State<AppState>,
    c: Caller,
    q: QueryMap,
) -> ApiResult<Json<Completion>> {
    let now = st.now();
    let date = match q.0.get("date") {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| ApiError::invalid_field("date", "invalid", "YYYY-MM-DD"))?,
        None => (now + Duration::hours(8)).date_naive(),
    };
    let by = q.0.get("by").cloned().unwrap_or_else(|| "unit".into());
    if !matches!(by.as_str(), "route" | "unit" | "grid" | "guard") {
        return Err(ApiError::invalid_field(
            "by",
            "invalid",
            "route, unit, grid or guard",
        ));
    }
    let db = st.store.db();
    let day = local_midnight(date);
    let rs = routes::all_in_scope(db, &c.scope).await?;
    let units: HashMap<Uuid, org_unit::Model> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(rs.iter().map(|r| r.unit_id)))
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|o| (o.id, o.clone()))
        .collect();
    let mut acc: HashMap<Uuid, (String, u32, u32)> = HashMap::new();
    let mut add = |id: Uuid, name: &str, e: u32, d: u32| {
        let row = acc.entry(id).or_insert_with(|| (name.to_string(), 0, 0));
        row.1 += e;
        row.2 += d;
    };
    let grid_names: HashMap<Uuid, String> = org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq("grid"))
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    for r in &rs {
        let rounds = rounds(
            day,
            (r.window_start.max(0) as u32, r.window_end.max(0) as u32),
            r.every_minutes.max(0) as u32,
        );
        let (Some(first), Some(last)) = (rounds.first(), rounds.last()) else {
            continue;
        };
        let cis = routes::checkins_under(db, &r.scope_path, first.start, last.end).await?;
        let cps = cps_of(r);
        let done: Vec<(Uuid, DateTime<Utc>)> = cis
            .iter()
            .filter_map(|ci| Some((ci.checkpoint_id?, ci.server_time)))
            .collect();
        let m = matched(&rounds, &cps, &done);
        let (e, d) = completion(&m, now);
        let unit = units.get(&r.unit_id);
        match by.as_str() {
            "route" => add(r.id, &r.name, e, d),
            "unit" => add(r.unit_id, unit.map(|u| u.name.as_str()).unwrap_or(""), e, d),
            "grid" => {
                let g = unit.and_then(|u| u.parent_id).unwrap_or(r.unit_id);
                add(
                    g,
                    grid_names.get(&g).map(String::as_str).unwrap_or(""),
                    e,
                    d,
                );
            }
            _ => guard_rows(&st, r, &rounds, &cps, &cis, now, &mut add).await?,
        }
    }
    let mut rows: Vec<CompletionRow> = acc
        .into_iter()
        .map(|(id, (name, e, d))| CompletionRow {
            id,
            name,
            expected: e,
            done: d,
            rate: rate(e, d),
        })
        .collect();
    rows.sort_by(|a, b| {
        a.rate
            .partial_cmp(&b.rate)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.name.cmp(&b.name))
    });
    Ok(Json(Completion {
        date: date.to_string(),
        by,
        rows,
    }))
}

/// Per guard: the rounds that overlap the guard's shifts are expected of them; done is what
/// they checked in themselves.
async fn guard_rows(
    st: &AppState,
    r: &patrol_route::Model,
    rounds: &[Round],
    cps: &[Uuid],
    cis: &[jingbao_store::entity::checkin::Model],
    now: DateTime<Utc>,
    add: &mut impl FnMut(Uuid, &str, u32, u32),
) -> ApiResult<()> {
    let db = st.store.db();
    let (Some(first), Some(last)) = (rounds.first(), rounds.last()) else {
        return Ok(());
    };
    let shifts = shift::Entity::find()
        .filter(shift::Column::UnitId.eq(r.unit_id))
        .filter(shift::Column::StartedAt.lt(last.end))
        .all(db)
        .await
        .map_err(StoreError::from)?;
    let guards: HashMap<Uuid, String> = guard::Entity::find()
        .filter(guard::Column::UnitId.eq(r.unit_id))
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    for (gid, name) in &guards {
        let mine: Vec<&shift::Model> = shifts
            .iter()
            .filter(|s| s.guard_id == *gid && s.ended_at.is_none_or(|e| e > first.start))
            .collect();
        if mine.is_empty() {
            continue;
        }
        let theirs: Vec<Round> = rounds
            .iter()
            .copied()
            .filter(|rd| {
                mine.iter()
                    .any(|s| s.started_at < rd.end && s.ended_at.is_none_or(|e| e > rd.start))
            })
            .collect();
        let done: Vec<(Uuid, DateTime<Utc>)> = cis
            .iter()
            .filter(|ci| ci.guard_id == *gid)
            .filter_map(|ci| Some((ci.checkpoint_id?, ci.server_time)))
            .collect();
        let (e, d) = completion(&matched(&theirs, cps, &done), now);
        add(*gid, name, e, d);
    }
    Ok(())
}

/// Raises one `missed_checkpoint` alert per route round that ended in the last hour with
/// checkpoints not visited; people acknowledge and resolve them.
pub async fn raise_missed(st: &AppState) -> Result<usize, StoreError> {
    let now = st.now();
    let db = st.store.db();
    let mut raised = 0;
    let system = Actor {
        username: "system".into(),
        ..Actor::default()
    };
    for r in routes::all(db).await? {
        let cps = cps_of(&r);
        let today = (now + Duration::hours(8)).date_naive();
        let mut rs = Vec::new();
        for day in [today - Duration::days(1), today] {
            rs.extend(rounds(
                local_midnight(day),
                (r.window_start.max(0) as u32, r.window_end.max(0) as u32),
                r.every_minutes.max(0) as u32,
            ));
        }
        let recent: Vec<Round> = rs
            .into_iter()
            .filter(|rd| {
                rd.end <= now && now - rd.end < Duration::hours(1) && rd.start >= r.created_at
            })
            .collect();
        if recent.is_empty() {
            continue;
        }
        let cis = routes::checkins_under(db, &r.scope_path, recent[0].start, now).await?;
        let done: Vec<(Uuid, DateTime<Utc>)> = cis
            .iter()
            .filter_map(|ci| Some((ci.checkpoint_id?, ci.server_time)))
            .collect();
        for rd in recent {
            let missing: Vec<Uuid> = matched(&[rd], &cps, &done)
                .into_iter()
                .filter(|(_, _, d)| d.is_none())
                .map(|(_, cp, _)| cp)
                .collect();
            if missing.is_empty() {
                continue;
            }
            let a = alert::Model {
                id: Uuid::now_v7(), kind: "missed_checkpoint".into(), state: "raised".into(),
                open_key: Some(format!("missed:{}:{}", r.id, rd.start.timestamp())), guard_id: None, post_id: None, unit_id: r.unit_id,
                scope_path: r.scope_path.clone(), raised_at: now, acked_at: None, acked_by: None, resolved_at: None, resolved_by: None,
                resolve_note: None, auto: false,
                reason: serde_json::json!({"route": r.name, "route_id": r.id, "round_start": rd.start, "round_end": rd.end, "missing": missing}).to_string(),
            };
            let tx = st.store.write().await?;
            if alerts::raise(tx.conn(), a.clone()).await? {
                tx.commit(
                    AuditEntry::new(now, &system, "alert.raise", "alert")
                        .object(a.id)
                        .detail(serde_json::json!({"kind": "missed_checkpoint", "route_id": r.id})),
                )
                .await?;
                st.hub.publish(crate::realtime::Event::alerts(
                    &a.scope_path,
                    serde_json::json!({"alert_id": a.id, "kind": "missed_checkpoint"}),
                ));
                raised += 1;
            } else {
                tx.rollback().await?;
            }
        }
    }
    Ok(raised)
}
