//! Filling a database: the demo district, the first administrator of a new installation,
//! and the compact two-station fixture the tests use.

pub mod bootstrap;
pub mod demo;
pub mod fixture;
pub mod rows;
