//! SeaORM entities: one file per table. The migration in `crate::migration` creates them.

pub mod audit_head;
pub mod audit_log;
pub mod building;
pub mod checkpoint;
pub mod company;
pub mod guard;
pub mod org_unit;
pub mod post;
pub mod session;
pub mod setting;
pub mod unit_building;
pub mod user;
