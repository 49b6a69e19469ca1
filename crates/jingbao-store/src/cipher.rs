//! Field encryption for personal data at rest (ID numbers, phones, TOTP secrets) behind a
//! trait, so a national algorithm (SM4) can be added beside AES-256-GCM.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD as B64;

/// Encrypts and decrypts one text field. Output is self-describing (`<alg>:<payload>`).
pub trait FieldCipher: Send + Sync {
    fn encrypt(&self, plain: &str) -> String;
    fn decrypt(&self, sealed: &str) -> Result<String, String>;
}

/// AES-256-GCM with a random 96-bit nonce per value: `a1:` + base64(nonce ‖ ciphertext).
pub struct Aes256GcmCipher {
    aead: Aes256Gcm,
}

impl Aes256GcmCipher {
    pub fn new(key: &[u8; 32]) -> Self {
        Aes256GcmCipher {
            aead: Aes256Gcm::new(key.into()),
        }
    }

    /// Parses a key given as 64 hex characters.
    pub fn from_hex(hex_key: &str) -> Result<Self, String> {
        let bytes = hex::decode(hex_key.trim()).map_err(|e| format!("key is not hex: {e}"))?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "key must be 32 bytes (64 hex characters)".to_string())?;
        Ok(Self::new(&key))
    }
}

const PREFIX: &str = "a1:";

impl FieldCipher for Aes256GcmCipher {
    fn encrypt(&self, plain: &str) -> String {
        let nonce_bytes: [u8; 12] = rand::random();
        let nonce = Nonce::from_slice(&nonce_bytes);
        // Encryption with a valid key and in-memory buffers cannot fail.
        let ct = self
            .aead
            .encrypt(nonce, plain.as_bytes())
            .unwrap_or_default();
        let mut out = Vec::with_capacity(12 + ct.len());
        out.extend_from_slice(&nonce_bytes);
        out.extend_from_slice(&ct);
        format!("{PREFIX}{}", B64.encode(out))
    }

    fn decrypt(&self, sealed: &str) -> Result<String, String> {
        let payload = sealed
            .strip_prefix(PREFIX)
            .ok_or_else(|| "unknown cipher prefix".to_string())?;
        let raw = B64.decode(payload).map_err(|e| e.to_string())?;
        if raw.len() < 12 + 16 {
            return Err("ciphertext too short".into());
        }
        let (nonce, ct) = raw.split_at(12);
        let plain = self
            .aead
            .decrypt(Nonce::from_slice(nonce), ct)
            .map_err(|_| "authentication failed".to_string())?;
        String::from_utf8(plain).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tamper() {
        let c = Aes256GcmCipher::new(&[7u8; 32]);
        let a = c.encrypt("330203199001011234");
        let b = c.encrypt("330203199001011234");
        assert_ne!(a, b, "nonces differ");
        assert!(!a.contains("1234"));
        assert_eq!(c.decrypt(&a).as_deref(), Ok("330203199001011234"));
        let mut t = a.into_bytes();
        let last = t.len() - 2;
        t[last] = if t[last] == b'A' { b'B' } else { b'A' };
        let t = String::from_utf8(t).expect("ascii");
        assert!(c.decrypt(&t).is_err());
        let other = Aes256GcmCipher::new(&[8u8; 32]);
        assert!(other.decrypt(&c.encrypt("x")).is_err());
    }
}
