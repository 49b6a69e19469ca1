//! `bulletins`: a month's bulletin (月度通报) — its number and the ranking snapshot it was
//! written from, so the documents can be produced again identically.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bulletins")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub month: String,
    pub doc_no: String,
    pub issuer: String,
    /// The ranking as JSON.
    pub data: String,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub scope_path: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
