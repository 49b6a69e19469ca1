//! Effective settings: flags and environment (already merged by clap) over the TOML file
//! over defaults; and their redacted rendering for `print-config`.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The settings file's shape (every key optional).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    pub database_url: Option<String>,
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub field_key: Option<String>,
    pub node_id: Option<String>,
    pub display_ip_ranges: Option<String>,
    pub secure_cookies: Option<bool>,
    pub officer_totp: Option<bool>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub tile_url: Option<String>,
    pub notify_webhook: Option<String>,
    pub nats_url: Option<String>,
}

pub fn load_file(path: Option<&Path>) -> anyhow::Result<FileSettings> {
    let Some(p) = path else {
        return Ok(FileSettings::default());
    };
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("reading settings file {}", p.display()))?;
    toml::from_str(&text).with_context(|| format!("parsing settings file {}", p.display()))
}

/// The merged settings a server runs with.
#[derive(Debug, Clone, Serialize)]
pub struct Effective {
    pub database_url: Option<String>,
    pub listen: String,
    pub data_dir: PathBuf,
    pub field_key: Option<String>,
    pub node_id: String,
    pub display_ip_ranges: String,
    pub secure_cookies: bool,
    pub officer_totp: bool,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub tile_url: Option<String>,
    pub notify_webhook: Option<String>,
    pub nats_url: Option<String>,
}

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DATA_DIR: &str = "./jingbao-data";

pub fn merge(
    db: Option<String>,
    c: &crate::cli::CommonServe,
    data_dir: Option<PathBuf>,
    f: FileSettings,
) -> Effective {
    Effective {
        database_url: db.or(f.database_url),
        listen: c
            .listen
            .clone()
            .or(f.listen)
            .unwrap_or_else(|| DEFAULT_LISTEN.into()),
        data_dir: data_dir
            .or(f.data_dir)
            .unwrap_or_else(|| DEFAULT_DATA_DIR.into()),
        field_key: c.field_key.clone().or(f.field_key),
        node_id: c
            .node_id
            .clone()
            .or(f.node_id)
            .unwrap_or_else(|| "node-1".into()),
        display_ip_ranges: c
            .display_ip_ranges
            .clone()
            .or(f.display_ip_ranges)
            .unwrap_or_else(|| "127.0.0.0/8,::1/128".into()),
        secure_cookies: c.secure_cookies.or(f.secure_cookies).unwrap_or(false)
            || c.tls_cert.is_some()
            || f.tls_cert.is_some(),
        officer_totp: c.officer_totp.or(f.officer_totp).unwrap_or(false),
        tls_cert: c.tls_cert.clone().or(f.tls_cert),
        tls_key: c.tls_key.clone().or(f.tls_key),
        tile_url: c.tile_url.clone().or(f.tile_url),
        notify_webhook: c.notify_webhook.clone().or(f.notify_webhook),
        nats_url: c.nats_url.clone().or(f.nats_url),
    }
}

/// Hides the password inside a database URL.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

impl Effective {
    pub fn redacted(&self) -> Effective {
        let mut e = self.clone();
        e.database_url = e.database_url.as_deref().map(redact_url);
        e.field_key = e.field_key.as_ref().map(|_| "***".into());
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts() {
        assert_eq!(
            redact_url("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact_url("sqlite://./x.db"), "sqlite://./x.db");
    }

    #[test]
    fn flags_beat_file() {
        let c = crate::cli::CommonServe {
            listen: Some("0.0.0.0:1".into()),
            ..Default::default()
        };
        let f = FileSettings {
            listen: Some("1.2.3.4:5".into()),
            node_id: Some("n9".into()),
            ..Default::default()
        };
        let e = merge(None, &c, None, f);
        assert_eq!(e.listen, "0.0.0.0:1");
        assert_eq!(e.node_id, "n9");
        assert_eq!(e.data_dir, PathBuf::from(DEFAULT_DATA_DIR));
    }
}
