mod common;

use open_door_core::quiz::{Mode, QuizSpec, Selection};
use open_door_core::share::{decode, encode};

#[test]
fn a_spec_survives_the_round_trip() {
    let bank = common::bundle(20);
    for spec in [
        QuizSpec { selection: Selection::Ids(vec!["000-04".into(), "000-01".into()]), seed: 9, mode: Mode::Test, minutes: Some(10) },
        QuizSpec {
            selection: Selection::Filter { topics: vec!["joining".into()], articles: vec!["000".into()], count: None },
            seed: u32::MAX,
            mode: Mode::Practice,
            minutes: None,
        },
        QuizSpec::quick(0),
    ] {
        let decoded = decode(&encode(&spec), &bank);
        assert_eq!(decoded.spec, spec);
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    }
}

/// Bad links, and what the student is told: (query, words a notice must hold).
const BAD_LINKS: &[(&str, &str)] = &[
    ("ids=000-01,zzz-99&seed=1", "1 of the link's questions is not in this version"),
    ("ids=nope&seed=1", "None of the link's questions could be found"),
    ("topics=joining,cooking&seed=1", "names a topic this app does not have"),
    ("articles=999&seed=1", "names a text this app does not have"),
    ("count=-3&seed=1", "\"-3\" questions"),
    ("count=99999999999999999999&seed=1", "questions; this quiz has 10"),
    ("seed=banana", "shuffle number is not a number"),
    ("mode=exam&seed=1", "Unknown mode \"exam\""),
    ("minutes=9000&seed=1", "no time limit"),
    ("ids=%E0%A4%A&seed=1", "garbled"),
    ("utm_source=x&seed=1", "(\"utm_source\")"),
];

#[test]
fn bad_links_give_the_nearest_quiz_and_say_why() {
    let bank = common::bundle(20);
    for (query, expected) in BAD_LINKS {
        let decoded = decode(query, &bank);
        assert!(
            decoded.notices.iter().any(|n| n.contains(expected)),
            "link `{query}`: expected a notice with `{expected}`, got {:?}",
            decoded.notices
        );
    }
}

#[test]
fn a_link_without_a_seed_still_gives_everyone_the_same_quiz() {
    let bank = common::bundle(20);
    assert_eq!(decode("topics=joining&count=5", &bank), decode("topics=joining&count=5", &bank));
    assert_ne!(decode("topics=joining&count=5", &bank).spec.seed, decode("topics=joining&count=6", &bank).spec.seed);
}

#[test]
fn percent_encoded_commas_and_a_leading_question_mark_are_read() {
    let bank = common::bundle(20);
    let decoded = decode("?ids=000-01%2C000-02&seed=3", &bank);
    assert_eq!(decoded.spec.selection, Selection::Ids(vec!["000-01".into(), "000-02".into()]));
}
