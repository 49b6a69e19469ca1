//! Guards: scoped reads (a guard sees only itself) and licence lookups for import.

use crate::entity::guard::{Column as C, Entity, Model};
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate, search_any};
use crate::repo::uuid_filter;
use crate::scope;
use jingbao_domain::DataScope;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

fn in_scope(s: &DataScope) -> sea_orm::Condition {
    scope::condition(s, C::ScopePath, s.guard_id.map(|g| (C::Id, g)))
}

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(in_scope(s));
    if let Some(u) = uuid_filter(q, "unit_id")? {
        sel = sel.filter(C::UnitId.eq(u));
    }
    if let Some(g) = uuid_filter(q, "grid_id")? {
        sel = sel.filter(C::GridId.eq(g));
    }
    if let Some(e) = uuid_filter(q, "employer_company_id")? {
        sel = sel.filter(C::EmployerCompanyId.eq(e));
    }
    if let Some(st) = q.filter("status") {
        sel = sel.filter(C::Status.eq(st));
    }
    if let Some(t) = q.q.as_deref() {
        sel = sel.filter(search_any(&[C::Name, C::LicenceNo], t));
    }
    paginate(
        db,
        sel,
        q,
        &[
            ("name", C::Name),
            ("licence_no", C::LicenceNo),
            ("licence_expiry", C::LicenceExpiry),
            ("status", C::Status),
            ("created_at", C::CreatedAt),
        ],
        C::Id,
    )
    .await
}

pub async fn get<D: ConnectionTrait>(db: &D, s: &DataScope, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).filter(in_scope(s)).one(db).await?)
}

pub async fn licence_exists<D: ConnectionTrait>(db: &D, licence: &str) -> Result<bool> {
    Ok(Entity::find()
        .filter(C::LicenceNo.eq(licence))
        .one(db)
        .await?
        .is_some())
}
