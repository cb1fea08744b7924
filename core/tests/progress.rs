mod common;

use open_door_core::content::Bundle;
use open_door_core::link::{LinkLabels, QuizLink};
use open_door_core::progress::{
    backup_key, backups_to_drop, load, result_key, save, Progress, MAX_SAVED_QUIZZES, MIN_QUESTIONS_FOR_BEST, REVIEW_INTERVALS_DAYS,
    SCHEMA_VERSION,
};
use open_door_core::quiz::{Mode, QuizSpec, Selection, Submitted, TIME_LIMIT_TICK_MS};

/// Saved by schema version 1 and frozen: every later version must still
/// read it, with nothing lost.
const V1_FIXTURE: &str = include_str!("fixtures/progress-v1.json");
/// Saved by schema version 2 and frozen.
const V2_FIXTURE: &str = include_str!("fixtures/progress-v2.json");

/// The bank the fixtures were saved against: the questions they name.
fn fixture_bank() -> Bundle {
    let mut bank = common::bundle(6);
    for (question, id) in bank.questions.iter_mut().zip(["000-01", "002-05", "000-03", "000-04", "000-05", "000-06"]) {
        question.id = id.into();
        question.choices = vec!["a".into(), "b".into(), "c".into(), "d".into()];
    }
    bank
}

#[test]
fn the_frozen_v1_fixture_migrates_with_nothing_lost() {
    let bank = fixture_bank();
    let loaded = load(Some(V1_FIXTURE), &bank);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    assert!(loaded.writable && !loaded.keep_backup);
    let p = loaded.progress;
    assert_eq!(p.version, SCHEMA_VERSION);
    assert_eq!(p.questions["000-01"].seen, 3);
    assert_eq!(p.questions["000-01"].review.unwrap().due_day, 19700);
    assert_eq!(p.best_by_topic["coverage"], 100);
    assert_eq!(p.best_by_topic["joining"], 80);
    // The unfinished quiz is filed under its link, so that link resumes it.
    let link = QuizLink::open("ids=000-01,002-05&seed=42&mode=practice", &bank);
    let session = p.quiz(&link).expect("the unfinished quiz resumes from its link");
    assert_eq!((session.current, session.responses[0].clone(), session.responses[1].clone()), (1, Some(vec![2]), None));
    assert_eq!(session.items[0].choice_order, [2, 0, 1, 3]);
}

#[test]
fn the_frozen_v2_fixture_loads_whole() {
    let bank = fixture_bank();
    let loaded = load(Some(V2_FIXTURE), &bank);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    assert_eq!(loaded.progress.quizzes.len(), 2);
    assert_eq!(save(&loaded.progress), V2_FIXTURE.trim(), "v2 saves as it loads");
}

#[test]
fn what_is_saved_loads_back_the_same() {
    let bank = common::bundle(10);
    let mut progress = Progress::default();
    progress.record_answer("000-01", false, 100);
    let link = QuizLink::open("count=4&seed=3", &bank);
    progress.start_or_resume(&link, &bank, 5.0);
    progress.answer(&link.key(), 0, vec![0], &bank, 6.0, 100);
    assert_eq!(load(Some(&save(&progress)), &bank).progress, progress);
}

#[test]
fn a_class_link_s_title_and_pack_stay_with_its_saved_quiz_however_it_is_resumed() {
    let bank = common::bundle(10);
    let labels = LinkLabels { pack: Some("Class 9B handout".into()), title: Some("9B: Article 5 check".into()), about: None };
    let class_link = QuizLink::open("count=4&seed=3", &bank).with_labels(labels.clone(), &bank);
    let mut progress = Progress::default();
    progress.start_or_resume(&class_link, &bank, 5.0);
    progress.answer(&class_link.key(), 0, vec![0], &bank, 6.0, 100);

    let mut progress = load(Some(&save(&progress)), &bank).progress;
    let session = progress.quiz(&class_link).expect("saved");
    assert_eq!(session.labels, labels, "kept through a save");
    assert_eq!(session.title(&bank), "9B: Article 5 check");
    // The resume list's link is the class link, check and labels included.
    assert_eq!(session.href(), class_link.href());
    // Opened again by the same quiz without its labels (a link saved before
    // they were kept), the quiz keeps them.
    let bare = QuizLink::open("count=4&seed=3", &bank);
    assert_eq!(progress.start_or_resume(&bare, &bank, 7.0).labels, labels);
    // A quiz with no labels saves as before, with no `labels` field.
    let mut unlabelled = Progress::default();
    unlabelled.start_or_resume(&bare, &bank, 5.0);
    assert!(!save(&unlabelled).contains("labels"));
    assert_eq!(unlabelled.quiz(&bare).expect("saved").title(&bank), bare.spec().title(&bank));
}

