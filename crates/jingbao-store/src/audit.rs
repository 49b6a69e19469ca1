//! Audit records: who did what to which object, with what result; appending them to the
//! hash chain inside the caller's transaction; listing; and verifying the whole chain.

use crate::entity::{audit_head, audit_log};
use crate::error::Result;
use crate::list::{ListQuery, Page};
use chrono::{DateTime, SecondsFormat, Utc};
use jingbao_domain::audit_chain::{AuditContent, GENESIS, record_hash};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Statement,
};
use uuid::Uuid;

/// Who acts: filled from the authenticated session (or "anonymous" before login).
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<Uuid>,
    pub username: String,
    pub role: String,
    pub ip: String,
    pub request_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditResult {
    Ok,
    Denied,
    Failed,
}

impl AuditResult {
    pub fn code(self) -> &'static str {
        match self {
            AuditResult::Ok => "ok",
            AuditResult::Denied => "denied",
            AuditResult::Failed => "failed",
        }
    }
}

/// One audit record before it is chained.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub result: AuditResult,
    pub detail: serde_json::Value,
}

impl AuditEntry {
    pub fn new(at: DateTime<Utc>, actor: &Actor, action: &str, object_type: &str) -> Self {
        AuditEntry {
            at,
            actor: actor.clone(),
            action: action.to_string(),
            object_type: object_type.to_string(),
            object_id: String::new(),
            result: AuditResult::Ok,
            detail: serde_json::Value::Object(Default::default()),
        }
    }

    pub fn object(mut self, id: impl ToString) -> Self {
        self.object_id = id.to_string();
        self
    }

    pub fn result(mut self, r: AuditResult) -> Self {
        self.result = r;
        self
    }

    pub fn detail(mut self, d: serde_json::Value) -> Self {
        self.detail = d;
        self
    }
}

/// The canonical text of a timestamp inside the chain (microseconds, `Z`).
pub fn canonical_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn content(m: &audit_log::Model) -> AuditContent<'_> {
    AuditContent {
        seq: m.seq,
        id: &m.id,
        at: &m.at,
        user_id: &m.user_id,
        username: &m.username,
        role: &m.role,
        ip: &m.ip,
        action: &m.action,
        object_type: &m.object_type,
        object_id: &m.object_id,
        result: &m.result,
        request_id: &m.request_id,
        detail: &m.detail,
    }
}

/// Appends one record after the chain head and moves the head. The caller holds the write
/// lock (SQLite gate) or this takes the head row lock (PostgreSQL), so appends serialise.
pub(crate) async fn append<C: ConnectionTrait>(db: &C, e: &AuditEntry) -> Result<i64> {
    let head = match db.get_database_backend() {
        DbBackend::Postgres => {
            let row = db
                .query_one_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
                ))
                .await?
                .ok_or(crate::StoreError::NotFound)?;
            (
                row.try_get::<i64>("", "seq")?,
                row.try_get::<String>("", "hash")?,
            )
        }
        _ => {
            let h = audit_head::Entity::find_by_id(1)
                .one(db)
                .await?
                .ok_or(crate::StoreError::NotFound)?;
            (h.seq, h.hash)
        }
    };
    let (last_seq, prev_hash) = head;
    let mut m = audit_log::Model {
        seq: last_seq + 1,
        id: Uuid::now_v7().to_string(),
        at: canonical_time(e.at),
        user_id: e.actor.user_id.map(|u| u.to_string()).unwrap_or_default(),
        username: e.actor.username.clone(),
        role: e.actor.role.clone(),
        ip: e.actor.ip.clone(),
        action: e.action.clone(),
        object_type: e.object_type.clone(),
        object_id: e.object_id.clone(),
        result: e.result.code().to_string(),
        request_id: e.actor.request_id.clone(),
        detail: e.detail.to_string(),
        prev_hash: prev_hash.clone(),
        hash: String::new(),
    };
    m.hash = record_hash(&prev_hash, &content(&m));
    let seq = m.seq;
    let hash = m.hash.clone();
    let am: audit_log::ActiveModel = m.into();
    audit_log::Entity::insert(am)
        .exec_without_returning(db)
        .await?;
    audit_head::Entity::update(audit_head::ActiveModel {
        id: Set(1),
        seq: Set(seq),
        hash: Set(hash),
    })
    .exec(db)
    .await?;
    Ok(seq)
}

