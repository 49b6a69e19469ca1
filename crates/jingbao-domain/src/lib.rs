//! Jingbao domain: the types and rules of the platform, free of IO and of the clock
//! (every rule that needs the time takes `now` as a parameter).

pub mod ack_score;
pub mod audit_chain;
pub mod checkin;
pub mod lockout;
pub mod masking;
pub mod org;
pub mod password_policy;
pub mod patrol_plan;
pub mod permission;
pub mod presence;
pub mod role;
pub mod scope;

pub use org::OrgKind;
pub use permission::Permission;
pub use role::Role;
pub use scope::DataScope;
