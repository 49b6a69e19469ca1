//! `companies`: registered enterprises and the property/security companies that employ guards.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "companies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// enterprise | property | security
    pub kind: String,
    pub credit_code: String,
    pub building_id: Option<Uuid>,
    pub floor: Option<i32>,
    pub industry: Option<String>,
    pub scope_path: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
