//! Session tokens: 256 random bits, base64url; only their SHA-256 is stored.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "jingbao_session";

pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time independent of where they differ.
pub fn ct_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS).
pub fn set_cookie(token: &str, secure: bool, max_age_secs: Option<i64>) -> String {
    let mut c = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age_secs {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

pub fn clear_cookie(secure: bool) -> String {
    set_cookie("", secure, Some(0))
}

/// The session token of a request: the cookie, or an `Authorization: Bearer` header.
pub fn from_headers(h: &http::HeaderMap) -> Option<(String, bool)> {
    if let Some(v) = h
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        && let Some(t) = v
            .strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
    {
        return Some((t.trim().to_string(), false));
    }
    for v in h.get_all(http::header::COOKIE) {
        let Ok(s) = v.to_str() else { continue };
        for part in s.split(';') {
            if let Some(t) = part.trim().strip_prefix(&format!("{COOKIE}="))
                && !t.is_empty()
            {
                return Some((t.to_string(), true));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let a = new_token();
        assert_ne!(a, new_token());
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert!(ct_eq("abc", "abc"));
        assert!(!ct_eq("abc", "abd"));
        assert!(!ct_eq("abc", "ab"));
        let mut h = http::HeaderMap::new();
        h.insert(
            http::header::COOKIE,
            "x=1; jingbao_session=tok; y=2".parse().expect("hdr"),
        );
        assert_eq!(from_headers(&h), Some(("tok".into(), true)));
        h.insert(
            http::header::AUTHORIZATION,
            "Bearer abc".parse().expect("hdr"),
        );
        assert_eq!(from_headers(&h), Some(("abc".into(), false)));
    }
}
