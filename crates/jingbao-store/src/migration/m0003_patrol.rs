//! Patrol and presence: checkpoint keys, shifts and templates, check-ins, positions,
//! idempotent submissions, alerts.

use super::m0001_foundation::{
    boolean, double, index, int, string, text, text_null, ts, ts_null, uuid_col, uuid_null, uuid_pk,
};
use crate::entity::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use checkpoint_key::Column as K;
        m.create_table(
            Table::create()
                .table(checkpoint_key::Entity)
                .if_not_exists()
                .col(ColumnDef::new(K::Kid).string().not_null().primary_key())
                .col(text(K::SecretEnc))
                .col(ts(K::CreatedAt))
                .col(ts_null(K::RetiredAt))
                .take(),
        )
        .await?;

        use shift::Column as S;
        m.create_table(
            Table::create()
                .table(shift::Entity)
                .if_not_exists()
                .col(uuid_pk(S::Id))
                .col(uuid_col(S::GuardId))
                .col(uuid_null(S::PostId))
                .col(uuid_col(S::UnitId))
                .col(ts(S::StartedAt))
                .col(string(S::StartDeviceTime))
                .col(ts_null(S::EndedAt))
                .col(
                    ColumnDef::new(S::EndEventId)
                        .uuid()
                        .null()
                        .unique_key()
                        .take(),
                )
                .col(ColumnDef::new(S::EndDeviceTime).string().null())
                .col(text_null(S::HandoverNote))
                .col(string(S::ScopePath))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_shifts_guard",
            shift::Entity,
            &[S::GuardId, S::StartedAt],
            false,
        )
        .await?;
        index(
            m,
            "idx_shifts_post",
            shift::Entity,
            &[S::PostId, S::EndedAt],
            false,
        )
        .await?;

        use shift_template::Column as T;
        m.create_table(
            Table::create()
                .table(shift_template::Entity)
                .if_not_exists()
                .col(uuid_pk(T::Id))
                .col(uuid_col(T::PostId))
                .col(string(T::Name))
                .col(int(T::StartMinute))
                .col(int(T::EndMinute))
                .col(int(T::MinStaff))
                .col(string(T::ScopePath))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_shift_templates_post",
            shift_template::Entity,
            &[T::PostId],
            false,
        )
        .await?;

        use checkin::Column as C;
        m.create_table(
            Table::create()
                .table(checkin::Entity)
                .if_not_exists()
                .col(uuid_pk(C::Id))
                .col(uuid_col(C::GuardId))
                .col(uuid_null(C::CheckpointId))
                .col(text(C::Code))
                .col(ColumnDef::new(C::Lat).double().null())
                .col(ColumnDef::new(C::Lon).double().null())
                .col(ColumnDef::new(C::Accuracy).double().null())
                .col(ts(C::DeviceTime))
                .col(ts(C::ServerTime))
                .col(string(C::Verdict))
                .col(string(C::Reasons))
                .col(text(C::Items))
                .col(string(C::BodyHash))
                .col(string(C::ScopePath))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_checkins_guard_time",
            checkin::Entity,
            &[C::GuardId, C::ServerTime],
            false,
        )
        .await?;
        index(
            m,
            "idx_checkins_scope",
            checkin::Entity,
            &[C::ScopePath],
            false,
        )
        .await?;

        use position::Column as P;
        m.create_table(
            Table::create()
                .table(position::Entity)
                .if_not_exists()
                .col(uuid_pk(P::Id))
                .col(uuid_col(P::GuardId))
                .col(double(P::Lat))
                .col(double(P::Lon))
                .col(double(P::Accuracy))
                .col(ts(P::DeviceTime))
                .col(ts(P::ServerTime))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_positions_guard_time",
            position::Entity,
            &[P::GuardId, P::ServerTime],
            false,
        )
        .await?;
        index(
            m,
            "idx_positions_time",
            position::Entity,
            &[P::ServerTime],
            false,
        )
        .await?;

        use submission::Column as Sb;
        m.create_table(
            Table::create()
                .table(submission::Entity)
                .if_not_exists()
                .col(uuid_pk(Sb::Id))
                .col(uuid_col(Sb::UserId))
                .col(string(Sb::Kind))
                .col(string(Sb::BodyHash))
                .col(int(Sb::Status))
                .col(text(Sb::Response))
                .col(ts(Sb::CreatedAt))
                .take(),
        )
        .await?;

        use alert::Column as A;
        m.create_table(
            Table::create()
                .table(alert::Entity)
                .if_not_exists()
                .col(uuid_pk(A::Id))
                .col(string(A::Kind))
                .col(string(A::State))
                .col(
                    ColumnDef::new(A::OpenKey)
                        .string()
                        .null()
                        .unique_key()
                        .take(),
                )
                .col(uuid_null(A::GuardId))
                .col(uuid_null(A::PostId))
                .col(uuid_col(A::UnitId))
                .col(string(A::ScopePath))
                .col(ts(A::RaisedAt))
                .col(ts_null(A::AckedAt))
                .col(ColumnDef::new(A::AckedBy).string().null())
                .col(ts_null(A::ResolvedAt))
                .col(ColumnDef::new(A::ResolvedBy).string().null())
                .col(text_null(A::ResolveNote))
                .col(boolean(A::Auto))
                .col(text(A::Reason))
                .take(),
        )
        .await?;
        index(m, "idx_alerts_scope", alert::Entity, &[A::ScopePath], false).await?;
        index(m, "idx_alerts_raised", alert::Entity, &[A::RaisedAt], false).await?;
        Ok(())
    }
}
