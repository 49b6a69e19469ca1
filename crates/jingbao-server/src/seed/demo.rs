//! Loads the demo district (from `jingbao-sim`) into an empty database in one transaction:
//! the organisation tree, towers, posts, checkpoints, companies, 10,920 enterprises, guards
//! and every demo account sharing the demo password.

use crate::seed::rows::{account, org};
use chrono::{DateTime, Utc};
use jingbao_domain::{OrgKind, Role};
use jingbao_sim::{CompanyKind, DemoDistrict, Gender, LonLat, StaffRole};
use jingbao_store::entity::{
    building, checkpoint, company, guard, org_unit, patrol_route, post, shift_template,
    unit_building, user,
};
use jingbao_store::repo::{common, settings};
use jingbao_store::{Actor, AuditEntry, Store, StoreError};
use serde_json::json;
use uuid::Uuid;

pub const SEEDED_KEY: &str = "demo.seeded";

fn ring(points: &[LonLat]) -> String {
    json!({"type": "Polygon", "coordinates": [points.iter().map(|p| json!([p.lon, p.lat])).collect::<Vec<_>>()]}).to_string()
}

fn centre(points: &[LonLat]) -> (f64, f64) {
    let pts = &points[..points.len().saturating_sub(1).max(1)];
    let n = pts.len() as f64;
    (
        pts.iter().map(|p| p.lat).sum::<f64>() / n,
        pts.iter().map(|p| p.lon).sum::<f64>() / n,
    )
}

/// True when the demo district is already loaded.
pub async fn is_seeded(store: &Store) -> Result<bool, StoreError> {
    Ok(settings::get(store.db(), SEEDED_KEY).await?.is_some())
}

