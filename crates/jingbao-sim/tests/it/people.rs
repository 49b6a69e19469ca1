//! Accounts, units, posts and guards hang together.

use std::collections::HashSet;

use jingbao_sim::{CompanyKind, Gender, StaffRole};

use super::districts;

#[test]
fn usernames_are_unique_and_guards_contiguous() {
    for d in districts() {
        let mut all = HashSet::new();
        for (i, g) in d.guards.iter().enumerate() {
            assert_eq!(g.username, format!("guard{:04}", i + 1));
            assert!(all.insert(g.username.clone()));
        }
        for (i, u) in d.units.iter().enumerate() {
            assert_eq!(u.manager_username, format!("manager{:02}", i + 1));
            assert!(all.insert(u.manager_username.clone()));
        }
        for s in &d.staff {
            assert!(all.insert(s.username.clone()), "duplicate {}", s.username);
        }
    }
}

#[test]
fn staff_accounts_are_the_agreed_set() {
    for d in districts() {
        let role_of = |name: &str| d.staff.iter().find(|s| s.username == name).map(|s| s.role);
        assert_eq!(role_of("officer"), Some(StaffRole::CommandOfficer));
        assert_eq!(role_of("officer02"), Some(StaffRole::CommandOfficer));
        let officers = d
            .staff
            .iter()
            .filter(|s| s.role == StaffRole::CommandOfficer)
            .count();
        assert_eq!(officers, 2);
        for i in 1..=18 {
            assert_eq!(role_of(&format!("aux{i:02}")), Some(StaffRole::Auxiliary));
        }
        assert_eq!(
            d.staff
                .iter()
                .filter(|s| s.role == StaffRole::Auxiliary)
                .count(),
            18
        );
        assert_eq!(role_of("office"), Some(StaffRole::DistrictOffice));
        assert_eq!(role_of("admin"), Some(StaffRole::SystemAdmin));
        assert_eq!(role_of("secadmin"), Some(StaffRole::SecurityAdmin));
        assert_eq!(role_of("auditor"), Some(StaffRole::AuditAdmin));
        for (i, dept) in d.departments.iter().enumerate() {
            let handler = d
                .staff
                .iter()
                .find(|s| s.username == format!("dept-{}", dept.code));
            let handler = handler.unwrap_or_else(|| panic!("no handler for {}", dept.code));
            assert_eq!(handler.role, StaffRole::DepartmentHandler);
            assert_eq!(handler.department, Some(i));
        }
        let handlers = d
            .staff
            .iter()
            .filter(|s| s.role == StaffRole::DepartmentHandler)
            .count();
        assert_eq!(handlers, d.departments.len());
        assert_eq!(d.staff.len(), 2 + 18 + 1 + 3 + d.departments.len());
        assert!(d.staff.iter().all(|s| !s.name.is_empty()));
    }
}

#[test]
fn units_cover_every_tower_once() {
    for d in districts() {
        let mut covered = vec![0; d.buildings.len()];
        for u in &d.units {
            assert!((1..=2).contains(&u.buildings.len()), "{}", u.name);
            for &b in &u.buildings {
                covered[b] += 1;
                assert_eq!(d.buildings[b].grid, u.grid, "{} spans grids", u.name);
            }
        }
        assert!(covered.iter().all(|&c| c == 1));
        assert!(d.units.iter().any(|u| u.buildings.len() == 2));
        let names: HashSet<_> = d.units.iter().map(|u| &u.name).collect();
        assert_eq!(names.len(), d.units.len());
    }
}

#[test]
fn posts_belong_to_their_units_buildings() {
    for d in districts() {
        for (u, unit) in d.units.iter().enumerate() {
            let posts: Vec<_> = d.posts.iter().filter(|p| p.unit == u).collect();
            assert!(
                (1..=3).contains(&posts.len()),
                "{} has {} posts",
                unit.name,
                posts.len()
            );
            let names: HashSet<_> = posts.iter().map(|p| &p.name).collect();
            assert_eq!(names.len(), posts.len());
            for p in posts {
                assert!(unit.buildings.contains(&p.building));
                assert!(p.min_staff >= 1);
            }
        }
    }
}

#[test]
fn every_unit_has_guards_and_a_team_leader() {
    for d in districts() {
        for (u, unit) in d.units.iter().enumerate() {
            let guards: Vec<_> = d.guards.iter().filter(|g| g.unit == u).collect();
            assert!(
                (2..=6).contains(&guards.len()),
                "{} has {}",
                unit.name,
                guards.len()
            );
            assert!(
                guards.iter().any(|g| g.team_leader),
                "{} has no leader",
                unit.name
            );
        }
    }
}

#[test]
fn every_guard_stands_at_a_post_of_their_unit() {
    for d in districts() {
        for g in &d.guards {
            assert_eq!(d.posts[g.post].unit, g.unit, "{}", g.username);
        }
        for (p, post) in d.posts.iter().enumerate() {
            let staffed = d.guards.iter().filter(|g| g.post == p).count();
            assert!(staffed >= post.min_staff as usize, "post {p} understaffed");
        }
    }
}

#[test]
fn guards_are_mostly_male_and_employed_by_service_companies() {
    for d in districts() {
        let male = d.guards.iter().filter(|g| g.gender == Gender::Male).count();
        let share = male as f64 / d.guards.len() as f64;
        assert!((0.75..=0.95).contains(&share), "male share {share}");
        let mut own_property = 0;
        for g in &d.guards {
            let employer = &d.companies[g.employer];
            assert!(matches!(
                employer.kind,
                CompanyKind::Property | CompanyKind::Security
            ));
            if employer.kind == CompanyKind::Security
                || g.employer == d.units[g.unit].property_company
            {
                own_property += 1;
            }
        }
        assert!(
            own_property * 10 >= d.guards.len() * 8,
            "{own_property} of {}",
            d.guards.len()
        );
        let names: HashSet<_> = d.guards.iter().map(|g| &g.name).collect();
        assert_eq!(names.len(), d.guards.len());
    }
}
