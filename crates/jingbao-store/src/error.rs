//! Store errors: the few cases callers act on (not found, conflict, invalid input) and the
//! database's own errors.

use sea_orm::DbErr;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique value is taken; the field names which one when known.
    #[error("conflict on {0}")]
    Conflict(String),
    /// A query argument the store cannot use (an unknown sort field, say).
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },
    #[error("cipher: {0}")]
    Cipher(String),
    #[error("database: {0}")]
    Db(DbErr),
}

impl From<DbErr> for StoreError {
    fn from(e: DbErr) -> Self {
        let text = e.to_string();
        let lower = text.to_lowercase();
        if lower.contains("unique constraint") || lower.contains("duplicate key") {
            // SQLite: "UNIQUE constraint failed: users.username";
            // PostgreSQL: "duplicate key value violates unique constraint \"…\"".
            let field = text
                .rsplit(['.', '"'])
                .find(|s| !s.trim().is_empty())
                .unwrap_or("value")
                .trim()
                .to_string();
            return StoreError::Conflict(field);
        }
        StoreError::Db(e)
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
