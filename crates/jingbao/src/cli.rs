//! Command-line interface. Every setting also comes from `JINGBAO_*` environment variables
//! or a TOML file (`--config`); flags win over the environment, the environment over the file.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "jingbao",
    version,
    about = "警保联动平台 Jingbao — police–security linkage platform"
)]
pub struct Cli {
    /// TOML settings file.
    #[arg(long, global = true, env = "JINGBAO_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create (if needed) a SQLite database in DIR, load the demo district and serve.
    Demo(DemoArgs),
    /// Serve on an existing or new database (migrations run first).
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate(DbArgs),
    /// Load the demo district into a database.
    SeedDemo(SeedArgs),
    /// Audit log tools.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Print the effective settings with secrets redacted.
    PrintConfig(ServeArgs),
    /// Run a benchmark next to its baseline, measured in the same run.
    Bench(BenchArgs),
    /// Simulated guard terminals against a server: sign for directives, report, latency report.
    Simulate(SimulateArgs),
}

#[derive(Args, Debug, Clone)]
pub struct SimulateArgs {
    /// Server base URL, e.g. http://127.0.0.1:8080
    #[arg(long)]
    pub url: String,
    /// How many guard terminals (accounts guard0011… of a demo database, or --first).
    #[arg(long)]
    pub guards: usize,
    /// Delay before signing for: `fixed:2s`, `uniform:1s-10s` or `exp:5s` (mean).
    #[arg(long, default_value = "uniform:1s-8s")]
    pub ack_delay: String,
    /// Seconds to run.
    #[arg(long, default_value_t = 60)]
    pub duration: u64,
    /// The accounts' password (the demo password).
    #[arg(long, env = "JINGBAO_DEMO_PASSWORD", hide_env_values = true)]
    pub password: String,
    /// Number of the first guard account (guard0001–guard0010 are left to people by default).
    #[arg(long, default_value_t = 11)]
    pub first: usize,
}

#[derive(Args, Debug, Clone)]
pub struct BenchArgs {
    /// `audit` (audited write transactions vs raw commits) or `all`.
    pub name: String,
    /// Small sizes: checks results against their oracle, not the goals.
    #[arg(long)]
    pub quick: bool,
    /// PostgreSQL URL to run against instead of a temporary SQLite file.
    #[arg(long, env = "JINGBAO_BENCH_PG_URL")]
    pub database_url: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the whole hash chain; exit 0 with the record count when intact.
    Verify(DbArgs),
}

#[derive(Args, Debug, Clone, Default)]
pub struct DbArgs {
    /// `sqlite://PATH` or `postgres://…`.
    #[arg(long, env = "JINGBAO_DATABASE_URL")]
    pub database_url: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct CommonServe {
    /// Address to listen on.
    #[arg(long, env = "JINGBAO_LISTEN")]
    pub listen: Option<String>,
    /// 64 hex characters: the key that encrypts personal data at rest.
    #[arg(long, env = "JINGBAO_FIELD_KEY", hide_env_values = true)]
    pub field_key: Option<String>,
    /// Name of this node (health output, logs).
    #[arg(long, env = "JINGBAO_NODE_ID")]
    pub node_id: Option<String>,
    /// Comma-separated address ranges allowed for the wall-screen display session.
    #[arg(long, env = "JINGBAO_DISPLAY_IP_RANGES")]
    pub display_ip_ranges: Option<String>,
    /// Mark the session cookie Secure (set when a TLS proxy fronts the server).
    #[arg(long, env = "JINGBAO_SECURE_COOKIES")]
    pub secure_cookies: Option<bool>,
    /// Require a second factor for command officers too.
    #[arg(long, env = "JINGBAO_OFFICER_TOTP")]
    pub officer_totp: Option<bool>,
    /// Raster tile URL template of an intranet tile server (`https://tiles.local/{z}/{x}/{y}.png`).
    #[arg(long, env = "JINGBAO_TILE_URL")]
    pub tile_url: Option<String>,
    /// NATS server the nodes share events through (`nats://127.0.0.1:4222`).
    #[arg(long, env = "JINGBAO_NATS_URL")]
    pub nats_url: Option<String>,
    /// URL (http://…) that escalation notifications are POSTed to (SMS gateway, WeCom/DingTalk robot).
    #[arg(long, env = "JINGBAO_NOTIFY_WEBHOOK")]
    pub notify_webhook: Option<String>,
    /// PEM certificate chain: serve HTTPS (phones need it for location and offline use).
    #[arg(long, env = "JINGBAO_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key for `--tls-cert`.
    #[arg(long, env = "JINGBAO_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub common: CommonServe,
    /// Where the field key file lives when no key is given.
    #[arg(long, env = "JINGBAO_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct DemoArgs {
    /// Directory for the SQLite database, keys and the demo password.
    #[arg(long, env = "JINGBAO_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonServe,
    /// The password of every demo account (stored in DIR and reused on the next start).
    #[arg(long, env = "JINGBAO_DEMO_PASSWORD", hide_env_values = true)]
    pub demo_password: Option<String>,
    /// Do not run simulated guard activity.
    #[arg(long)]
    pub no_simulator: bool,
}

#[derive(Args, Debug, Clone, Default)]
pub struct SeedArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[arg(long, env = "JINGBAO_FIELD_KEY", hide_env_values = true)]
    pub field_key: Option<String>,
    #[arg(long, env = "JINGBAO_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    #[arg(long, env = "JINGBAO_DEMO_PASSWORD", hide_env_values = true)]
    pub demo_password: Option<String>,
}