#[test]
fn a_class_link_s_ticked_topics_stay_with_its_saved_quiz_beside_its_labels() {
    let bank = common::bundle(10);
    let about = LinkLabels { about: Some("joining".into()), ..LinkLabels::default() };
    let class_link = QuizLink::open("ids=000-01,000-02&seed=1", &bank).with_labels(about.clone(), &bank);
    let mut progress = Progress::default();
    progress.start_or_resume(&class_link, &bank, 5.0);
    let saved = save(&progress);
    // A field of the quiz, not a label: the version before reads a quiz
    // with a label it does not know as damaged, and one with a field it
    // does not know as it was.
    assert!(saved.contains(r#""about":"joining""#) && !saved.contains("labels"), "{saved}");
    let session = load(Some(&saved), &bank).progress.quiz(&class_link).cloned().expect("saved");
    assert_eq!(session.labels, about);
    assert_eq!(session.title(&bank), "Quiz on Joining");
    assert_eq!(session.href(), class_link.href());
}

#[test]
fn every_kind_of_saved_field_and_any_text_loads_back_the_same() {
    let bank = common::bundle(10);
    let mut progress = Progress::default();
    // Keys are whatever the ids and topics hold: quotes, backslashes,
    // control characters, characters beyond the Basic Multilingual Plane.
    let odd = "a \"quoted\" \\ back\u{1}\n\t😀 é";
    progress.record_answer(odd, false, 19_000);
    progress.record_answer(odd, true, 19_001);
    progress.record_answer("000-02", true, 19_001);
    progress.best_by_topic.insert(odd.into(), 100);
    let spec = QuizSpec {
        selection: Selection::Filter { topics: vec!["joining".into(), "article-5".into()], articles: Vec::new(), count: None },
        seed: u32::MAX,
        mode: Mode::Test,
        minutes: Some(20),
    };
    let timed = QuizLink::from_spec(spec, &bank);
    progress.start_or_resume(&timed, &bank, 1_700_000_000_000.0);
    progress.answer(&timed.key(), 0, vec![0], &bank, 1_700_000_001_000.0, 19_001);
    // Twenty minutes later, the time limit has ended it.
    progress.end_if_out_of_time(&timed.key(), &bank, 1_700_001_300_000.0);
    let listed = QuizLink::open("ids=000-01,000-02&seed=0", &bank);
    progress.start_or_resume(&listed, &bank, 1_700_000_002_000.0);
    let ended = progress.quiz(&timed).expect("the timed quiz is saved");
    assert!(ended.timed_out && ended.finished_at_ms.is_some() && ended.answered() == 1 && ended.items.len() == 10);

    let saved = save(&progress);
    assert_eq!(load(Some(&saved), &bank).progress, progress);
    // What is saved is JSON, as any reader reads it.
    assert!(serde_json::from_str::<serde_json::Value>(&saved).is_ok(), "{saved}");
}

/// Damaged input, and what must survive: (saved string, notice words, backup kept).
const DAMAGED: &[(&str, &str, bool)] = &[
    ("", "damaged", true),
    ("{\"version\":2,\"questions\":{", "damaged", true),
    ("[1,2,3]", "damaged", true),
    ("{\"questions\":{}}", "no version this app knows", true),
    ("{\"version\":0}", "no version this app knows", true),
    ("{\"version\":2,\"questions\":[]}", "answer history could not be read", true),
    ("{\"version\":1,\"in_progress\":{\"items\":3}}", "saved quiz could not be restored", true),
    ("{\"version\":2,\"quizzes\":{\"k\":{\"items\":3}}}", "saved quiz could not be restored", true),
    ("{\"version\":2,\"quizzes\":[]}", "saved quizzes could not be read", true),
    ("{\"version\":2,\"best_by_topic\":7}", "best scores could not be read", true),
    ("{\"version\":2,\"best_by_topic\":{\"joining\":\"high\"}}", "1 damaged entry in your best scores", true),
    ("{\"version\":2,\"extra\":{\"kept\":true}}", "(\"extra\")", true),
    ("{\"version\":7}", "newer version", false),
];

#[test]
fn damaged_progress_is_reported_and_backed_up() {
    let bank = common::bundle(5);
    for (raw, words, backup) in DAMAGED {
        let loaded = load(Some(raw), &bank);
        assert!(loaded.notices.iter().any(|n| n.contains(words)), "`{raw}`: expected `{words}` in {:?}", loaded.notices);
        assert_eq!(loaded.keep_backup, *backup, "`{raw}`: backup");
    }
}

#[test]
fn one_bad_entry_is_dropped_and_the_rest_kept() {
    let raw = r#"{"version":2,"questions":{"a":{"seen":1,"correct":1,"review":null},"b":{"seen":-1},"c":{"seen":1,"correct":0,"review":{"review_box":9,"due_day":1}}},"best_by_topic":{"x":50,"y":900}}"#;
    let loaded = load(Some(raw), &common::bundle(5));
    assert_eq!(loaded.progress.questions.keys().collect::<Vec<_>>(), ["a"]);
    assert_eq!(loaded.progress.best_by_topic.len(), 1, "a score over 100 is not a score");
    assert!(loaded.notices[0].contains("2 damaged entries"), "{:?}", loaded.notices);
    assert!(loaded.keep_backup);
}

/// A saved quiz as JSON, with the parts a test wants to break.
fn saved_quiz(ids: &[&str], orders: &[&str], responses: &str, current: usize) -> String {
    let items: Vec<String> =
        ids.iter().zip(orders).map(|(id, order)| format!("{{\"question_id\":\"{id}\",\"choice_order\":{order}}}")).collect();
    format!(
        r#"{{"version":2,"quizzes":{{"ids=x&seed=1&mode=practice":{{"spec":{{"selection":{{"Ids":["x"]}},"seed":1,"mode":"practice","minutes":null}},"items":[{}],"responses":{responses},"current":{current},"started_at_ms":0.0,"finished_at_ms":null}}}}}}"#,
        items.join(",")
    )
}

/// Saved quizzes that could make an index go out of range, and what a
/// student is told: (saved string, items kept, current kept, answers kept, notice words).
#[test]
fn loading_a_saved_quiz_never_leaves_an_index_out_of_range() {
    let bank = common::bundle(5);
    let cases: Vec<(String, usize, usize, usize, &str)> = vec![
        // `current` equal to the number of items, or far past it.
        (saved_quiz(&["000-00", "000-01"], &["[0,1,2]", "[2,1,0]"], "[[0],null]", 2), 2, 1, 1, ""),
        (saved_quiz(&["000-00", "000-01"], &["[0,1,2]", "[2,1,0]"], "[[0],null]", 999), 2, 1, 1, ""),
        // A question a new version removed: the rest resumes, and it is said.
        (
            saved_quiz(&["000-00", "gone-01", "000-01"], &["[0,1,2]", "[0,1]", "[2,1,0]"], "[[0],[1],null]", 2),
            2,
            1,
            1,
            "1 question of a saved quiz is no longer",
        ),
        // An answer pointing past the choices, or a choice order that no longer fits.
        (saved_quiz(&["000-00", "000-01"], &["[0,1,2]", "[2,1,0]"], "[[7],[1]]", 0), 2, 0, 1, "1 saved answer no longer fits"),
        (saved_quiz(&["000-00", "000-01"], &["[0,1,2,3]", "[2,1,0]"], "[[0],[1]]", 0), 2, 0, 1, "1 saved answer no longer fits"),
        // Every question gone.
        (saved_quiz(&["gone-01"], &["[0,1]"], "[null]", 0), 0, 0, 0, "could not be restored"),
    ];
    for (raw, items, current, answers, words) in cases {
        let loaded = load(Some(&raw), &bank);
        let session = loaded.progress.quizzes.values().next();
        assert_eq!(session.map_or(0, |s| s.items.len()), items, "{raw}");
        if let Some(session) = session {
            assert_eq!(session.current, current, "{raw}");
            assert_eq!(session.answered(), answers, "{raw}");
            assert_eq!(session.responses.len(), session.items.len());
            for item in &session.items {
                let mut order = item.choice_order.clone();
                order.sort();
                assert_eq!(order, (0..bank.question(&item.question_id).unwrap().choices.len()).collect::<Vec<_>>(), "{raw}");
            }
        }
        if words.is_empty() {
            assert!(loaded.notices.is_empty(), "{raw}: {:?}", loaded.notices);
        } else {
            assert!(loaded.notices.iter().any(|n| n.contains(words)), "{raw}: expected `{words}` in {:?}", loaded.notices);
        }
    }
}

/// A pack quiz's questions may be missing for one page load only (the pack
/// a class link left on the device was left out, as another link's pack uses
/// its ids): the quiz is kept as it was, hidden, saved again unchanged, its
/// result's hand-in kept, and whole once a load has its questions again.
#[test]
fn a_pack_quiz_whose_questions_are_missing_for_one_load_is_kept_whole() {
    let mut with_pack = common::bundle(3);
    with_pack.questions[2].id = "handout-01".into();
    let labels = LinkLabels { pack: Some("9B handout".into()), ..LinkLabels::default() };
    let link = ids_link(&with_pack, &["000-00", "handout-01"]).with_labels(labels, &with_pack);
    let mut progress = Progress::default();
    progress.start_or_resume(&link, &with_pack, 1.0);
    let answer = right(&with_pack, &progress, &link, 0);
    progress.answer(&link.key(), 0, answer, &with_pack, 2.0, 0);
    progress.finish(&link.key(), 3.0);
    let saved = save(&progress);

    let mut without_pack = common::bundle(2);
    without_pack.left_out = vec!["9B handout".into()];
    let loaded = load(Some(&saved), &without_pack);
    assert!(loaded.notices.is_empty() && !loaded.keep_backup, "{:?}", loaded.notices);
    assert!(loaded.progress.quizzes.is_empty(), "not shown cut short");
    assert_eq!(loaded.progress.hidden_by_pack(), [("9B handout", 1)], "said to be kept");
    assert!(load(Some(&saved), &with_pack).progress.hidden_by_pack().is_empty(), "none hidden with the pack here");
    let mut other_pack_same_ids = with_pack.clone();
    other_pack_same_ids.left_out = without_pack.left_out.clone();
    assert!(load(Some(&saved), &other_pack_same_ids).progress.quizzes.is_empty(), "not run with another pack's questions");
    assert_eq!(loaded.progress.results(), progress.results(), "its hand-in name and file are kept for it");
    assert_eq!(load(Some(&save(&loaded.progress)), &with_pack).progress, load(Some(&saved), &with_pack).progress, "saved again unchanged");

    // Another tab that had it loaded whole, and one that kept it hidden,
    // join with nothing lost either way.
    let mut hidden = loaded.progress.clone();
    assert!(!hidden.join(&progress), "the same saved text: nothing to save");
    assert_eq!(hidden.quizzes[link.key().as_str()].answered(), 1, "but shown whole");
    let mut whole = load(Some(&saved), &with_pack).progress;
    assert!(!whole.join(&loaded.progress), "the hidden copy adds nothing");
    assert_eq!(whole.quizzes[link.key().as_str()].answered(), 1);
    assert_eq!(load(Some(&save(&whole)), &with_pack).progress.results().len(), 1, "its result is back");

    // A question gone for good (a new version, a pack removed) is not left
    // out of one load: the quiz goes on without it, and says so, as before.
    let loaded = load(Some(&saved), &common::bundle(2));
    assert_eq!(loaded.progress.quizzes[link.key().as_str()].items.len(), 1);
    assert!(loaded.notices.iter().any(|n| n.contains("no longer in Open Door")), "{:?}", loaded.notices);
}

/// The home page says, per pack, how many of its quizzes a load keeps hidden.
#[test]
fn hidden_quizzes_are_counted_by_pack() {
    let mut bank = common::bundle(4);
    bank.questions[2].id = "a-01".into();
    bank.questions[3].id = "b-01".into();
    let mut progress = Progress::default();
    let links: Vec<QuizLink> = [("Pack B", &["b-01"][..]), ("Pack A", &["a-01"]), ("Pack A", &["000-00", "a-01"]), ("", &["000-01"])]
        .into_iter()
        .map(|(pack, ids)| {
            let labels = LinkLabels { pack: (!pack.is_empty()).then(|| pack.to_string()), ..LinkLabels::default() };
            ids_link(&bank, ids).with_labels(labels, &bank)
        })
        .collect();
    for link in &links {
        progress.start_or_resume(link, &bank, 1.0);
    }
    let saved = save(&progress);
    bank.left_out = vec!["Pack A".into(), "Pack B".into()];
    let mut loaded = load(Some(&saved), &bank).progress;
    assert_eq!(loaded.hidden_by_pack(), [("Pack A", 2), ("Pack B", 1)]);
    assert_eq!(loaded.quizzes.len(), 1, "the built-in quiz is shown");
    // Started again under its link, a quiz is no longer hidden: the new
    // one is saved in its place.
    loaded.start_or_resume(&links[1], &bank, 2.0);
    assert_eq!(loaded.hidden_by_pack(), [("Pack A", 1), ("Pack B", 1)]);
}

#[test]
fn a_newer_version_is_read_only() {
    let loaded = load(Some(&format!("{{\"version\":{}}}", SCHEMA_VERSION + 1)), &common::bundle(5));
    assert!(!loaded.writable);
    assert_eq!(loaded.progress, Progress::default());
}

fn ids_link(bank: &Bundle, ids: &[&str]) -> QuizLink {
    QuizLink::from_spec(QuizSpec { selection: Selection::Ids(ids.iter().map(|s| s.to_string()).collect()), ..QuizSpec::quick(9) }, bank)
}

fn right(bank: &Bundle, p: &Progress, link: &QuizLink, index: usize) -> Vec<usize> {
    bank.question(&p.quiz(link).unwrap().items[index].question_id).unwrap().correct_indices()
}

#[test]
fn a_link_resumes_its_own_quiz_with_every_answer() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let link = QuizLink::open("count=5&seed=1", &bank);
    p.start_or_resume(&link, &bank, 0.0);
    p.answer(&link.key(), 0, vec![0], &bank, 1.0, 0);
    p.go_to(&link.key(), 1, 1.0);
    p.answer(&link.key(), 1, vec![1], &bank, 2.0, 0);
    // Leaving and coming back by the same link, however it is written.
    let again = QuizLink::open("?seed=1&count=5&mode=practice", &bank);
    let session = p.start_or_resume(&again, &bank, 50.0);
    assert_eq!((session.current, session.answered(), session.started_at_ms), (1, 2, 0.0));
}

#[test]
fn another_link_never_destroys_an_unfinished_quiz() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let first = QuizLink::open("count=5&seed=1", &bank);
    let second = QuizLink::open("count=5&seed=2", &bank);
    p.start_or_resume(&first, &bank, 0.0);
    p.answer(&first.key(), 0, vec![0], &bank, 1.0, 0);
    p.start_or_resume(&second, &bank, 2.0);
    p.answer(&second.key(), 0, vec![0], &bank, 3.0, 0);
    assert_eq!(p.quiz(&first).unwrap().answered(), 1);
    let listed: Vec<&str> = p.resumable().iter().map(|(k, _)| *k).collect();
    assert_eq!(listed, [second.key(), first.key()], "newest first");
    // A quiz opened but never answered is not offered.
    p.start_or_resume(&QuizLink::open("count=5&seed=3", &bank), &bank, 4.0);
    assert_eq!(p.resumable().len(), 2);
    // One whose clock was started is, answered or not: its time is running.
    let timed = QuizLink::open("count=5&seed=4&minutes=10", &bank);
    p.start_or_resume(&timed, &bank, 5.0);
    assert_eq!(p.resumable()[0].0, timed.key());
}

