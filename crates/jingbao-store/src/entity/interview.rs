//! `interviews`: the record (约谈记录) of an officer's interview with a unit whose sign-for
//! rate fell under the threshold.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interviews")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_id: Uuid,
    pub month: String,
    pub interviewed_at: DateTimeUtc,
    pub attendees: String,
    pub note: String,
    pub measures: String,
    pub officer: String,
    pub created_at: DateTimeUtc,
    pub scope_path: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
