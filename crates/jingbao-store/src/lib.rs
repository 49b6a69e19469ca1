//! Jingbao store: the database behind the platform. One SeaORM code base over SQLite
//! (embedded default) and PostgreSQL (many nodes); one migration set; every write runs in a
//! `WriteTx` that appends its audit record to the hash chain before it commits.

pub mod audit;
pub mod cipher;
pub mod connect;
pub mod entity;
pub mod error;
pub mod list;
pub mod migration;
pub mod repo;
pub mod scope;
pub mod testing;
pub mod write_tx;

pub use audit::{Actor, AuditEntry, AuditResult, VerifyOutcome};
pub use cipher::{Aes256GcmCipher, FieldCipher};
pub use connect::{Store, StoreKind};
pub use error::StoreError;
pub use list::{ListQuery, Page};
pub use write_tx::WriteTx;
