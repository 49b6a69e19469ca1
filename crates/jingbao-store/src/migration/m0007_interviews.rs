//! Interview records.

use super::m0001_foundation::{index, string, text, ts, uuid_col, uuid_pk};
use crate::entity::interview;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use interview::Column as I;
        m.create_table(
            Table::create()
                .table(interview::Entity)
                .if_not_exists()
                .col(uuid_pk(I::Id))
                .col(uuid_col(I::UnitId))
                .col(string(I::Month))
                .col(ts(I::InterviewedAt))
                .col(text(I::Attendees))
                .col(text(I::Note))
                .col(text(I::Measures))
                .col(string(I::Officer))
                .col(ts(I::CreatedAt))
                .col(string(I::ScopePath))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_interviews_month",
            interview::Entity,
            &[I::Month],
            false,
        )
        .await
    }
}
