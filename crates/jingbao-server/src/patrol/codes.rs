//! Checkpoint codes: the QR payload `JB1.<kid>.<checkpoint>.<mac>` (HMAC-SHA256 with a key
//! kept encrypted in the database, so every node and every restart accepts printed plates)
//! and the manual code `<checkpoint code>-<6 digits>` printed under it. A retired key stays
//! valid for 30 days.

use crate::state::AppState;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use jingbao_domain::checkin::CodeCheck;
use jingbao_store::entity::{checkpoint, checkpoint_key};
use jingbao_store::repo::patrol::keys;
use jingbao_store::{Store, StoreError};
use sha2::Sha256;
use uuid::Uuid;

pub const RETIRED_GRACE_DAYS: i64 = 30;

fn mac(secret: &[u8], msg: &str) -> Vec<u8> {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    m.update(msg.as_bytes());
    m.finalize().into_bytes().to_vec()
}

fn secret_of(store: &Store, k: &checkpoint_key::Model) -> Result<Vec<u8>, StoreError> {
    let hex_secret = store
        .cipher()
        .decrypt(&k.secret_enc)
        .map_err(StoreError::Cipher)?;
    hex::decode(hex_secret).map_err(|e| StoreError::Cipher(e.to_string()))
}

/// The active key, created on first use (in its own audited transaction).
pub async fn active_key(st: &AppState) -> Result<checkpoint_key::Model, StoreError> {
    if let Some(k) = keys::active(st.store.db()).await? {
        return Ok(k);
    }
    rotate(st, "system").await
}

/// Retires the active key and creates a new one; returns the new key.
pub async fn rotate(st: &AppState, by: &str) -> Result<checkpoint_key::Model, StoreError> {
    let now = st.now();
    let n = keys::count(st.store.db()).await?;
    let secret: [u8; 32] = rand::random();
    let k = checkpoint_key::Model {
        kid: format!("k{}", n + 1),
        secret_enc: st.store.cipher().encrypt(&hex::encode(secret)),
        created_at: now,
        retired_at: None,
    };
    let tx = st.store.write().await?;
    keys::retire_all(tx.conn(), now).await?;
    jingbao_store::repo::common::insert::<checkpoint_key::Entity, _>(tx.conn(), k.clone()).await?;
    let actor = jingbao_store::Actor {
        username: by.to_string(),
        ..Default::default()
    };
    tx.commit(
        jingbao_store::AuditEntry::new(now, &actor, "checkpoint_key.rotate", "checkpoint_key")
            .object(&k.kid),
    )
    .await?;
    Ok(k)
}

/// The printed payload and manual code of a checkpoint under `key`.
pub fn plate(
    store: &Store,
    key: &checkpoint_key::Model,
    cp: &checkpoint::Model,
) -> Result<(String, String), StoreError> {
    let secret = secret_of(store, key)?;
    let body = format!("JB1.{}.{}", key.kid, cp.id.simple());
    let sig = URL_SAFE_NO_PAD.encode(&mac(&secret, &body)[..16]);
    Ok((format!("{body}.{sig}"), manual_code(&secret, cp)))
}

fn manual_code(secret: &[u8], cp: &checkpoint::Model) -> String {
    let m = mac(secret, &format!("manual:{}", cp.id.simple()));
    let n = u32::from_be_bytes([m[0], m[1], m[2], m[3]]) % 1_000_000;
    format!("{}-{n:06}", cp.code)
}

/// What a scanned or typed code says.
pub enum Scanned {
    /// A QR payload naming a checkpoint id.
    Qr {
        kid: String,
        checkpoint: Uuid,
        body: String,
        sig: String,
    },
    /// A manual code naming a checkpoint code.
    Manual {
        checkpoint_code: String,
        digits: String,
    },
    Garbage,
}

pub fn parse(code: &str) -> Scanned {
    let code = code.trim();
    let parts: Vec<&str> = code.split('.').collect();
    if parts.len() == 4 && parts[0] == "JB1" {
        if let Ok(id) = Uuid::parse_str(parts[2]) {
            return Scanned::Qr {
                kid: parts[1].into(),
                checkpoint: id,
                body: parts[..3].join("."),
                sig: parts[3].into(),
            };
        }
        return Scanned::Garbage;
    }
    if let Some((cp, digits)) = code.rsplit_once('-')
        && digits.len() == 6
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !cp.is_empty()
    {
        return Scanned::Manual {
            checkpoint_code: cp.to_string(),
            digits: digits.to_string(),
        };
    }
    Scanned::Garbage
}

fn key_usable(k: &checkpoint_key::Model, now: DateTime<Utc>) -> bool {
    k.retired_at
        .is_none_or(|r| now - r <= Duration::days(RETIRED_GRACE_DAYS))
}

/// Checks a QR payload's signature.
pub async fn check_qr(
    st: &AppState,
    kid: &str,
    body: &str,
    sig: &str,
) -> Result<CodeCheck, StoreError> {
    let Some(k) = keys::by_kid(st.store.db(), kid).await? else {
        return Ok(CodeCheck::UnknownKey);
    };
    let secret = secret_of(&st.store, &k)?;
    let want = URL_SAFE_NO_PAD.encode(&mac(&secret, body)[..16]);
    if !crate::auth::token::ct_eq(&want, sig) {
        return Ok(CodeCheck::BadSignature);
    }
    Ok(if key_usable(&k, st.now()) {
        CodeCheck::Good
    } else {
        CodeCheck::KeyRetired
    })
}

/// Checks a manual code against every key (newest first).
pub async fn check_manual(
    st: &AppState,
    cp: &checkpoint::Model,
    digits: &str,
) -> Result<CodeCheck, StoreError> {
    use sea_orm::{EntityTrait, QueryOrder};
    let all = checkpoint_key::Entity::find()
        .order_by_desc(checkpoint_key::Column::CreatedAt)
        .all(st.store.db())
        .await?;
    for k in all {
        let secret = secret_of(&st.store, &k)?;
        let want = manual_code(&secret, cp);
        if want
            .rsplit_once('-')
            .is_some_and(|(_, d)| crate::auth::token::ct_eq(d, digits))
        {
            return Ok(if key_usable(&k, st.now()) {
                CodeCheck::Good
            } else {
                CodeCheck::KeyRetired
            });
        }
    }
    Ok(CodeCheck::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        let id = Uuid::from_u128(7);
        match parse(&format!("JB1.k1.{}.abc", id.simple())) {
            Scanned::Qr {
                kid, checkpoint, ..
            } => assert_eq!((kid.as_str(), checkpoint), ("k1", id)),
            _ => panic!("qr"),
        }
        assert!(matches!(parse("CP001-123456"), Scanned::Manual { .. }));
        assert!(
            matches!(parse("FX-CPa1-000001"), Scanned::Manual { ref checkpoint_code, .. } if checkpoint_code == "FX-CPa1")
        );
        assert!(matches!(parse("CP001-12345"), Scanned::Garbage));
        assert!(matches!(parse("hello"), Scanned::Garbage));
        assert!(matches!(parse("JB1.k1.nope.abc"), Scanned::Garbage));
    }
}
