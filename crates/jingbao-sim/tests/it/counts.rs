//! Collection sizes, codes and the organisation's fixed parts.

use std::collections::HashSet;

use jingbao_sim::CompanyKind;

use super::{district, districts};

#[test]
fn counts_are_within_the_district_figures() {
    for d in districts() {
        let s = d.summary();
        assert_eq!(s.buildings, 73);
        assert_eq!(s.grids, 4);
        assert_eq!(s.enterprises, 10_920);
        assert!((280..=295).contains(&s.guards), "guards {}", s.guards);
        assert!(
            (280..=320).contains(&s.checkpoints),
            "checkpoints {}",
            s.checkpoints
        );
        assert!((66..=73).contains(&s.units), "units {}", s.units);
        assert!((4..=8).contains(&s.companies), "companies {}", s.companies);
        assert!(s.departments >= 6);
        assert_eq!(s.posts, d.posts.len());
        assert_eq!(s.staff, d.staff.len());
        assert_eq!(s.seed, d.seed);
    }
}

#[test]
fn police_chain_and_centre() {
    for d in districts() {
        assert!(d.bureau.name.contains("分局"));
        assert!(d.station.name.contains("派出所"));
        assert!(d.police_room.name.contains("警务室"));
        assert!((d.center.lon - 121.55).abs() < 0.01 && (d.center.lat - 29.82).abs() < 0.01);
    }
}

#[test]
fn departments_have_the_expected_codes() {
    let codes: HashSet<&str> = district()
        .departments
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    for code in [
        "market",
        "finance",
        "fire",
        "housing",
        "labour",
        "tax",
        "governance",
    ] {
        assert!(codes.contains(code), "missing department {code}");
    }
    assert_eq!(codes.len(), district().departments.len());
}

#[test]
fn companies_include_both_kinds() {
    for d in districts() {
        assert!(d.companies.iter().any(|c| c.kind == CompanyKind::Property));
        assert!(d.companies.iter().any(|c| c.kind == CompanyKind::Security));
        for unit in &d.units {
            assert_eq!(
                d.companies[unit.property_company].kind,
                CompanyKind::Property
            );
        }
    }
}

#[test]
fn buildings_codes_names_and_phases() {
    for d in districts() {
        for (i, b) in d.buildings.iter().enumerate() {
            assert_eq!(b.code, format!("B{:02}", i + 1));
            assert!((1..=4).contains(&b.phase));
            assert!(b.grid < d.grids.len());
            assert!(
                (30.0..=220.0).contains(&b.height_m),
                "{} {}",
                b.name,
                b.height_m
            );
            assert!((f64::from(b.floors) - b.height_m / 4.0).abs() <= 1.0 || b.floors == 8);
            assert!(b.address.contains("号"));
        }
        let names: HashSet<_> = d.buildings.iter().map(|b| &b.name).collect();
        assert_eq!(names.len(), 73);
        let addresses: HashSet<_> = d.buildings.iter().map(|b| &b.address).collect();
        assert_eq!(addresses.len(), 73);
        let phases: HashSet<_> = d.buildings.iter().map(|b| b.phase).collect();
        assert_eq!(phases.len(), 4);
        let grids: HashSet<_> = d.buildings.iter().map(|b| b.grid).collect();
        assert_eq!(grids.len(), 4);
    }
}

#[test]
fn checkpoint_codes_and_kinds() {
    for d in districts() {
        for (i, cp) in d.checkpoints.iter().enumerate() {
            assert_eq!(cp.code, format!("CP{:03}", i + 1));
            assert!((20.0..=50.0).contains(&cp.radius_m));
            if cp.indoor {
                assert_eq!(cp.radius_m, 30.0);
            }
            if cp.floor < 0 {
                assert!(cp.indoor && cp.floor >= -2);
            }
            assert!(cp.floor <= d.buildings[cp.building].floors);
            assert!(d.units[cp.unit].buildings.contains(&cp.building));
            if let Some(p) = cp.post {
                assert_eq!(d.posts[p].unit, cp.unit);
            }
        }
        for b in 0..d.buildings.len() {
            let here: Vec<_> = d.checkpoints.iter().filter(|c| c.building == b).collect();
            assert!(here.iter().any(|c| c.name.ends_with("大堂")));
            assert!(here.iter().any(|c| c.floor < 0));
            assert!(here.iter().any(|c| !c.indoor));
        }
        let names: HashSet<_> = d.checkpoints.iter().map(|c| &c.name).collect();
        assert_eq!(names.len(), d.checkpoints.len());
    }
}
