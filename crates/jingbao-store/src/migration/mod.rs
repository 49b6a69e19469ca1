//! The one migration set for SQLite and PostgreSQL (sea-orm-migration). Migrations are
//! append-only: never edit a released one, add a new file.

use sea_orm_migration::prelude::*;

mod m0001_foundation;
mod m0002_audit_object_index;
mod m0003_patrol;
mod m0004_patrol_routes;
mod m0005_directives;
mod m0006_bulletins;
mod m0007_interviews;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_foundation::Migration),
            Box::new(m0002_audit_object_index::Migration),
            Box::new(m0003_patrol::Migration),
            Box::new(m0004_patrol_routes::Migration),
            Box::new(m0005_directives::Migration),
            Box::new(m0006_bulletins::Migration),
            Box::new(m0007_interviews::Migration),
        ]
    }
}
