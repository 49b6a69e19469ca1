//! Small builders for conformance cases.

use chrono::{DateTime, TimeZone, Utc};
use jingbao_domain::org::child_path;
use jingbao_store::entity::org_unit;
use jingbao_store::{Actor, AuditEntry};
use uuid::Uuid;

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0)
        .single()
        .expect("valid time")
}

pub fn actor() -> Actor {
    Actor {
        user_id: Some(Uuid::from_u128(7)),
        username: "officer".into(),
        role: "command_officer".into(),
        ip: "127.0.0.1".into(),
        request_id: "r-1".into(),
    }
}

pub fn entry(action: &str) -> AuditEntry {
    AuditEntry::new(t0(), &actor(), action, "test").object("obj")
}

pub fn unit(parent: Option<&org_unit::Model>, kind: &str, code: &str) -> org_unit::Model {
    let id = Uuid::now_v7();
    org_unit::Model {
        id,
        parent_id: parent.map(|p| p.id),
        kind: kind.into(),
        name: format!("名称{code}"),
        code: code.into(),
        path: child_path(parent.map(|p| p.path.as_str()), id),
        boundary: None,
        manager_user_id: None,
        created_at: t0(),
        updated_at: t0(),
    }
}