#[test]
fn the_resume_list_is_short_and_old_quizzes_make_room_without_losing_answered_ones() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let answered = QuizLink::open("count=5&seed=1000", &bank);
    p.start_or_resume(&answered, &bank, 0.0);
    p.answer(&answered.key(), 0, vec![0], &bank, 0.0, 0);
    for seed in 0..40 {
        p.start_or_resume(&QuizLink::open(&format!("count=5&seed={seed}"), &bank), &bank, f64::from(seed) + 1.0);
    }
    assert_eq!(p.quizzes.len(), MAX_SAVED_QUIZZES);
    assert!(p.quiz(&answered).is_some(), "unanswered quizzes go first");
    assert_eq!(
        p.resumable().iter().map(|(k, _)| *k).collect::<Vec<_>>(),
        [answered.key().as_str()],
        "the quiz with an answer can be resumed"
    );
}

#[test]
fn finished_quizzes_are_listed_latest_first_and_unfinished_ones_not() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let links: Vec<QuizLink> = (0..3).map(|seed| QuizLink::open(&format!("count=2&seed={seed}"), &bank)).collect();
    for (at, link) in links.iter().enumerate() {
        p.start_or_resume(link, &bank, at as f64);
    }
    // Finished in another order than started; the third is left unfinished.
    p.finish(&links[1].key(), 10.0);
    p.finish(&links[0].key(), 20.0);
    let listed: Vec<String> = p.finished().iter().map(|s| s.spec.query()).collect();
    assert_eq!(listed, [links[0].key(), links[1].key()]);
    // Each names its result by its quiz and when it finished.
    let mut results = p.results();
    results.sort();
    assert_eq!(results, [result_key(&links[0].key(), 20.0), result_key(&links[1].key(), 10.0)]);
    assert_eq!(result_key("count=2&seed=1", 20.0), "count=2&seed=1@20");
}

