//! Check-ins, shifts and positions: signed codes, verdicts and reasons, exactly-once storage
//! under retries, positions refused outside a shift.

use crate::support::{Auth, TestApp};
use chrono::Duration;
use http::StatusCode;
use jingbao_store::both_backends;
use serde_json::{Value, json};
use uuid::Uuid;

pub async fn plate(t: &TestApp, officer: &Auth, cp: Uuid) -> Value {
    let r = t
        .get(&format!("/api/checkpoints/{cp}/qr?format=json"), officer)
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    r.json()
}

pub async fn checkpoint(t: &TestApp, officer: &Auth, cp: Uuid) -> Value {
    t.get(&format!("/api/checkpoints/{cp}"), officer)
        .await
        .json()
}

pub async fn start_shift(t: &TestApp, guard: &Auth) -> Value {
    let r = t
        .post(
            "/api/shifts/start",
            guard,
            json!({"id": Uuid::now_v7(), "device_time": t.clock_now()}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    r.json()
}

fn checkin_body(t: &TestApp, code: &str, lat: f64, lon: f64) -> Value {
    json!({"id": Uuid::now_v7(), "code": code, "lat": lat, "lon": lon, "accuracy": 8.0, "device_time": t.clock_now()})
}

fn reasons(v: &Value) -> Vec<String> {
    v["reasons"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

both_backends!(checkin_verdicts, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let guard = t.token("guard_a1").await;
    let cp_id = t.fx.stations[0].units[0].checkpoint;
    let p = plate(&t, &officer, cp_id).await;
    let cp = checkpoint(&t, &officer, cp_id).await;
    let (lat, lon) = (
        cp["lat"].as_f64().expect("lat"),
        cp["lon"].as_f64().expect("lon"),
    );
    let payload = p["payload"].as_str().expect("payload").to_string();

    // Not on shift yet: flagged.
    let r = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, &payload, lat, lon),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(
        (r.json()["verdict"].as_str(), reasons(&r.json())),
        (Some("flagged"), vec!["not_on_shift".to_string()])
    );
    start_shift(&t, &guard).await;
    t.clock.advance(Duration::minutes(3));

    let ok = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, &payload, lat, lon),
        )
        .await
        .json();
    assert_eq!(ok["verdict"], "valid", "{ok}");
    assert_eq!(ok["checkpoint_id"], json!(cp_id));
    // Same checkpoint again within 2 minutes: replayed.
    t.clock.advance(Duration::seconds(30));
    let again = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, &payload, lat, lon),
        )
        .await
        .json();
    assert_eq!(reasons(&again), vec!["replayed"]);
    // Manual code works too.
    t.clock.advance(Duration::minutes(3));
    let manual = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, p["manual_code"].as_str().expect("manual"), lat, lon),
        )
        .await
        .json();
    assert_eq!(manual["verdict"], "valid", "{manual}");
    // Forged: signature altered.
    t.clock.advance(Duration::minutes(3));
    let mut forged = payload.clone();
    let last = forged.pop().expect("char");
    forged.push(if last == 'A' { 'B' } else { 'A' });
    let f = t
        .post("/api/checkins", &guard, checkin_body(&t, &forged, lat, lon))
        .await
        .json();
    assert_eq!(
        (f["verdict"].as_str(), reasons(&f)),
        (Some("rejected"), vec!["bad_signature".to_string()])
    );
    let wrong_manual = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, "FX-CPa1-000000", lat, lon),
        )
        .await
        .json();
    assert!(
        reasons(&wrong_manual).contains(&"bad_signature".to_string()),
        "{wrong_manual}"
    );
    assert_eq!(wrong_manual["verdict"], "rejected");
    let garbage = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, "hello world", lat, lon),
        )
        .await
        .json();
    assert_eq!(garbage["verdict"], "rejected");
    // Unknown key.
    let unknown = payload.replacen("JB1.k1.", "JB1.k9.", 1);
    let u = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, &unknown, lat, lon),
        )
        .await
        .json();
    assert_eq!(reasons(&u), vec!["unknown_key"]);
    // Out of radius: ~500 m away.
    t.clock.advance(Duration::minutes(3));
    let far = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, &payload, lat + 0.0045, lon),
        )
        .await
        .json();
    assert!(
        reasons(&far).contains(&"out_of_radius".to_string()),
        "{far}"
    );
    assert_eq!(far["verdict"], "rejected");
    // Every well-formed check-in was stored.
    let list = t
        .get(
            &format!(
                "/api/checkins?guard_id={}&page_size=200",
                t.fx.stations[0].units[0].guard
            ),
            &officer,
        )
        .await
        .json();
    assert_eq!(list["total"], 9);
});

