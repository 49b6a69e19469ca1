//! Latency summaries for the benchmarks.

use std::time::Duration;

pub struct Latencies(pub Vec<Duration>);

impl Latencies {
    pub fn quantile(&mut self, q: f64) -> Duration {
        self.0.sort_unstable();
        self.0
            .get(((self.0.len().max(1) - 1) as f64 * q) as usize)
            .copied()
            .unwrap_or_default()
    }

    pub fn ms(d: Duration) -> f64 {
        d.as_secs_f64() * 1e3
    }
}
