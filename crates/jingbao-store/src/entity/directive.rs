//! `directives`: orders to guards — kind, document number, body, tasks, targets, deadline.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "directives")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub doc_no: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub priority: String,
    /// JSON array of tasks.
    pub tasks: String,
    pub window_from: Option<DateTimeUtc>,
    pub window_to: Option<DateTimeUtc>,
    /// JSON of the targets as given.
    pub targets: String,
    pub include_off_shift: bool,
    pub feedback_required: bool,
    pub ack_deadline_minutes: i32,
    /// One signed guard per targeted unit is enough.
    pub unit_quota: bool,
    /// sent | cancelled
    pub state: String,
    pub created_by: String,
    pub sent_at: DateTimeUtc,
    pub deadline_at: DateTimeUtc,
    pub scope_path: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
