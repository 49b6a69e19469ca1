//! Patrol routes: creation rules, completion by route/unit/guard for a day, and one
//! missed-checkpoint alert per round that ended with checkpoints not visited.

use crate::patrol::{checkpoint, plate, start_shift};
use crate::support::TestApp;
use chrono::{Duration, TimeZone, Timelike, Utc};
use http::StatusCode;
use jingbao_server::patrol::alerts::evaluate_once;
use jingbao_store::both_backends;
use serde_json::json;
use uuid::Uuid;

both_backends!(routes_completion_and_missed_rounds, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let u = t.fx.stations[0].units[0];
    let other = t.fx.stations[0].units[1];
    // A checkpoint of another unit is refused.
    let bad = t.post("/api/patrol-routes", &officer, json!({"unit_id": u.unit, "name": "巡逻", "checkpoint_ids": [other.checkpoint], "every_minutes": 60, "window": {"start": "00:00", "end": "00:00"}})).await;
    assert_eq!(bad.json()["details"][0]["code"], "unknown_reference");
    let second = t.post("/api/checkpoints", &officer, json!({"name": "后门", "code": "FX-BACK", "building_id": u.building, "unit_id": u.unit, "lat": 29.8001, "lon": 121.5012})).await.json();
    let r = t.post("/api/patrol-routes", &officer, json!({"unit_id": u.unit, "name": "全天巡逻", "checkpoint_ids": [u.checkpoint, second["id"]], "every_minutes": 60, "window": {"start": "00:00", "end": "00:00"}})).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    assert_eq!(
        t.get("/api/patrol-routes", &t.token("officer_b").await)
            .await
            .json()["total"],
        0
    );
    // Move to the start of the next local hour, do one of the two checkpoints in that round.
    let now = t.clock_now();
    let local = now + Duration::hours(8);
    t.clock.advance(
        Duration::minutes(60 - local.minute() as i64) - Duration::seconds(local.second() as i64)
            + Duration::minutes(1),
    );
    let guard = t.token("guard_a1").await;
    start_shift(&t, &guard).await;
    let p = plate(&t, &officer, u.checkpoint).await;
    let cp = checkpoint(&t, &officer, u.checkpoint).await;
    let ci = t.post("/api/checkins", &guard, json!({"id": Uuid::now_v7(), "code": p["payload"], "lat": cp["lat"], "lon": cp["lon"], "accuracy": 5.0, "device_time": t.clock_now()})).await.json();
    assert_eq!(ci["verdict"], "valid", "{ci}");
    t.clock.advance(Duration::minutes(60));
    evaluate_once(&t.state).await.expect("eval");
    evaluate_once(&t.state)
        .await
        .expect("eval twice raises once");
    let missed = t
        .get("/api/alerts?kind=missed_checkpoint", &officer)
        .await
        .json();
    assert_eq!(missed["total"], 1, "{missed}");
    assert_eq!(
        missed["items"][0]["reason"]["missing"],
        json!([second["id"]])
    );
    let date = (t.clock_now() + Duration::hours(8))
        .date_naive()
        .to_string();
    let by_route = t
        .get(
            &format!("/api/patrol-routes/completion?date={date}&by=route"),
            &officer,
        )
        .await
        .json();
    let row = &by_route["rows"][0];
    assert_eq!(
        (row["done"].as_u64(), row["name"].as_str()),
        (Some(1), Some("全天巡逻"))
    );
    assert!(row["expected"].as_u64().expect("expected") >= 2);
    let by_guard = t
        .get(
            &format!("/api/patrol-routes/completion?date={date}&by=guard"),
            &officer,
        )
        .await
        .json();
    let g = by_guard["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["name"] == "保安a1")
        .cloned()
        .expect("guard row");
    assert_eq!(
        (g["expected"].as_u64(), g["done"].as_u64()),
        (Some(2), Some(1)),
        "only the round during the shift is expected of the guard"
    );
    assert_eq!(
        t.get("/api/patrol-routes/completion?by=nope", &officer)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let _ = Utc.timestamp_opt(0, 0);
});