#[test]
fn every_unfinished_quiz_can_be_resumed_not_only_the_latest_few() {
    // A class's test left half done, then three quizzes of one's own: the
    // test is still listed (it dropped out of a list cut at three).
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let links: Vec<QuizLink> = (0..4).map(|seed| QuizLink::open(&format!("count=5&seed={seed}&mode=test"), &bank)).collect();
    for (at, link) in links.iter().enumerate() {
        p.start_or_resume(link, &bank, at as f64);
        p.answer(&link.key(), 0, vec![0], &bank, at as f64, 0);
    }
    let listed: Vec<&str> = p.resumable().iter().map(|(k, _)| *k).collect();
    let newest_first: Vec<String> = links.iter().rev().map(QuizLink::key).collect();
    assert_eq!(listed, newest_first);
}

#[test]
fn a_finished_quiz_stays_until_taken_again_on_purpose() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let link = QuizLink::open("count=2&seed=1", &bank);
    p.start_or_resume(&link, &bank, 0.0);
    let key = link.key();
    for i in 0..2 {
        let r = right(&bank, &p, &link, i);
        assert!(matches!(p.answer(&key, i, r, &bank, 1.0, 0), Submitted::Scored { correct: true }));
    }
    p.finish(&key, 60_000.0);
    let session = p.start_or_resume(&link, &bank, 99_000.0);
    assert!(session.is_finished(), "the same link shows the results again");
    assert_eq!(session.elapsed_seconds(99_000.0), 60);
    assert_eq!(p.answer(&key, 0, vec![1], &bank, 100.0, 0), Submitted::AlreadyAnswered);
    let again = p.restart(&link, &bank, 120_000.0);
    assert!(!again.is_finished() && again.answered() == 0 && again.started_at_ms == 120_000.0);
}

