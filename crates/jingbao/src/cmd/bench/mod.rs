//! `jingbao bench NAME [--quick]`: workloads printed next to a baseline measured in the same
//! run on the same machine, as ratios, with their results checked against an oracle. `--quick`
//! runs small sizes (CI: correctness, not the goals); full runs go in docs/BENCHMARKS.md.

mod audit;
mod geo;
mod ingest;
mod stats;

use crate::cli::BenchArgs;
use anyhow::bail;
use std::process::ExitCode;

pub async fn run(a: BenchArgs) -> anyhow::Result<ExitCode> {
    let ok = match a.name.as_str() {
        "audit" => audit::run(&a).await?,
        "ingest" => ingest::run(&a).await?,
        "geofence" => geo::geofence(&a),
        "nearest" => geo::nearest(&a),
        "all" => {
            let mut ok = audit::run(&a).await?;
            ok &= geo::geofence(&a);
            ok &= geo::nearest(&a);
            ok &= ingest::run(&a).await?;
            ok
        }
        other => bail!("unknown benchmark {other}; known: audit, ingest, geofence, nearest, all"),
    };
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
