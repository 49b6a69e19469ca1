//! `WriteTx`: the only way to change data. It takes the SQLite write gate (one writer, no
//! SQLITE_BUSY), opens a transaction, and on commit appends the request's audit record to
//! the chain in the same transaction — if the audit write fails, the action fails.

use crate::StoreKind;
use crate::audit::{self, AuditEntry};
use crate::connect::Store;
use crate::error::Result;
use sea_orm::{DatabaseTransaction, TransactionTrait};
use tokio::sync::OwnedMutexGuard;

pub struct WriteTx {
    txn: DatabaseTransaction,
    _gate: Option<OwnedMutexGuard<()>>,
}

impl Store {
    /// Opens a write transaction.
    pub async fn write(&self) -> Result<WriteTx> {
        let gate = match self.kind() {
            StoreKind::Sqlite => Some(self.gate.clone().lock_owned().await),
            StoreKind::Postgres => None,
        };
        let txn = self.db().begin().await?;
        Ok(WriteTx { txn, _gate: gate })
    }

    /// Records an action that changes nothing else (a login failure, an export, a view of
    /// unmasked data): one audit record in its own transaction.
    pub async fn audit_only(&self, entry: AuditEntry) -> Result<i64> {
        self.write().await?.commit(entry).await
    }
}

impl WriteTx {
    pub fn conn(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// Appends one audit record without committing (group commits chain one record per
    /// request inside a single transaction).
    pub async fn audit(&self, entry: &AuditEntry) -> Result<i64> {
        audit::append(&self.txn, entry).await
    }

    /// Appends the audit record and commits; returns the record's sequence number.
    pub async fn commit(self, entry: AuditEntry) -> Result<i64> {
        let seq = audit::append(&self.txn, &entry).await?;
        self.txn.commit().await?;
        Ok(seq)
    }

    /// Commits bookkeeping that is not an action of anyone (a session's last-seen time, the
    /// purge of expired sessions): no audit record.
    pub async fn commit_unaudited(self) -> Result<()> {
        self.txn.commit().await?;
        Ok(())
    }

    /// Drops every change (the audit record included).
    pub async fn rollback(self) -> Result<()> {
        self.txn.rollback().await?;
        Ok(())
    }
}
