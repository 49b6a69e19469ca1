//! `shifts`: a guard's time on duty, from 上岗 to 下岗, with the handover note left for the
//! next guard. The id is the client's start event id; the end event id is kept too.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shifts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub guard_id: Uuid,
    pub post_id: Option<Uuid>,
    pub unit_id: Uuid,
    pub started_at: DateTimeUtc,
    pub start_device_time: String,
    pub ended_at: Option<DateTimeUtc>,
    pub end_event_id: Option<Uuid>,
    pub end_device_time: Option<String>,
    pub handover_note: Option<String>,
    pub scope_path: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
