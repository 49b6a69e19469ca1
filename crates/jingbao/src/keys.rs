//! The field-encryption key: given explicitly, or kept in `<data dir>/field.key` (created on
//! first start with 0600 permissions). Several nodes must share one key.

use anyhow::{Context, bail};
use std::path::Path;

pub fn ensure_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

pub fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// The key as 64 hex characters.
pub fn field_key(explicit: Option<&str>, data_dir: &Path) -> anyhow::Result<String> {
    if let Some(k) = explicit {
        if k.len() != 64 || hex::decode(k).is_err() {
            bail!("the field key must be 64 hex characters");
        }
        return Ok(k.to_string());
    }
    let path = data_dir.join("field.key");
    if path.exists() {
        let k = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        return Ok(k.trim().to_string());
    }
    ensure_dir(data_dir)?;
    let bytes: [u8; 32] = rand::random();
    let k = hex::encode(bytes);
    write_private(&path, &k)?;
    Ok(k)
}
