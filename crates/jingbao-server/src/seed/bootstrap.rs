//! A new (non-demo) installation starts with one root organisation and one `admin` account
//! whose one-time password is printed once and must be changed at first login.

use crate::auth::password;
use crate::config::HashProfile;
use crate::seed::rows;
use chrono::{DateTime, Utc};
use jingbao_domain::{OrgKind, Role};
use jingbao_store::entity::{org_unit, user};
use jingbao_store::repo::{common, users};
use jingbao_store::{Actor, AuditEntry, Store, StoreError};
use sea_orm::{EntityTrait, PaginatorTrait};
use uuid::Uuid;

/// A random password that passes the policy.
pub fn random_password() -> String {
    const ALPHA: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut s: String = (0..14)
        .map(|_| ALPHA[rand::random_range(0..ALPHA.len())] as char)
        .collect();
    s.insert(4, '-');
    s.insert(9, '-');
    s.push_str(&rand::random_range(10..99).to_string());
    s
}

/// Creates the root and `admin` when the database has no account; returns the one-time
/// password to print, or None when accounts exist.
pub async fn ensure_admin(
    store: &Store,
    profile: HashProfile,
    now: DateTime<Utc>,
) -> Result<Option<String>, StoreError> {
    if users::count(store.db()).await? > 0 {
        return Ok(None);
    }
    let pw = random_password();
    let hash = password::hash(profile, pw.clone()).await;
    let tx = store.write().await?;
    let root = match org_unit::Entity::find().one(tx.conn()).await? {
        Some(_) if org_unit::Entity::find().count(tx.conn()).await? > 0 => org_unit::Entity::find()
            .all(tx.conn())
            .await?
            .into_iter()
            .min_by_key(|o| o.path.len())
            .ok_or(StoreError::NotFound)?,
        _ => {
            let r = rows::org(
                Uuid::now_v7(),
                None,
                OrgKind::Bureau,
                "本级公安机关",
                "ROOT",
                None,
                now,
            );
            common::insert::<org_unit::Entity, _>(tx.conn(), r.clone()).await?;
            r
        }
    };
    let mut admin = rows::account(
        "admin",
        "系统管理员",
        &[Role::SystemAdmin],
        &root,
        &hash,
        now,
    );
    admin.must_change_password = true;
    admin.mfa_required = true;
    common::insert::<user::Entity, _>(tx.conn(), admin.clone()).await?;
    let actor = Actor {
        username: "system".into(),
        ..Actor::default()
    };
    tx.commit(AuditEntry::new(now, &actor, "install.bootstrap", "user").object(admin.id))
        .await?;
    Ok(Some(pw))
}
