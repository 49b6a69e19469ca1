//! `alerts`: off-post, vacant-post, offline and missed-checkpoint alerts with their lifecycle
//! (raised → acknowledged → resolved). `open_key` is set while the alert is open and unique,
//! so two nodes never raise the same alert twice.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: String,
    pub state: String,
    pub open_key: Option<String>,
    pub guard_id: Option<Uuid>,
    pub post_id: Option<Uuid>,
    pub unit_id: Uuid,
    pub scope_path: String,
    pub raised_at: DateTimeUtc,
    pub acked_at: Option<DateTimeUtc>,
    pub acked_by: Option<String>,
    pub resolved_at: Option<DateTimeUtc>,
    pub resolved_by: Option<String>,
    pub resolve_note: Option<String>,
    pub auto: bool,
    pub reason: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
