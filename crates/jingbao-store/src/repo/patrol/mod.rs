//! Repositories of patrol and presence: checkpoint keys, shifts and templates, check-ins,
//! positions, idempotent submissions, alerts.

pub mod alerts;
pub mod checkins;
pub mod keys;
pub mod positions;
pub mod routes;
pub mod shifts;
pub mod submissions;
