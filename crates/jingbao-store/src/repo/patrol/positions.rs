//! Positions: which ids are already stored (exactly once), bulk insert, track replay, the
//! latest fix per guard (to rebuild live state), and retention.

use crate::entity::position::{Column as C, Entity, Model};
use crate::error::Result;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashSet;
use uuid::Uuid;

pub async fn existing_ids<D: ConnectionTrait>(db: &D, ids: &[Uuid]) -> Result<HashSet<Uuid>> {
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(Entity::find()
        .select_only()
        .column(C::Id)
        .filter(C::Id.is_in(ids.iter().copied()))
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

pub async fn track<D: ConnectionTrait>(
    db: &D,
    guard: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(C::GuardId.eq(guard))
        .filter(C::ServerTime.gte(from))
        .filter(C::ServerTime.lt(to))
        .order_by_asc(C::ServerTime)
        .order_by_asc(C::DeviceTime)
        .limit(limit)
        .all(db)
        .await?)
}

/// The latest fix of one guard.
pub async fn latest_of<D: ConnectionTrait>(db: &D, guard: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(C::GuardId.eq(guard))
        .order_by_desc(C::ServerTime)
        .order_by_desc(C::DeviceTime)
        .one(db)
        .await?)
}

/// Deletes positions older than `before`; returns how many.
pub async fn purge_before<D: ConnectionTrait>(db: &D, before: DateTime<Utc>) -> Result<u64> {
    Ok(Entity::delete_many()
        .filter(C::ServerTime.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}
