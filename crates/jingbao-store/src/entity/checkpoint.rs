//! `checkpoints`: patrol checkpoints with location, radius, building and floor.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "checkpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    #[sea_orm(unique)]
    pub code: String,
    pub building_id: Uuid,
    pub unit_id: Uuid,
    pub post_id: Option<Uuid>,
    pub lat: f64,
    pub lon: f64,
    pub radius_m: f64,
    pub floor: i32,
    pub indoor: bool,
    pub scope_path: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
