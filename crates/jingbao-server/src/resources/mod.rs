//! Handlers for the organisation and people resources, grouped one module per resource,
//! plus roles, audit, map and health.

pub mod audit;
pub mod buildings;
pub mod checkpoints;
pub mod common;
pub mod companies;
pub mod geojson;
pub mod guards;
pub mod health;
pub mod history;
pub mod map;
pub mod org_units;
pub mod roles;
pub mod users;
