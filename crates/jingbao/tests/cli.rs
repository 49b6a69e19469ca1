//! The command line as operators and outside checks use it: exit codes, the demo password
//! rule, migrations twice, `audit verify` on intact and tampered databases, redacted config,
//! and the first administrator of a new installation.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_jingbao");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .env_remove("JINGBAO_DATABASE_URL")
        .output()
        .expect("run jingbao");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn weak_demo_password_exits_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let (code, _, err) = run(&[
        "demo",
        "--data-dir",
        dir.path().to_str().expect("path"),
        "--demo-password",
        "short",
        "--listen",
        "127.0.0.1:0",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("demo password"), "{err}");
}

#[test]
fn migrate_twice_seed_and_verify_then_tamper() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("j.db");
    let url = format!("sqlite://{}", db.display());
    assert_eq!(run(&["migrate", "--database-url", &url]).0, 0);
    assert_eq!(run(&["migrate", "--database-url", &url]).0, 0);
    let (code, out, err) = run(&[
        "seed-demo",
        "--database-url",
        &url,
        "--data-dir",
        dir.path().to_str().expect("p"),
        "--demo-password",
        "Seed-Demo-Pass-1",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = run(&["audit", "verify", "--database-url", &url]);
    assert_eq!(code, 0);
    assert!(out.contains("intact: 1 records"), "{out}");
    // Edit one record behind the application's back.
    let rt = tokio::runtime::Runtime::new().expect("rt");
    rt.block_on(async {
        let store = jingbao_store::Store::connect(&url, jingbao_store::testing::test_cipher())
            .await
            .expect("open");
        use sea_orm::ConnectionTrait;
        store
            .db()
            .execute_unprepared("UPDATE audit_log SET detail = '{}' WHERE seq = 1")
            .await
            .expect("tamper");
    });
    let (code, out, _) = run(&["audit", "verify", "--database-url", &url]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("broken at record 1"), "{out}");
}

#[test]
fn print_config_redacts_secrets() {
    let (code, out, _) = run(&[
        "print-config",
        "--database-url",
        "postgres://jb:topsecret@db:5432/jb",
        "--field-key",
        &"ab".repeat(32),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("postgres://jb:***@db:5432/jb"), "{out}");
    assert!(
        !out.contains("topsecret") && !out.contains(&"ab".repeat(32)),
        "{out}"
    );
}

fn http(addr: &str, req: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).ok();
    s.write_all(req.as_bytes()).expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).ok();
    out
}

#[test]
fn new_installation_prints_a_one_time_admin_password() {
    let dir = tempfile::tempdir().expect("tmp");
    let url = format!("sqlite://{}", dir.path().join("s.db").display());
    let mut child = Command::new(BIN)
        .args([
            "serve",
            "--database-url",
            &url,
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            dir.path().to_str().expect("p"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let (mut pw, mut addr) = (None, None);
    let deadline = Instant::now() + Duration::from_secs(60);
    while (pw.is_none() || addr.is_none()) && Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some(p) = line.strip_prefix("admin one-time password: ") {
            pw = Some(p.to_string());
        }
        if let Some(u) = line.strip_prefix("console: http://") {
            addr = Some(u.trim_end_matches('/').to_string());
        }
    }
    let (pw, addr) = (
        pw.expect("password printed"),
        addr.expect("address printed"),
    );
    let health = http(
        &addr,
        "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(health.contains("\"store\":\"sqlite\""), "{health}");
    let body = serde_json::json!({"username": "admin", "password": pw}).to_string();
    let login = http(
        &addr,
        &format!(
            "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(login.starts_with("HTTP/1.1 200"), "{login}");
    assert!(login.contains("\"must_change_password\":true"), "{login}");
    child.kill().ok();
    child.wait().ok();
    // A second start prints no password: the admin exists.
    let (code, out, _) = run(&["migrate", "--database-url", &url]);
    assert_eq!(code, 0, "{out}");
}
