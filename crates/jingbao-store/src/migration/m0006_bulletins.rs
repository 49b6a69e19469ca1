//! Monthly bulletins.

use super::m0001_foundation::{index, string, text, ts, uuid_pk};
use crate::entity::bulletin;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use bulletin::Column as B;
        m.create_table(
            Table::create()
                .table(bulletin::Entity)
                .if_not_exists()
                .col(uuid_pk(B::Id))
                .col(string(B::Month))
                .col(string(B::DocNo))
                .col(string(B::Issuer))
                .col(text(B::Data))
                .col(string(B::CreatedBy))
                .col(ts(B::CreatedAt))
                .col(string(B::ScopePath))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_bulletins_month",
            bulletin::Entity,
            &[B::Month],
            false,
        )
        .await
    }
}