#[test]
fn an_answer_counts_once_whichever_tab_gives_it() {
    let bank = common::bundle(20);
    let link = QuizLink::open("count=3&seed=1", &bank);
    let mut p = Progress::default();
    p.start_or_resume(&link, &bank, 0.0);
    // Two tabs read the same saved copy; each change is applied to the
    // freshest copy, so the second tab's answer to item 0 changes nothing.
    let saved = save(&p);
    let mut tab_a = load(Some(&saved), &bank).progress;
    tab_a.answer(&link.key(), 0, vec![0], &bank, 1.0, 0);
    let mut tab_b = load(Some(&save(&tab_a)), &bank).progress;
    assert_eq!(tab_b.answer(&link.key(), 0, vec![1], &bank, 2.0, 0), Submitted::AlreadyAnswered);
    tab_b.answer(&link.key(), 1, vec![1], &bank, 3.0, 0);
    let question = &p.quiz(&link).unwrap().items[0].question_id;
    assert_eq!(tab_b.questions[question].seen, 1);
    assert_eq!(tab_b.quiz(&link).unwrap().answered(), 2);
}

/// A quiz of ten questions, five on each topic, started and answered: the
/// first `right_ones` in the quiz's order right, the others wrong.
fn ten_answered(bank: &Bundle, p: &mut Progress, right_ones: usize) -> QuizLink {
    let ten: Vec<String> = (0..10).map(|i| format!("000-{i:02}")).collect();
    let link = ids_link(bank, &ten.iter().map(String::as_str).collect::<Vec<_>>());
    p.start_or_resume(&link, bank, 0.0);
    for i in 0..10 {
        let response = if i < right_ones { right(bank, p, &link, i) } else { vec![2] };
        p.answer(&link.key(), i, response, bank, 1.0, 0);
    }
    link
}

#[test]
fn a_retry_of_two_missed_questions_does_not_set_a_best_score() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    // 3 of 5 right on "joining".
    let full = ten_answered(&bank, &mut p, 6);
    p.finish(&full.key(), 2.0);
    p.keep_best_scores(&full.key(), &bank);
    assert_eq!(p.best_by_topic["joining"], 60);
    // The retry of two missed "joining" questions, both right: 100% of two.
    let retry = ids_link(&bank, &["000-06", "000-08"]);
    p.start_or_resume(&retry, &bank, 3.0);
    for i in 0..2 {
        let r = right(&bank, &p, &retry, i);
        p.answer(&retry.key(), i, r, &bank, 4.0, 0);
    }
    p.finish(&retry.key(), 5.0);
    p.keep_best_scores(&retry.key(), &bank);
    const { assert!(2 < MIN_QUESTIONS_FOR_BEST) };
    assert_eq!(p.best_by_topic["joining"], 60, "two questions say little about a topic");
}

