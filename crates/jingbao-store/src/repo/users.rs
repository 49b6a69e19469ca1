//! User accounts: scoped reads, login lookups, and the count used to detect a fresh install.

use crate::entity::user::{Column as C, Entity, Model};
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate, search_any};
use crate::scope;
use jingbao_domain::DataScope;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(scope::condition(s, C::ScopePath, None));
    if let Some(r) = q.filter("role") {
        sel = sel.filter(C::Roles.like(crate::list::like_pattern(r)));
    }
    if let Some(t) = q.q.as_deref() {
        sel = sel.filter(search_any(&[C::Username, C::DisplayName], t));
    }
    paginate(
        db,
        sel,
        q,
        &[
            ("username", C::Username),
            ("display_name", C::DisplayName),
            ("created_at", C::CreatedAt),
            ("last_login_at", C::LastLoginAt),
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

pub async fn by_username<D: ConnectionTrait>(db: &D, username: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(C::Username.eq(username))
        .one(db)
        .await?)
}

pub async fn by_id<D: ConnectionTrait>(db: &D, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

pub async fn count<D: ConnectionTrait>(db: &D) -> Result<u64> {
    Ok(Entity::find().count(db).await?)
}
