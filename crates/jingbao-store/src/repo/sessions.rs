//! Sessions: lookup by token hash, touch, revoke, list.

use crate::entity::session::{ActiveModel, Column as C, Entity, Model};
use crate::error::Result;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

pub async fn by_token_hash<D: ConnectionTrait>(db: &D, hash: &str) -> Result<Option<Model>> {
    Ok(Entity::find().filter(C::TokenHash.eq(hash)).one(db).await?)
}

pub async fn by_id<D: ConnectionTrait>(db: &D, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

/// Marks the session as used now (callers throttle this to keep writes rare).
pub async fn touch<D: ConnectionTrait>(db: &D, id: Uuid, now: DateTime<Utc>) -> Result<()> {
    Entity::update(ActiveModel {
        id: Set(id),
        last_seen_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn revoke<D: ConnectionTrait>(db: &D, id: Uuid, now: DateTime<Utc>) -> Result<()> {
    Entity::update_many()
        .col_expr(C::RevokedAt, Expr::value(now))
        .filter(C::Id.eq(id))
        .filter(C::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Revokes every live session of a user (password change, lock, disable).
pub async fn revoke_all_of<D: ConnectionTrait>(
    db: &D,
    user: Uuid,
    except: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<u64> {
    let mut q = Entity::update_many()
        .col_expr(C::RevokedAt, Expr::value(now))
        .filter(C::UserId.eq(user))
        .filter(C::RevokedAt.is_null());
    if let Some(e) = except {
        q = q.filter(C::Id.ne(e));
    }
    Ok(q.exec(db).await?.rows_affected)
}

/// Live sessions, newest first; of one user or (None) of everyone.
pub async fn live<D: ConnectionTrait>(
    db: &D,
    user: Option<Uuid>,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Model>> {
    let mut q = Entity::find()
        .filter(C::RevokedAt.is_null())
        .filter(C::ExpiresAt.gt(now));
    if let Some(u) = user {
        q = q.filter(C::UserId.eq(u));
    }
    Ok(q.order_by_desc(C::CreatedAt).limit(limit).all(db).await?)
}
