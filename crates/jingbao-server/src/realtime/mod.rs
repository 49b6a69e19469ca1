//! The real-time channel: one hub per node fanning events out to WebSocket connections
//! (`/api/ws`), each limited to its subscriber's topics and data scope. Single-use tickets let
//! a page open the socket without exposing its session token.

pub mod bus;
pub mod hub;
pub mod socket;

pub use hub::{Event, Hub};
