//! Patrol routes: scoped list and lookup; check-ins of a subtree in a time range (for
//! completion and missed rounds).

use crate::entity::checkin;
use crate::entity::patrol_route::{Column as C, Entity, Model};
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate, search_any};
use crate::repo::uuid_filter;
use crate::scope;
use chrono::{DateTime, Utc};
use jingbao_domain::DataScope;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(scope::condition(s, C::ScopePath, None));
    if let Some(u) = uuid_filter(q, "unit_id")? {
        sel = sel.filter(C::UnitId.eq(u));
    }
    if let Some(t) = q.q.as_deref() {
        sel = sel.filter(search_any(&[C::Name], t));
    }
    paginate(
        db,
        sel,
        q,
        &[
            ("name", C::Name),
            ("every_minutes", C::EveryMinutes),
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

pub async fn all_in_scope<D: ConnectionTrait>(db: &D, s: &DataScope) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(scope::condition(s, C::ScopePath, None))
        .all(db)
        .await?)
}

pub async fn all<D: ConnectionTrait>(db: &D) -> Result<Vec<Model>> {
    Ok(Entity::find().all(db).await?)
}

/// Accepted check-ins by guards under `path` between `from` and `to`.
pub async fn checkins_under<D: ConnectionTrait>(
    db: &D,
    path: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<checkin::Model>> {
    Ok(checkin::Entity::find()
        .filter(checkin::Column::ScopePath.starts_with(path))
        .filter(checkin::Column::ServerTime.gte(from))
        .filter(checkin::Column::ServerTime.lt(to))
        .filter(checkin::Column::Verdict.ne("rejected"))
        .all(db)
        .await?)
}
