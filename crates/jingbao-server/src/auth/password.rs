//! Argon2id password hashing off the async runtime (`spawn_blocking`).

use crate::config::HashProfile;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

fn hasher(profile: HashProfile) -> Argon2<'static> {
    let params = match profile {
        HashProfile::Production => Params::new(19 * 1024, 2, 1, None),
        HashProfile::TestCheap => Params::new(64, 1, 1, None),
    }
    .expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes synchronously (seeding uses this once for every demo account).
pub fn hash_blocking(profile: HashProfile, password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    hasher(profile)
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .expect("hashing into memory cannot fail")
}

pub async fn hash(profile: HashProfile, password: String) -> String {
    tokio::task::spawn_blocking(move || hash_blocking(profile, &password))
        .await
        .expect("hash task does not panic")
}

/// Verifies with the parameters stored in the hash itself.
pub async fn verify(hash: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || match PasswordHash::new(&hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    })
    .await
    .unwrap_or(false)
}

/// A hash to verify against when the username is unknown, so timing does not reveal which
/// usernames exist.
pub fn dummy_hash(profile: HashProfile) -> &'static str {
    static PROD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    static CHEAP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    match profile {
        HashProfile::Production => {
            PROD.get_or_init(|| hash_blocking(profile, "not-a-real-password-1A!"))
        }
        HashProfile::TestCheap => {
            CHEAP.get_or_init(|| hash_blocking(profile, "not-a-real-password-1A!"))
        }
    }
}
