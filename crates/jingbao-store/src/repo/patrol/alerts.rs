//! Alerts: scoped list and lookup, the open alerts (to resolve them), and raising without
//! duplicates across nodes (the unique `open_key`).

use crate::entity::alert::{ActiveModel, Column as C, Entity, Model};
use crate::error::{Result, StoreError};
use crate::list::{ListQuery, Page, paginate};
use crate::scope;
use jingbao_domain::DataScope;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};
use uuid::Uuid;

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(scope::condition(s, C::ScopePath, None));
    if let Some(k) = q.filter("kind") {
        sel = sel.filter(C::Kind.eq(k));
    }
    if let Some(st) = q.filter("state") {
        sel = sel.filter(C::State.eq(st));
    }
    if let Some(g) = crate::repo::uuid_filter(q, "guard_id")? {
        sel = sel.filter(C::GuardId.eq(g));
    }
    let q = ListQuery {
        sort: q.sort.clone().or(Some(("raised_at".into(), true))),
        ..q.clone()
    };
    paginate(
        db,
        sel,
        &q,
        &[
            ("raised_at", C::RaisedAt),
            ("kind", C::Kind),
            ("state", C::State),
        ],
        C::Id,
    )
    .await
}

pub async fn get<D: ConnectionTrait>(db: &D, s: &DataScope, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id)
        .filter(scope::condition(s, C::ScopePath, None))
        .one(db)
        .await?)
}

/// Alerts of the presence kinds whose open key is still held (their condition has not been
/// seen to end). Missed-round alerts keep their key for good, only to stay unique.
pub async fn open<D: ConnectionTrait>(db: &D) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(C::OpenKey.is_not_null())
        .filter(C::Kind.is_in(["off_post", "offline", "vacant_post"]))
        .all(db)
        .await?)
}

/// Inserts the alert unless one with the same open key is open; true when inserted.
pub async fn raise<D: ConnectionTrait>(db: &D, m: Model) -> Result<bool> {
    let am: ActiveModel = m.into_active_model();
    let res = Entity::insert(am)
        .on_conflict(OnConflict::column(C::OpenKey).do_nothing().to_owned())
        .exec_without_returning(db)
        .await;
    match res {
        Ok(n) => Ok(n > 0),
        Err(sea_orm::DbErr::RecordNotInserted) => Ok(false),
        Err(e) => match StoreError::from(e) {
            StoreError::Conflict(_) => Ok(false),
            other => Err(other),
        },
    }
}
