//! Check-ins: lookups for idempotency and the replay/speed rules, today's route progress,
//! and the scoped list.

use crate::entity::checkin::{Column as C, Entity, Model};
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate};
use crate::repo::uuid_filter;
use crate::scope;
use chrono::{DateTime, Utc};
use jingbao_domain::DataScope;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub async fn by_id<D: ConnectionTrait>(db: &D, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

/// The guard's latest accepted (not rejected) check-in: what replay and speed compare with.
pub async fn last_of_guard<D: ConnectionTrait>(db: &D, guard: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(C::GuardId.eq(guard))
        .filter(C::CheckpointId.is_not_null())
        .filter(C::Verdict.ne("rejected"))
        .order_by_desc(C::ServerTime)
        .one(db)
        .await?)
}

/// Accepted (valid or flagged) check-ins of a guard since `since`.
pub async fn accepted_since<D: ConnectionTrait>(
    db: &D,
    guard: Uuid,
    since: DateTime<Utc>,
) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(C::GuardId.eq(guard))
        .filter(C::ServerTime.gte(since))
        .filter(C::Verdict.ne("rejected"))
        .order_by_asc(C::ServerTime)
        .all(db)
        .await?)
}

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(scope::condition(
        s,
        C::ScopePath,
        s.guard_id.map(|g| (C::GuardId, g)),
    ));
    if let Some(g) = uuid_filter(q, "guard_id")? {
        sel = sel.filter(C::GuardId.eq(g));
    }
    if let Some(c) = uuid_filter(q, "checkpoint_id")? {
        sel = sel.filter(C::CheckpointId.eq(c));
    }
    if let Some(v) = q.filter("verdict") {
        sel = sel.filter(C::Verdict.eq(v));
    }
    if let Some(from) = time_filter(q, "from")? {
        sel = sel.filter(C::ServerTime.gte(from));
    }
    if let Some(to) = time_filter(q, "to")? {
        sel = sel.filter(C::ServerTime.lt(to));
    }
    let q = ListQuery {
        sort: q.sort.clone().or(Some(("server_time".into(), true))),
        ..q.clone()
    };
    paginate(
        db,
        sel,
        &q,
        &[
            ("server_time", C::ServerTime),
            ("device_time", C::DeviceTime),
            ("verdict", C::Verdict),
        ],
        C::Id,
    )
    .await
}

/// An RFC 3339 filter value.
pub fn time_filter(q: &ListQuery, name: &str) -> Result<Option<DateTime<Utc>>> {
    match q.filter(name) {
        None => Ok(None),
        Some(v) => DateTime::parse_from_rfc3339(v)
            .map(|t| Some(t.with_timezone(&Utc)))
            .map_err(|_| crate::StoreError::Invalid {
                field: name.to_string(),
                reason: "an RFC 3339 time".into(),
            }),
    }
}
