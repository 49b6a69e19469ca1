//! Installation settings (key/value).

use crate::entity::setting::{ActiveModel, Column as C, Entity};
use crate::error::Result;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

pub async fn get<D: ConnectionTrait>(db: &D, key: &str) -> Result<Option<String>> {
    Ok(Entity::find_by_id(key.to_string())
        .one(db)
        .await?
        .map(|m| m.value))
}

pub async fn put<D: ConnectionTrait>(
    db: &D,
    key: &str,
    value: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let am = ActiveModel {
        key: Set(key.to_string()),
        value: Set(value.to_string()),
        updated_at: Set(now),
    };
    Entity::insert(am)
        .on_conflict(
            OnConflict::column(C::Key)
                .update_columns([C::Value, C::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}
