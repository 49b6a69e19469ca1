//! Idempotent submissions: the first reply to a client id, replayed on retries.

use crate::entity::submission::{Entity, Model};
use crate::error::Result;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

pub async fn by_id<D: ConnectionTrait>(db: &D, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(db).await?)
}
