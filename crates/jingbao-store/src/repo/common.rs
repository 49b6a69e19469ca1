//! Generic insert/update/bulk-insert helpers shared by the repositories.

use crate::error::Result;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel};

/// Inserts one row from a full model.
pub async fn insert<E, C>(db: &C, m: E::Model) -> Result<()>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    E::insert(m.into_active_model())
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Writes every column of a full model over the row with its primary key.
pub async fn update<E, C>(db: &C, m: E::Model) -> Result<()>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    let am = m.into_active_model().reset_all();
    E::update(am).exec(db).await?;
    Ok(())
}

/// Inserts many rows in chunks that stay under both backends' bound-parameter limits.
pub async fn insert_many<E, C>(db: &C, rows: Vec<E::Model>, chunk: usize) -> Result<()>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let part: Vec<E::ActiveModel> = rows
            .by_ref()
            .take(chunk)
            .map(|m| m.into_active_model())
            .collect();
        E::insert_many(part).exec_without_returning(db).await?;
    }
    Ok(())
}
