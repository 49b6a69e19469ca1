//! Monthly bulletins (月度通报): `POST /api/bulletins {month}` snapshots the month's ranking
//! under a document number; the .docx (official layout) and .xlsx annex are produced from the
//! snapshot on download.

use crate::auth::caller::Caller;
use crate::directives::ack_tests::{parse_month, ranking_data};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, IdPath, QueryMap};
use crate::office::bulletin_docx::{Bulletin, render};
use crate::office::chart_png::bars;
use crate::office::xlsx::{Cell, Sheet};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Duration};
use http::{StatusCode, header};
use jingbao_domain::ack_score::DEFAULT_INTERVIEW_THRESHOLD;
use jingbao_store::entity::bulletin;
use jingbao_store::repo::{common, counters};
use jingbao_store::{AuditEntry, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewBulletin {
    pub month: String,
}

fn pct(v: &Value) -> String {
    v.as_f64()
        .map(|x| format!("{:.1}%", x * 100.0))
        .unwrap_or_else(|| "—".into())
}

fn cn_digits(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    n.to_string()
        .chars()
        .map(|c| D[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

fn cn_number(n: u32) -> String {
    match n {
        0..=10 => [
            "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        ][n as usize]
            .to_string(),
        11..=19 => format!("十{}", cn_digits(n % 10)),
        _ => format!(
            "{}十{}",
            cn_digits(n / 10),
            if n.is_multiple_of(10) {
                String::new()
            } else {
                cn_digits(n % 10)
            }
        ),
    }
}

pub async fn create(
    State(st): State<AppState>,
    c: Caller,
    ApiJson(b): ApiJson<NewBulletin>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let month = parse_month(&b.month)?;
    let data = ranking_data(&st, &c, month, DEFAULT_INTERVIEW_THRESHOLD).await?;
    let (root, issuer) = crate::directives::issue::issuer_name(&st, &c).await?;
    let now = st.now();
    let year = (now + Duration::hours(8)).year();
    let tx = st.store.write().await?;
    let n = counters::take(tx.conn(), &format!("bulletin:{root}:{year}"), 1).await?;
    let short = crate::directives::view::issuer_short(&issuer).to_string();
    let m = bulletin::Model {
        id: Uuid::now_v7(),
        month: b.month.clone(),
        doc_no: format!("{short}警通〔{year}〕{n}号"),
        issuer,
        data: data.to_string(),
        created_by: c.user.username.clone(),
        created_at: now,
        scope_path: root,
    };
    common::insert::<bulletin::Entity, _>(tx.conn(), m.clone()).await?;
    tx.commit(
        AuditEntry::new(now, &c.actor(), "bulletin.create", "bulletin")
            .object(m.id)
            .detail(json!({"month": m.month, "doc_no": m.doc_no})),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"id": m.id, "doc_no": m.doc_no})),
    ))
}

pub async fn list(State(st): State<AppState>, c: Caller, q: QueryMap) -> ApiResult<Json<Value>> {
    let mut sel = bulletin::Entity::find().filter(jingbao_store::scope::condition(
        &c.scope,
        bulletin::Column::ScopePath,
        None,
    ));
    if let Some(m) = q.0.get("month") {
        sel = sel.filter(bulletin::Column::Month.eq(m.as_str()));
    }
    let rows = sel
        .order_by_desc(bulletin::Column::CreatedAt)
        .all(st.store.db())
        .await
        .map_err(StoreError::from)?;
    let items: Vec<Value> = rows.iter().map(|b| json!({"id": b.id, "month": b.month, "doc_no": b.doc_no, "created_by": b.created_by, "created_at": b.created_at})).collect();
    Ok(Json(json!({"items": items, "total": items.len()})))
}

async fn load(st: &AppState, c: &Caller, id: Uuid) -> ApiResult<(bulletin::Model, Value)> {
    let b = bulletin::Entity::find_by_id(id)
        .filter(jingbao_store::scope::condition(
            &c.scope,
            bulletin::Column::ScopePath,
            None,
        ))
        .one(st.store.db())
        .await
        .map_err(StoreError::from)?
        .ok_or_else(ApiError::not_found)?;
    let data: Value = serde_json::from_str(&b.data).unwrap_or(Value::Null);
    Ok((b, data))
}

/// Table rows: (rank, unit, test on-time, test ack, other on-time, median latency).
fn table(data: &Value) -> Vec<[String; 6]> {
    data["units"]
        .as_array()
        .into_iter()
        .flatten()
        .rev()
        .enumerate()
        .map(|(i, u)| {
            [
                (i + 1).to_string(),
                u["unit_name"].as_str().unwrap_or("").to_string(),
                pct(&u["test"]["on_time_rate"]),
                pct(&u["test"]["ack_rate"]),
                pct(&u["directives"]["on_time_rate"]),
                u["test"]["median_latency_s"]
                    .as_i64()
                    .map(|s| format!("{s} 秒"))
                    .unwrap_or_else(|| "—".into()),
            ]
        })
        .collect()
}

fn attachment(mime: &str, name: String, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub async fn docx(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Response> {
    let (b, data) = load(&st, &c, id).await?;
    let rows = table(&data);
    let interview: Vec<String> = data["interview"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["unit_name"].as_str().map(str::to_string))
        .collect();
    let values: Vec<f64> = data["units"]
        .as_array()
        .into_iter()
        .flatten()
        .rev()
        .map(|u| u["test"]["on_time_rate"].as_f64().unwrap_or(0.0))
        .collect();
    let threshold = data["threshold"]
        .as_f64()
        .unwrap_or(DEFAULT_INTERVIEW_THRESHOLD);
    let chart = bars(&values, threshold, 640, 240).map_err(|_| ApiError::internal())?;
    let month = parse_month(&b.month)?;
    let tested = rows.len();
    let summary = format!(
        "{}年{}月，共对{}个联动单位进行了指令签收测试和日常指令签收统计。按时签收率低于{:.0}%的单位{}个，现通报如下。",
        month.year(),
        month.month(),
        tested,
        threshold * 100.0,
        interview.len()
    );
    let local = b.created_at + Duration::hours(8);
    let date_cn = format!(
        "{}年{}月{}日",
        cn_digits(local.year() as u32),
        cn_number(local.month()),
        cn_number(local.day())
    );
    let bytes = render(&Bulletin {
        doc_no: &b.doc_no,
        issuer: &b.issuer,
        month_cn: &format!("{}年{}月", month.year(), month.month()),
        date_cn: &date_cn,
        summary: &summary,
        rows: &rows,
        interview: &interview,
        chart_png: chart,
        chart_size: (640, 240),
    })
    .map_err(|_| ApiError::internal())?;
    st.store
        .audit_only(
            AuditEntry::new(st.now(), &c.actor(), "export", "bulletin")
                .object(id)
                .detail(json!({"format": "docx"})),
        )
        .await?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        format!("bulletin-{}.docx", b.month),
        bytes,
    ))
}

pub async fn xlsx(
    State(st): State<AppState>,
    c: Caller,
    IdPath(id): IdPath,
) -> ApiResult<Response> {
    let (b, data) = load(&st, &c, id).await?;
    let mut sheet = Sheet::new(
        "签收排名",
        &[
            "名次",
            "联动单位",
            "测试按时签收率",
            "测试签收率",
            "日常指令按时率",
            "签收用时中位数",
        ],
    );
    for r in table(&data) {
        sheet.row(r.into_iter().map(Cell::text).collect());
    }
    let stamp = format!("{} 附件：{} 签收排名", b.doc_no, b.month);
    let bytes = sheet
        .to_xlsx(Some(&stamp))
        .map_err(|_| ApiError::internal())?;
    st.store
        .audit_only(
            AuditEntry::new(st.now(), &c.actor(), "export", "bulletin")
                .object(id)
                .detail(json!({"format": "xlsx"})),
        )
        .await?;
    Ok(attachment(
        crate::office::export::XLSX_MIME,
        format!("bulletin-{}.xlsx", b.month),
        bytes,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_dates() {
        assert_eq!(super::cn_digits(2026), "二〇二六");
        assert_eq!(super::cn_number(11), "十一");
        assert_eq!(super::cn_number(23), "二十三");
        assert_eq!(super::cn_number(30), "三十");
        assert_eq!(super::cn_number(7), "七");
    }
}
