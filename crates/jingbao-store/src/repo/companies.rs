//! Companies (enterprises, property and security companies): scoped reads.

use crate::entity::company::{Column as C, Entity, Model};
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate, search_any};
use crate::repo::uuid_filter;
use crate::scope;
use jingbao_domain::DataScope;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(scope::condition_with(
        s,
        C::ScopePath,
        None,
        Some(C::BuildingId),
    ));
    if let Some(k) = q.filter("kind") {
        sel = sel.filter(C::Kind.eq(k));
    }
    if let Some(b) = uuid_filter(q, "building_id")? {
        sel = sel.filter(C::BuildingId.eq(b));
    }
    if let Some(t) = q.q.as_deref() {
        sel = sel.filter(search_any(&[C::Name, C::CreditCode, C::Industry], t));
    }
    paginate(
        db,
        sel,
        q,
        &[
            ("name", C::Name),
            ("kind", C::Kind),
            ("credit_code", C::CreditCode),
            ("floor", C::Floor),
            ("industry", C::Industry),
            ("created_at", C::CreatedAt),
        ],
        C::Id,
    )
    .await
}

pub async fn get<D: ConnectionTrait>(db: &D, s: &DataScope, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id)
        .filter(scope::condition_with(
            s,
            C::ScopePath,
            None,
            Some(C::BuildingId),
        ))
        .one(db)
        .await?)
}

pub async fn by_ids<D: ConnectionTrait>(db: &D, ids: Vec<Uuid>) -> Result<Vec<Model>> {
    Ok(Entity::find().filter(C::Id.is_in(ids)).all(db).await?)
}

pub async fn credit_code_exists<D: ConnectionTrait>(db: &D, code: &str) -> Result<bool> {
    Ok(Entity::find()
        .filter(C::CreditCode.eq(code))
        .one(db)
        .await?
        .is_some())
}
