//! The authorisation matrix: every route of the route table × every role × an in-scope and an
//! out-of-scope object. Permission-less roles get 403; scoped ids outside the caller's subtree
//! get 404 (never 403, which would leak existence); lists never show foreign rows.

use crate::support::{TestApp, ids};
use http::{Method, StatusCode};
use jingbao_domain::Permission;
use jingbao_domain::Role;
use jingbao_domain::permission::roles_grant;
use jingbao_server::routes::{RouteDoc, api};
use jingbao_store::both_backends;
use serde_json::json;
use uuid::Uuid;

/// The permission a route needs (None: any signed-in user; public routes are skipped).
fn needs(d: &RouteDoc) -> Option<Permission> {
    let write = d.method != "get";
    if d.path.ends_with("/track")
        || d.path == "/api/positions/live"
        || (d.path == "/api/checkins" && !write)
        || (d.path == "/api/alerts" && !write)
    {
        return Some(Permission::PatrolRead);
    }
    if d.path.starts_with("/api/alerts/") {
        return Some(Permission::AlertManage);
    }
    if d.path.starts_with("/api/shifts")
        || d.path == "/api/checkins"
        || d.path == "/api/positions/batch"
        || d.path == "/api/heartbeat"
        || d.path == "/api/me/route"
    {
        return Some(Permission::PatrolSubmit);
    }
    if d.path == "/api/me/directives" || d.path.ends_with("/ack") || d.path.ends_with("/feedback") {
        return Some(Permission::PatrolSubmit);
    }
    if d.path.starts_with("/api/directives")
        || d.path.starts_with("/api/ack-tests")
        || d.path.starts_with("/api/bulletins")
        || d.path.starts_with("/api/interviews")
    {
        return Some(if write {
            Permission::DirectiveIssue
        } else {
            Permission::CapDirectives
        });
    }
    if d.path == "/api/patrol-routes/completion" {
        return Some(Permission::PatrolRead);
    }
    if d.path.starts_with("/api/patrol-routes") || d.path.starts_with("/api/shift-templates") {
        if d.path.ends_with("/import-template.xlsx") {
            return Some(Permission::CheckpointWrite);
        }
        return Some(if write {
            Permission::CheckpointWrite
        } else {
            Permission::CheckpointRead
        });
    }
    if d.path.starts_with("/api/checkpoint-keys") {
        return Some(Permission::KeyManage);
    }
    if d.path.ends_with("/qr") {
        return Some(Permission::CheckpointRead);
    }
    let template = d.path.ends_with("/import-template.xlsx");
    let base = d
        .path
        .trim_start_matches("/api/")
        .split('/')
        .next()
        .unwrap_or("");
    let (r, w) = match base {
        "org-units" => (Permission::OrgRead, Permission::OrgWrite),
        "buildings" => (Permission::BuildingRead, Permission::BuildingWrite),
        "checkpoints" => (Permission::CheckpointRead, Permission::CheckpointWrite),
        "guards" => (Permission::GuardRead, Permission::GuardWrite),
        "companies" => (Permission::CompanyRead, Permission::CompanyWrite),
        "users" => (Permission::UserRead, Permission::UserWrite),
        "audit" => (Permission::AuditRead, Permission::AuditRead),
        "map" => (Permission::BuildingRead, Permission::BuildingRead),
        _ => return None,
    };
    Some(if write || template { w } else { r })
}

struct Case {
    user: &'static str,
    role: Role,
    /// Objects the user may see, by resource base.
    inside: fn(&TestApp, &str) -> Option<Uuid>,
    outside: fn(&TestApp, &str) -> Option<Uuid>,
}

fn unit_objects(t: &TestApp, station: usize, unit: usize, base: &str) -> Option<Uuid> {
    let u = &t.fx.stations[station].units[unit];
    Some(match base {
        "org-units" => u.unit,
        "buildings" => u.building,
        "checkpoints" => u.checkpoint,
        "guards" => u.guard,
        "companies" => u.enterprise,
        "users" => {
            return t
                .fx
                .users
                .get(&format!("guard_{}{}", ["a", "b"][station], unit + 1))
                .copied();
        }
        _ => return None,
    })
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            user: "officer_a",
            role: Role::CommandOfficer,
            inside: |t, b| unit_objects(t, 0, 1, b),
            outside: |t, b| unit_objects(t, 1, 0, b),
        },
        Case {
            user: "manager_a1",
            role: Role::UnitManager,
            inside: |t, b| unit_objects(t, 0, 0, b),
            outside: |t, b| unit_objects(t, 0, 1, b),
        },
        Case {
            user: "office",
            role: Role::DistrictOffice,
            inside: |t, b| unit_objects(t, 0, 2, b),
            outside: |t, b| unit_objects(t, 1, 2, b),
        },
        Case {
            user: "dept_a",
            role: Role::DepartmentHandler,
            inside: |t, b| unit_objects(t, 0, 0, b),
            outside: |t, b| unit_objects(t, 1, 0, b),
        },
        Case {
            user: "guard_a1",
            role: Role::Guard,
            inside: |t, b| {
                if b == "guards" {
                    unit_objects(t, 0, 0, b)
                } else {
                    None
                }
            },
            outside: |t, b| unit_objects(t, 0, 1, b),
        },
        Case {
            user: "admin",
            role: Role::SystemAdmin,
            inside: |t, b| unit_objects(t, 1, 2, b),
            outside: |_, _| None,
        },
        Case {
            user: "secadmin",
            role: Role::SecurityAdmin,
            inside: |t, b| unit_objects(t, 1, 1, b),
            outside: |_, _| None,
        },
        Case {
            user: "auditor",
            role: Role::AuditAdmin,
            inside: |t, b| unit_objects(t, 0, 0, b),
            outside: |_, _| None,
        },
    ]
}

