//! Named counters: take the next `n` values atomically inside the caller's transaction.

use crate::error::{Result, StoreError};
use sea_orm::{ConnectionTrait, Statement};

/// Advances `name` by `n` and returns the last value taken (the first is `last - n + 1`).
pub async fn take<D: ConnectionTrait>(db: &D, name: &str, n: i64) -> Result<i64> {
    let b = db.get_database_backend();
    let (ins, upd) = match b {
        sea_orm::DbBackend::Postgres => (
            "INSERT INTO counters (name, value) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING",
            "UPDATE counters SET value = value + $1 WHERE name = $2 RETURNING value",
        ),
        _ => (
            "INSERT INTO counters (name, value) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
            "UPDATE counters SET value = value + ? WHERE name = ? RETURNING value",
        ),
    };
    db.execute_raw(Statement::from_sql_and_values(b, ins, [name.into()]))
        .await?;
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            b,
            upd,
            [n.into(), name.into()],
        ))
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(row.try_get::<i64>("", "value")?)
}
