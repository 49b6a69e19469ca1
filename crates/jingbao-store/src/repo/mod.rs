//! Repositories sized to the use cases: each takes the caller's data scope for reads and a
//! `WriteTx` connection for writes.

pub mod buildings;
pub mod checkpoints;
pub mod common;
pub mod companies;
pub mod counters;
pub mod directives;
pub mod guards;
pub mod org_units;
pub mod patrol;
pub mod posts;
pub mod sessions;
pub mod settings;
pub mod users;

use crate::error::{Result, StoreError};
use crate::list::ListQuery;
use uuid::Uuid;

/// A filter that must be a UUID when present.
pub(crate) fn uuid_filter(q: &ListQuery, name: &str) -> Result<Option<Uuid>> {
    match q.filter(name) {
        None => Ok(None),
        Some(v) => Uuid::parse_str(v)
            .map(Some)
            .map_err(|_| StoreError::Invalid {
                field: name.to_string(),
                reason: "not a UUID".into(),
            }),
    }
}
