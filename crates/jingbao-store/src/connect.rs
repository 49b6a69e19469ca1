//! Opening the store: SQLite (WAL, synchronous=FULL, busy timeout, foreign keys) or
//! PostgreSQL, chosen from the URL; migrations under a lock; the SQLite write gate.

use crate::cipher::FieldCipher;
use crate::error::Result;
use crate::migration::Migrator;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
    TransactionTrait,
};
use sea_orm_migration::MigratorTrait;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreKind {
    Sqlite,
    Postgres,
}

impl StoreKind {
    pub fn code(self) -> &'static str {
        match self {
            StoreKind::Sqlite => "sqlite",
            StoreKind::Postgres => "postgres",
        }
    }
}

/// A handle on the database, cheap to clone.
#[derive(Clone)]
pub struct Store {
    db: DatabaseConnection,
    kind: StoreKind,
    /// SQLite has one writer: writes queue here instead of failing with SQLITE_BUSY.
    pub(crate) gate: Arc<Mutex<()>>,
    cipher: Arc<dyn FieldCipher>,
}

/// Turns `sqlite://PATH` (or `sqlite:PATH`) into the form sqlx expects, creating the file.
fn sqlite_url(url: &str) -> String {
    if url.contains(":memory:") || url.contains("mode=memory") {
        return url.to_string();
    }
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let path = path.split('?').next().unwrap_or(path);
    format!("sqlite://{path}?mode=rwc")
}

impl Store {
    /// Connects to `sqlite://PATH`, `sqlite::memory:` or `postgres://…`.
    pub async fn connect(url: &str, cipher: Arc<dyn FieldCipher>) -> Result<Store> {
        let (kind, real_url) = if url.starts_with("sqlite:") {
            (StoreKind::Sqlite, sqlite_url(url))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (StoreKind::Postgres, url.to_string())
        } else {
            return Err(crate::StoreError::Invalid {
                field: "database_url".into(),
                reason: "expected sqlite://PATH or postgres://…".into(),
            });
        };
        let memory = real_url.contains(":memory:") || real_url.contains("mode=memory");
        let mut opts = ConnectOptions::new(real_url);
        opts.sqlx_logging(false)
            .connect_timeout(Duration::from_secs(10))
            .acquire_timeout(Duration::from_secs(30));
        match kind {
            StoreKind::Sqlite => {
                // An in-memory database lives in its one connection; never recycle it.
                opts.max_connections(if memory { 1 } else { 8 })
                    .min_connections(1)
                    .map_sqlx_sqlite_opts(|o| {
                        o.journal_mode(SqliteJournalMode::Wal)
                            .synchronous(SqliteSynchronous::Full)
                            .busy_timeout(Duration::from_secs(10))
                            .foreign_keys(true)
                            .create_if_missing(true)
                    })
                    .map_sqlx_sqlite_pool_opts(|o| o.idle_timeout(None).max_lifetime(None));
            }
            StoreKind::Postgres => {
                opts.max_connections(16).min_connections(1);
            }
        }
        let db = Database::connect(opts).await?;
        Ok(Store {
            db,
            kind,
            gate: Arc::new(Mutex::new(())),
            cipher,
        })
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    pub fn kind(&self) -> StoreKind {
        self.kind
    }

    pub fn cipher(&self) -> &dyn FieldCipher {
        self.cipher.as_ref()
    }

    /// Runs pending migrations; safe to run twice and from several nodes at once (an
    /// advisory lock serialises PostgreSQL nodes; SQLite has one process).
    pub async fn migrate(&self) -> Result<()> {
        match self.kind {
            StoreKind::Sqlite => {
                let _g = self.gate.lock().await;
                Migrator::up(&self.db, None).await?;
            }
            StoreKind::Postgres => {
                // One transaction holds a transaction-scoped advisory lock and runs every
                // pending migration (PostgreSQL DDL is transactional), so a second node
                // waits, then finds nothing left to do.
                let txn = self.db.begin().await?;
                txn.execute_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock(7270411)",
                ))
                .await?;
                Migrator::up(&txn, None).await?;
                txn.commit().await?;
            }
        }
        Ok(())
    }

    /// A cheap liveness probe.
    pub async fn ping(&self) -> Result<()> {
        self.db.ping().await?;
        Ok(())
    }
}
