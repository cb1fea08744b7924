//! Each content rule, as data: a change that breaks one rule, and the words
//! the error must contain. Adding a rule means adding a row.

mod common;

use open_door_core::content::{QuestionKind, SinceThen};
use open_door_core::validate::{validate_bundle, Minimums, Origins};

type Breakage = fn(&mut open_door_core::content::Bundle);

const CASES: &[(&str, Breakage, &str)] = &[
    ("unknown article", |b| b.questions[0].article = "999".into(), "unknown article `999`"),
    ("quote not verbatim", |b| b.questions[0].evidence = "Any ally can veto a candidate.".into(), "not found verbatim in article 000"),
    ("answer not a choice", |b| b.questions[0].answer = vec!["z".into()], "answer `z` is not among the choices"),
    ("duplicate id", |b| b.questions[1].id = b.questions[0].id.clone(), "duplicate id"),
    ("duplicate choice", |b| b.questions[0].choices[1] = "A".into(), "duplicate choice `A`"),
    ("single with two answers", |b| b.questions[0].answer = vec!["a".into(), "b".into()], "needs exactly one answer, not 2"),
    ("single with no answer", |b| b.questions[0].answer = vec![], "a question of type `single` needs exactly one answer, not 0"),
    (
        "multiple with no answer",
        |b| {
            b.questions[0] = common::question("000-00", QuestionKind::Multiple);
            b.questions[0].answer = vec![];
        },
        "a question of type `multiple` needs an answer",
    ),
    (
        "true-false with no answer, named as the file names the type",
        |b| {
            b.questions[0] = common::question("000-00", QuestionKind::TrueFalse);
            b.questions[0].answer = vec![];
        },
        "a question of type `true-false` needs exactly one answer, not 0",
    ),
    (
        "answer that differs from its choice only in spaces",
        |b| b.questions[0].answer = vec![" a ".into()],
        "answer ` a ` is not among the choices: it differs from the choice `a` only in its spaces, quote marks or dashes",
    ),
    (
        "answer that differs from its choice only in its quote marks",
        |b| {
            b.questions[0].choices[0] = "The \"open door\"".into();
            b.questions[0].answer = vec!["The \u{201c}open door\u{201d}".into()];
        },
        "it differs from the choice `The \"open door\"` only in its spaces, quote marks or dashes",
    ),
    (
        "order with two items",
        |b| {
            b.questions[0] = common::question("000-00", QuestionKind::Order);
            b.questions[0].choices.pop();
        },
        "at least three items",
    ),
    (
        "order with an answer",
        |b| {
            b.questions[0] = common::question("000-00", QuestionKind::Order);
            b.questions[0].answer = vec!["first".into()];
        },
        "a question of type `order` has no `answer`",
    ),
    (
        "true-false with other choices",
        |b| {
            b.questions[0] = common::question("000-00", QuestionKind::TrueFalse);
            b.questions[0].choices = vec!["Yes".into(), "No".into()];
            b.questions[0].answer = vec!["Yes".into()];
        },
        "has the choices [\"True\", \"False\"]",
    ),
    ("empty explanation", |b| b.questions[0].explanation = "  ".into(), "empty explanation"),
    ("unknown topic", |b| b.questions[0].topics = vec!["cooking".into()], "unknown topic `cooking`"),
    ("evidence too long", |b| b.questions[0].evidence = "word ".repeat(51), "evidence has 51 words; at most 50"),
    ("bad id", |b| b.questions[0].id = "Q 1".into(), "an id is 1 to 40 of a-z, 0-9 and -"),
    (
        "bad since date",
        |b| b.questions[0].since = Some(SinceThen { date: "March 2024".into(), note: "x".into() }),
        "is not a date like 2024-07-10, 2024-07 or 2024",
    ),
    ("article below minimum", |b| b.questions.truncate(9), "9 questions; each article needs at least 10"),
    (
        "two explainers on one topic",
        |b| {
            b.explainers = vec![common::explainer("first", "joining"), common::explainer("second", "joining")];
        },
        "another explainer already covers topic `joining`",
    ),
    (
        "explainer too long",
        |b| b.explainers = vec![common::explainer_of_length("long", "joining", 1_001)],
        "1001 words; an explainer has 300 to 1000",
    ),
    (
        "explainer too short",
        |b| b.explainers = vec![common::explainer_of_length("short", "joining", 299)],
        "299 words; an explainer has 300 to 1000",
    ),
    ("topic below minimum", |b| b.questions.retain(|q| q.topics[0] == "joining"), "each topic needs at least 10"),
];

#[test]
fn the_fixture_itself_is_valid() {
    let errors = validate_bundle(&common::bundle(20), &Origins::single_file("fixture.toml"), Minimums::BUILT_IN);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_since_date_is_as_precise_as_its_source() {
    for date in ["2024", "2024-07", "2024-07-10"] {
        let mut bundle = common::bundle(20);
        bundle.questions[0].since = Some(SinceThen { date: date.into(), note: "The Washington summit.".into() });
        let errors = validate_bundle(&bundle, &Origins::single_file("fixture.toml"), Minimums::BUILT_IN);
        assert!(errors.is_empty(), "{date}: {errors:?}");
    }
}

#[test]
fn each_broken_rule_is_reported_with_file_id_and_rule() {
    for (name, breakage, expected) in CASES {
        let mut bundle = common::bundle(20);
        breakage(&mut bundle);
        let errors = validate_bundle(&bundle, &Origins::single_file("fixture.toml"), Minimums::BUILT_IN);
        assert!(
            errors.iter().any(|e| e.rule.contains(expected) && e.file == "fixture.toml" && !e.id.is_empty()),
            "case `{name}`: expected an error containing `{expected}`, got {errors:?}"
        );
    }
}

#[test]
fn errors_display_as_file_id_rule() {
    let mut bundle = common::bundle(20);
    bundle.questions[3].answer = vec!["nope".into()];
    let errors = validate_bundle(&bundle, &Origins::single_file("content/questions/x.toml"), Minimums::BUILT_IN);
    assert_eq!(errors[0].to_string(), "content/questions/x.toml: 000-03: answer `nope` is not among the choices");
}

#[test]
fn a_pack_has_no_minimums() {
    let errors = validate_bundle(&common::bundle(1), &Origins::single_file("pack.json"), Minimums::PACK);
    assert!(errors.is_empty(), "{errors:?}");
}

/// The checks name a question's type as its file writes it.
#[test]
fn a_types_name_is_the_one_its_file_writes() {
    for kind in QuestionKind::ALL {
        assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.name()));
    }
}
