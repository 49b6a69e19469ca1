//! Same seed → byte-identical output; different seed → different ids.

use std::collections::HashSet;

use jingbao_sim::{DEFAULT_SEED, DemoDistrict, generate};
use uuid::Uuid;

fn all_ids(d: &DemoDistrict) -> Vec<Uuid> {
    let mut ids = vec![d.bureau.id, d.station.id, d.police_room.id];
    ids.extend(d.grids.iter().map(|x| x.id));
    ids.extend(d.departments.iter().map(|x| x.id));
    ids.extend(d.companies.iter().map(|x| x.id));
    ids.extend(d.buildings.iter().map(|x| x.id));
    ids.extend(d.units.iter().map(|x| x.id));
    ids.extend(d.posts.iter().map(|x| x.id));
    ids.extend(d.guards.iter().map(|x| x.id));
    ids.extend(d.checkpoints.iter().map(|x| x.id));
    ids.extend(d.enterprises.iter().map(|x| x.id));
    ids
}

#[test]
fn same_seed_gives_identical_json() {
    let a = serde_json::to_string(&generate(DEFAULT_SEED)).expect("serialise");
    let b = serde_json::to_string(&generate(DEFAULT_SEED)).expect("serialise");
    assert_eq!(a.len(), b.len());
    assert!(a == b, "two runs with the same seed differ");
    let summary = serde_json::to_value(generate(DEFAULT_SEED).summary()).expect("serialise");
    assert_eq!(summary["buildings"], 73);
}

#[test]
fn different_seed_gives_different_ids() {
    let a = all_ids(super::district());
    let b = all_ids(&generate(DEFAULT_SEED + 1));
    let a_set: HashSet<_> = a.iter().collect();
    assert!(
        b.iter().all(|id| !a_set.contains(id)),
        "ids shared between seeds"
    );
    assert_ne!(
        super::district().buildings[0].footprint,
        generate(7).buildings[0].footprint
    );
}

#[test]
fn ids_are_unique_and_v4() {
    let ids = all_ids(super::district());
    let set: HashSet<_> = ids.iter().collect();
    assert_eq!(set.len(), ids.len());
    assert!(ids.iter().all(|id| id.get_version_num() == 4));
}
