//! `buildings`: towers with a WGS-84 footprint (GeoJSON Polygon), height and floors.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "buildings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    #[sea_orm(unique)]
    pub code: String,
    pub grid_id: Uuid,
    pub scope_path: String,
    pub phase: i32,
    pub address: String,
    pub height_m: f64,
    pub floors: i32,
    pub footprint: String,
    pub center_lat: f64,
    pub center_lon: f64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
