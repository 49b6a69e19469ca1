//! A compact, fully known organisation for tests: one bureau, two stations, each with a
//! police room, a grid and three linked units; every unit has a tower, a post, a checkpoint,
//! a guard (with an account) and an enterprise; one department; an account for every role.

use crate::auth::password;
use crate::config::HashProfile;
use crate::seed::rows::{account, org};
use chrono::{DateTime, Utc};
use jingbao_domain::{OrgKind, Role};
use jingbao_store::entity::{
    building, checkpoint, company, guard, org_unit, post, unit_building, user,
};
use jingbao_store::repo::common;
use jingbao_store::{Actor, AuditEntry, Store, StoreError};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

pub const PASSWORD: &str = "Fixture-Pass-2026!";

#[derive(Debug, Clone, Copy)]
pub struct UnitFx {
    pub unit: Uuid,
    pub building: Uuid,
    pub post: Uuid,
    pub checkpoint: Uuid,
    pub guard: Uuid,
    pub enterprise: Uuid,
}

#[derive(Debug, Clone)]
pub struct StationFx {
    pub station: Uuid,
    pub room: Uuid,
    pub grid: Uuid,
    pub employer: Uuid,
    pub units: Vec<UnitFx>,
}

#[derive(Debug, Clone)]
pub struct Fixture {
    pub bureau: Uuid,
    pub department: Uuid,
    pub stations: Vec<StationFx>,
    /// username → user id. Accounts: admin, secadmin, auditor, office, officer_a, officer_b,
    /// manager_a1, manager_b1, dept_a, guard_a1, guard_b1 (and guard_* for every guard).
    pub users: HashMap<String, Uuid>,
}

