//! Server integration tests: the real router in process (`app(state)`) on SQLite and
//! PostgreSQL, with a manual clock and the two-station fixture.

mod ack_tests;
mod audit_trail;
mod auth;
mod authz_matrix;
mod bad_input;
mod cluster;
mod directives;
mod office_files;
mod openapi;
mod patrol;
mod plans;
mod presence;
mod realtime;
mod resources;
mod support;
