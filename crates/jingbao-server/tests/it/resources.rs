//! Resource flows: create, read back, patch; GCJ-02 conversion; masking and unmasking;
//! the org tree and the map base layers.

use crate::support::TestApp;
use http::StatusCode;
use jingbao_store::both_backends;
use serde_json::json;

both_backends!(building_create_with_gcj02_footprint, |store| {
    let t = TestApp::new(store).await;
    let admin = t.token("admin").await;
    let (lon, lat) = (121.5505, 29.8205);
    let (gx, gy) = jingbao_server::resources::geojson::wgs_to_gcj(lon, lat);
    let d = 0.0003;
    let fp = json!({"type": "Polygon", "coordinates": [[[gx, gy], [gx + d, gy], [gx + d, gy + d], [gx, gy + d], [gx, gy]]]});
    let r = t.post("/api/buildings", &admin, json!({"name": "新建大厦", "code": "NEW-1", "grid_id": t.fx.stations[1].grid, "height_m": 120.0, "floors": 30, "footprint": fp, "datum": "gcj02"})).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    let first = &r.json()["footprint"]["coordinates"][0][0];
    assert!(
        (first[0].as_f64().expect("lon") - lon).abs() < 1e-6
            && (first[1].as_f64().expect("lat") - lat).abs() < 1e-6,
        "stored in WGS-84: {first}"
    );
    let dup = t.post("/api/buildings", &admin, json!({"name": "重复", "code": "NEW-1", "grid_id": t.fx.stations[1].grid, "height_m": 10.0, "floors": 3, "footprint": fp})).await;
    assert_eq!(
        (dup.status, dup.code().as_str()),
        (StatusCode::CONFLICT, "conflict")
    );
    let officer_b = t.token("officer_b").await;
    let id = r.json()["id"].as_str().expect("id").to_string();
    assert_eq!(
        t.get(&format!("/api/buildings/{id}"), &officer_b)
            .await
            .status,
        StatusCode::OK
    );
    let officer_a = t.token("officer_a").await;
    assert_eq!(
        t.get(&format!("/api/buildings/{id}"), &officer_a)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
});

both_backends!(guard_masking_and_unmasking, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let u = t.fx.stations[0].units[1];
    let r = t.post("/api/guards", &officer, json!({"name": "孙七", "gender": "male", "id_number": "11010519491231002x", "phone": "13912345678",
        "licence_no": "浙保证字2026000123", "licence_expiry": "2029-03-31", "unit_id": u.unit, "post_id": u.post, "employer_company_id": t.fx.stations[0].employer})).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    let g = r.json();
    assert_eq!(g["id_number"], "1101**********002X");
    assert_eq!(g["phone"], "139****5678");
    assert_eq!(g["employer_company_name"], "测试保安服务公司a");
    let id = g["id"].as_str().expect("id");
    let clear = t
        .get(&format!("/api/guards/{id}?unmask=true"), &officer)
        .await
        .json();
    assert_eq!(clear["id_number"], "11010519491231002X");
    assert_eq!(clear["masked"], false);
    let manager = t.token("manager_a1").await;
    assert_eq!(
        t.get(
            &format!(
                "/api/guards/{}?unmask=true",
                t.fx.stations[0].units[0].guard
            ),
            &manager
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let dup = t.post("/api/guards", &officer, json!({"name": "重复证", "gender": "male", "id_number": "11010519491231002X", "phone": "13912345678",
        "licence_no": "浙保证字2026000123", "licence_expiry": "2029-03-31", "unit_id": u.unit})).await;
    assert_eq!(dup.status, StatusCode::CONFLICT);
    let p = t
        .patch(
            &format!("/api/guards/{id}"),
            &officer,
            json!({"status": "inactive", "team_leader": true}),
        )
        .await
        .json();
    assert_eq!(
        (p["status"].as_str(), p["team_leader"].as_bool()),
        (Some("inactive"), Some(true))
    );
});

both_backends!(org_tree_and_create_rules, |store| {
    let t = TestApp::new(store).await;
    let admin = t.token("admin").await;
    let tree = t.get("/api/org-units/tree", &admin).await.json();
    assert_eq!(tree.as_array().expect("roots").len(), 1);
    assert_eq!(tree[0]["kind"], "bureau");
    let officer = t.token("officer_a").await;
    let otree = t.get("/api/org-units/tree", &officer).await.json();
    assert_eq!(
        otree[0]["kind"], "station",
        "an officer's tree starts at the station"
    );
    let r = t.post("/api/org-units", &admin, json!({"parent_id": t.fx.stations[0].grid, "kind": "station", "name": "错层", "code": "BAD"})).await;
    assert_eq!(r.json()["details"][0]["code"], "not_allowed_here");
    let r = t.post("/api/org-units", &admin, json!({"parent_id": t.fx.stations[0].grid, "kind": "unit", "name": "新单位", "code": "FX-NEW"})).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(
        t.get("/api/org-units?kind=unit", &officer).await.json()["total"],
        4
    );
});

both_backends!(map_base_layers_follow_scope, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let m = t.get("/api/map/base", &officer).await.json();
    assert_eq!(
        m["buildings"]["features"]
            .as_array()
            .expect("features")
            .len(),
        3
    );
    assert_eq!(m["grids"]["features"].as_array().expect("grids").len(), 1);
    let b = m["bounds"].as_array().expect("bounds");
    assert!(b[0].as_f64() < b[2].as_f64() && b[1].as_f64() < b[3].as_f64());
    assert!(
        m["buildings"]["features"][0]["properties"]["height_m"]
            .as_f64()
            .expect("h")
            > 0.0
    );
});

both_backends!(row_timeline_follows_scope, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let g = t.fx.stations[0].units[0].guard;
    t.patch(
        &format!("/api/guards/{g}"),
        &officer,
        json!({"name": "改一"}),
    )
    .await;
    t.patch(
        &format!("/api/guards/{g}"),
        &officer,
        json!({"name": "改二"}),
    )
    .await;
    let h = t
        .get(&format!("/api/guards/{g}/history"), &officer)
        .await
        .json();
    let actions: Vec<&str> = h
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        vec!["guard.update", "guard.update"],
        "newest first, only this object"
    );
    assert_eq!(h[0]["username"], "officer_a");
    let other = t.token("officer_b").await;
    assert_eq!(
        t.get(&format!("/api/guards/{g}/history"), &other)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let admin = t.token("admin").await;
    let users = t.get("/api/users?q=officer_a", &admin).await.json();
    assert_eq!(users["items"][0]["org_unit_name"], "测试警务室a");
});
