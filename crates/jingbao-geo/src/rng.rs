//! A small deterministic generator (SplitMix64) for benchmark and test data: same seed, same
//! data, on every machine, with no dependency on `rand`.

use uuid::Uuid;

/// SplitMix64 (Steele, Lea, Flood 2014): one 64-bit state, passes BigCrush, fast.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }

    /// Uniform in 0..n (0 when n is 0). Multiply-shift, bias below 2⁻³².
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A random (version-less) UUID, for ids in generated data.
    pub fn uuid(&mut self) -> Uuid {
        Uuid::from_u64_pair(self.next_u64(), self.next_u64())
    }
}
