//! Shifts: the open shift of a guard, open shifts everywhere (to rebuild presence), the last
//! handover at a post, the end-event lookup for idempotent ends.

use crate::entity::shift::{Column as C, Entity, Model};
use crate::entity::shift_template;
use crate::error::Result;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub async fn open_of_guard<D: ConnectionTrait>(db: &D, guard: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(C::GuardId.eq(guard))
        .filter(C::EndedAt.is_null())
        .order_by_desc(C::StartedAt)
        .one(db)
        .await?)
}

pub async fn by_id<D: ConnectionTrait>(db: &D, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

pub async fn by_end_event<D: ConnectionTrait>(db: &D, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find().filter(C::EndEventId.eq(id)).one(db).await?)
}

pub async fn open_all<D: ConnectionTrait>(db: &D) -> Result<Vec<Model>> {
    Ok(Entity::find().filter(C::EndedAt.is_null()).all(db).await?)
}

/// The most recent ended shift at a post that left a handover note.
pub async fn last_handover<D: ConnectionTrait>(db: &D, post: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(C::PostId.eq(post))
        .filter(C::EndedAt.is_not_null())
        .filter(C::HandoverNote.is_not_null())
        .order_by_desc(C::EndedAt)
        .one(db)
        .await?)
}

pub async fn templates<D: ConnectionTrait>(db: &D) -> Result<Vec<shift_template::Model>> {
    Ok(shift_template::Entity::find().all(db).await?)
}
