//! Buildings: scoped reads and the units that cover each building.

use crate::entity::building::{Column as C, Entity, Model};
use crate::entity::unit_building;
use crate::error::Result;
use crate::list::{ListQuery, Page, paginate, search_any};
use crate::repo::uuid_filter;
use crate::scope;
use jingbao_domain::DataScope;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

pub async fn list<D: ConnectionTrait>(db: &D, s: &DataScope, q: &ListQuery) -> Result<Page<Model>> {
    let mut sel = Entity::find().filter(scope::condition_with(s, C::ScopePath, None, Some(C::Id)));
    if let Some(g) = uuid_filter(q, "grid_id")? {
        sel = sel.filter(C::GridId.eq(g));
    }
    if let Some(t) = q.q.as_deref() {
        sel = sel.filter(search_any(&[C::Name, C::Code, C::Address], t));
    }
    paginate(
        db,
        sel,
        q,
        &[
            ("code", C::Code),
            ("name", C::Name),
            ("phase", C::Phase),
            ("height_m", C::HeightM),
            ("floors", C::Floors),
            ("created_at", C::CreatedAt),
        ],
        C::Id,
    )
    .await
}

pub async fn get<D: ConnectionTrait>(db: &D, s: &DataScope, id: Uuid) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id)
        .filter(scope::condition_with(s, C::ScopePath, None, Some(C::Id)))
        .one(db)
        .await?)
}

pub async fn all_in_scope<D: ConnectionTrait>(db: &D, s: &DataScope) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(scope::condition_with(s, C::ScopePath, None, Some(C::Id)))
        .order_by_asc(C::Code)
        .all(db)
        .await?)
}

/// Unit ids per building, for the given buildings.
pub async fn units_of<D: ConnectionTrait>(
    db: &D,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<Uuid>>> {
    let rows = unit_building::Entity::find()
        .filter(unit_building::Column::BuildingId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for r in rows {
        out.entry(r.building_id).or_default().push(r.unit_id);
    }
    Ok(out)
}

/// Building ids per unit, for the given units.
pub async fn buildings_of_units<D: ConnectionTrait>(
    db: &D,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<Uuid>>> {
    let rows = unit_building::Entity::find()
        .filter(unit_building::Column::UnitId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for r in rows {
        out.entry(r.unit_id).or_default().push(r.building_id);
    }
    Ok(out)
}
