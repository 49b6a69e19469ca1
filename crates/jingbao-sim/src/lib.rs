//! Jingbao demo data: a deterministic, seed-driven model of Ningbo's Southern Business
//! District (南部商务区) — organisation tree, grids, towers, linked units, guards,
//! checkpoints, staff accounts and registered enterprises.

pub mod district;
pub mod patrol;
pub mod transport;
pub use district::*;
