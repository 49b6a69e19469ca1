//! Directives, their recipients (the guards' outbox) and named counters.

use super::m0001_foundation::{
    boolean, index, int, string, text, text_null, ts, ts_null, uuid_col, uuid_pk,
};
use crate::entity::{counter, directive, directive_recipient};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use directive::Column as D;
        m.create_table(
            Table::create()
                .table(directive::Entity)
                .if_not_exists()
                .col(uuid_pk(D::Id))
                .col(string(D::DocNo))
                .col(string(D::Kind))
                .col(string(D::Title))
                .col(text(D::Body))
                .col(string(D::Priority))
                .col(text(D::Tasks))
                .col(ts_null(D::WindowFrom))
                .col(ts_null(D::WindowTo))
                .col(text(D::Targets))
                .col(boolean(D::IncludeOffShift))
                .col(boolean(D::FeedbackRequired))
                .col(int(D::AckDeadlineMinutes))
                .col(boolean(D::UnitQuota))
                .col(string(D::State))
                .col(string(D::CreatedBy))
                .col(ts(D::SentAt))
                .col(ts(D::DeadlineAt))
                .col(string(D::ScopePath))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_directives_sent",
            directive::Entity,
            &[D::SentAt],
            false,
        )
        .await?;
        use directive_recipient::Column as R;
        m.create_table(
            Table::create()
                .table(directive_recipient::Entity)
                .if_not_exists()
                .col(uuid_pk(R::Id))
                .col(uuid_col(R::DirectiveId))
                .col(uuid_col(R::GuardId))
                .col(uuid_col(R::UnitId))
                .col(
                    ColumnDef::new(R::Seq)
                        .big_integer()
                        .not_null()
                        .unique_key()
                        .take(),
                )
                .col(string(R::State))
                .col(ts_null(R::DeliveredAt))
                .col(ts_null(R::SignedAt))
                .col(ts_null(R::SignedDeviceTime))
                .col(ColumnDef::new(R::AckId).uuid().null().unique_key().take())
                .col(boolean(R::Late))
                .col(ts_null(R::FeedbackAt))
                .col(
                    ColumnDef::new(R::FeedbackId)
                        .uuid()
                        .null()
                        .unique_key()
                        .take(),
                )
                .col(text_null(R::Feedback))
                .col(int(R::Escalation))
                .col(string(R::ScopePath))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_recipients_directive",
            directive_recipient::Entity,
            &[R::DirectiveId],
            false,
        )
        .await?;
        index(
            m,
            "idx_recipients_guard_seq",
            directive_recipient::Entity,
            &[R::GuardId, R::Seq],
            false,
        )
        .await?;
        index(
            m,
            "idx_recipients_state",
            directive_recipient::Entity,
            &[R::State],
            false,
        )
        .await?;
        use counter::Column as C;
        m.create_table(
            Table::create()
                .table(counter::Entity)
                .if_not_exists()
                .col(ColumnDef::new(C::Name).string().not_null().primary_key())
                .col(ColumnDef::new(C::Value).big_integer().not_null())
                .take(),
        )
        .await?;
        Ok(())
    }
}
