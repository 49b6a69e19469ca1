//! Seeded randomness: one ChaCha8 stream per generation stage, plus the small sampling
//! helpers the stages share. Nothing here touches global or OS entropy.

use rand::seq::SliceRandom;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

/// Independent generation stages. Each draws from its own ChaCha8 stream of the same
/// seed, so adding draws to one stage leaves the output of the others unchanged.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stage {
    Org = 1,
    Layout = 2,
    Units = 3,
    Guards = 4,
    Checkpoints = 5,
    Enterprises = 6,
    Staff = 7,
}

/// A seeded random source with convenience draws.
pub(crate) struct Draw {
    rng: ChaCha8Rng,
}

impl Draw {
    pub(crate) fn new(seed: u64, stage: Stage) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stage as u64);
        Draw { rng }
    }

    /// A version-4 style UUID built from 16 bytes of this stream.
    pub(crate) fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        self.rng.fill_bytes(&mut bytes);
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    /// Uniform integer in `lo..=hi`.
    pub(crate) fn int(&mut self, lo: i64, hi: i64) -> i64 {
        self.rng.random_range(lo..=hi)
    }

    /// Uniform index in `0..n`; `n` must be positive.
    pub(crate) fn index(&mut self, n: usize) -> usize {
        self.rng.random_range(0..n)
    }

    /// Uniform float in `lo..hi` (returns `lo` when the range is empty).
    pub(crate) fn float(&mut self, lo: f64, hi: f64) -> f64 {
        if hi <= lo {
            lo
        } else {
            self.rng.random_range(lo..hi)
        }
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    /// One element, uniformly.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// One element of `(item, weight)` pairs, proportionally to weight.
    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| *w).sum();
        let mut ticket = self.rng.random_range(0..total.max(1));
        for (item, weight) in items {
            if ticket < *weight {
                return item;
            }
            ticket -= weight;
        }
        &items[items.len() - 1].0
    }

    /// Shuffles in place.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        items.shuffle(&mut self.rng);
    }

    /// A string of `len` characters drawn uniformly from `alphabet`.
    pub(crate) fn chars_from(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len)
            .map(|_| char::from(alphabet[self.index(alphabet.len())]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_independent_streams() {
        let a = Draw::new(7, Stage::Org).uuid();
        let b = Draw::new(7, Stage::Layout).uuid();
        let again = Draw::new(7, Stage::Org).uuid();
        assert_ne!(a, b);
        assert_eq!(a, again);
    }

    #[test]
    fn weighted_respects_zero_weights() {
        let mut d = Draw::new(1, Stage::Org);
        let items = [("never", 0), ("always", 5)];
        for _ in 0..100 {
            assert_eq!(*d.weighted(&items), "always");
        }
    }
}
