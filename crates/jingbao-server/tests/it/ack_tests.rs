//! Monthly ack tests and bulletins: per-unit results with the fairness rules, the month's
//! ranking and interview list, interview records, and the bulletin's Word and Excel files.

use crate::directives::ack;
use crate::patrol::start_shift;
use crate::support::TestApp;
use chrono::Duration;
use http::StatusCode;
use jingbao_store::both_backends;
use serde_json::{Value, json};
use uuid::Uuid;

both_backends!(ack_test_results_and_ranking, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let g1 = t.token("guard_a1").await;
    start_shift(&t, &g1).await;
    let r = t.post("/api/ack-tests", &officer, json!({})).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    assert_eq!(
        (
            r.json()["recipient_count"].as_u64(),
            r.json()["vacant_units"].as_u64()
        ),
        (Some(1), Some(2))
    );
    let id = r.json()["id"].as_str().expect("id").to_string();
    t.clock.advance(Duration::seconds(40));
    ack(&t, &g1, &id, Uuid::now_v7()).await;
    let res = t
        .get(&format!("/api/ack-tests/{id}/results"), &officer)
        .await
        .json();
    let units = res["units"].as_array().expect("units");
    assert_eq!(units.len(), 3);
    let a1 = units
        .iter()
        .find(|u| u["unit_id"] == json!(t.fx.stations[0].units[0].unit))
        .expect("a1");
    assert_eq!(
        (
            a1["on_time_rate"].as_f64(),
            a1["median_latency_s"].as_i64(),
            a1["ranked"].as_bool()
        ),
        (Some(1.0), Some(40), Some(false))
    );
    let vacant: Vec<&Value> = units.iter().filter(|u| u["vacant"] == true).collect();
    assert_eq!(vacant.len(), 2);
    assert!(
        vacant.iter().all(|u| u["on_time_rate"] == 0.0),
        "absence is no escape"
    );
    let month = (t.clock_now() + Duration::hours(8))
        .format("%Y-%m")
        .to_string();
    let rank = t
        .get(&format!("/api/ack-tests/ranking?month={month}"), &officer)
        .await
        .json();
    let interview: Vec<&Value> = rank["interview"]
        .as_array()
        .expect("interview")
        .iter()
        .collect();
    assert_eq!(
        interview.len(),
        2,
        "the two vacant units, not the one too small to rank: {rank}"
    );
    assert_eq!(
        t.get(
            &format!("/api/ack-tests/{id}/results"),
            &t.token("officer_b").await
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let unit = interview[0]["unit_id"].clone();
    let rec = t.post("/api/interviews", &officer, json!({"unit_id": unit, "month": month, "attendees": "物业经理", "note": "测试时无人在岗", "measures": "增派夜班"})).await;
    assert_eq!(
        rec.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&rec.bytes)
    );
    assert_eq!(
        t.get(&format!("/api/interviews?month={month}"), &officer)
            .await
            .json()["total"],
        1
    );
    assert_eq!(
        t.get(
            &format!("/api/interviews?month={month}"),
            &t.token("officer_b").await
        )
        .await
        .json()["total"],
        0
    );
    assert_eq!(
        t.get("/api/ack-tests/ranking?month=2026-13", &officer)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
});

both_backends!(monthly_bulletin_documents, |store| {
    use std::io::Read;
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let g1 = t.token("guard_a1").await;
    start_shift(&t, &g1).await;
    let id = t.post("/api/ack-tests", &officer, json!({})).await.json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    ack(&t, &g1, &id, Uuid::now_v7()).await;
    let month = (t.clock_now() + Duration::hours(8))
        .format("%Y-%m")
        .to_string();
    let b = t
        .post("/api/bulletins", &officer, json!({"month": month}))
        .await;
    assert_eq!(
        b.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&b.bytes)
    );
    let doc_no = b.json()["doc_no"].as_str().expect("doc").to_string();
    assert!(doc_no.contains("警通〔2026〕1号"), "{doc_no}");
    let bid = b.json()["id"].as_str().expect("id").to_string();
    assert_eq!(
        t.get(&format!("/api/bulletins?month={month}"), &officer)
            .await
            .json()["total"],
        1
    );
    let docx = t.get(&format!("/api/bulletins/{bid}/docx"), &officer).await;
    assert_eq!(docx.status, StatusCode::OK);
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(docx.bytes.clone())).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document part")
        .read_to_string(&mut xml)
        .expect("read");
    assert!(xml.contains(&doc_no), "document number");
    assert!(xml.contains("签收情况的通报"), "title");
    for unit in ["测试单位a1", "测试单位a2", "测试单位a3"] {
        assert!(xml.contains(unit), "{unit} in the ranking table");
    }
    assert!(xml.contains("100.0%") && xml.contains("0.0%"), "the rates");
    assert!(
        xml.contains("约谈单位") && xml.contains("请上述单位负责人"),
        "interview list"
    );
    assert!(
        zip.file_names().any(|n| n.starts_with("word/media/")),
        "the chart image"
    );
    let xlsx = t.get(&format!("/api/bulletins/{bid}/xlsx"), &officer).await;
    let rows = jingbao_server::office::xlsx::read_first_sheet(&xlsx.bytes).expect("xlsx");
    assert!(rows[0][0].contains(&doc_no));
    assert_eq!(rows.len(), 2 + 3);
    assert_eq!(rows[2][1], "测试单位a1", "best first");
    assert_eq!(rows[2][2], "100.0%");
    assert_eq!(
        t.get(
            &format!("/api/bulletins/{bid}/docx"),
            &t.token("officer_b").await
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
});
