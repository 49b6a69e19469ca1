//! Test databases: a fresh in-memory SQLite per test, or (when `JINGBAO_TEST_PG_URL` is set)
//! a fresh PostgreSQL database cloned from a migrated template, so no test migrates or
//! shares data. With `CI=true` a missing PostgreSQL URL is an error, never a skip.

use crate::cipher::Aes256GcmCipher;
use crate::connect::Store;
use crate::migration::Migrator;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use sea_orm_migration::MigratorTrait;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use tokio::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server URL for tests; None locally when unset (the test then does not
/// run), a panic under `CI=true`.
pub fn pg_url() -> Option<String> {
    match std::env::var("JINGBAO_TEST_PG_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but JINGBAO_TEST_PG_URL is not set: PostgreSQL tests must run in CI")
        }
        _ => None,
    }
}

pub fn test_cipher() -> Arc<Aes256GcmCipher> {
    Arc::new(Aes256GcmCipher::new(&[42u8; 32]))
}

fn with_db(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let root = match base.rfind('/') {
        Some(i) if base[..i].contains("://") && i > base.find("://").unwrap_or(0) + 2 => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{root}/{db}?{q}"),
        None => format!("{root}/{db}"),
    }
}

static TEMPLATE: Mutex<Option<String>> = Mutex::const_new(None);

/// Creates (once per process, under a server-wide advisory lock) the migrated template.
async fn template(url: &str) -> String {
    let mut guard = TEMPLATE.lock().await;
    if let Some(t) = guard.as_ref() {
        return t.clone();
    }
    let names: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    let tag = &hex::encode(Sha256::digest(names.join(",").as_bytes()))[..12];
    let name = format!("jingbao_tpl_{tag}");
    let admin = Database::connect(url)
        .await
        .expect("connect to the PostgreSQL test server");
    let exec = |sql: String| Statement::from_string(DbBackend::Postgres, sql);
    admin
        .execute_raw(exec("SELECT pg_advisory_lock(7270412)".into()))
        .await
        .expect("lock");
    let exists = admin
        .query_one_raw(exec(format!(
            "SELECT 1 AS x FROM pg_database WHERE datname = '{name}'"
        )))
        .await
        .expect("query")
        .is_some();
    if !exists {
        let building = format!("{name}_building");
        let _ = admin
            .execute_raw(exec(format!("DROP DATABASE IF EXISTS \"{building}\"")))
            .await;
        admin
            .execute_raw(exec(format!("CREATE DATABASE \"{building}\"")))
            .await
            .expect("create template");
        {
            let db = Database::connect(with_db(url, &building))
                .await
                .expect("connect template");
            Migrator::up(&db, None).await.expect("migrate template");
            db.close().await.expect("close template");
        }
        admin
            .execute_raw(exec(format!(
                "ALTER DATABASE \"{building}\" RENAME TO \"{name}\""
            )))
            .await
            .expect("rename template");
    }
    admin
        .execute_raw(exec("SELECT pg_advisory_unlock(7270412)".into()))
        .await
        .expect("unlock");
    admin.close().await.ok();
    *guard = Some(name.clone());
    name
}

/// A fresh store. `None` only for PostgreSQL outside CI without a URL.
pub async fn fresh_store(b: Backend) -> Option<Store> {
    match b {
        Backend::Sqlite => {
            let s = Store::connect("sqlite::memory:", test_cipher())
                .await
                .expect("sqlite memory");
            s.migrate().await.expect("migrate");
            Some(s)
        }
        Backend::Postgres => {
            let url = pg_url()?;
            let tpl = template(&url).await;
            let name = format!("jt_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(&url).await.expect("connect");
            let _g = TEMPLATE.lock().await;
            admin
                .execute_raw(Statement::from_string(
                    DbBackend::Postgres,
                    format!("CREATE DATABASE \"{name}\" TEMPLATE \"{tpl}\""),
                ))
                .await
                .expect("clone template");
            admin.close().await.ok();
            let s = Store::connect(&with_db(&url, &name), test_cipher())
                .await
                .expect("connect clone");
            Some(s)
        }
    }
}

/// Runs `$body` (an async block using `store`) on SQLite and, when available, PostgreSQL.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, |$store:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            async fn case($store: $crate::Store) $body
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let s = $crate::testing::fresh_store($crate::testing::Backend::Sqlite).await.expect("sqlite");
                case(s).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(s) = $crate::testing::fresh_store($crate::testing::Backend::Postgres).await {
                    case(s).await;
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::with_db;

    #[test]
    fn database_in_url() {
        assert_eq!(
            with_db("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_db("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }
}
