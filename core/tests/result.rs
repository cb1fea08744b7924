//! Result files and their verification codes.

mod common;

use open_door_core::quiz::{prepare, Mode, QuizSession, QuizSpec, Selection};
use open_door_core::result::{verify, ResultRecord, Verification};
use proptest::prelude::*;

fn finished(answers: &[usize]) -> (open_door_core::content::Bundle, QuizSession) {
    let bank = common::bundle(12);
    let spec = QuizSpec { selection: Selection::Filter { topics: vec![], articles: vec![], count: Some(5) }, seed: 5, mode: Mode::Test, minutes: None };
    let (items, _) = prepare(&bank, &spec);
    let mut session = QuizSession::new(spec, items, 0.0);
    for (index, choice) in answers.iter().enumerate() {
        session.submit(&bank, index, vec![*choice]);
    }
    session.finish(61_000.0);
    (bank, session)
}

#[test]
fn an_untouched_result_file_matches() {
    let (bank, session) = finished(&[0, 1, 0, 2, 0]);
    let record = ResultRecord::from_session(&session, &bank);
    assert_eq!((record.correct, record.total, record.seconds), (3, 5, 61));
    assert_eq!(verify(&record.to_json(), &bank), Verification::Matches { correct: 3, total: 5 });
    assert_eq!(record.code.len(), 9);
}

#[test]
fn an_edited_score_answer_or_code_does_not_match() {
    let (bank, session) = finished(&[0, 1, 0, 2, 0]);
    let record = ResultRecord::from_session(&session, &bank);
    let edits: [fn(&mut ResultRecord); 4] = [
        |r| r.correct = 5,
        |r| r.answers[1] = Some(vec![0]),
        |r| r.code = "AAAA-AAAA".into(),
        |r| r.quiz = r.quiz.replace("seed=5", "seed=6"),
    ];
    for (n, edit) in edits.iter().enumerate() {
        let mut changed = record.clone();
        edit(&mut changed);
        assert!(matches!(verify(&changed.to_json(), &bank), Verification::DoesNotMatch(_)), "edit {n} went unnoticed");
    }
    assert!(matches!(verify("{\"score\": 10}", &bank), Verification::Unreadable(_)));
}

#[test]
fn the_csv_has_a_row_per_question() {
    let (bank, session) = finished(&[0, 1, 0, 2, 0]);
    let csv = ResultRecord::from_session(&session, &bank).to_csv(&bank);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2 + 5);
    assert!(lines[0].contains("3 of 5"));
    assert_eq!(lines[1], "number,question id,question,your answer,right answer,correct");
    assert!(lines[2].starts_with("1,000-"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_checker_never_panics(text in ".{0,300}") {
        let _ = verify(&text, &common::bundle(12));
    }

    #[test]
    fn any_change_to_the_answers_is_caught(answers in proptest::collection::vec(0usize..3, 5), at in 0usize..5, to in 0usize..3) {
        let (bank, session) = finished(&answers);
        let mut record = ResultRecord::from_session(&session, &bank);
        prop_assume!(record.answers[at] != Some(vec![to]));
        record.answers[at] = Some(vec![to]);
        prop_assert!(matches!(verify(&record.to_json(), &bank), Verification::DoesNotMatch(_)));
    }
}
