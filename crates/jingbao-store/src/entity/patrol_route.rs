//! `patrol_routes`: a unit's route — ordered checkpoints walked every N minutes inside a
//! daily window (local time, may cross midnight).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "patrol_routes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_id: Uuid,
    pub name: String,
    /// JSON array of checkpoint ids, in walking order.
    pub checkpoint_ids: String,
    pub every_minutes: i32,
    pub window_start: i32,
    pub window_end: i32,
    pub scope_path: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
