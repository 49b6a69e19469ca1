//! Authentication and sessions: password hashing, session tokens, the `Caller` extractor
//! (session → user → roles → data scope, CSRF, idle timeouts), and the auth routes.

pub mod caller;
pub mod login;
pub mod me;
pub mod password;
pub mod sessions;
pub mod token;
pub mod totp;
