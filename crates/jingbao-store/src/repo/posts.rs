//! Posts of linked units.

use crate::entity::post::{Column as C, Entity, Model};
use crate::error::Result;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

pub async fn by_id<D: ConnectionTrait>(db: &D, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

pub async fn of_unit<D: ConnectionTrait>(db: &D, unit: Uuid) -> Result<Vec<Model>> {
    Ok(Entity::find().filter(C::UnitId.eq(unit)).all(db).await?)
}
