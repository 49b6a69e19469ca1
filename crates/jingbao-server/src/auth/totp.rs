//! Time-based one-time codes (RFC 6238) for the admin roles: setup, enabling, checking.

use chrono::{DateTime, Utc};
use totp_rs::{Algorithm, Secret, TOTP};

pub const ISSUER: &str = "Jingbao";

/// A fresh 160-bit secret, base32.
pub fn new_secret() -> String {
    let bytes: [u8; 20] = rand::random();
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

fn totp(secret_b32: &str, account: &str) -> Option<TOTP> {
    let raw = Secret::Encoded(secret_b32.to_string()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        raw,
        Some(ISSUER.to_string()),
        account.to_string(),
    )
    .ok()
}

pub fn otpauth_url(secret_b32: &str, account: &str) -> Option<String> {
    Some(totp(secret_b32, account)?.get_url())
}

/// Checks a code at `now`, accepting one step of drift either way.
pub fn check(secret_b32: &str, account: &str, code: &str, now: DateTime<Utc>) -> bool {
    let code = code.trim();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let Some(t) = totp(secret_b32, account) else {
        return false;
    };
    t.check(code, now.timestamp().max(0) as u64)
}

/// The code for `now` (tests and the setup page's self-check).
pub fn code_at(secret_b32: &str, account: &str, now: DateTime<Utc>) -> Option<String> {
    Some(totp(secret_b32, account)?.generate(now.timestamp().max(0) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_check() {
        let s = new_secret();
        let now = Utc::now();
        let c = code_at(&s, "admin", now).expect("code");
        assert!(check(&s, "admin", &c, now));
        assert!(check(&s, "admin", &c, now + chrono::Duration::seconds(25)));
        assert!(!check(
            &s,
            "admin",
            &c,
            now + chrono::Duration::seconds(400)
        ));
        assert!(!check(&s, "admin", "12345", now));
        assert!(otpauth_url(&s, "admin").is_some_and(|u| u.starts_with("otpauth://totp/")));
    }
}
