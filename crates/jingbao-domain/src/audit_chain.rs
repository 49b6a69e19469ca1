//! The audit hash chain: each record's hash covers its canonical content and the previous
//! record's hash, so an edit, a deletion or a reorder breaks the chain at that record.

use sha2::{Digest, Sha256};

/// The hash that precedes the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of an audit record that the hash covers, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditContent<'a> {
    pub seq: i64,
    pub id: &'a str,
    pub at: &'a str,
    pub user_id: &'a str,
    pub username: &'a str,
    pub role: &'a str,
    pub ip: &'a str,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: &'a str,
    pub result: &'a str,
    pub request_id: &'a str,
    pub detail: &'a str,
}

/// hash = SHA-256(prev_hash ‖ each field length-prefixed), hex.
pub fn record_hash(prev_hash: &str, c: &AuditContent<'_>) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    let seq = c.seq.to_string();
    for field in [
        seq.as_str(),
        c.id,
        c.at,
        c.user_id,
        c.username,
        c.role,
        c.ip,
        c.action,
        c.object_type,
        c.object_id,
        c.result,
        c.request_id,
        c.detail,
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex::encode(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(seq: i64, action: &str) -> AuditContent<'_> {
        AuditContent {
            seq,
            id: "id",
            at: "2026-11-23T00:00:00Z",
            user_id: "u",
            username: "officer",
            role: "command_officer",
            ip: "127.0.0.1",
            action,
            object_type: "guard",
            object_id: "g",
            result: "ok",
            request_id: "r",
            detail: "{}",
        }
    }

    #[test]
    fn any_field_change_changes_the_hash() {
        let a = record_hash(GENESIS, &content(1, "guard.update"));
        assert_eq!(a, record_hash(GENESIS, &content(1, "guard.update")));
        assert_ne!(a, record_hash(GENESIS, &content(1, "guard.updatf")));
        assert_ne!(a, record_hash(GENESIS, &content(2, "guard.update")));
        assert_ne!(a, record_hash(&a, &content(1, "guard.update")));
    }

    #[test]
    fn field_boundaries_are_unambiguous() {
        let mut x = content(1, "ab");
        x.object_type = "c";
        let mut y = content(1, "a");
        y.object_type = "bc";
        assert_ne!(record_hash(GENESIS, &x), record_hash(GENESIS, &y));
    }
}