#[test]
fn a_quiz_finished_before_its_answers_came_keeps_its_best_scores_once_they_come() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let link = ten_answered(&bank, &mut p, 10);
    let key = link.key();
    // Finished after a reload on a slow line: the questions' answers come
    // after the app, whose main module has them as still to come.
    p.finish(&key, 2.0);
    assert!(p.quiz(&link).unwrap().is_finished());
    let mut reloaded = bank.clone().awaiting_details();
    for question in &mut reloaded.questions {
        question.choices.iter_mut().for_each(String::clear);
        question.answer.clear();
    }
    assert_eq!(p.best_scores_to_keep(&key, &reloaded), [], "answers still to come are not wrong answers");
    p.keep_best_scores(&key, &reloaded);
    assert!(p.best_by_topic.is_empty(), "{:?}", p.best_by_topic);
    // They come, and the results screen keeps the scores, once.
    assert_eq!(p.best_scores_to_keep(&key, &bank), [("joining".to_string(), 100), ("article-5".to_string(), 100)]);
    p.keep_best_scores(&key, &bank);
    assert_eq!((p.best_by_topic["joining"], p.best_by_topic["article-5"]), (100, 100));
    assert!(p.best_scores_to_keep(&key, &bank).is_empty());
}

/// A one-minute test of three questions started at 0 ms, its first
/// question answered at 10 s.
fn timed_test_one_answered() -> (Bundle, Progress, QuizLink) {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let link = QuizLink::open("count=3&seed=1&mode=test&minutes=1", &bank);
    p.start_or_resume(&link, &bank, 0.0);
    p.answer(&link.key(), 0, vec![0], &bank, 10_000.0, 0);
    (bank, p, link)
}

#[test]
fn a_timed_quiz_ends_at_its_deadline_even_when_the_student_was_away() {
    let (bank, mut p, link) = timed_test_one_answered();
    let session = p.start_or_resume(&link, &bank, 3_600_000.0);
    assert!(session.is_finished() && session.timed_out);
    assert_eq!(session.finished_at_ms, Some(60_000.0));
    assert_eq!(session.items.len() - session.answered(), 2, "two left unanswered");
    assert_eq!(p.answer(&link.key(), 1, vec![0], &bank, 3_600_001.0, 0), Submitted::AlreadyAnswered);
}

#[test]
fn the_answer_picked_but_not_saved_when_the_time_runs_out_counts() {
    // On the question when the time runs out, or away from the quiz (a
    // source, another app) and back after it.
    for away in [false, true] {
        let (bank, mut p, link) = timed_test_one_answered();
        let picked = right(&bank, &p, &link, 1);
        p.go_to(&link.key(), 1, 20_000.0);
        p.pick(&link.key(), 1, Some(picked.clone()), 30_000.0);
        p = load(Some(&save(&p)), &bank).progress;
        if away {
            p.start_or_resume(&link, &bank, 3_600_000.0);
        } else {
            assert!(!p.end_if_out_of_time(&link.key(), &bank, 59_999.0), "not before the deadline");
            assert!(p.end_if_out_of_time(&link.key(), &bank, 60_400.0));
        }
        let session = p.quiz(&link).expect("the quiz is kept");
        assert!(session.is_finished() && session.timed_out);
        assert_eq!(session.finished_at_ms, Some(60_000.0));
        assert_eq!(session.responses[1], Some(picked.clone()), "the picked answer is scored (away: {away})");
        assert_eq!((session.answered(), session.picked.clone()), (2, None));
        let question = &session.items[1].question_id;
        assert_eq!(p.questions[question].correct, 1, "and counted in the question's history");
        // Once ended, nothing more is picked or scored.
        p.pick(&link.key(), 1, Some(vec![0]), 61_000.0);
        assert!(!p.end_if_out_of_time(&link.key(), &bank, 61_000.0));
        assert_eq!(p.quiz(&link).expect("kept").picked, None);
    }
}

#[test]
fn a_picked_answer_comes_back_with_its_question_until_it_is_saved() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let link = QuizLink::open("count=3&seed=1&mode=test", &bank);
    p.start_or_resume(&link, &bank, 0.0);
    let key = link.key();
    // Only the question on screen, not yet answered, keeps a pick.
    p.pick(&key, 1, Some(vec![0]), 1.0);
    assert_eq!(p.quiz(&link).expect("started").picked, None);
    p.pick(&key, 0, Some(vec![2, 0]), 2.0);
    let saved = save(&p);
    // Left and come back (Back, a reload, another tab): still picked.
    let mut p = load(Some(&saved), &bank).progress;
    assert_eq!(p.quiz(&link).expect("started").picked, Some((0, vec![2, 0])));
    // Unticked again, it is gone; saved as the answer, it is the answer.
    p.pick(&key, 0, None, 3.0);
    assert_eq!(p.quiz(&link).expect("started").picked, None);
    p.pick(&key, 0, Some(vec![1]), 4.0);
    p.answer(&key, 0, vec![1], &bank, 5.0, 0);
    let session = p.quiz(&link).expect("started");
    assert_eq!((session.responses[0].clone(), session.picked.clone()), (Some(vec![1]), None));
    p.pick(&key, 0, Some(vec![2]), 6.0);
    assert_eq!(p.quiz(&link).expect("started").picked, None, "an answered question keeps its answer");
    // A save without a pick has no trace of one (older saves read as before).
    assert!(!save(&p).contains("picked"));
}

