//! Exactly once from the field: hashing a submission's body (without `sent_at`), replaying
//! the first reply to a retry, and refusing a reused id with a different body.

use crate::http::error::ApiError;
use http::StatusCode;
use jingbao_store::entity::submission;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// SHA-256 of the canonical JSON of `body` without its `sent_at` field.
pub fn body_hash(body: &serde_json::Value) -> String {
    let mut v = body.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("sent_at");
    }
    hex::encode(Sha256::digest(v.to_string().as_bytes()))
}

pub fn conflict() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "idempotency_conflict",
        "该编号已用于另一项提交",
        "This id was already used for a different submission",
    )
}

/// The stored reply when `existing` is the same submission by the same user; 409 otherwise.
pub fn replay(
    existing: &submission::Model,
    user: Uuid,
    hash: &str,
) -> Result<(StatusCode, serde_json::Value), ApiError> {
    if existing.user_id != user || existing.body_hash != hash {
        return Err(conflict());
    }
    let status = StatusCode::from_u16(existing.status as u16).unwrap_or(StatusCode::OK);
    Ok((
        status,
        serde_json::from_str(&existing.response).unwrap_or(serde_json::Value::Null),
    ))
}

pub fn record(
    id: Uuid,
    user: Uuid,
    kind: &str,
    hash: &str,
    status: StatusCode,
    response: &serde_json::Value,
    now: chrono::DateTime<chrono::Utc>,
) -> submission::Model {
    submission::Model {
        id,
        user_id: user,
        kind: kind.into(),
        body_hash: hash.into(),
        status: status.as_u16() as i32,
        response: response.to_string(),
        created_at: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sent_at_does_not_change_the_hash() {
        let a = body_hash(&json!({"id": "x", "code": "c", "sent_at": "2026-01-01T00:00:00Z"}));
        let b = body_hash(&json!({"id": "x", "code": "c", "sent_at": "2026-01-01T00:05:00Z"}));
        let c = body_hash(&json!({"id": "x", "code": "d"}));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
