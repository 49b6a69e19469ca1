//! `org_units`: the organisation tree (bureau → station → police room → grid → unit) and
//! departments beside it. `path` is the materialised path used for subtree scopes.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "org_units")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub kind: String,
    pub name: String,
    #[sea_orm(unique)]
    pub code: String,
    pub path: String,
    /// GeoJSON Polygon (grids).
    pub boundary: Option<String>,
    pub manager_user_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