#[test]
fn an_answer_saved_before_the_page_saw_the_time_run_out_counts() {
    // The page looks at the clock once a tick: an answer saved within a
    // tick after the deadline was on screen when the time ran out, and
    // counts as one picked and not saved does.
    let (bank, mut p, link) = timed_test_one_answered();
    let answer = right(&bank, &p, &link, 1);
    let just_after = 60_000.0 + TIME_LIMIT_TICK_MS / 2.0;
    assert_eq!(p.answer(&link.key(), 1, answer.clone(), &bank, just_after, 0), Submitted::Scored { correct: true });
    let session = p.quiz(&link).expect("the quiz is kept");
    assert!(session.is_finished() && session.timed_out, "and the quiz ends there");
    assert_eq!(session.finished_at_ms, Some(60_000.0));
    assert_eq!(session.responses[1], Some(answer));
    assert_eq!(p.questions[&session.items[1].question_id].correct, 1);

    // Any later, the page had already ended the quiz.
    let (bank, mut p, link) = timed_test_one_answered();
    let too_late = 60_000.0 + TIME_LIMIT_TICK_MS + 1.0;
    assert_eq!(p.answer(&link.key(), 1, vec![0], &bank, too_late, 0), Submitted::AlreadyAnswered);
    let session = p.quiz(&link).expect("the quiz is kept");
    assert!(session.is_finished() && session.timed_out);
    assert_eq!(session.responses[1], None);
}

#[test]
fn a_few_backups_are_kept_oldest_dropped_first() {
    let existing: Vec<String> = [30.0, 10.0, 20.0].iter().map(|t| backup_key(*t)).collect();
    assert_eq!(backups_to_drop(&existing), [backup_key(10.0)]);
    assert!(backups_to_drop(&existing[..1]).is_empty());
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

#[test]
fn a_test_still_being_taken_offers_none_of_its_questions_for_review() {
    // Found by a student's walk: three questions missed in a test left
    // open came back the next day as "due for review", answers shown.
    let bank = common::bundle(10);
    let test = QuizLink::open("count=3&seed=1&mode=test", &bank);
    let mut p = Progress::default();
    p.start_or_resume(&test, &bank, 0.0);
    let missed = p.quiz(&test).unwrap().items[0].question_id.clone();
    p.record_answer(&missed, false, 10);
    // One missed in a practice quiz, not in the test, is due as usual.
    let practice_only =
        bank.questions.iter().map(|q| q.id.clone()).find(|id| p.quiz(&test).unwrap().items.iter().all(|i| i.question_id != *id)).unwrap();
    p.record_answer(&practice_only, false, 10);
    assert_eq!(p.due(11), std::slice::from_ref(&practice_only), "the open test's question waits");
    p.finish(&test.key(), 1.0);
    let mut due = p.due(11);
    due.sort();
    let mut expected = vec![missed, practice_only];
    expected.sort();
    assert_eq!(due, expected, "once the test has ended, both are due");
}

#[test]
fn a_tab_that_was_saved_over_gets_its_answers_back_by_joining() {
    let bank = common::bundle(20);
    let link = QuizLink::open("count=3&seed=1", &bank);
    let other = QuizLink::open("count=3&seed=2", &bank);
    let mut start = Progress::default();
    start.start_or_resume(&link, &bank, 0.0);
    // Both tabs read the same copy; tab A answers, tab B (which read before
    // A's save arrived) starts another quiz and saves over A's answer.
    let mut tab_a = load(Some(&save(&start)), &bank).progress;
    tab_a.answer(&link.key(), 0, vec![0], &bank, 1.0, 0);
    let mut tab_b = load(Some(&save(&start)), &bank).progress;
    tab_b.start_or_resume(&other, &bank, 2.0);
    // A hears B's save and joins its own copy in: nothing is lost.
    let mut heard = load(Some(&save(&tab_b)), &bank).progress;
    assert!(heard.join(&tab_a), "A's answer was missing, so the joined copy must be saved");
    assert_eq!(heard.quiz(&link).unwrap().answered(), 1);
    assert!(heard.quiz(&other).is_some());
    let question = &heard.quiz(&link).unwrap().items[0].question_id.clone();
    assert_eq!(heard.questions[question].seen, 1);
    // Joining again changes nothing; a quiz started again elsewhere replaces the old one.
    assert!(!heard.join(&tab_a));
    let mut restarted = heard.clone();
    restarted.restart(&link, &bank, 10.0);
    let mut b_hears = restarted.clone();
    assert!(!b_hears.join(&heard), "the older start does not bring its answers back");
    assert_eq!(b_hears.quiz(&link).unwrap().answered(), 0);
}

#[test]
fn of_two_tabs_picks_the_one_changed_last_stands_an_untick_included() {
    let bank = common::bundle(20);
    let link = QuizLink::open("count=3&seed=1&mode=test", &bank);
    let key = link.key();
    let mut start = Progress::default();
    start.start_or_resume(&link, &bank, 0.0);
    // Tab A ticks; tab B, which had A's tick, unticks it later and saves.
    let mut tab_a = start.clone();
    tab_a.pick(&key, 0, Some(vec![1]), 1.0);
    let mut tab_b = load(Some(&save(&tab_a)), &bank).progress;
    tab_b.pick(&key, 0, None, 2.0);
    // A hears B: the untick stands, A's older tick does not come back.
    let mut heard = load(Some(&save(&tab_b)), &bank).progress;
    heard.join(&tab_a);
    assert_eq!(heard.quiz(&link).unwrap().picked, None);
    // B hears A's later tick: it stands.
    tab_a.pick(&key, 0, Some(vec![2]), 3.0);
    let mut heard = load(Some(&save(&tab_b)), &bank).progress;
    assert!(heard.join(&tab_a));
    assert_eq!(heard.quiz(&link).unwrap().picked, Some((0, vec![2])));
}

#[test]
fn a_quiz_with_only_a_tick_is_listed_to_resume() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let link = QuizLink::open("count=3&seed=1&mode=test", &bank);
    p.start_or_resume(&link, &bank, 0.0);
    assert!(p.resumable().is_empty(), "opened and left untouched");
    p.pick(&link.key(), 0, Some(vec![1]), 1.0);
    assert_eq!(p.resumable().len(), 1);
}

