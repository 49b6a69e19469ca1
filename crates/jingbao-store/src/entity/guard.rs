//! `guards`: security guards with their affiliations; ID number and phone are stored
//! encrypted (see `crate::cipher`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// male | female
    pub gender: String,
    pub id_number_enc: String,
    pub phone_enc: String,
    pub licence_no: String,
    /// YYYY-MM-DD
    pub licence_expiry: String,
    pub employer_company_id: Option<Uuid>,
    pub unit_id: Uuid,
    pub post_id: Option<Uuid>,
    pub grid_id: Uuid,
    pub user_id: Option<Uuid>,
    /// active | inactive
    pub status: String,
    pub team_leader: bool,
    pub scope_path: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
