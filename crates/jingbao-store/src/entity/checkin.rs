//! `checkins`: every well-formed check-in, stored once under the client's id with its
//! verdict and reasons.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "checkins")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub guard_id: Uuid,
    pub checkpoint_id: Option<Uuid>,
    pub code: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub accuracy: Option<f64>,
    pub device_time: DateTimeUtc,
    pub server_time: DateTimeUtc,
    pub verdict: String,
    /// Comma-separated reason codes.
    pub reasons: String,
    /// Inspection items as JSON.
    pub items: String,
    /// SHA-256 of the request body (without `sent_at`), for idempotent retries.
    pub body_hash: String,
    pub scope_path: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
