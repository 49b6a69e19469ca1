//! `shift_templates`: when a post must be manned and by how many (crossing midnight allowed),
//! local time Asia/Shanghai.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shift_templates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub post_id: Uuid,
    pub name: String,
    /// Minutes after local midnight.
    pub start_minute: i32,
    pub end_minute: i32,
    pub min_staff: i32,
    pub scope_path: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
