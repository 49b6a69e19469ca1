//! Patrol and presence: signed checkpoint codes, shifts, check-ins, positions, live state,
//! electronic fences and alerts.

pub mod alerts;
pub mod boot;
pub mod checkins;
pub mod codes;
pub mod group_commit;
pub mod idempotency;
pub mod live;
pub mod plans;
pub mod positions;
pub mod presence;
pub mod qr_png;
pub mod route;
pub mod shifts;
pub mod templates;
