//! Index for a row's timeline: audit records by object id.

use crate::entity::audit_log;
use sea_orm::sea_query::Index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("idx_audit_object")
                .table(audit_log::Entity)
                .col(audit_log::Column::ObjectId)
                .if_not_exists()
                .to_owned(),
        )
        .await
    }
}
