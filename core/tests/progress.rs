use open_door_core::progress::{load, save, Progress, REVIEW_INTERVALS_DAYS, SCHEMA_VERSION};

/// Saved by schema version 1 and frozen: every later version must still
/// read it (a migration test is added beside it when the schema changes).
const V1_FIXTURE: &str = include_str!("fixtures/progress-v1.json");

#[test]
fn the_frozen_v1_fixture_loads_whole() {
    let loaded = load(Some(V1_FIXTURE));
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    assert!(loaded.writable && !loaded.keep_backup);
    let p = loaded.progress;
    assert_eq!(p.questions["000-01"].seen, 3);
    assert_eq!(p.best_by_topic["coverage"], 100);
    let session = p.in_progress.expect("the unfinished quiz resumes");
    assert_eq!((session.current, session.responses[0].clone()), (1, Some(vec![2])));
}

#[test]
fn what_is_saved_loads_back_the_same() {
    let mut progress = Progress::default();
    progress.record_answer("000-01", false, 100);
    progress.record_best("joining", 70);
    assert_eq!(load(Some(&save(&progress))).progress, progress);
}

/// Damaged input, and what must survive: (saved string, notice words, backup kept).
const DAMAGED: &[(&str, &str, bool)] = &[
    ("", "damaged", true),
    ("{\"version\":1,\"questions\":{", "damaged", true),
    ("[1,2,3]", "damaged", true),
    ("{\"questions\":{}}", "no version this app knows", true),
    ("{\"version\":0}", "no version this app knows", true),
    ("{\"version\":1,\"questions\":[]}", "answer history could not be read", true),
    ("{\"version\":1,\"in_progress\":{\"items\":3}}", "unfinished quiz could not be restored", true),
    ("{\"version\":7}", "newer version", false),
];

#[test]
fn damaged_progress_is_reset_with_a_notice() {
    for (raw, words, backup) in DAMAGED {
        let loaded = load(Some(raw));
        assert!(loaded.notices.iter().any(|n| n.contains(words)), "`{raw}`: expected `{words}` in {:?}", loaded.notices);
        assert_eq!(loaded.keep_backup, *backup, "`{raw}`: backup");
    }
}

#[test]
fn one_bad_entry_is_dropped_and_the_rest_kept() {
    let raw = r#"{"version":1,"questions":{"a":{"seen":1,"correct":1,"review":null},"b":{"seen":-1}},"best_by_topic":{"x":50,"y":900}}"#;
    let loaded = load(Some(raw));
    assert_eq!(loaded.progress.questions.keys().collect::<Vec<_>>(), ["a"]);
    assert_eq!(loaded.progress.best_by_topic.len(), 1, "a score over 100 is not a score");
    assert!(loaded.notices[0].contains("1 damaged entry"));
}

#[test]
fn a_newer_version_is_read_only() {
    let loaded = load(Some(&format!("{{\"version\":{}}}", SCHEMA_VERSION + 1)));
    assert!(!loaded.writable);
    assert_eq!(loaded.progress, Progress::default());
}

#[test]
fn missed_questions_come_back_on_the_leitner_schedule() {
    let mut p = Progress::default();
    p.record_answer("q", true, 0);
    assert!(p.due(1000).is_empty(), "a question never missed is never due");
    p.record_answer("q", false, 10);
    assert!(p.due(10).is_empty());
    assert_eq!(p.due(11), ["q"]);
    let mut day = 11;
    for (box_index, interval) in REVIEW_INTERVALS_DAYS.iter().enumerate().skip(1) {
        p.record_answer("q", true, day);
        assert_eq!(usize::from(p.questions["q"].review.unwrap().review_box), box_index + 1);
        assert!(p.due(day + interval - 1).is_empty());
        day += interval;
        assert_eq!(p.due(day), ["q"]);
    }
    p.record_answer("q", true, day);
    assert!(p.questions["q"].review.is_none(), "retired after the last box");
    p.record_answer("q", false, day);
    assert_eq!(p.questions["q"].review.unwrap().review_box, 1, "a miss starts again");
}
