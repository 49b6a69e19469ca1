//! `jingbao audit verify`: walks the hash chain.

use crate::cli::DbArgs;
use crate::settings::FileSettings;
use anyhow::{Context, bail};
use jingbao_store::{Aes256GcmCipher, Store, VerifyOutcome};
use std::process::ExitCode;
use std::sync::Arc;

pub async fn verify(a: DbArgs, file: FileSettings) -> anyhow::Result<ExitCode> {
    let Some(url) = a.database_url.or(file.database_url) else {
        bail!("--database-url (or JINGBAO_DATABASE_URL) is required")
    };
    // Verification reads no encrypted field.
    let cipher = Arc::new(Aes256GcmCipher::new(&[0u8; 32]));
    let store = Store::connect(&url, cipher).await.context("connecting")?;
    match jingbao_store::audit::verify(store.db()).await? {
        VerifyOutcome::Intact { records } => {
            println!("audit chain intact: {records} records");
            Ok(ExitCode::SUCCESS)
        }
        VerifyOutcome::Broken { seq, reason } => {
            println!("audit chain broken at record {seq}: {reason}");
            Ok(ExitCode::from(1))
        }
    }
}
