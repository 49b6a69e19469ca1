//! `directive_recipients`: one row per guard a directive goes to — the guard's outbox entry
//! (`seq`, increasing, for catch-up after reconnect) and its sign-for and feedback state.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "directive_recipients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub directive_id: Uuid,
    pub guard_id: Uuid,
    pub unit_id: Uuid,
    #[sea_orm(unique)]
    pub seq: i64,
    /// pending | delivered | signed | signed_late | feedback_done | overdue | not_required
    pub state: String,
    pub delivered_at: Option<DateTimeUtc>,
    pub signed_at: Option<DateTimeUtc>,
    pub signed_device_time: Option<DateTimeUtc>,
    pub ack_id: Option<Uuid>,
    pub late: bool,
    pub feedback_at: Option<DateTimeUtc>,
    pub feedback_id: Option<Uuid>,
    pub feedback: Option<String>,
    /// 0 none, 1 reminded, 2 overdue
    pub escalation: i32,
    pub scope_path: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
