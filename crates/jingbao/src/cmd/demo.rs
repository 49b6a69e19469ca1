//! `jingbao demo`: a SQLite database in DIR with the demo district, served at once. The demo
//! password is kept in DIR and reused; a new one given later replaces it for every account.

use crate::cli::DemoArgs;
use crate::cmd::serve::{listen_and_serve, open_store, server_config};
use crate::keys;
use crate::settings::{self, FileSettings};
use jingbao_domain::password_policy;
use jingbao_server::HashProfile;
use jingbao_server::auth::password;
use jingbao_server::seed::{bootstrap, demo};
use jingbao_store::Store;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// The password to use: given, else stored, else new. A given one must pass the policy.
pub fn demo_password_from(given: Option<&str>, stored: Option<String>) -> Result<String, String> {
    if let Some(p) = given {
        for name in ["admin", "officer", "guard", "manager", "office"] {
            if let Err(problem) = password_policy::check(name, p) {
                return Err(format!(
                    "the demo password is refused: {} / {}",
                    problem.message_zh(),
                    problem.message_en()
                ));
            }
        }
        return Ok(p.to_string());
    }
    Ok(stored.unwrap_or_else(bootstrap::random_password))
}

/// Loads the district if absent (true) or sets every account's password (false).
pub async fn load_demo(store: &Store, pw: &str) -> anyhow::Result<bool> {
    let hash = password::hash(HashProfile::Production, pw.to_string()).await;
    let now = chrono::Utc::now();
    if demo::is_seeded(store).await? {
        demo::set_all_passwords(store, &hash, now).await?;
        return Ok(false);
    }
    let district = jingbao_sim::generate(jingbao_sim::DEFAULT_SEED);
    demo::seed(store, &district, &hash, now).await?;
    Ok(true)
}

fn read_stored(dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join("demo-password"))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

pub async fn run(a: DemoArgs, file: FileSettings) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let e = settings::merge(None, &a.common, a.data_dir.clone(), file);
    let dir = e.data_dir.clone();
    keys::ensure_dir(&dir)?;
    let stored = read_stored(&dir);
    let pw = match demo_password_from(a.demo_password.as_deref(), stored.clone()) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{msg}");
            return Ok(ExitCode::from(2));
        }
    };
    let key = keys::field_key(e.field_key.as_deref(), &dir)?;
    let url = format!("sqlite://{}", dir.join("jingbao.db").display());
    let store = open_store(&url, &key).await?;
    let fresh = !demo::is_seeded(&store).await?;
    if fresh || stored.as_deref() != Some(pw.as_str()) {
        load_demo(&store, &pw).await?;
        keys::write_private(&dir.join("demo-password"), &pw)?;
    }
    let cfg = server_config(&e)?;
    let no_sim = a.no_simulator;
    let tls = e.tls_cert.clone().zip(e.tls_key.clone());
    let sim = (!no_sim).then(|| jingbao_sim::patrol::PatrolConfig {
        password: pw.clone(),
        ..Default::default()
    });
    listen_and_serve(store, cfg, &e.listen, tls, sim, move |base| {
        crate::say!("console: {base}");
        crate::say!("guard app: {base}m/");
        crate::say!("demo password: {pw}");
        crate::say!("demo accounts: admin (system admin), secadmin (security admin), auditor (audit admin), officer, officer02, aux01…aux18 (command officers), office (district office), manager01…manager69 (unit managers), guard0001…guard0288 (guards), dept-market, dept-finance, dept-fire, dept-housing, dept-labour, dept-tax, dept-governance (department handlers)");
        crate::say!("data: {} ({})", dir.display(), if fresh { "new demo district" } else { "existing" });
        if !no_sim {
            crate::say!("simulator: guard0011…guard0288 patrol (positions, check-ins, a few off post); guard0001–guard0010 are never driven");
        }
        crate::say!("ready in {:.1} s", started.elapsed().as_secs_f64());
    })
    .await?;
    Ok(ExitCode::SUCCESS)
}
