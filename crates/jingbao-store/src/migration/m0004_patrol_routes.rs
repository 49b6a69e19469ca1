//! Patrol routes.

use super::m0001_foundation::{index, int, string, text, ts, uuid_col, uuid_pk};
use crate::entity::patrol_route;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use patrol_route::Column as R;
        m.create_table(
            Table::create()
                .table(patrol_route::Entity)
                .if_not_exists()
                .col(uuid_pk(R::Id))
                .col(uuid_col(R::UnitId))
                .col(string(R::Name))
                .col(text(R::CheckpointIds))
                .col(int(R::EveryMinutes))
                .col(int(R::WindowStart))
                .col(int(R::WindowEnd))
                .col(string(R::ScopePath))
                .col(ts(R::CreatedAt))
                .col(ts(R::UpdatedAt))
                .take(),
        )
        .await?;
        index(
            m,
            "idx_patrol_routes_scope",
            patrol_route::Entity,
            &[R::ScopePath],
            false,
        )
        .await
    }
}
