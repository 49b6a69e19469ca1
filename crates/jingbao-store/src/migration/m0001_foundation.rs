//! Foundation tables: organisation, buildings, posts, checkpoints, companies, guards,
//! users, sessions, audit chain, settings.

use crate::entity::*;
use sea_orm::{EntityName, sea_query::Index};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

pub(crate) fn uuid_pk<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).uuid().not_null().primary_key().take()
}
pub(crate) fn uuid_col<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).uuid().not_null().take()
}
pub(crate) fn uuid_null<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).uuid().null().take()
}
pub(crate) fn text<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).text().not_null().take()
}
pub(crate) fn text_null<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).text().null().take()
}
pub(crate) fn string<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).string().not_null().take()
}
pub(crate) fn int<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).integer().not_null().take()
}
pub(crate) fn double<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).double().not_null().take()
}
pub(crate) fn boolean<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).boolean().not_null().take()
}
pub(crate) fn ts<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c)
        .timestamp_with_time_zone()
        .not_null()
        .take()
}
pub(crate) fn ts_null<C: IntoIden>(c: C) -> ColumnDef {
    ColumnDef::new(c).timestamp_with_time_zone().null().take()
}

pub(crate) async fn index<E: EntityName + IntoIden + Copy, C: IntoIden + Copy>(
    m: &SchemaManager<'_>,
    name: &str,
    table: E,
    cols: &[C],
    unique: bool,
) -> Result<(), DbErr> {
    let mut idx = Index::create();
    idx.name(name).table(table).if_not_exists();
    for c in cols {
        idx.col(*c);
    }
    if unique {
        idx.unique();
    }
    m.create_index(idx).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use org_unit::Column as O;
        m.create_table(
            Table::create()
                .table(org_unit::Entity)
                .if_not_exists()
                .col(uuid_pk(O::Id))
                .col(uuid_null(O::ParentId))
                .col(string(O::Kind))
                .col(string(O::Name))
                .col(string(O::Code).unique_key().take())
                .col(string(O::Path))
                .col(text_null(O::Boundary))
                .col(uuid_null(O::ManagerUserId))
                .col(ts(O::CreatedAt))
                .col(ts(O::UpdatedAt))
                .take(),
        )
        .await?;
        index(m, "idx_org_units_path", org_unit::Entity, &[O::Path], false).await?;
        index(
            m,
            "idx_org_units_parent",
            org_unit::Entity,
            &[O::ParentId],
            false,
        )
        .await?;

        use building::Column as B;
        m.create_table(
            Table::create()
                .table(building::Entity)
                .if_not_exists()
                .col(uuid_pk(B::Id))
                .col(string(B::Name))
                .col(string(B::Code).unique_key().take())
                .col(uuid_col(B::GridId))
                .col(string(B::ScopePath))
                .col(int(B::Phase))
                .col(string(B::Address))
                .col(double(B::HeightM))
                .col(int(B::Floors))
                .col(text(B::Footprint))
                .col(double(B::CenterLat))
                .col(double(B::CenterLon))
                .col(ts(B::CreatedAt))
                .col(ts(B::UpdatedAt))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_buildings_scope",
            building::Entity,
            &[B::ScopePath],
            false,
        )
        .await?;

        use unit_building::Column as UB;
        m.create_table(
            Table::create()
                .table(unit_building::Entity)
                .if_not_exists()
                .col(uuid_col(UB::UnitId))
                .col(uuid_col(UB::BuildingId))
                .primary_key(Index::create().col(UB::UnitId).col(UB::BuildingId))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_unit_buildings_building",
            unit_building::Entity,
            &[UB::BuildingId],
            false,
        )
        .await?;

        use post::Column as P;
        m.create_table(
            Table::create()
                .table(post::Entity)
                .if_not_exists()
                .col(uuid_pk(P::Id))
                .col(uuid_col(P::UnitId))
                .col(uuid_null(P::BuildingId))
                .col(string(P::Name))
                .col(int(P::MinStaff))
                .col(string(P::ScopePath))
                .col(ts(P::CreatedAt))
                .take(),
        )
        .await?;
        index(m, "idx_posts_unit", post::Entity, &[P::UnitId], false).await?;

        use checkpoint::Column as C;
        m.create_table(
            Table::create()
                .table(checkpoint::Entity)
                .if_not_exists()
                .col(uuid_pk(C::Id))
                .col(string(C::Name))
                .col(string(C::Code).unique_key().take())
                .col(uuid_col(C::BuildingId))
                .col(uuid_col(C::UnitId))
                .col(uuid_null(C::PostId))
                .col(double(C::Lat))
                .col(double(C::Lon))
                .col(double(C::RadiusM))
                .col(int(C::Floor))
                .col(boolean(C::Indoor))
                .col(string(C::ScopePath))
                .col(ts(C::CreatedAt))
                .col(ts(C::UpdatedAt))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_checkpoints_scope",
            checkpoint::Entity,
            &[C::ScopePath],
            false,
        )
        .await?;

        use company::Column as Co;
        m.create_table(
            Table::create()
                .table(company::Entity)
                .if_not_exists()
                .col(uuid_pk(Co::Id))
                .col(string(Co::Name))
                .col(string(Co::Kind))
                .col(string(Co::CreditCode))
                .col(uuid_null(Co::BuildingId))
                .col(ColumnDef::new(Co::Floor).integer().null())
                .col(ColumnDef::new(Co::Industry).string().null())
                .col(string(Co::ScopePath))
                .col(ts(Co::CreatedAt))
                .col(ts(Co::UpdatedAt))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_companies_scope",
            company::Entity,
            &[Co::ScopePath],
            false,
        )
        .await?;
        index(
            m,
            "idx_companies_credit_code",
            company::Entity,
            &[Co::CreditCode],
            true,
        )
        .await?;
        index(
            m,
            "idx_companies_building",
            company::Entity,
            &[Co::BuildingId],
            false,
        )
        .await?;

        use guard::Column as G;
        m.create_table(
            Table::create()
                .table(guard::Entity)
                .if_not_exists()
                .col(uuid_pk(G::Id))
                .col(string(G::Name))
                .col(string(G::Gender))
                .col(text(G::IdNumberEnc))
                .col(text(G::PhoneEnc))
                .col(string(G::LicenceNo))
                .col(string(G::LicenceExpiry))
                .col(uuid_null(G::EmployerCompanyId))
                .col(uuid_col(G::UnitId))
                .col(uuid_null(G::PostId))
                .col(uuid_col(G::GridId))
                .col(uuid_null(G::UserId))
                .col(string(G::Status))
                .col(boolean(G::TeamLeader))
                .col(string(G::ScopePath))
                .col(ts(G::CreatedAt))
                .col(ts(G::UpdatedAt))
                .take(),
        )
        .await?;
        index(m, "idx_guards_scope", guard::Entity, &[G::ScopePath], false).await?;
        index(m, "idx_guards_unit", guard::Entity, &[G::UnitId], false).await?;
        index(
            m,
            "idx_guards_licence",
            guard::Entity,
            &[G::LicenceNo],
            true,
        )
        .await?;

        use user::Column as U;
        m.create_table(
            Table::create()
                .table(user::Entity)
                .if_not_exists()
                .col(uuid_pk(U::Id))
                .col(string(U::Username).unique_key().take())
                .col(string(U::DisplayName))
                .col(text(U::PasswordHash))
                .col(string(U::Roles))
                .col(uuid_null(U::OrgUnitId))
                .col(uuid_null(U::DepartmentId))
                .col(uuid_null(U::GuardId))
                .col(string(U::ScopePath))
                .col(boolean(U::Disabled))
                .col(boolean(U::MustChangePassword))
                .col(boolean(U::MfaRequired))
                .col(text_null(U::TotpSecretEnc))
                .col(boolean(U::TotpEnabled))
                .col(int(U::FailedCount))
                .col(ts_null(U::WindowStartedAt))
                .col(ts_null(U::LockedUntil))
                .col(ts_null(U::LastLoginAt))
                .col(ts(U::CreatedAt))
                .col(ts(U::UpdatedAt))
                .take(),
        )
        .await?;
        index(m, "idx_users_scope", user::Entity, &[U::ScopePath], false).await?;

        use session::Column as S;
        m.create_table(
            Table::create()
                .table(session::Entity)
                .if_not_exists()
                .col(uuid_pk(S::Id))
                .col(string(S::TokenHash).unique_key().take())
                .col(uuid_col(S::UserId))
                .col(string(S::Kind))
                .col(string(S::CsrfToken))
                .col(ts(S::CreatedAt))
                .col(ts(S::LastSeenAt))
                .col(ts(S::ExpiresAt))
                .col(ColumnDef::new(S::IdleTimeoutSecs).big_integer().null())
                .col(string(S::Ip))
                .col(text(S::UserAgent))
                .col(ts_null(S::RevokedAt))
                .take(),
        )
        .await?;
        index(m, "idx_sessions_user", session::Entity, &[S::UserId], false).await?;

        use audit_log::Column as A;
        m.create_table(
            Table::create()
                .table(audit_log::Entity)
                .if_not_exists()
                .col(
                    ColumnDef::new(A::Seq)
                        .big_integer()
                        .not_null()
                        .primary_key(),
                )
                .col(string(A::Id))
                .col(string(A::At))
                .col(string(A::UserId))
                .col(string(A::Username))
                .col(string(A::Role))
                .col(string(A::Ip))
                .col(string(A::Action))
                .col(string(A::ObjectType))
                .col(string(A::ObjectId))
                .col(string(A::Result))
                .col(string(A::RequestId))
                .col(text(A::Detail))
                .col(string(A::PrevHash))
                .col(string(A::Hash))
                .take(),
        )
        .await?;
        index(m, "idx_audit_at", audit_log::Entity, &[A::At], false).await?;
        index(
            m,
            "idx_audit_action",
            audit_log::Entity,
            &[A::Action],
            false,
        )
        .await?;

        use audit_head::Column as AH;
        m.create_table(
            Table::create()
                .table(audit_head::Entity)
                .if_not_exists()
                .col(ColumnDef::new(AH::Id).integer().not_null().primary_key())
                .col(ColumnDef::new(AH::Seq).big_integer().not_null())
                .col(string(AH::Hash))
                .take(),
        )
        .await?;

        use setting::Column as St;
        m.create_table(
            Table::create()
                .table(setting::Entity)
                .if_not_exists()
                .col(ColumnDef::new(St::Key).string().not_null().primary_key())
                .col(text(St::Value))
                .col(ts(St::UpdatedAt))
                .take(),
        )
        .await?;

        // The chain head exists from the start; inserting it twice is a no-op.
        let insert = Query::insert()
            .into_table(audit_head::Entity)
            .columns([AH::Id, AH::Seq, AH::Hash])
            .values_panic([
                1.into(),
                0i64.into(),
                jingbao_domain::audit_chain::GENESIS.into(),
            ])
            .on_conflict(OnConflict::column(AH::Id).do_nothing().to_owned())
            .to_owned();
        m.exec_stmt(insert).await?;
        Ok(())
    }
}
