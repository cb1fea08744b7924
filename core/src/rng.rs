//! A small seeded generator, so that one link gives every student the same
//! quiz on every device. SplitMix64: tiny, fast and well distributed; no
//! crate, because every byte ships to every student.

/// Deterministic pseudo-random numbers from a 64-bit seed.
#[derive(Debug, Clone)]
pub struct SeededRng {
    state: u64,
}

impl SeededRng {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// A generator for one part of a quiz (say, one question's choices),
    /// independent of how many numbers other parts drew.
    pub fn for_part(seed: u64, part: &str) -> Self {
        Self::new(seed ^ fnv1a(part.as_bytes()))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` without modulo bias (Lemire's method).
    pub fn below(&mut self, bound: usize) -> usize {
        assert!(bound > 0, "below(0) has no answer");
        let bound = bound as u64;
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(bound);
            if (product as u64) >= threshold {
                return (product >> 64) as usize;
            }
        }
    }

    /// Fisher-Yates shuffle in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The first `chars` five-bit groups of a hash (at most 12), in letters
/// and digits that cannot be mistaken for each other: no I, O, 0 or 1.
pub fn short_code(mut hash: u64, chars: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut code = String::with_capacity(chars);
    for _ in 0..chars {
        code.push(ALPHABET[(hash & 31) as usize] as char);
        hash >>= 5;
    }
    code
}

/// FNV-1a: a stable hash (unlike `std`'s, which may change between Rust
/// releases and would silently change every shared quiz).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut a = SeededRng::new(42);
        let mut b = SeededRng::new(42);
        let xs: Vec<u64> = (0..100).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..100).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(SeededRng::new(43).next_u64(), xs[0]);
    }

    #[test]
    fn known_first_values_never_change() {
        // Frozen: changing the generator would change every shared link.
        let mut rng = SeededRng::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(fnv1a(b"002-01"), fnv1a(b"002-01"));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }

    #[test]
    fn shuffle_spreads_evenly_over_all_orders() {
        // 3 items have 6 orders; over 60 000 seeds each should appear close
        // to 10 000 times. Chi-square with 5 degrees of freedom: 20.5 is the
        // 0.1% critical value.
        let mut counts = std::collections::HashMap::new();
        let runs = 60_000u64;
        for seed in 0..runs {
            let mut items = [0u8, 1, 2];
            SeededRng::new(seed).shuffle(&mut items);
            *counts.entry(items).or_insert(0u64) += 1;
        }
        assert_eq!(counts.len(), 6);
        let expected = runs as f64 / 6.0;
        let chi2: f64 = counts.values().map(|&c| (c as f64 - expected).powi(2) / expected).sum();
        assert!(chi2 < 20.5, "uneven shuffle, chi2 = {chi2}, counts = {counts:?}");
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SeededRng::new(7);
        for bound in 1..50 {
            for _ in 0..50 {
                assert!(rng.below(bound) < bound);
            }
        }
    }
}