both_backends!(retired_key_grace_and_expiry, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let admin = t.token("admin").await;
    let guard = t.token("guard_a1").await;
    start_shift(&t, &guard).await;
    let cp_id = t.fx.stations[0].units[0].checkpoint;
    let old = plate(&t, &officer, cp_id).await;
    let cp = checkpoint(&t, &officer, cp_id).await;
    let (lat, lon) = (
        cp["lat"].as_f64().expect("lat"),
        cp["lon"].as_f64().expect("lon"),
    );
    let r = t
        .post("/api/checkpoint-keys/rotate", &admin, json!({}))
        .await;
    assert_eq!(r.json()["kid"], "k2");
    assert_eq!(
        t.post("/api/checkpoint-keys/rotate", &officer, json!({}))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let new = plate(&t, &officer, cp_id).await;
    assert_ne!(old["payload"], new["payload"]);
    t.clock.advance(Duration::days(29));
    let guard = t.token("guard_a1").await;
    let within = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, old["payload"].as_str().expect("p"), lat, lon),
        )
        .await
        .json();
    assert_eq!(
        within["verdict"], "valid",
        "a retired key is accepted for 30 days: {within}"
    );
    t.clock.advance(Duration::days(2));
    let guard = t.token("guard_a1").await;
    let expired = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, old["payload"].as_str().expect("p"), lat, lon),
        )
        .await
        .json();
    assert!(
        reasons(&expired).contains(&"key_retired".to_string()),
        "{expired}"
    );
    let manual_old = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, old["manual_code"].as_str().expect("m"), lat, lon),
        )
        .await
        .json();
    assert!(
        reasons(&manual_old).contains(&"key_retired".to_string()),
        "{manual_old}"
    );
});

both_backends!(impossible_speed_and_indoor_no_fix, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let guard = t.token("guard_a1").await;
    start_shift(&t, &guard).await;
    // A checkpoint ~1 km away in the same unit.
    let u = t.fx.stations[0].units[0];
    let far = t.post("/api/checkpoints", &officer, json!({"name": "远处", "code": "FAR-1", "building_id": u.building, "unit_id": u.unit, "lat": 29.809, "lon": 121.501, "indoor": true})).await.json();
    let near = checkpoint(&t, &officer, u.checkpoint).await;
    let p1 = plate(&t, &officer, u.checkpoint).await;
    let p2 = plate(
        &t,
        &officer,
        far["id"].as_str().expect("id").parse().expect("uuid"),
    )
    .await;
    let a = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(
                &t,
                p1["payload"].as_str().expect("p"),
                near["lat"].as_f64().expect("lat"),
                near["lon"].as_f64().expect("lon"),
            ),
        )
        .await
        .json();
    assert_eq!(a["verdict"], "valid", "{a}");
    t.clock.advance(Duration::seconds(60));
    let b = t
        .post(
            "/api/checkins",
            &guard,
            checkin_body(&t, p2["payload"].as_str().expect("p"), 29.809, 121.501),
        )
        .await
        .json();
    assert_eq!(reasons(&b), vec!["impossible_speed"], "{b}");
    t.clock.advance(Duration::minutes(30));
    let body = json!({"id": Uuid::now_v7(), "code": p2["payload"], "device_time": t.clock_now()});
    let c = t.post("/api/checkins", &guard, body).await.json();
    assert_eq!(
        (c["verdict"].as_str(), reasons(&c)),
        (Some("flagged"), vec!["no_fix".to_string()]),
        "indoors a missing fix flags"
    );
    let body = json!({"id": Uuid::now_v7(), "code": p1["payload"], "device_time": t.clock_now()});
    assert_eq!(
        t.post("/api/checkins", &guard, body).await.json()["verdict"],
        "rejected",
        "outdoors it rejects"
    );
});

both_backends!(checkin_retried_five_times_is_stored_once, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let guard = t.token("guard_a1").await;
    start_shift(&t, &guard).await;
    let cp_id = t.fx.stations[0].units[0].checkpoint;
    let p = plate(&t, &officer, cp_id).await;
    let cp = checkpoint(&t, &officer, cp_id).await;
    let mut body = checkin_body(
        &t,
        p["payload"].as_str().expect("p"),
        cp["lat"].as_f64().expect("lat"),
        cp["lon"].as_f64().expect("lon"),
    );
    let mut replies = Vec::new();
    for i in 0..5 {
        body["sent_at"] = json!(t.clock_now() + Duration::seconds(i));
        t.clock.advance(Duration::seconds(20));
        let r = t.post("/api/checkins", &guard, body.clone()).await;
        assert_eq!(r.status, StatusCode::CREATED);
        replies.push(r.json());
    }
    assert!(
        replies.windows(2).all(|w| w[0] == w[1]),
        "identical replies: {replies:?}"
    );
    let list = t
        .get(&format!("/api/checkins?checkpoint_id={cp_id}"), &officer)
        .await
        .json();
    assert_eq!(list["total"], 1);
    body["lat"] = json!(0.0);
    let r = t.post("/api/checkins", &guard, body).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::CONFLICT, "idempotency_conflict")
    );
    // Another guard cannot reuse the id either.
    let other = t.token("guard_a2").await;
    let mut stolen = checkin_body(&t, p["payload"].as_str().expect("p"), 0.0, 0.0);
    stolen["id"] = replies[0]["id"].clone();
    assert_eq!(
        t.post("/api/checkins", &other, stolen).await.code(),
        "idempotency_conflict"
    );
});

