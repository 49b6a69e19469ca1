//! `positions`: the track of guards on shift, one row per client position id.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "positions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub guard_id: Uuid,
    pub lat: f64,
    pub lon: f64,
    pub accuracy: f64,
    pub device_time: DateTimeUtc,
    pub server_time: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
