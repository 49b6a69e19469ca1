//! `POST /api/directives` (resolve the targets to on-shift guards, write one outbox row per
//! recipient in the issuing transaction, then push), cancel and resend.

use crate::auth::caller::Caller;
use crate::directives::deliver::push;
use crate::directives::view::out;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath};
use crate::resources::common::Check;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::{Datelike, Duration};
use http::StatusCode;
use jingbao_api::directives::{DirectiveCreate, DirectiveCreated, DirectiveOut};
use jingbao_domain::OrgKind;
use jingbao_store::entity::{directive, directive_recipient, guard, unit_building};
use jingbao_store::repo::patrol::shifts;
use jingbao_store::repo::{common, counters, directives, guards, org_units};
use jingbao_store::{AuditEntry, ListQuery, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

const KINDS: &[&str] = &["routine", "weekly", "emergency", "ack_test"];
const TASKS: &[&str] = &["patrol", "clearance", "hazard_sweep", "watch"];

/// The guards the targets name, inside the caller's scope, active; on shift unless asked.
async fn recipients(
    st: &AppState,
    scope: &jingbao_domain::DataScope,
    t: &jingbao_api::directives::Targets,
    include_off_shift: bool,
) -> ApiResult<Vec<guard::Model>> {
    let db = st.store.db();
    let all = guards::list(db, scope, &ListQuery::default().all_rows(100_000))
        .await?
        .items;
    let mut units: HashSet<Uuid> = t.unit_ids.iter().copied().collect();
    if !t.building_ids.is_empty() {
        let links = unit_building::Entity::find()
            .filter(unit_building::Column::BuildingId.is_in(t.building_ids.iter().copied()))
            .all(db)
            .await
            .map_err(StoreError::from)?;
        units.extend(links.into_iter().map(|l| l.unit_id));
    }
    if let Some(poly) = &t.polygon {
        let ring = crate::resources::geojson::outer_ring(poly)
            .map_err(|e| ApiError::invalid_field("targets.polygon", "invalid_geometry", e))?;
        let shape = jingbao_geo::Polygon::new(
            ring.into_iter()
                .map(|(lon, lat)| jingbao_geo::LonLat { lon, lat })
                .collect(),
        )
        .map_err(|e| ApiError::invalid_field("targets.polygon", "invalid_geometry", e.code()))?;
        let inside: Vec<Uuid> = jingbao_store::repo::buildings::all_in_scope(db, scope)
            .await?
            .into_iter()
            .filter(|b| {
                shape.point_in_polygon(jingbao_geo::LonLat {
                    lon: b.center_lon,
                    lat: b.center_lat,
                })
            })
            .map(|b| b.id)
            .collect();
        let links = unit_building::Entity::find()
            .filter(unit_building::Column::BuildingId.is_in(inside))
            .all(db)
            .await
            .map_err(StoreError::from)?;
        units.extend(links.into_iter().map(|l| l.unit_id));
    }
    let grids: HashSet<Uuid> = t.grid_ids.iter().copied().collect();
    let named: HashSet<Uuid> = t.guard_ids.iter().copied().collect();
    let mut out: Vec<guard::Model> = all
        .into_iter()
        .filter(|g| g.status == "active")
        .filter(|g| {
            t.all
                || units.contains(&g.unit_id)
                || grids.contains(&g.grid_id)
                || named.contains(&g.id)
        })
        .collect();
    if !include_off_shift {
        let on: HashSet<Uuid> = shifts::open_all(db)
            .await?
            .into_iter()
            .map(|s| s.guard_id)
            .collect();
        out.retain(|g| on.contains(&g.id));
    }
    Ok(out)
}

/// The issuing org unit's path and name (read before the write transaction).
pub(crate) async fn issuer_name(st: &AppState, c: &Caller) -> ApiResult<(String, String)> {
    let root = c
        .scope
        .subtrees
        .first()
        .cloned()
        .unwrap_or_else(|| c.user.scope_path.clone());
    let id = root
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .and_then(|s| Uuid::parse_str(s).ok());
    let name = match id {
        Some(id) => org_units::by_id(st.store.db(), id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok((root, name))
}

/// "南商警指〔2026〕17号": per issuing station and year.
async fn doc_no<C: sea_orm::ConnectionTrait>(
    conn: &C,
    root: &str,
    name: &str,
    year: i32,
) -> ApiResult<String> {
    let n = counters::take(conn, &format!("doc:{root}:{year}"), 1).await?;
    let short = crate::directives::view::issuer_short(name);
    Ok(format!("{short}警指〔{year}〕{n}号"))
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<DirectiveCreate>,
) -> ApiResult<(StatusCode, Json<DirectiveCreated>)> {
    Ok((
        StatusCode::CREATED,
        Json(issue_directive(&st, &c, b).await?),
    ))
}

/// Validates, resolves recipients and issues; used by the API and by ack tests.
pub async fn issue_directive(
    st: &AppState,
    c: &Caller,
    b: DirectiveCreate,
) -> ApiResult<DirectiveCreated> {
    let (st, c) = (st.clone(), c.clone());
    let mut ck = Check::new();
    ck.one_of("kind", &b.kind, KINDS);
    ck.text("title", &b.title, 200);
    ck.text("body", &b.body, 5000);
    ck.range_i32("ack_deadline_minutes", b.ack_deadline_minutes, 1, 24 * 60);
    let priority = b.priority.clone().unwrap_or_else(|| {
        if b.kind == "emergency" {
            "urgent".into()
        } else {
            "normal".into()
        }
    });
    ck.one_of("priority", &priority, &["normal", "high", "urgent"]);
    for (i, t) in b.tasks.iter().enumerate() {
        if !TASKS.contains(&t.kind.as_str()) {
            ck.fail(&format!("tasks[{i}].type"), "invalid", TASKS.join(", "));
        }
    }
    if let Some(w) = &b.window
        && w.from >= w.to
    {
        ck.fail("window", "invalid", "from must be before to");
    }
    let t = &b.targets;
    if !t.all
        && t.grid_ids.is_empty()
        && t.unit_ids.is_empty()
        && t.building_ids.is_empty()
        && t.guard_ids.is_empty()
        && t.polygon.is_none()
    {
        ck.fail("targets", "required", "name at least one target");
    }
    ck.finish()?;
    for g in &t.grid_ids {
        crate::resources::common::org_in_scope(&st, &c, *g, OrgKind::Grid, "targets.grid_ids")
            .await?;
    }
    for u in &t.unit_ids {
        crate::resources::common::org_in_scope(&st, &c, *u, OrgKind::Unit, "targets.unit_ids")
            .await?;
    }
    let now = st.now();
    let scheduled = b.send_at.filter(|t| *t > now);
    let scope_path = c
        .scope
        .subtrees
        .first()
        .cloned()
        .unwrap_or_else(|| c.user.scope_path.clone());
    let guards = match scheduled {
        Some(_) => Vec::new(),
        None => recipients(&st, &c.scope, &b.targets, b.include_off_shift).await?,
    };
    if scheduled.is_none() && guards.is_empty() {
        return Err(no_recipients());
    }
    let at = scheduled.unwrap_or(now);
    let id = Uuid::now_v7();
    let (root, name) = issuer_name(&st, &c).await?;
    let d = directive::Model {
        id,
        doc_no: String::new(),
        kind: b.kind.clone(),
        title: b.title.trim().into(),
        body: b.body.trim().into(),
        priority,
        tasks: serde_json::to_string(&b.tasks).unwrap_or_else(|_| "[]".into()),
        window_from: b.window.as_ref().map(|w| w.from),
        window_to: b.window.as_ref().map(|w| w.to),
        targets: serde_json::to_string(&b.targets).unwrap_or_default(),
        include_off_shift: b.include_off_shift,
        feedback_required: b.feedback_required,
        ack_deadline_minutes: b.ack_deadline_minutes,
        unit_quota: !t.unit_ids.is_empty() && t.guard_ids.is_empty() && !t.all,
        state: if scheduled.is_some() {
            "scheduled".into()
        } else {
            "sent".into()
        },
        created_by: c.user.username.clone(),
        sent_at: at,
        deadline_at: at + Duration::minutes(b.ack_deadline_minutes as i64),
        scope_path,
    };
    let tx = st.store.write().await?;
    let doc = doc_no(tx.conn(), &root, &name, (now + Duration::hours(8)).year()).await?;
    let d = directive::Model {
        doc_no: doc.clone(),
        ..d
    };
    common::insert::<directive::Entity, _>(tx.conn(), d.clone()).await?;
    let rows = write_recipients(&tx, &d, &guards).await?;
    let action = if scheduled.is_some() {
        "directive.schedule"
    } else {
        "directive.issue"
    };
    tx.commit(
        AuditEntry::new(now, &c.actor(), action, "directive")
            .object(id)
            .detail(serde_json::json!({"doc_no": doc, "kind": d.kind, "recipients": rows.len(), "send_at": at})),
    )
    .await?;
    announce(&st, &d, &rows);
    Ok(DirectiveCreated {
        id,
        doc_no: doc,
        recipient_count: rows.len() as u32,
    })
}

fn no_recipients() -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "no_recipients",
        "目标范围内没有在岗保安",
        "No guard on shift in the targets",
    )
}

/// One outbox row per guard, with sequence numbers taken in the same transaction.
async fn write_recipients(
    tx: &jingbao_store::WriteTx,
    d: &directive::Model,
    guards: &[guard::Model],
) -> ApiResult<Vec<directive_recipient::Model>> {
    if guards.is_empty() {
        return Ok(Vec::new());
    }
    let last = counters::take(tx.conn(), "outbox", guards.len() as i64).await?;
    let first = last - guards.len() as i64 + 1;
    let rows: Vec<directive_recipient::Model> = guards
        .iter()
        .enumerate()
        .map(|(i, g)| directive_recipient::Model {
            id: Uuid::now_v7(),
            directive_id: d.id,
            guard_id: g.id,
            unit_id: g.unit_id,
            seq: first + i as i64,
            state: "pending".into(),
            delivered_at: None,
            signed_at: None,
            signed_device_time: None,
            ack_id: None,
            late: false,
            feedback_at: None,
            feedback_id: None,
            feedback: None,
            escalation: 0,
            scope_path: g.scope_path.clone(),
        })
        .collect();
    common::insert_many::<directive_recipient::Entity, _>(tx.conn(), rows.clone(), 500).await?;
    Ok(rows)
}

fn announce(st: &AppState, d: &directive::Model, rows: &[directive_recipient::Model]) {
    for r in rows {
        push(st, d, r);
    }
    st.hub
        .publish(crate::realtime::Event::board(d.id, &d.scope_path));
}

/// Sends the scheduled directives that are due: recipients are resolved now, within the
/// issuer's scope; with nobody to receive it a directive ends as `no_recipients`.
pub async fn send_due(st: &AppState) -> Result<usize, StoreError> {
    let now = st.now();
    let due = directive::Entity::find()
        .filter(directive::Column::State.eq("scheduled"))
        .filter(directive::Column::SentAt.lte(now))
        .all(st.store.db())
        .await?;
    let system = jingbao_store::Actor {
        username: "system".into(),
        ..Default::default()
    };
    let mut sent = 0;
    for mut d in due {
        let targets: jingbao_api::directives::Targets =
            serde_json::from_str(&d.targets).unwrap_or_default();
        let scope = jingbao_domain::DataScope {
            subtrees: vec![d.scope_path.clone()],
            ..Default::default()
        };
        let guards = match recipients(st, &scope, &targets, d.include_off_shift).await {
            Ok(g) => g,
            Err(_) => continue,
        };
        d.state = if guards.is_empty() {
            "no_recipients".into()
        } else {
            "sent".into()
        };
        d.sent_at = now;
        d.deadline_at = now + Duration::minutes(d.ack_deadline_minutes as i64);
        let tx = st.store.write().await?;
        common::update::<directive::Entity, _>(tx.conn(), d.clone()).await?;
        let rows = match write_recipients(&tx, &d, &guards).await {
            Ok(r) => r,
            Err(_) => {
                tx.rollback().await?;
                continue;
            }
        };
        tx.commit(AuditEntry::new(now, &system, "directive.issue", "directive").object(d.id).detail(serde_json::json!({"doc_no": d.doc_no, "scheduled_by": d.created_by, "recipients": rows.len()}))).await?;
        announce(st, &d, &rows);
        sent += 1;
    }
    Ok(sent)
}

async fn load(
    st: &AppState,
    c: &Caller,
    id: Uuid,
) -> ApiResult<(directive::Model, Vec<directive_recipient::Model>)> {
    let d = directives::get(st.store.db(), &c.scope, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let rs = directives::all_recipients(st.store.db(), id).await?;
    Ok((d, rs))
}

pub async fn cancel(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<DirectiveOut>> {
    let (mut d, rs) = load(&st, &c, id).await?;
    d.state = "cancelled".into();
    let now = st.now();
    let tx = st.store.write().await?;
    common::update::<directive::Entity, _>(tx.conn(), d.clone()).await?;
    tx.commit(AuditEntry::new(now, &c.actor(), "directive.cancel", "directive").object(id))
        .await?;
    st.hub
        .publish(crate::realtime::Event::board(id, &d.scope_path));
    Ok(Json(out(&d, &rs)))
}

pub async fn resend(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<BTreeMap<String, u32>>> {
    let (d, rs) = load(&st, &c, id).await?;
    let waiting: Vec<_> = rs
        .iter()
        .filter(|r| r.signed_at.is_none() && r.state != "not_required")
        .collect();
    for r in &waiting {
        push(&st, &d, r);
    }
    st.store
        .audit_only(
            AuditEntry::new(st.now(), &c.actor(), "directive.resend", "directive")
                .object(id)
                .detail(serde_json::json!({"pushed": waiting.len()})),
        )
        .await?;
    Ok(Json(BTreeMap::from([(
        "pushed".to_string(),
        waiting.len() as u32,
    )])))
}
