//! The sorted list that holds saved progress's entries behaves as the
//! `BTreeMap` it replaced, whatever is done to it.

use std::collections::BTreeMap;

use open_door_core::text_map::TextMap;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Change {
    Insert(String, u8),
    Remove(String),
    GetOrInsert(String, u8),
    Bump(String),
}

fn change() -> impl Strategy<Value = Change> {
    // Few keys, so changes often meet an existing one.
    let key = "[a-d]{0,2}";
    prop_oneof![
        (key, any::<u8>()).prop_map(|(k, v)| Change::Insert(k, v)),
        key.prop_map(Change::Remove),
        (key, any::<u8>()).prop_map(|(k, v)| Change::GetOrInsert(k, v)),
        key.prop_map(Change::Bump),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn it_holds_what_a_btree_map_would(changes in proptest::collection::vec(change(), 0..60)) {
        let (mut map, mut oracle) = (TextMap::new(), BTreeMap::new());
        for change in changes {
            match change {
                Change::Insert(k, v) => prop_assert_eq!(map.insert(k.clone(), v), oracle.insert(k, v)),
                Change::Remove(k) => prop_assert_eq!(map.remove(&k), oracle.remove(&k)),
                Change::GetOrInsert(k, v) => prop_assert_eq!(*map.get_or_insert_with(&k, || v), *oracle.entry(k).or_insert(v)),
                Change::Bump(k) => {
                    if let Some(v) = map.get_mut(&k) {
                        *v = v.wrapping_add(1);
                    }
                    if let Some(v) = oracle.get_mut(&k) {
                        *v = v.wrapping_add(1);
                    }
                }
            }
            prop_assert_eq!(map.len(), oracle.len());
        }
        prop_assert_eq!(map.iter().collect::<Vec<_>>(), oracle.iter().collect::<Vec<_>>());
        for key in ["", "a", "ab", "dd", "e"] {
            prop_assert_eq!(map.get(key), oracle.get(key));
            prop_assert_eq!(map.contains_key(key), oracle.contains_key(key));
        }
    }
}