fn square(lon: f64, lat: f64) -> String {
    let d = 0.0002;
    json!({"type": "Polygon", "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]]}).to_string()
}

/// A valid 18-character ID number for index `i` (check character computed).
fn id_number(i: usize) -> String {
    let body = format!("33021219900101{:03}", i % 1000);
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .bytes()
        .zip(W)
        .map(|(d, w)| (d - b'0') as u32 * w)
        .sum();
    format!("{body}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

/// A valid unified social credit code for index `i`.
fn credit_code(i: usize) -> String {
    const CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    const W: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let body = format!("91330212MA{:07}", i);
    let sum: usize = body
        .bytes()
        .zip(W)
        .map(|(c, w)| CHARS.iter().position(|x| *x == c).unwrap_or(0) * w)
        .sum();
    format!("{body}{}", CHARS[(31 - sum % 31) % 31] as char)
}

pub async fn seed(store: &Store, now: DateTime<Utc>) -> Result<Fixture, StoreError> {
    let hash = password::hash(HashProfile::TestCheap, PASSWORD.to_string()).await;
    let mut orgs = Vec::new();
    let mut users: Vec<user::Model> = Vec::new();
    let (mut buildings, mut links, mut posts, mut cps, mut cos, mut guards) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let bureau = org(
        Uuid::now_v7(),
        None,
        OrgKind::Bureau,
        "测试分局",
        "FX-B",
        None,
        now,
    );
    let mut stations = Vec::new();
    let mut dept = None;
    for (si, tag) in ["a", "b"].iter().enumerate() {
        let station = org(
            Uuid::now_v7(),
            Some(&bureau),
            OrgKind::Station,
            &format!("测试派出所{tag}"),
            &format!("FX-S{tag}"),
            None,
            now,
        );
        let room = org(
            Uuid::now_v7(),
            Some(&station),
            OrgKind::PoliceRoom,
            &format!("测试警务室{tag}"),
            &format!("FX-R{tag}"),
            None,
            now,
        );
        let grid = org(
            Uuid::now_v7(),
            Some(&room),
            OrgKind::Grid,
            &format!("测试网格{tag}"),
            &format!("FX-G{tag}"),
            Some(square(121.5 + si as f64 * 0.01, 29.8)),
            now,
        );
        let employer = company::Model {
            id: Uuid::now_v7(),
            name: format!("测试保安服务公司{tag}"),
            kind: "security".into(),
            credit_code: credit_code(900 + si),
            building_id: None,
            floor: None,
            industry: None,
            scope_path: room.path.clone(),
            created_at: now,
            updated_at: now,
        };
        if si == 0 {
            let d = org(
                Uuid::now_v7(),
                Some(&station),
                OrgKind::Department,
                "测试市场监管所",
                "FX-DEPT",
                None,
                now,
            );
            users.push(account(
                "dept_a",
                "部门经办",
                &[Role::DepartmentHandler],
                &d,
                &hash,
                now,
            ));
            dept = Some(d);
        }
        users.push(account(
            &format!("officer_{tag}"),
            &format!("民警{tag}"),
            &[Role::CommandOfficer],
            &room,
            &hash,
            now,
        ));
        let mut ufx = Vec::new();
        for ui in 1..=3 {
            let i = si * 10 + ui;
            let mut unit = org(
                Uuid::now_v7(),
                Some(&grid),
                OrgKind::Unit,
                &format!("测试单位{tag}{ui}"),
                &format!("FX-U{tag}{ui}"),
                None,
                now,
            );
            let (lon, lat) = (121.5 + si as f64 * 0.01 + ui as f64 * 0.001, 29.8);
            let b = building::Model {
                id: Uuid::now_v7(),
                name: format!("测试大厦{tag}{ui}"),
                code: format!("FX-B{tag}{ui}"),
                grid_id: grid.id,
                scope_path: grid.path.clone(),
                phase: 1,
                address: "测试路 1 号".into(),
                height_m: 80.0,
                floors: 20,
                footprint: square(lon, lat),
                center_lat: lat + 0.0001,
                center_lon: lon + 0.0001,
                created_at: now,
                updated_at: now,
            };
            links.push(unit_building::Model {
                unit_id: unit.id,
                building_id: b.id,
            });
            let p = post::Model {
                id: Uuid::now_v7(),
                unit_id: unit.id,
                building_id: Some(b.id),
                name: "大堂岗".into(),
                min_staff: 1,
                scope_path: unit.path.clone(),
                created_at: now,
            };
            let cp = checkpoint::Model {
                id: Uuid::now_v7(),
                name: format!("大堂{tag}{ui}"),
                code: format!("FX-CP{tag}{ui}"),
                building_id: b.id,
                unit_id: unit.id,
                post_id: Some(p.id),
                lat: lat + 0.0001,
                lon: lon + 0.0001,
                radius_m: 30.0,
                floor: 1,
                indoor: false,
                scope_path: unit.path.clone(),
                created_at: now,
                updated_at: now,
            };
            let ent = company::Model {
                id: Uuid::now_v7(),
                name: format!("测试贸易有限公司{tag}{ui}"),
                kind: "enterprise".into(),
                credit_code: credit_code(i),
                building_id: Some(b.id),
                floor: Some(5),
                industry: Some("批发零售".into()),
                scope_path: grid.path.clone(),
                created_at: now,
                updated_at: now,
            };
            let mut gacc = account(
                &format!("guard_{tag}{ui}"),
                &format!("保安{tag}{ui}"),
                &[Role::Guard],
                &unit,
                &hash,
                now,
            );
            let g = guard::Model {
                id: Uuid::now_v7(),
                name: format!("保安{tag}{ui}"),
                gender: "male".into(),
                id_number_enc: store.cipher().encrypt(&id_number(i)),
                phone_enc: store.cipher().encrypt(&format!("138000000{i:02}")),
                licence_no: format!("FX-LIC-{tag}{ui}"),
                licence_expiry: "2028-12-31".into(),
                employer_company_id: Some(employer.id),
                unit_id: unit.id,
                post_id: Some(p.id),
                grid_id: grid.id,
                user_id: Some(gacc.id),
                status: "active".into(),
                team_leader: true,
                scope_path: unit.path.clone(),
                created_at: now,
                updated_at: now,
            };
            gacc.guard_id = Some(g.id);
            if ui == 1 {
                let m = account(
                    &format!("manager_{tag}1"),
                    &format!("经理{tag}1"),
                    &[Role::UnitManager],
                    &unit,
                    &hash,
                    now,
                );
                unit.manager_user_id = Some(m.id);
                users.push(m);
            }
            ufx.push(UnitFx {
                unit: unit.id,
                building: b.id,
                post: p.id,
                checkpoint: cp.id,
                guard: g.id,
                enterprise: ent.id,
            });
            users.push(gacc);
            orgs.push(unit);
            buildings.push(b);
            posts.push(p);
            cps.push(cp);
            cos.push(ent);
            guards.push(g);
        }
        stations.push(StationFx {
            station: station.id,
            room: room.id,
            grid: grid.id,
            employer: employer.id,
            units: ufx,
        });
        if si == 0 {
            users.push(account(
                "office",
                "管理办",
                &[Role::DistrictOffice],
                &room,
                &hash,
                now,
            ));
        }
        cos.push(employer);
        orgs.extend([station, room, grid]);
    }
    let dept = dept.ok_or(StoreError::NotFound)?;
    for (name, role) in [
        ("admin", Role::SystemAdmin),
        ("secadmin", Role::SecurityAdmin),
        ("auditor", Role::AuditAdmin),
    ] {
        users.push(account(name, name, &[role], &bureau, &hash, now));
    }
    let fx = Fixture {
        bureau: bureau.id,
        department: dept.id,
        stations,
        users: users.iter().map(|u| (u.username.clone(), u.id)).collect(),
    };
    let mut all = vec![bureau, dept];
    all.extend(orgs);
    all.sort_by_key(|o| o.path.len());
    let tx = store.write().await?;
    let c = tx.conn();
    common::insert_many::<org_unit::Entity, _>(c, all, 100).await?;
    common::insert_many::<building::Entity, _>(c, buildings, 100).await?;
    common::insert_many::<unit_building::Entity, _>(c, links, 100).await?;
    common::insert_many::<post::Entity, _>(c, posts, 100).await?;
    common::insert_many::<checkpoint::Entity, _>(c, cps, 100).await?;
    common::insert_many::<company::Entity, _>(c, cos, 100).await?;
    common::insert_many::<user::Entity, _>(c, users, 100).await?;
    common::insert_many::<guard::Entity, _>(c, guards, 100).await?;
    tx.commit(AuditEntry::new(
        now,
        &Actor {
            username: "system".into(),
            ..Actor::default()
        },
        "seed.fixture",
        "district",
    ))
    .await?;
    Ok(fx)
}