fn method(d: &RouteDoc) -> Method {
    Method::from_bytes(d.method.to_uppercase().as_bytes()).expect("method")
}

/// A body that passes shape checks but names nothing: enough to reach the permission and
/// scope checks of write routes.
fn probe_body(d: &RouteDoc) -> Option<serde_json::Value> {
    match d.method {
        "get" => None,
        "patch" => Some(json!({})),
        _ => Some(json!({})),
    }
}

both_backends!(every_route_every_role, |store| {
    let t = TestApp::new(store).await;
    let (_, docs) = api(1 << 20);
    let mut checked = 0usize;
    for case in cases() {
        let auth = t.login(case.user).await;
        for d in docs.iter().filter(|d| !d.public) {
            let Some(p) = needs(d) else { continue };
            let allowed = roles_grant(&[case.role], p);
            let base = d
                .path
                .trim_start_matches("/api/")
                .split('/')
                .next()
                .unwrap_or("")
                .to_string();
            if d.path.contains("{id}") {
                for (inside, id) in [
                    (true, (case.inside)(&t, &base)),
                    (false, (case.outside)(&t, &base)),
                ] {
                    let Some(id) = id else { continue };
                    let path = d.path.replace("{id}", &id.to_string());
                    let r = t.send(method(d), &path, &auth, probe_body(d)).await;
                    let expect = if !allowed {
                        StatusCode::FORBIDDEN
                    } else if inside {
                        StatusCode::OK
                    } else {
                        StatusCode::NOT_FOUND
                    };
                    assert_eq!(
                        r.status,
                        expect,
                        "{} {} as {} ({}): {}",
                        d.method,
                        path,
                        case.user,
                        if inside { "in scope" } else { "out of scope" },
                        String::from_utf8_lossy(&r.bytes)
                    );
                    checked += 1;
                }
            } else {
                let r = t.send(method(d), d.path, &auth, probe_body(d)).await;
                if !allowed {
                    assert_eq!(
                        r.status,
                        StatusCode::FORBIDDEN,
                        "{} {} as {}",
                        d.method,
                        d.path,
                        case.user
                    );
                    assert_eq!(r.code(), "forbidden");
                } else {
                    // Allowed: reads succeed; writes with an empty body fail validation, not authorisation.
                    assert!(
                        r.status != StatusCode::FORBIDDEN
                            && r.status != StatusCode::UNAUTHORIZED
                            && !r.status.is_server_error(),
                        "{} {} as {} got {}",
                        d.method,
                        d.path,
                        case.user,
                        r.status
                    );
                    if d.method == "get" {
                        assert_eq!(
                            r.status,
                            StatusCode::OK,
                            "{} {} as {}",
                            d.method,
                            d.path,
                            case.user
                        );
                    }
                    if d.method == "get"
                        && d.response.is_some_and(|s| s.starts_with('['))
                        && let Some(out) = (case.outside)(&t, &base)
                    {
                        assert!(
                            !ids(&r.json()).contains(&out.to_string()),
                            "{} lists a foreign row to {}",
                            d.path,
                            case.user
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 250, "matrix too small: {checked}");
});

both_backends!(guard_sees_only_itself, |store| {
    let t = TestApp::new(store).await;
    let g = t.login("guard_a1").await;
    let list = t.get("/api/guards?page_size=200", &g).await.json();
    assert_eq!(list["total"], 1);
    assert_eq!(
        ids(&list),
        vec![t.fx.stations[0].units[0].guard.to_string()]
    );
});

both_backends!(manager_sees_only_own_units, |store| {
    let t = TestApp::new(store).await;
    let m = t.login("manager_a1").await;
    let list = t.get("/api/checkpoints?page_size=200", &m).await.json();
    assert_eq!(
        ids(&list),
        vec![t.fx.stations[0].units[0].checkpoint.to_string()]
    );
    let o = t.login("officer_a").await;
    assert_eq!(
        t.get("/api/checkpoints?page_size=200", &o).await.json()["total"],
        3
    );
    let a = t.login("admin").await;
    assert_eq!(
        t.get("/api/checkpoints?page_size=200", &a).await.json()["total"],
        6
    );
});

both_backends!(denials_are_audited, |store| {
    let t = TestApp::new(store).await;
    let g = t.login("guard_a1").await;
    assert_eq!(t.get("/api/audit", &g).await.status, StatusCode::FORBIDDEN);
    let aud = t.login("auditor").await;
    let rows = t.get("/api/audit?action=authz.denied", &aud).await.json();
    assert!(rows["total"].as_u64().expect("n") >= 1);
    assert_eq!(rows["items"][0]["username"], "guard_a1");
    assert_eq!(rows["items"][0]["result"], "denied");
});
