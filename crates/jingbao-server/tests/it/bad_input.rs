//! Bad input on every write route gets a coded 4xx: malformed JSON, wrong types, missing
//! fields, oversized bodies, unknown, foreign and malformed ids, bad queries. Never a 500.

use crate::support::{Auth, TestApp};
use axum::body::Body;
use http::{Request, StatusCode};
use jingbao_server::routes::api;
use jingbao_store::both_backends;
use serde_json::json;

async fn raw_body(
    t: &TestApp,
    auth: &Auth,
    method: &str,
    path: &str,
    ct: &str,
    body: Vec<u8>,
) -> crate::support::Resp {
    let Auth::Bearer(tok) = auth else {
        panic!("bearer expected")
    };
    let req = Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {tok}"))
        .header("content-type", ct)
        .body(Body::from(body))
        .expect("req");
    t.raw(req).await
}

both_backends!(every_json_route_rejects_bad_bodies, |store| {
    let t = TestApp::new(store).await;
    let admin = t.token("admin").await;
    let guard = t.token("guard_a1").await;
    let officer = t.token("officer_a").await;
    let any_id = t.fx.stations[0].units[0].unit;
    let mut routes = 0;
    for d in api(1 << 20)
        .1
        .iter()
        .filter(|d| d.request.is_some_and(|r| r != "multipart"))
    {
        let path = d.path.replace(
            "{id}",
            &match d.path {
                p if p.starts_with("/api/users/") => t.uid("officer_b"),
                p if p.starts_with("/api/buildings/") => t.fx.stations[0].units[0].building,
                p if p.starts_with("/api/checkpoints/") => t.fx.stations[0].units[0].checkpoint,
                p if p.starts_with("/api/guards/") => t.fx.stations[0].units[0].guard,
                p if p.starts_with("/api/companies/") => t.fx.stations[0].units[0].enterprise,
                _ => any_id,
            }
            .to_string(),
        );
        let m = d.method.to_uppercase();
        let who = match d.perm {
            Some(jingbao_domain::Permission::PatrolSubmit) => &guard,
            Some(
                jingbao_domain::Permission::AlertManage
                | jingbao_domain::Permission::DirectiveIssue,
            ) => &officer,
            _ => &admin,
        };
        let r = raw_body(&t, who, &m, &path, "application/json", b"{,".to_vec()).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::BAD_REQUEST, "malformed_json"),
            "{m} {path}"
        );
        let r = raw_body(
            &t,
            who,
            &m,
            &path,
            "application/json",
            b"[1, 2, 3]".to_vec(),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{m} {path} array body"
        );
        let r = raw_body(
            &t,
            who,
            &m,
            &path,
            "application/json",
            json!({"name": 12, "password": false, "code": [], "floors": "many"})
                .to_string()
                .into_bytes(),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{m} {path} wrong types: {}",
            String::from_utf8_lossy(&r.bytes)
        );
        assert!(
            r.json()["details"][0]["field"].is_string(),
            "{m} {path} names the field"
        );
        let r = raw_body(&t, who, &m, &path, "text/plain", b"hello".to_vec()).await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{m} {path}");
        let big = format!("{{\"name\": \"{}\"}}", "x".repeat(2 << 20));
        let r = raw_body(&t, who, &m, &path, "application/json", big.into_bytes()).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            "{m} {path}"
        );
        routes += 1;
    }
    assert!(routes >= 15, "only {routes} JSON routes checked");
});

both_backends!(ids_unknown_foreign_and_malformed, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let foreign = t.fx.stations[1].units[0];
    for base in [
        "org-units",
        "buildings",
        "checkpoints",
        "guards",
        "companies",
    ] {
        let foreign_id = match base {
            "org-units" => foreign.unit,
            "buildings" => foreign.building,
            "checkpoints" => foreign.checkpoint,
            "guards" => foreign.guard,
            _ => foreign.enterprise,
        };
        for id in [
            uuid::Uuid::new_v4().to_string(),
            foreign_id.to_string(),
            "not-a-uuid".into(),
            "1".into(),
        ] {
            let r = t.get(&format!("/api/{base}/{id}"), &officer).await;
            assert_eq!(
                (r.status, r.code().as_str()),
                (StatusCode::NOT_FOUND, "not_found"),
                "{base}/{id}"
            );
        }
    }
    let r = t
        .patch(
            &format!("/api/guards/{}", foreign.guard),
            &officer,
            json!({"name": "改"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
});

both_backends!(references_to_foreign_objects_are_rejected, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let b = t.fx.stations[1].units[0];
    let r = t.post("/api/checkpoints", &officer, json!({"name": "越界", "code": "X-1", "building_id": b.building, "unit_id": b.unit, "lat": 29.8, "lon": 121.5})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["details"][0]["code"], "unknown_reference");
    let r = t.post("/api/guards", &officer, json!({"name": "越界", "gender": "male", "id_number": "11010519491231002X", "phone": "13800000000",
        "licence_no": "LX-1", "licence_expiry": "2028-01-01", "unit_id": b.unit})).await;
    assert_eq!(r.json()["details"][0]["code"], "unknown_reference");
});

both_backends!(query_parameters_are_checked, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    for q in [
        "page=0",
        "page=abc",
        "page_size=201",
        "page_size=-1",
        "sort=password_hash",
        "unit_id=zzz",
    ] {
        let r = t.get(&format!("/api/guards?{q}"), &officer).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            "{q}"
        );
    }
    let r = t
        .get("/api/guards?page_size=200&sort=-name", &officer)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = t.get("/api/guards?q=%E4%BF%9D%E5%AE%89a1", &officer).await;
    assert_eq!(r.json()["total"], 1);
});

both_backends!(unknown_routes_and_methods, |store| {
    let t = TestApp::new(store).await;
    let a = t.token("admin").await;
    let r = t.get("/api/does-not-exist", &a).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let r = t.send(http::Method::DELETE, "/api/guards", &a, None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    let r = t
        .send(http::Method::PUT, "/api/health", &Auth::None, None)
        .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
});

both_backends!(field_validation_details, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let u = t.fx.stations[0].units[0];
    let r = t.post("/api/guards", &officer, json!({"name": "", "gender": "x", "id_number": "123", "phone": "2", "licence_no": "L", "licence_expiry": "2028-13-40", "unit_id": u.unit})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = r.json()["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| d["field"].as_str().unwrap_or("").to_string())
        .collect();
    for f in ["name", "gender", "id_number", "phone", "licence_expiry"] {
        assert!(
            fields.contains(&f.to_string()),
            "{f} missing from {fields:?}"
        );
    }
    let r = t.post("/api/buildings", &officer, json!({"name": "新楼", "code": "NB-1", "grid_id": t.fx.stations[0].grid, "height_m": 50.0, "floors": 10,
        "footprint": {"type": "Polygon", "coordinates": [[[121.5, 29.8], [121.501, 29.8], [121.501, 29.801], [121.5, 29.8005]]]}})).await;
    assert_eq!(r.json()["details"][0]["code"], "invalid_geometry");
});