/// What `audit verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyOutcome {
    Intact { records: u64 },
    Broken { seq: i64, reason: String },
}

/// Walks the chain from the first record and checks sequence, links, hashes and the head.
pub async fn verify<C: ConnectionTrait>(db: &C) -> Result<VerifyOutcome> {
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_string();
    let mut count = 0u64;
    let mut after = 0i64;
    loop {
        let batch = audit_log::Entity::find()
            .filter(audit_log::Column::Seq.gt(after))
            .order_by_asc(audit_log::Column::Seq)
            .limit(1000)
            .all(db)
            .await?;
        if batch.is_empty() {
            break;
        }
        for m in &batch {
            if m.seq != expected_seq {
                return Ok(VerifyOutcome::Broken {
                    seq: expected_seq,
                    reason: format!("record {expected_seq} is missing (next is {})", m.seq),
                });
            }
            if m.prev_hash != prev {
                return Ok(VerifyOutcome::Broken {
                    seq: m.seq,
                    reason: "link to the previous record does not match".into(),
                });
            }
            if record_hash(&prev, &content(m)) != m.hash {
                return Ok(VerifyOutcome::Broken {
                    seq: m.seq,
                    reason: "content does not match its hash".into(),
                });
            }
            prev = m.hash.clone();
            expected_seq += 1;
            count += 1;
        }
        after = batch.last().map(|m| m.seq).unwrap_or(after);
    }
    let head = audit_head::Entity::find_by_id(1).one(db).await?;
    match head {
        Some(h) if h.seq == expected_seq - 1 && h.hash == prev => {
            Ok(VerifyOutcome::Intact { records: count })
        }
        Some(h) => Ok(VerifyOutcome::Broken {
            seq: h.seq.max(expected_seq),
            reason: format!(
                "chain ends at record {} but the head says {}",
                expected_seq - 1,
                h.seq
            ),
        }),
        None => Ok(VerifyOutcome::Broken {
            seq: 0,
            reason: "chain head is missing".into(),
        }),
    }
}

/// The records about one object, newest first (a row's timeline).
pub async fn of_object<C: ConnectionTrait>(
    db: &C,
    object_id: &str,
    limit: u64,
) -> Result<Vec<audit_log::Model>> {
    Ok(audit_log::Entity::find()
        .filter(audit_log::Column::ObjectId.eq(object_id))
        .order_by_desc(audit_log::Column::Seq)
        .limit(limit)
        .all(db)
        .await?)
}

/// Lists audit records, newest first, with the filters the audit page offers.
pub async fn list<C: ConnectionTrait>(db: &C, q: &ListQuery) -> Result<Page<audit_log::Model>> {
    use audit_log::Column as A;
    let mut sel = audit_log::Entity::find();
    if let Some(v) = q.filter("action") {
        sel = sel.filter(A::Action.starts_with(v));
    }
    if let Some(v) = q.filter("username") {
        sel = sel.filter(A::Username.eq(v));
    }
    if let Some(v) = q.filter("object_type") {
        sel = sel.filter(A::ObjectType.eq(v));
    }
    if let Some(v) = q.filter("object_id") {
        sel = sel.filter(A::ObjectId.eq(v));
    }
    if let Some(v) = q.filter("result") {
        sel = sel.filter(A::Result.eq(v));
    }
    if let Some(v) = q.filter("from") {
        sel = sel.filter(A::At.gte(v));
    }
    if let Some(v) = q.filter("to") {
        sel = sel.filter(A::At.lt(v));
    }
    if let Some(text) = q.q.as_deref() {
        sel = sel.filter(crate::list::search_any(
            &[A::Action, A::Username, A::ObjectId],
            text,
        ));
    }
    let total = sel.clone().count(db).await?;
    let items = sel
        .order_by_desc(A::Seq)
        .offset(q.offset())
        .limit(q.page_size)
        .all(db)
        .await?;
    Ok(Page { items, total })
}
