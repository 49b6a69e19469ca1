//! Data scope in one place: resolving an account's scope from its roles and attachments,
//! and turning a scope into the SQL condition every repository applies.

use crate::entity::{org_unit, unit_building, user};
use crate::error::Result;
use jingbao_domain::role::{Role, ScopeRule};
use jingbao_domain::{DataScope, OrgKind};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// The condition "row is inside the scope" for a table whose owner path is `path_col`.
/// `self_id` is the table's id column when the scope's own guard record lives there.
pub fn condition<C: ColumnTrait>(
    scope: &DataScope,
    path_col: C,
    self_id: Option<(C, Uuid)>,
) -> Condition {
    condition_with(scope, path_col, self_id, None)
}

/// Like `condition`, and also admits rows whose `building_col` names a building covered by
/// the caller's units (their towers and the companies in them, for unit managers).
pub fn condition_with<C: ColumnTrait>(
    scope: &DataScope,
    path_col: C,
    self_id: Option<(C, Uuid)>,
    building_col: Option<C>,
) -> Condition {
    if scope.all {
        return Condition::all();
    }
    let mut any = Condition::any();
    let mut clauses = 0;
    for root in &scope.subtrees {
        any = any.add(path_col.starts_with(root.as_str()));
        clauses += 1;
    }
    if let Some((col, id)) = self_id {
        any = any.add(col.eq(id));
        clauses += 1;
    }
    if let Some(col) = building_col.filter(|_| !scope.building_ids.is_empty()) {
        any = any.add(col.is_in(scope.building_ids.iter().copied()));
        clauses += 1;
    }
    if clauses == 0 {
        // Sees nothing.
        return Condition::all().add(Expr::cust("1 = 0"));
    }
    any
}

/// Parses the comma-separated role codes of an account; unknown codes are ignored.
pub fn roles_of(u: &user::Model) -> Vec<Role> {
    u.roles
        .split(',')
        .filter_map(|c| Role::parse(c.trim()))
        .collect()
}

/// Computes what an account may see: the union over its roles.
pub async fn resolve<C: ConnectionTrait>(db: &C, u: &user::Model) -> Result<DataScope> {
    let own = match u.org_unit_id {
        Some(id) => org_unit::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let mut scope = DataScope::none();
    for role in roles_of(u) {
        let part = match role.scope_rule() {
            ScopeRule::Subtree => DataScope {
                subtrees: own.iter().map(|o| o.path.clone()).collect(),
                ..DataScope::none()
            },
            ScopeRule::Station => station_scope(db, own.as_ref()).await?,
            ScopeRule::OwnUnits => {
                let mut units: Vec<org_unit::Model> = org_unit::Entity::find()
                    .filter(org_unit::Column::ManagerUserId.eq(u.id))
                    .all(db)
                    .await?;
                if let Some(o) = own.as_ref().filter(|o| o.kind == OrgKind::Unit.code()) {
                    units.push(o.clone());
                }
                let building_ids = unit_building::Entity::find()
                    .filter(unit_building::Column::UnitId.is_in(units.iter().map(|o| o.id)))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|l| l.building_id)
                    .collect();
                DataScope {
                    subtrees: units.into_iter().map(|o| o.path).collect(),
                    building_ids,
                    ..DataScope::none()
                }
            }
            ScopeRule::Department => {
                let dept_id = u.department_id.or(own
                    .as_ref()
                    .filter(|o| o.kind == OrgKind::Department.code())
                    .map(|o| o.id));
                let parent_path = match dept_id {
                    Some(d) => parent_path_of(db, d).await?,
                    None => None,
                };
                DataScope {
                    subtrees: parent_path.into_iter().collect(),
                    department_id: dept_id,
                    ..DataScope::none()
                }
            }
            ScopeRule::SelfOnly => DataScope {
                guard_id: u.guard_id,
                ..DataScope::none()
            },
        };
        scope = scope.merge(part);
    }
    Ok(scope.normalised())
}

/// The station subtree containing `own` (or `own` itself when it sits above any station).
async fn station_scope<C: ConnectionTrait>(
    db: &C,
    own: Option<&org_unit::Model>,
) -> Result<DataScope> {
    let Some(own) = own else {
        return Ok(DataScope::none());
    };
    let ancestors: Vec<Uuid> = own
        .path
        .split('/')
        .filter_map(|s| Uuid::parse_str(s).ok())
        .collect();
    let station = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(ancestors))
        .filter(org_unit::Column::Kind.eq(OrgKind::Station.code()))
        .one(db)
        .await?;
    let path = station.map(|s| s.path).unwrap_or_else(|| own.path.clone());
    Ok(DataScope {
        subtrees: vec![path],
        ..DataScope::none()
    })
}

async fn parent_path_of<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<Option<String>> {
    let Some(node) = org_unit::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    match node.parent_id {
        Some(p) => Ok(org_unit::Entity::find_by_id(p)
            .one(db)
            .await?
            .map(|p| p.path)),
        None => Ok(Some(node.path)),
    }
}
