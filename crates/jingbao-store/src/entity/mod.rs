//! SeaORM entities: one file per table. The migration in `crate::migration` creates them.

pub mod alert;
pub mod audit_head;
pub mod audit_log;
pub mod building;
pub mod bulletin;
pub mod checkin;
pub mod checkpoint;
pub mod checkpoint_key;
pub mod company;
pub mod counter;
pub mod directive;
pub mod directive_recipient;
pub mod guard;
pub mod interview;
pub mod org_unit;
pub mod patrol_route;
pub mod position;
pub mod post;
pub mod session;
pub mod setting;
pub mod shift;
pub mod shift_template;
pub mod submission;
pub mod unit_building;
pub mod user;