#[test]
fn the_quiz_asking_a_question_is_the_last_changed_of_those_that_ask_it() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let first = ids_link(&bank, &["000-01", "000-02"]);
    let second = ids_link(&bank, &["000-02", "000-03"]);
    p.start_or_resume(&first, &bank, 1.0);
    p.start_or_resume(&second, &bank, 2.0);
    assert_eq!(p.quiz_asking("000-01", None).map(|s| s.spec.query()), Some(first.key()));
    assert_eq!(p.quiz_asking("000-02", None).map(|s| s.spec.query()), Some(second.key()));
    // Answered in the first quiz since: that one was changed last.
    p.answer(&first.key(), 1, vec![0], &bank, 3.0, 0);
    assert_eq!(p.quiz_asking("000-02", None).map(|s| s.spec.query()), Some(first.key()));
    assert!(p.quiz_asking("000-09", None).is_none());
}

#[test]
fn the_quiz_asking_a_question_is_the_one_its_evidence_was_opened_from() {
    let bank = common::bundle(20);
    let mut p = Progress::default();
    let class = ids_link(&bank, &["000-01", "000-02"]);
    let retry = ids_link(&bank, &["000-02"]);
    p.start_or_resume(&class, &bank, 1.0);
    p.answer(&class.key(), 0, vec![0], &bank, 2.0, 0);
    p.answer(&class.key(), 1, vec![0], &bank, 3.0, 0);
    p.finish(&class.key(), 3.0);
    p.start_or_resume(&retry, &bank, 4.0);
    p.answer(&retry.key(), 0, vec![0], &bank, 5.0, 0);
    let (class_page, retry_page) = (p.quiz(&class).unwrap().href(), p.quiz(&retry).unwrap().href());
    assert_eq!(p.quiz_asking("000-02", None).map(|s| s.href()), Some(retry_page.clone()), "the retry was changed last");
    // Opened from the class quiz's results, scrolled to a question's review
    // or not, and with its fields in another order: back to those results.
    let reordered = {
        let (path, query) = class_page.split_once('?').unwrap();
        let mut fields: Vec<&str> = query.split('&').collect();
        fields.reverse();
        format!("{path}?{}", fields.join("&"))
    };
    for from in [class_page.clone(), format!("{class_page}#review-000-01"), reordered] {
        assert_eq!(p.quiz_asking("000-02", Some(&from)).map(|s| s.href()), Some(class_page.clone()), "opened from {from}");
    }
    // From a page that is no quiz asking it: the one changed last.
    for from in ["/learn", "/sources", &format!("{class_page}&count=3")] {
        assert_eq!(p.quiz_asking("000-02", Some(from)).map(|s| s.href()), Some(retry_page.clone()), "opened from {from}");
    }
}

#[test]
fn a_link_that_lists_its_questions_without_a_seed_goes_on_with_its_unfinished_quiz() {
    let bank = common::bundle(10);
    let ids = "000-01,000-02,000-03";
    // As the play page reads a link without a seed, before it fixes one.
    let unseeded = |query: &str| QuizLink::open(query, &bank).spec().clone();
    let mut p = Progress::default();
    assert_eq!(p.unfinished_seed(&unseeded(&format!("ids={ids}"))), None, "nothing started: a fresh shuffle");

    // Opened once: the page fixed seed 7, and one answer was given.
    let first = QuizLink::open(&format!("ids={ids}&seed=7"), &bank);
    let key = first.key();
    p.start_or_resume(&first, &bank, 1_000.0);
    p.answer(&key, 0, vec![0], &bank, 2_000.0, 0);
    // Another quiz of the same questions, in test mode, changed later.
    let test = QuizLink::open(&format!("ids={ids}&seed=9&mode=test"), &bank);
    p.start_or_resume(&test, &bank, 3_000.0);
    assert_eq!(p.unfinished_seed(&unseeded(&format!("ids={ids}"))), Some(7), "the same link again goes on with it");
    assert_eq!(p.unfinished_seed(&unseeded(&format!("ids={ids}&mode=test"))), Some(9));
    assert_eq!(p.unfinished_seed(&unseeded("ids=000-02,000-01,000-03")), None, "another order is another quiz");

    // Of two unfinished quizzes of the link, the one changed last.
    let second = QuizLink::open(&format!("ids={ids}&seed=8"), &bank);
    p.start_or_resume(&second, &bank, 4_000.0);
    assert_eq!(p.unfinished_seed(&unseeded(&format!("ids={ids}"))), Some(8));
    p.answer(&key, 1, vec![0], &bank, 5_000.0, 0);
    assert_eq!(p.unfinished_seed(&unseeded(&format!("ids={ids}"))), Some(7));

    // Finished, it is left alone.
    for quiz in [&key, &second.key()] {
        p.finish(quiz, 6_000.0);
    }
    assert_eq!(p.unfinished_seed(&unseeded(&format!("ids={ids}"))), None, "finished: a fresh shuffle");

    // A link that draws its questions is a fresh draw each time.
    let drawn = QuizLink::open("count=3&seed=5", &bank);
    p.start_or_resume(&drawn, &bank, 7_000.0);
    p.answer(&drawn.key(), 0, vec![0], &bank, 8_000.0, 0);
    assert_eq!(p.unfinished_seed(&unseeded("count=3")), None);
}
