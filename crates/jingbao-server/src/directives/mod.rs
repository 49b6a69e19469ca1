//! Directives (每周指令): issuing to targeted guards through their outbox, live delivery and
//! catch-up, sign-for and feedback, the ack board, and the escalation ladder.

pub mod ack_tests;
pub mod board;
pub mod bulletins;
pub mod deliver;
pub mod escalate;
pub mod guard;
pub mod interviews;
pub mod issue;
pub mod notify;
pub mod view;
