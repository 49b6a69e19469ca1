//! Organisation units: scoped reads, the tree, and lookups by id for path computation.

use crate::entity::org_unit::{Column as C, Entity, Model};
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate, search_any};
use crate::repo::uuid_filter;
use crate::scope;
use jingbao_domain::DataScope;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(scope::condition(s, C::Path, None));
    if let Some(k) = q.filter("kind") {
        sel = sel.filter(C::Kind.eq(k));
    }
    if let Some(p) = uuid_filter(q, "parent_id")? {
        sel = sel.filter(C::ParentId.eq(p));
    }
    if let Some(t) = q.q.as_deref() {
        sel = sel.filter(search_any(&[C::Name, C::Code], t));
    }
    paginate(
        db,
        sel,
        q,
        &[
            ("path", C::Path),
            ("name", C::Name),
            ("code", C::Code),
            ("kind", C::Kind),
            ("created_at", C::CreatedAt),
        ],
        C::Id,
    )
    .await
}

pub async fn get<D: ConnectionTrait>(db: &D, s: &DataScope, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id)
        .filter(scope::condition(s, C::Path, None))
        .one(db)
        .await?)
}

/// Every unit in scope, ordered by path (parents before children).
pub async fn all_in_scope<D: ConnectionTrait>(db: &D, s: &DataScope) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(scope::condition(s, C::Path, None))
        .order_by_asc(C::Path)
        .all(db)
        .await?)
}

/// Looks a unit up regardless of scope (for computing paths of new objects).
pub async fn by_id<D: ConnectionTrait>(db: &D, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

/// Units of one kind in scope (grids for the map, units for pickers).
pub async fn of_kind<D: ConnectionTrait>(db: &D, s: &DataScope, kind: &str) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(scope::condition(s, C::Path, None))
        .filter(C::Kind.eq(kind))
        .order_by_asc(C::Code)
        .all(db)
        .await?)
}
