//! Checkpoints: scoped reads and code lookups for import.

use crate::entity::checkpoint::{Column as C, Entity, Model};
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate, search_any};
use crate::repo::uuid_filter;
use crate::scope;
use jingbao_domain::DataScope;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(scope::condition(s, C::ScopePath, None));
    if let Some(b) = uuid_filter(q, "building_id")? {
        sel = sel.filter(C::BuildingId.eq(b));
    }
    if let Some(u) = uuid_filter(q, "unit_id")? {
        sel = sel.filter(C::UnitId.eq(u));
    }
    if let Some(t) = q.q.as_deref() {
        sel = sel.filter(search_any(&[C::Name, C::Code], t));
    }
    paginate(
        db,
        sel,
        q,
        &[
            ("code", C::Code),
            ("name", C::Name),
            ("floor", C::Floor),
            ("radius_m", C::RadiusM),
            ("created_at", C::CreatedAt),
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

pub async fn code_exists<D: ConnectionTrait>(db: &D, code: &str) -> Result<bool> {
    Ok(Entity::find()
        .filter(C::Code.eq(code))
        .one(db)
        .await?
        .is_some())
}
