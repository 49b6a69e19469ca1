//! Checkpoint signing keys: the active key, lookups by id, rotation.

use crate::entity::checkpoint_key::{Column as C, Entity, Model};
use crate::error::Result;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

pub async fn active<D: ConnectionTrait>(db: &D) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(C::RetiredAt.is_null())
        .order_by_desc(C::CreatedAt)
        .one(db)
        .await?)
}

pub async fn by_kid<D: ConnectionTrait>(db: &D, kid: &str) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(kid.to_string()).one(db).await?)
}

pub async fn count<D: ConnectionTrait>(db: &D) -> Result<u64> {
    use sea_orm::PaginatorTrait;
    Ok(Entity::find().count(db).await?)
}

/// Retires every active key (a new one is inserted by the caller in the same transaction).
pub async fn retire_all<D: ConnectionTrait>(db: &D, now: DateTime<Utc>) -> Result<()> {
    Entity::update_many()
        .col_expr(C::RetiredAt, Expr::value(now))
        .filter(C::RetiredAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
