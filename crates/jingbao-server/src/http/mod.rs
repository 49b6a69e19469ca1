//! HTTP plumbing: errors and their envelope, language, extractors, security headers,
//! request context.

pub mod context;
pub mod envelope;
pub mod error;
pub mod extract;
pub mod headers;
pub mod lang;
