//! Excel: exports carry who and when, are masked and scoped; imports are all-or-nothing with
//! row-numbered errors; templates round-trip.

use crate::support::{Auth, TestApp};
use axum::body::Body;
use http::{Request, StatusCode};
use jingbao_server::office::xlsx::read_first_sheet;
use jingbao_store::both_backends;
use rust_xlsxwriter::Workbook;

fn workbook(rows: &[Vec<&str>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

async fn upload(t: &TestApp, auth: &Auth, path: &str, file: Vec<u8>) -> crate::support::Resp {
    let Auth::Bearer(tok) = auth else {
        panic!("bearer")
    };
    let boundary = "XJINGBAOX";
    let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes();
    body.extend(file);
    body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
    let req = Request::builder()
        .method("POST")
        .uri(path)
        .header("authorization", format!("Bearer {tok}"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("req");
    t.raw(req).await
}

both_backends!(export_is_masked_scoped_and_stamped, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let r = t.get("/api/guards/export.xlsx", &officer).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .expect("cd")
            .contains(".xlsx")
    );
    let rows = read_first_sheet(&r.bytes).expect("xlsx");
    assert!(
        rows[0][0].contains("officer_a") && rows[0][0].contains("导出时间"),
        "stamp: {:?}",
        rows[0]
    );
    assert_eq!(rows[1][0], "姓名");
    assert_eq!(rows.len(), 2 + 3, "three guards of station A");
    for row in &rows[2..] {
        assert!(row[2].contains("**********"), "ID masked: {}", row[2]);
        assert!(row[3].contains("****"), "phone masked: {}", row[3]);
    }
    let filtered = t
        .get(
            &format!(
                "/api/guards/export.xlsx?unit_id={}",
                t.fx.stations[0].units[0].unit
            ),
            &officer,
        )
        .await;
    assert_eq!(read_first_sheet(&filtered.bytes).expect("xlsx").len(), 3);
});

both_backends!(guard_import_all_or_nothing, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let tpl = t.get("/api/guards/import-template.xlsx", &officer).await;
    let header = read_first_sheet(&tpl.bytes).expect("template")[0].clone();
    let h: Vec<&str> = header.iter().map(String::as_str).collect();
    let employer = t
        .get(
            &format!("/api/companies/{}", t.fx.stations[0].employer),
            &officer,
        )
        .await
        .json();
    let code = employer["credit_code"]
        .as_str()
        .expect("credit code")
        .to_string();
    let good1 = vec![
        "王五",
        "男",
        "11010519491231002X",
        "13900000001",
        "IMP-1",
        "2028-06-30",
        "FX-Ua1",
        code.as_str(),
    ];
    let good2 = vec![
        "赵六",
        "女",
        "11010519491231002X",
        "13900000002",
        "IMP-2",
        "2029-01-01",
        "FX-Ua2",
        "",
    ];
    let bad = vec!["", "未知", "123", "abc", "IMP-1", "明天", "FX-Ub1", ""];
    let r = upload(
        &t,
        &officer,
        "/api/guards/import",
        workbook(&[h.clone(), good1.clone(), bad, good2.clone()]),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    let details = r.json()["details"].as_array().expect("details").clone();
    assert!(
        details.iter().all(|d| d["row"] == 3),
        "errors point at Excel row 3: {details:?}"
    );
    let cols: Vec<&str> = details
        .iter()
        .filter_map(|d| d["column"].as_str())
        .collect();
    for c in [
        "姓名",
        "性别(男/女)",
        "身份证号",
        "手机号",
        "保安员证号",
        "证件有效期(YYYY-MM-DD)",
        "联动单位编码",
    ] {
        assert!(cols.contains(&c), "{c} not reported in {cols:?}");
    }
    assert_eq!(
        t.get("/api/guards", &officer).await.json()["total"],
        3,
        "nothing half-imported"
    );
    let r = upload(
        &t,
        &officer,
        "/api/guards/import",
        workbook(&[h, good1, good2]),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    assert_eq!(r.json()["imported"], 2);
    assert_eq!(t.get("/api/guards", &officer).await.json()["total"], 5);
    let wrong_header = upload(
        &t,
        &officer,
        "/api/guards/import",
        workbook(&[vec!["名字"], vec!["x"]]),
    )
    .await;
    assert_eq!(wrong_header.json()["details"][0]["code"], "header_mismatch");
    let not_xlsx = upload(&t, &officer, "/api/guards/import", b"plain text".to_vec()).await;
    assert_eq!(not_xlsx.json()["details"][0]["code"], "not_xlsx");
});

both_backends!(company_and_checkpoint_imports, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let h = read_first_sheet(
        &t.get("/api/companies/import-template.xlsx", &officer)
            .await
            .bytes,
    )
    .expect("tpl")[0]
        .clone();
    let h: Vec<&str> = h.iter().map(String::as_str).collect();
    let r = upload(
        &t,
        &officer,
        "/api/companies/import",
        workbook(&[
            h.clone(),
            vec![
                "宁波新企业有限公司",
                "enterprise",
                "91350100M000100Y43",
                "FX-Ba1",
                "8",
                "咨询",
            ],
        ]),
    )
    .await;
    assert_eq!(
        r.json()["imported"],
        1,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    let dup = upload(
        &t,
        &officer,
        "/api/companies/import",
        workbook(&[
            h,
            vec!["又一家", "enterprise", "91350100M000100Y43", "", "", ""],
        ]),
    )
    .await;
    assert_eq!(dup.json()["details"][0]["code"], "duplicate");
    let h = read_first_sheet(
        &t.get("/api/checkpoints/import-template.xlsx", &officer)
            .await
            .bytes,
    )
    .expect("tpl")[0]
        .clone();
    let h: Vec<&str> = h.iter().map(String::as_str).collect();
    let r = upload(
        &t,
        &officer,
        "/api/checkpoints/import",
        workbook(&[
            h,
            vec![
                "IMP-CP1",
                "地库入口",
                "FX-Ba1",
                "FX-Ua1",
                "29.8001",
                "121.5011",
                "30",
                "-1",
                "是",
            ],
        ]),
    )
    .await;
    assert_eq!(
        r.json()["imported"],
        1,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    let list = t.get("/api/checkpoints?q=IMP-CP1", &officer).await.json();
    assert_eq!(list["items"][0]["indoor"], true);
    assert_eq!(list["items"][0]["floor"], -1);
});

both_backends!(roster_import_all_or_nothing, |store| {
    let t = TestApp::new(store).await;
    let officer = t.token("officer_a").await;
    let h = read_first_sheet(
        &t.get("/api/shift-templates/import-template.xlsx", &officer)
            .await
            .bytes,
    )
    .expect("tpl")[0]
        .clone();
    let h: Vec<&str> = h.iter().map(String::as_str).collect();
    let day = vec!["FX-Ua1", "大堂岗", "白班", "08:00", "20:00", "1"];
    let night = vec!["FX-Ua1", "大堂岗", "夜班", "20:00", "08:00", "2"];
    let foreign = vec!["FX-Ub1", "大堂岗", "白班", "25:00", "08:00", "0"];
    let r = upload(
        &t,
        &officer,
        "/api/shift-templates/import",
        workbook(&[h.clone(), day.clone(), foreign]),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.json()["details"]
            .as_array()
            .expect("d")
            .iter()
            .all(|d| d["row"] == 3)
    );
    assert_eq!(
        t.get("/api/shift-templates", &officer).await.json()["total"],
        0,
        "nothing half-imported"
    );
    let r = upload(
        &t,
        &officer,
        "/api/shift-templates/import",
        workbook(&[h, day, night]),
    )
    .await;
    assert_eq!(
        r.json()["imported"],
        2,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    let list = t.get("/api/shift-templates", &officer).await.json();
    let windows: Vec<String> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            format!(
                "{}-{}",
                i["window"]["start"].as_str().unwrap_or(""),
                i["window"]["end"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(windows.contains(&"20:00-08:00".to_string()), "{windows:?}");
    assert_eq!(
        t.get("/api/shift-templates", &t.token("officer_b").await)
            .await
            .json()["total"],
        0
    );
});
