//! The app's one sort gives what the standard library's sort gives.

use open_door_core::sort::{sort_by, sort_numbers};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn numbers_sort_as_the_standard_sort_does(mut values in proptest::collection::vec(0usize..50, 0..300)) {
        let mut expected = values.clone();
        expected.sort();
        sort_numbers(&mut values);
        prop_assert_eq!(values, expected);
    }

    #[test]
    fn items_sort_by_their_comparison_keeping_every_item(words in proptest::collection::btree_set("[a-z]{1,6}", 0..200), seed in any::<u64>()) {
        // Distinct keys in a shuffled order, each with a payload that must
        // travel with it.
        let mut items: Vec<(String, usize)> = words.iter().cloned().zip(0..).collect();
        open_door_core::rng::SeededRng::new(seed).shuffle(&mut items);
        let mut expected = items.clone();
        expected.sort();
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        prop_assert_eq!(items, expected);
    }
}