both_backends!(shifts_and_positions, |store| {
    let t = TestApp::new(store).await;
    let guard = t.token("guard_a1").await;
    let officer = t.token("officer_a").await;
    let pos = |t: &TestApp| {
        json!({"id": Uuid::now_v7(), "positions": [
        {"id": Uuid::now_v7(), "lat": 29.8001, "lon": 121.5011, "accuracy": 6.0, "device_time": t.clock_now()},
        {"id": Uuid::now_v7(), "lat": 29.8002, "lon": 121.5012, "accuracy": 6.0, "device_time": t.clock_now()}]})
    };
    let off = t.post("/api/positions/batch", &guard, pos(&t)).await.json();
    assert_eq!(off["accepted"], 0);
    assert_eq!(off["refused"][0]["reason"], "not_on_shift");
    let start_id = Uuid::now_v7();
    let start = json!({"id": start_id, "device_time": t.clock_now()});
    let s1 = t.post("/api/shifts/start", &guard, start.clone()).await;
    assert_eq!(s1.status, StatusCode::CREATED);
    let s2 = t.post("/api/shifts/start", &guard, start).await;
    assert_eq!(
        (s2.status, s2.json()),
        (StatusCode::CREATED, s1.json()),
        "a retried start gets the first reply"
    );
    let dup = t
        .post(
            "/api/shifts/start",
            &guard,
            json!({"id": Uuid::now_v7(), "device_time": t.clock_now()}),
        )
        .await;
    assert_eq!(dup.code(), "already_on_shift");
    let batch = pos(&t);
    let r1 = t
        .post("/api/positions/batch", &guard, batch.clone())
        .await
        .json();
    assert_eq!(r1["accepted"], 2);
    let r2 = t.post("/api/positions/batch", &guard, batch).await.json();
    assert_eq!(r1, r2);
    let too_many: Vec<Value> = (0..101).map(|_| json!({"id": Uuid::now_v7(), "lat": 29.8, "lon": 121.5, "accuracy": 5.0, "device_time": t.clock_now()})).collect();
    assert_eq!(
        t.post(
            "/api/positions/batch",
            &guard,
            json!({"id": Uuid::now_v7(), "positions": too_many})
        )
        .await
        .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let gid = t.fx.stations[0].units[0].guard;
    let track = t
        .get(&format!("/api/guards/{gid}/track"), &officer)
        .await
        .json();
    assert_eq!(track["points"].as_array().expect("points").len(), 2);
    let live = t.get("/api/positions/live", &officer).await.json();
    let me = live["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["guard_id"] == json!(gid))
        .cloned()
        .expect("on the live list");
    assert_eq!(
        (me["on_shift"].as_bool(), me["state"].as_str()),
        (Some(true), Some("on_post"))
    );
    let foreign = t.token("officer_b").await;
    assert!(
        t.get("/api/positions/live", &foreign).await.json()["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["guard_id"] != json!(gid))
    );
    assert_eq!(
        t.get(&format!("/api/guards/{gid}/track"), &foreign)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let end = t.post("/api/shifts/end", &guard, json!({"id": Uuid::now_v7(), "handover_note": "B2 车库灯坏了", "device_time": t.clock_now()})).await;
    assert_eq!(
        end.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&end.bytes)
    );
    assert_eq!(
        t.post(
            "/api/shifts/end",
            &guard,
            json!({"id": Uuid::now_v7(), "device_time": t.clock_now()})
        )
        .await
        .code(),
        "not_on_shift"
    );
    let next = t.token("guard_a1").await;
    let cur = t.get("/api/shifts/current", &next).await.json();
    assert_eq!(cur["handover"]["note"], "B2 车库灯坏了");
    assert!(cur["shift"].is_null());
    let after = t.post("/api/positions/batch", &guard, pos(&t)).await.json();
    assert_eq!(after["accepted"], 0, "refused after the shift ended");
});

both_backends!(route_today_counts_done_checkpoints, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let guard = t.token("guard_a1").await;
    start_shift(&t, &guard).await;
    let r = t.get("/api/me/route", &guard).await.json();
    assert_eq!(
        (r["done"].as_u64(), r["total"].as_u64()),
        (Some(0), Some(1))
    );
    let cp_id = t.fx.stations[0].units[0].checkpoint;
    let p = plate(&t, &officer, cp_id).await;
    let cp = checkpoint(&t, &officer, cp_id).await;
    t.post(
        "/api/checkins",
        &guard,
        checkin_body(
            &t,
            p["payload"].as_str().expect("p"),
            cp["lat"].as_f64().expect("lat"),
            cp["lon"].as_f64().expect("lon"),
        ),
    )
    .await;
    let r = t.get("/api/me/route", &guard).await.json();
    assert_eq!(r["done"], 1);
    assert!(r["checkpoints"][0]["done_at"].is_string());
    let png = t
        .get(&format!("/api/checkpoints/{cp_id}/qr"), &officer)
        .await;
    assert_eq!(
        png.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/png")
    );
    assert_eq!(&png.bytes[..4], b"\x89PNG");
});
