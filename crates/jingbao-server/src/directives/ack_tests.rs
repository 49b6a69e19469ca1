//! Monthly ack tests (每月测试): start one (an `ack_test` directive to every unit in scope,
//! carrying the recent hotspot summary), score it per unit, and rank a month's units with the
//! test and the other directives in separate columns and the units to interview (约谈).

use crate::auth::caller::Caller;
use crate::directives::issue::issue_directive;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::{Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc};
use http::StatusCode;
use jingbao_api::directives::{DirectiveCreate, DirectiveCreated, Targets};
use jingbao_domain::OrgKind;
use jingbao_domain::ack_score::{Answer, DEFAULT_INTERVIEW_THRESHOLD, UnitScore, combine, score};
use jingbao_store::entity::{alert, directive, directive_recipient, org_unit};
use jingbao_store::repo::{directives, org_units};
use jingbao_store::{ListQuery, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartTest {
    #[serde(default)]
    pub unit_ids: Vec<Uuid>,
    #[serde(default)]
    pub ack_deadline_minutes: Option<i32>,
}

/// Alerts of the last 30 days by grid and by hour: what the test asks guards to watch.
async fn hotspots(st: &AppState, c: &Caller) -> ApiResult<String> {
    let since = st.now() - Duration::days(30);
    let rows = alert::Entity::find()
        .filter(alert::Column::RaisedAt.gte(since))
        .all(st.store.db())
        .await
        .map_err(StoreError::from)?;
    let grids = org_units::of_kind(st.store.db(), &c.scope, OrgKind::Grid.code()).await?;
    let mut by_grid: Vec<(String, usize)> = grids
        .iter()
        .map(|g| {
            (
                g.name.clone(),
                rows.iter()
                    .filter(|a| a.scope_path.starts_with(&g.path))
                    .count(),
            )
        })
        .collect();
    by_grid.sort_by(|a, b| b.1.cmp(&a.1));
    let mut hours = [0usize; 24];
    for a in rows.iter().filter(|a| c.scope.admits_path(&a.scope_path)) {
        hours[((a.raised_at + Duration::hours(8)).hour()) as usize] += 1;
    }
    let mut top: Vec<(usize, usize)> = hours
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .collect();
    top.sort_by(|a, b| b.1.cmp(&a.1));
    let grids_line = by_grid
        .iter()
        .map(|(n, c)| format!("{n} {c} 起"))
        .collect::<Vec<_>>()
        .join("；");
    let hours_line = top
        .iter()
        .take(3)
        .map(|(h, n)| format!("{h:02}:00 时段 {n} 起"))
        .collect::<Vec<_>>()
        .join("；");
    Ok(format!(
        "近 30 天告警分布：{}。高发时段：{}。请收到后立即签收。",
        if grids_line.is_empty() {
            "无".into()
        } else {
            grids_line
        },
        if hours_line.is_empty() {
            "无".into()
        } else {
            hours_line
        }
    ))
}

pub async fn start(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<StartTest>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let units: Vec<Uuid> = if b.unit_ids.is_empty() {
        org_units::of_kind(st.store.db(), &c.scope, OrgKind::Unit.code())
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect()
    } else {
        b.unit_ids.clone()
    };
    let month = (st.now() + Duration::hours(8)).format("%Y-%m").to_string();
    let body = hotspots(&st, &c).await?;
    let created: DirectiveCreated = issue_directive(
        &st,
        &c,
        DirectiveCreate {
            kind: "ack_test".into(),
            title: format!("{month} 月度签收测试"),
            body,
            priority: Some("high".into()),
            tasks: vec![],
            window: None,
            targets: Targets {
                unit_ids: units.clone(),
                ..Targets::default()
            },
            include_off_shift: false,
            feedback_required: false,
            ack_deadline_minutes: b.ack_deadline_minutes.unwrap_or(10),
            send_at: None,
        },
    )
    .await?;
    let rs = directives::all_recipients(st.store.db(), created.id).await?;
    let vacant = units
        .iter()
        .filter(|u| !rs.iter().any(|r| r.unit_id == **u))
        .count();
    Ok((
        StatusCode::CREATED,
        Json(
            json!({"id": created.id, "doc_no": created.doc_no, "recipient_count": created.recipient_count, "vacant_units": vacant}),
        ),
    ))
}

#[derive(Debug, Serialize)]
pub struct UnitResult {
    pub unit_id: Uuid,
    pub unit_name: String,
    #[serde(flatten)]
    pub score: UnitScore,
}

fn targeted_units(d: &directive::Model) -> Vec<Uuid> {
    serde_json::from_str::<Targets>(&d.targets)
        .map(|t| t.unit_ids)
        .unwrap_or_default()
}

/// Scores per unit of one directive: its targeted units (vacant ones included) and the units
/// of its recipients.
fn per_unit(d: &directive::Model, rs: &[directive_recipient::Model]) -> BTreeMap<Uuid, UnitScore> {
    let mut units: Vec<Uuid> = targeted_units(d);
    units.extend(rs.iter().map(|r| r.unit_id));
    units.sort();
    units.dedup();
    units
        .into_iter()
        .map(|u| {
            let answers: Vec<Answer> = rs
                .iter()
                .filter(|r| r.unit_id == u)
                .map(|r| Answer {
                    signed_at: r.signed_at,
                    relieved: r.state == "not_required",
                })
                .collect();
            (u, score(&answers, d.sent_at, d.deadline_at))
        })
        .collect()
}

async fn unit_names(
    st: &AppState,
    ids: impl Iterator<Item = Uuid>,
) -> ApiResult<HashMap<Uuid, String>> {
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(ids))
        .all(st.store.db())
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

pub async fn results(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Json<Value>> {
    let d = directives::get(st.store.db(), &c.scope, id)
        .await?
        .filter(|d| d.kind == "ack_test")
        .ok_or_else(ApiError::not_found)?;
    let rs = directives::recipients(st.store.db(), &c.scope, id).await?;
    let scores = per_unit(&d, &rs);
    let names = unit_names(&st, scores.keys().copied()).await?;
    let mut units: Vec<UnitResult> = scores
        .into_iter()
        .filter(|(u, _)| c.scope.all || rs.iter().any(|r| r.unit_id == *u) || names.contains_key(u))
        .map(|(u, s)| UnitResult {
            unit_name: names.get(&u).cloned().unwrap_or_default(),
            unit_id: u,
            score: s,
        })
        .collect();
    units.sort_by(|a, b| {
        b.score
            .on_time_rate
            .partial_cmp(&a.score.on_time_rate)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.unit_name.cmp(&b.unit_name))
    });
    Ok(Json(
        json!({"id": d.id, "doc_no": d.doc_no, "sent_at": d.sent_at, "deadline_at": d.deadline_at, "units": units}),
    ))
}

pub async fn ranking(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Json<Value>> {
    let now = st.now();
    let month = match q.0.get("month") {
        Some(m) => parse_month(m)?,
        None => (now + Duration::hours(8))
            .date_naive()
            .with_day(1)
            .unwrap_or_default(),
    };
    let threshold = match q.0.get("threshold") {
        Some(t) => t
            .parse::<f64>()
            .ok()
            .filter(|t| (0.0..=1.0).contains(t))
            .ok_or_else(|| ApiError::invalid_field("threshold", "invalid", "0 to 1"))?,
        None => DEFAULT_INTERVIEW_THRESHOLD,
    };
    Ok(Json(ranking_data(&st, &c, month, threshold).await?))
}

/// The first day of the month named `YYYY-MM`.
pub fn parse_month(m: &str) -> ApiResult<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
        .map_err(|_| ApiError::invalid_field("month", "invalid", "YYYY-MM"))
}

/// A month's ranking as the API and the bulletin show it.
pub async fn ranking_data(
    st: &AppState,
    c: &Caller,
    month: NaiveDate,
    threshold: f64,
) -> ApiResult<Value> {
    let start =
        Utc.from_utc_datetime(&month.and_hms_opt(0, 0, 0).unwrap_or_default()) - Duration::hours(8);
    let next = month
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(month);
    let end =
        Utc.from_utc_datetime(&next.and_hms_opt(0, 0, 0).unwrap_or_default()) - Duration::hours(8);
    let all = directives::list(
        st.store.db(),
        &c.scope,
        &ListQuery::default().all_rows(10_000),
    )
    .await?
    .items;
    let mut test: BTreeMap<Uuid, Vec<UnitScore>> = BTreeMap::new();
    let mut other: BTreeMap<Uuid, Vec<UnitScore>> = BTreeMap::new();
    for d in all
        .iter()
        .filter(|d| d.sent_at >= start && d.sent_at < end && d.state == "sent")
    {
        let rs = directives::recipients(st.store.db(), &c.scope, d.id).await?;
        for (u, s) in per_unit(d, &rs) {
            if d.kind == "ack_test" {
                test.entry(u).or_default().push(s)
            } else {
                other.entry(u).or_default().push(s)
            }
        }
    }
    let units: Vec<Uuid> = test
        .keys()
        .chain(other.keys())
        .copied()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let names = unit_names(st, units.iter().copied()).await?;
    let mut rows: Vec<Value> = units
        .iter()
        .filter(|u| names.contains_key(u))
        .map(|u| {
            let t = test.get(u).map(|v| combine(v));
            let o = other.get(u).map(|v| combine(v));
            json!({"unit_id": u, "unit_name": names.get(u), "test": t, "directives": o})
        })
        .collect();
    rows.sort_by(|a, b| {
        let r = |v: &Value| v["test"]["on_time_rate"].as_f64().unwrap_or(1.0);
        r(a).partial_cmp(&r(b)).unwrap_or(std::cmp::Ordering::Equal)
    });
    let interview: Vec<Value> = rows
        .iter()
        .filter(|r| r["test"]["ranked"] == true && r["test"]["on_time_rate"].as_f64().is_some_and(|x| x < threshold))
        .map(|r| json!({"unit_id": r["unit_id"], "unit_name": r["unit_name"], "on_time_rate": r["test"]["on_time_rate"], "vacant": r["test"]["vacant"]}))
        .collect();
    Ok(
        json!({"month": month.format("%Y-%m").to_string(), "threshold": threshold, "units": rows, "interview": interview}),
    )
}
