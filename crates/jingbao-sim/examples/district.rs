//! Prints the demo district's summary and generation time; with `--json`, the whole
//! district as JSON. `cargo run -p jingbao-sim --example district -- [--json] [seed]`

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seed = args
        .iter()
        .find_map(|a| a.parse::<u64>().ok())
        .unwrap_or(jingbao_sim::DEFAULT_SEED);
    let start = Instant::now();
    let district = jingbao_sim::generate(seed);
    let elapsed = start.elapsed();
    if args.iter().any(|a| a == "--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&district).expect("district serialises")
        );
    } else {
        let summary = serde_json::to_string(&district.summary()).expect("summary serialises");
        println!("{summary}\ngenerated in {elapsed:?}");
    }
}
