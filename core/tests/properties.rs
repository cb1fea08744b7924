//! Property tests, bounded so the test command stays quick.

mod common;

use open_door_core::link::QuizLink;
use open_door_core::progress::load;
use open_door_core::quiz::{prepare, Mode, QuizSession, QuizSpec, Selection};
use open_door_core::rng::SeededRng;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 256, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_shuffle_is_a_permutation(seed: u64, len in 0usize..40) {
        let mut items: Vec<usize> = (0..len).collect();
        SeededRng::new(seed).shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort();
        prop_assert_eq!(sorted, (0..len).collect::<Vec<_>>());
    }

    #[test]
    fn a_link_never_panics_and_its_key_round_trips(query in ".{0,200}") {
        let bank = common::bundle(20);
        let link = QuizLink::open(&query, &bank);
        let again = QuizLink::open(&link.key(), &bank);
        prop_assert_eq!(again.spec(), link.spec());
        prop_assert_eq!(again.items(), link.items());
        prop_assert_eq!(again.key(), link.key());
    }

    #[test]
    fn the_decoder_reads_link_shaped_noise(parts in proptest::collection::vec(("(ids|topics|articles|count|seed|mode|minutes|x)", "[a-z0-9,%-]{0,12}"), 0..6)) {
        let bank = common::bundle(20);
        let query = parts.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let link = QuizLink::open(&query, &bank);
        if let Selection::Ids(ids) = &link.spec().selection {
            let known = ids.iter().filter(|id| bank.question(id).is_some()).count();
            prop_assert_eq!(link.items().len(), known);
        }
        prop_assert!(link.items().iter().all(|item| bank.question(&item.question_id).is_some()));
    }

    #[test]
    fn the_storage_loader_never_panics(raw in ".{0,300}") {
        let _ = load(Some(&raw), &common::bundle(5));
    }

    #[test]
    fn the_storage_loader_survives_damaged_json(value in arb_json()) {
        let bank = common::bundle(5);
        for raw in [
            serde_json::json!({"version": 1, "questions": value.clone(), "best_by_topic": value.clone(), "in_progress": value.clone()}),
            serde_json::json!({"version": 2, "questions": value.clone(), "best_by_topic": value.clone(), "quizzes": {"k": value.clone()}}),
            serde_json::json!({"version": 2, "quizzes": value.clone()}),
        ] {
            let loaded = load(Some(&raw.to_string()), &bank);
            prop_assert!(loaded.writable);
            // Whatever was restored can be played without an index going out of range.
            for session in loaded.progress.quizzes.values() {
                prop_assert!(session.current < session.items.len());
                prop_assert_eq!(session.responses.len(), session.items.len());
            }
        }
    }

    #[test]
    fn scores_stay_in_range_and_answering_again_changes_nothing(seed: u32, answers in proptest::collection::vec((0usize..12, 0usize..4), 0..30)) {
        let bank = common::bundle(12);
        let spec = QuizSpec { selection: Selection::Filter { topics: vec![], articles: vec![], count: Some(8) }, seed, mode: Mode::Test, minutes: None };
        let (items, _) = prepare(&bank, &spec);
        let mut session = QuizSession::new(spec, items, 0.0);
        for (index, choice) in answers {
            let before = session.responses.get(index).cloned().flatten();
            session.submit(&bank, index, vec![choice]);
            if before.is_some() { prop_assert_eq!(session.responses[index].clone(), before); }
        }
        let score = session.score(&bank);
        prop_assert!(score.correct <= score.answered && score.answered <= score.total);
    }
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "[a-z0-9-]{0,8}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            proptest::collection::btree_map("[a-z0-9-]{1,6}", inner, 0..4).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}
