//! `jingbao migrate` and `jingbao seed-demo`.

use crate::cli::{DbArgs, SeedArgs};
use crate::cmd::demo::{demo_password_from, load_demo};
use crate::cmd::serve::open_store;
use crate::keys;
use crate::settings::{DEFAULT_DATA_DIR, FileSettings};
use anyhow::bail;
use std::path::PathBuf;
use std::process::ExitCode;

fn url(db: &DbArgs, file: &FileSettings) -> anyhow::Result<String> {
    match db
        .database_url
        .clone()
        .or_else(|| file.database_url.clone())
    {
        Some(u) => Ok(u),
        None => bail!("--database-url (or JINGBAO_DATABASE_URL) is required"),
    }
}

pub async fn migrate(a: DbArgs, file: FileSettings) -> anyhow::Result<ExitCode> {
    let url = url(&a, &file)?;
    // Migrations touch no encrypted field: any key will do.
    let key = hex::encode([0u8; 32]);
    let store = open_store(&url, &key).await?;
    println!("migrations applied ({})", store.kind().code());
    Ok(ExitCode::SUCCESS)
}

pub async fn seed_demo(a: SeedArgs, file: FileSettings) -> anyhow::Result<ExitCode> {
    let url = url(&a.db, &file)?;
    let dir = a
        .data_dir
        .clone()
        .or(file.data_dir.clone())
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
    let key = keys::field_key(a.field_key.as_deref().or(file.field_key.as_deref()), &dir)?;
    let password = match demo_password_from(a.demo_password.as_deref(), None) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{msg}");
            return Ok(ExitCode::from(2));
        }
    };
    let store = open_store(&url, &key).await?;
    let loaded = load_demo(&store, &password).await?;
    println!(
        "{}",
        if loaded {
            "demo district loaded"
        } else {
            "demo district already present; passwords updated"
        }
    );
    println!("demo password: {password}");
    Ok(ExitCode::SUCCESS)
}
