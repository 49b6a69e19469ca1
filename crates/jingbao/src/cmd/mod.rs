//! The subcommands.

mod audit;
mod bench;
mod demo;
mod migrate;
mod serve;
mod simulate;

use crate::cli::{AuditCommand, Cli, Command};
use crate::settings;
use std::process::ExitCode;

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let file = settings::load_file(cli.config.as_deref())?;
    match cli.command {
        Command::Demo(a) => demo::run(a, file).await,
        Command::Serve(a) => serve::run(a, file).await,
        Command::Migrate(a) => migrate::migrate(a, file).await,
        Command::SeedDemo(a) => migrate::seed_demo(a, file).await,
        Command::Audit {
            command: AuditCommand::Verify(a),
        } => audit::verify(a, file).await,
        Command::Bench(a) => bench::run(a).await,
        Command::Simulate(a) => simulate::run(a).await,
        Command::PrintConfig(a) => {
            let e = settings::merge(
                a.db.database_url.clone(),
                &a.common,
                a.data_dir.clone(),
                file,
            );
            println!("{}", toml::to_string(&e.redacted())?);
            Ok(ExitCode::SUCCESS)
        }
    }
}