/// Loads the district; `password_hash` is the one hash every demo account uses.
pub async fn seed(
    store: &Store,
    d: &DemoDistrict,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let cipher = store.cipher();
    let bureau = org(
        d.bureau.id,
        None,
        OrgKind::Bureau,
        &d.bureau.name,
        &d.bureau.code,
        None,
        now,
    );
    let station = org(
        d.station.id,
        Some(&bureau),
        OrgKind::Station,
        &d.station.name,
        &d.station.code,
        None,
        now,
    );
    let room = org(
        d.police_room.id,
        Some(&station),
        OrgKind::PoliceRoom,
        &d.police_room.name,
        &d.police_room.code,
        None,
        now,
    );
    let grids: Vec<org_unit::Model> = d
        .grids
        .iter()
        .map(|g| {
            org(
                g.id,
                Some(&room),
                OrgKind::Grid,
                &g.name,
                &g.code,
                Some(ring(&g.boundary)),
                now,
            )
        })
        .collect();
    let depts: Vec<org_unit::Model> = d
        .departments
        .iter()
        .map(|x| {
            org(
                x.id,
                Some(&station),
                OrgKind::Department,
                &x.name,
                &format!("DEPT-{}", x.code.to_uppercase()),
                None,
                now,
            )
        })
        .collect();
    let mut units: Vec<org_unit::Model> = d
        .units
        .iter()
        .map(|u| {
            org(
                u.id,
                Some(&grids[u.grid]),
                OrgKind::Unit,
                &u.name,
                &u.code,
                None,
                now,
            )
        })
        .collect();

    let buildings: Vec<building::Model> = d
        .buildings
        .iter()
        .map(|b| {
            let (lat, lon) = centre(&b.footprint);
            building::Model {
                id: b.id,
                name: b.name.clone(),
                code: b.code.clone(),
                grid_id: grids[b.grid].id,
                scope_path: grids[b.grid].path.clone(),
                phase: b.phase as i32,
                address: b.address.clone(),
                height_m: b.height_m,
                floors: b.floors,
                footprint: ring(&b.footprint),
                center_lat: lat,
                center_lon: lon,
                created_at: now,
                updated_at: now,
            }
        })
        .collect();
    let links: Vec<unit_building::Model> = d
        .units
        .iter()
        .flat_map(|u| u.buildings.iter().map(move |b| (u.id, *b)))
        .map(|(unit_id, b)| unit_building::Model {
            unit_id,
            building_id: d.buildings[b].id,
        })
        .collect();
    let posts: Vec<post::Model> = d
        .posts
        .iter()
        .map(|p| post::Model {
            id: p.id,
            unit_id: units[p.unit].id,
            building_id: Some(d.buildings[p.building].id),
            name: p.name.clone(),
            min_staff: p.min_staff,
            scope_path: units[p.unit].path.clone(),
            created_at: now,
        })
        .collect();
    let templates: Vec<shift_template::Model> = posts
        .iter()
        .flat_map(|p| {
            let day = shift_template::Model {
                id: Uuid::now_v7(),
                post_id: p.id,
                name: "白班".into(),
                start_minute: 8 * 60,
                end_minute: 20 * 60,
                min_staff: p.min_staff.max(1),
                scope_path: p.scope_path.clone(),
            };
            let night = (p.name.contains("大堂") || p.name.contains("监控")).then(|| {
                shift_template::Model {
                    id: Uuid::now_v7(),
                    name: "夜班".into(),
                    start_minute: 20 * 60,
                    end_minute: 8 * 60,
                    min_staff: 1,
                    ..day.clone()
                }
            });
            std::iter::once(day).chain(night)
        })
        .collect();
    let routes: Vec<patrol_route::Model> = d
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| {
            let cps: Vec<Uuid> = d
                .checkpoints
                .iter()
                .filter(|c| c.unit == i && !c.indoor)
                .map(|c| c.id)
                .collect();
            (!cps.is_empty()).then(|| patrol_route::Model {
                id: Uuid::now_v7(),
                unit_id: u.id,
                name: format!("{} 日常巡逻", u.name),
                checkpoint_ids: serde_json::to_string(&cps).unwrap_or_default(),
                every_minutes: 120,
                window_start: 8 * 60,
                window_end: 20 * 60,
                scope_path: units[i].path.clone(),
                created_at: now,
                updated_at: now,
            })
        })
        .collect();
    let checkpoints: Vec<checkpoint::Model> = d
        .checkpoints
        .iter()
        .map(|c| checkpoint::Model {
            id: c.id,
            name: c.name.clone(),
            code: c.code.clone(),
            building_id: d.buildings[c.building].id,
            unit_id: units[c.unit].id,
            post_id: c.post.map(|p| d.posts[p].id),
            lat: c.position.lat,
            lon: c.position.lon,
            radius_m: c.radius_m,
            floor: c.floor,
            indoor: c.indoor,
            scope_path: units[c.unit].path.clone(),
            created_at: now,
            updated_at: now,
        })
        .collect();
    let mut companies: Vec<company::Model> = d
        .companies
        .iter()
        .map(|c| company::Model {
            id: c.id,
            name: c.name.clone(),
            kind: match c.kind {
                CompanyKind::Property => "property",
                CompanyKind::Security => "security",
            }
            .into(),
            credit_code: c.credit_code.clone(),
            building_id: None,
            floor: None,
            industry: Some(
                match c.kind {
                    CompanyKind::Property => "物业服务",
                    CompanyKind::Security => "保安服务",
                }
                .into(),
            ),
            scope_path: room.path.clone(),
            created_at: now,
            updated_at: now,
        })
        .collect();
    companies.extend(d.enterprises.iter().map(|e| company::Model {
        id: e.id,
        name: e.name.clone(),
        kind: "enterprise".into(),
        credit_code: e.credit_code.clone(),
        building_id: Some(d.buildings[e.building].id),
        floor: Some(e.floor),
        industry: Some(e.industry.clone()),
        scope_path: buildings[e.building].scope_path.clone(),
        created_at: now,
        updated_at: now,
    }));

    let mut users: Vec<user::Model> = Vec::new();
    for s in &d.staff {
        let (role, at) = match s.role {
            StaffRole::CommandOfficer | StaffRole::Auxiliary => (Role::CommandOfficer, &room),
            StaffRole::DistrictOffice => (Role::DistrictOffice, &room),
            StaffRole::DepartmentHandler => (
                Role::DepartmentHandler,
                s.department.map(|i| &depts[i]).unwrap_or(&station),
            ),
            StaffRole::SystemAdmin => (Role::SystemAdmin, &bureau),
            StaffRole::SecurityAdmin => (Role::SecurityAdmin, &bureau),
            StaffRole::AuditAdmin => (Role::AuditAdmin, &bureau),
        };
        users.push(account(
            &s.username,
            &s.name,
            &[role],
            at,
            password_hash,
            now,
        ));
    }
    for (i, u) in d.units.iter().enumerate() {
        let m = account(
            &u.manager_username,
            &u.manager_name,
            &[Role::UnitManager],
            &units[i],
            password_hash,
            now,
        );
        units[i].manager_user_id = Some(m.id);
        users.push(m);
    }
    let mut guards: Vec<guard::Model> = Vec::with_capacity(d.guards.len());
    for g in &d.guards {
        let unit = &units[g.unit];
        let mut acc = account(
            &g.username,
            &g.name,
            &[Role::Guard],
            unit,
            password_hash,
            now,
        );
        acc.guard_id = Some(g.id);
        let (y, m, day) = g.licence_expiry;
        guards.push(guard::Model {
            id: g.id,
            name: g.name.clone(),
            gender: match g.gender {
                Gender::Male => "male",
                Gender::Female => "female",
            }
            .into(),
            id_number_enc: cipher.encrypt(&g.id_number),
            phone_enc: cipher.encrypt(&g.phone),
            licence_no: g.licence_no.clone(),
            licence_expiry: format!("{y:04}-{m:02}-{day:02}"),
            employer_company_id: Some(d.companies[g.employer].id),
            unit_id: unit.id,
            post_id: Some(d.posts[g.post].id),
            grid_id: grids[d.units[g.unit].grid].id,
            user_id: Some(acc.id),
            status: "active".into(),
            team_leader: g.team_leader,
            scope_path: unit.path.clone(),
            created_at: now,
            updated_at: now,
        });
        users.push(acc);
    }

    let mut all_org = vec![bureau, station, room];
    all_org.extend(grids);
    all_org.extend(depts);
    all_org.extend(units);
    let counts = json!({"buildings": buildings.len(), "guards": guards.len(), "checkpoints": checkpoints.len(), "companies": companies.len(), "users": users.len()});
    let tx = store.write().await?;
    let c = tx.conn();
    common::insert_many::<org_unit::Entity, _>(c, all_org, 200).await?;
    common::insert_many::<building::Entity, _>(c, buildings, 200).await?;
    common::insert_many::<unit_building::Entity, _>(c, links, 500).await?;
    common::insert_many::<post::Entity, _>(c, posts, 500).await?;
    common::insert_many::<checkpoint::Entity, _>(c, checkpoints, 500).await?;
    common::insert_many::<shift_template::Entity, _>(c, templates, 500).await?;
    common::insert_many::<patrol_route::Entity, _>(c, routes, 200).await?;
    common::insert_many::<company::Entity, _>(c, companies, 500).await?;
    common::insert_many::<user::Entity, _>(c, users, 200).await?;
    common::insert_many::<guard::Entity, _>(c, guards, 200).await?;
    settings::put(c, SEEDED_KEY, &d.seed.to_string(), now).await?;
    let actor = Actor {
        username: "system".into(),
        ..Actor::default()
    };
    tx.commit(
        AuditEntry::new(now, &actor, "seed.demo", "district")
            .object(Uuid::from_u128(d.seed as u128))
            .detail(counts),
    )
    .await?;
    Ok(())
}

/// Gives every account the (new) demo password and clears lockouts.
pub async fn set_all_passwords(
    store: &Store,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    use sea_orm::EntityTrait;
    use sea_orm::sea_query::Expr;
    let tx = store.write().await?;
    let n = user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .col_expr(
            user::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(user::Column::FailedCount, Expr::value(0))
        .exec(tx.conn())
        .await?
        .rows_affected;
    let actor = Actor {
        username: "system".into(),
        ..Actor::default()
    };
    tx.commit(
        AuditEntry::new(now, &actor, "seed.demo_password", "user").detail(json!({ "accounts": n })),
    )
    .await?;
    Ok(())
}
