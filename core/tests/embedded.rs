//! The quiz content's embedded form: what the build writes, the app reads
//! back unchanged (the questions, then their details, all at once or one
//! question's at a time); what is damaged reads as nothing, never as a panic.

mod common;

use std::path::Path;

use open_door_core::content::{Bundle, Details, Difficulty, Question, QuestionKind, QuizContent, SinceThen};
use open_door_core::embedded::{decode, decode_all_details, decode_details, encode, END};
use open_door_core::files::load_content;
use proptest::prelude::*;

const ALL_KINDS: [QuestionKind; 6] = {
    use QuestionKind::*;
    [Single, Multiple, TrueFalse, Order, WhoSaid, WhichSource]
};

/// Every kind and difficulty, an article with and without headline and
/// outlet, a question with and without a "since then" note, an empty list.
fn varied() -> QuizContent {
    let (mut quiz, _) = common::bundle(0).into_parts();
    for (i, kind) in ALL_KINDS.into_iter().enumerate() {
        let mut question = common::question(&format!("000-{i:02}"), kind);
        question.difficulty = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard][i % 3];
        question.since = (i % 2 == 0).then(|| SinceThen { date: "2024-03-07".into(), note: "Sweden joined on 7 March 2024.".into() });
        quiz.questions.push(question);
    }
    quiz.questions[0].topics.clear();
    let mut second = quiz.articles[0].clone();
    second.id = "001".into();
    second.headline = Some("NATO renews Ukraine’s membership vote".into());
    second.outlet = Some("AP".into());
    second.body = "Twó\n\nparagraphs “quoted”".into();
    quiz.articles.push(second);
    quiz
}

/// The bank as the app builds it from the embedded texts: the questions,
/// then every question's details added.
fn read_back(quiz: &QuizContent) -> Bundle {
    let embedded = encode(quiz).expect("no text holds the separator");
    let mut bundle = Bundle::from_quiz(decode(&embedded.quiz).expect("the questions read")).awaiting_details();
    assert_eq!(bundle.awaiting_details.len(), quiz.questions.len(), "every question awaits its details");
    for (id, details) in decode_all_details(&embedded.details).expect("the details read") {
        bundle.add_details(&id, details);
    }
    assert!(bundle.awaiting_details.is_empty(), "every question's details came: {:?}", bundle.awaiting_details);
    bundle
}

#[test]
fn the_built_in_quiz_content_reads_back_as_written() {
    let bundle = load_content(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))).expect("the content is valid");
    let (quiz, _) = bundle.into_parts();
    assert_eq!(read_back(&quiz), Bundle::from_quiz(quiz));
}

#[test]
fn every_kind_difficulty_and_optional_field_reads_back() {
    let quiz = varied();
    assert_eq!(read_back(&quiz), Bundle::from_quiz(quiz));
    let empty = QuizContent::default();
    assert_eq!(read_back(&empty), Bundle::from_quiz(empty));
}

#[test]
fn the_questions_alone_carry_no_words_or_feedback_but_their_number_of_choices() {
    let quiz = varied();
    let questions = decode(&encode(&quiz).unwrap().quiz).unwrap();
    for (read, written) in questions.questions.iter().zip(&quiz.questions) {
        assert_eq!(read.details(), Details { choices: vec![String::new(); written.choices.len()], ..Details::default() }, "{}", read.id);
        let kept = |q: &Question| (q.id.clone(), q.article.clone(), q.topics.clone(), q.difficulty, q.kind);
        assert_eq!(kept(read), kept(written));
    }
}

#[test]
fn each_questions_own_details_read_back_alone() {
    let quiz = varied();
    let embedded = encode(&quiz).unwrap();
    assert_eq!(embedded.details_by_question.len(), quiz.questions.len());
    for ((id, text), question) in embedded.details_by_question.iter().zip(&quiz.questions) {
        assert_eq!(id, &question.id);
        assert_eq!(decode_details(text), Some(question.details()), "{id}");
        // A file cut short, or a page of HTML where the file was, is not a
        // question's details.
        assert_eq!(decode_details(&text[..text.len() - 1]), None, "{id} cut");
        assert_eq!(decode_details(&format!("{text}{text}")), None, "{id} twice");
    }
    assert_eq!(decode_details("<!DOCTYPE html><html></html>"), None);
}

#[test]
fn details_fill_only_the_questions_that_await_them() {
    let quiz = varied();
    let embedded = encode(&quiz).unwrap();
    let mut bundle = Bundle::from_quiz(decode(&embedded.quiz).unwrap()).awaiting_details();
    let (first, true_false) = (&quiz.questions[0], &quiz.questions[2]);
    // Another question's details, with another number of choices, do not fit.
    assert_ne!(first.choices.len(), true_false.choices.len(), "the questions this test needs");
    bundle.add_details(&true_false.id, first.details());
    assert!(!bundle.has_details(&true_false.id));
    assert!(!bundle.has_details(&first.id));
    bundle.add_details(&first.id, first.details());
    assert!(bundle.has_details(&first.id));
    assert_eq!(bundle.question(&first.id), Some(first));
    // Given again (or to a question that never awaited them), nothing changes.
    let mut other = first.details();
    other.explanation = "Another explanation.".into();
    bundle.add_details(&first.id, other.clone());
    bundle.add_details("no-such-question", other);
    assert_eq!(bundle.question(&first.id), Some(first));
    assert_eq!(bundle.awaiting_details.len(), quiz.questions.len() - 1);
}

#[test]
fn a_text_holding_the_separator_is_refused_by_its_id() {
    let mut quiz = varied();
    quiz.questions[3].explanation = format!("a{END}b");
    assert_eq!(encode(&quiz), Err("000-03: a text contains the control character U+001F".to_string()));
    let mut quiz = varied();
    quiz.questions[2].prompt = format!("a{END}b");
    assert_eq!(encode(&quiz), Err("000-02: a text contains the control character U+001F".to_string()));
}

#[test]
fn a_cut_or_lengthened_text_reads_as_nothing() {
    let text = encode(&varied()).unwrap().quiz;
    for (cut, _) in text.char_indices().filter(|&(i, c)| c == END && i + 1 < text.len()) {
        assert_eq!(decode(&text[..=cut]), None, "cut after byte {cut}");
    }
    assert_eq!(decode(&text[..text.len() - 1]), None, "the last END missing");
    assert_eq!(decode(&format!("{text}extra{END}")), None);
    assert_eq!(decode(""), None);
    let all = encode(&varied()).unwrap().details;
    for (cut, _) in all.char_indices().filter(|&(i, c)| c == END && i + 1 < all.len()) {
        assert_eq!(decode_all_details(&all[..=cut]), None, "details cut after byte {cut}");
    }
    assert_eq!(decode_all_details(""), None);
}

#[test]
fn an_out_of_range_or_non_canonical_number_reads_as_nothing() {
    let mut quiz = varied();
    quiz.questions = vec![quiz.questions[1].clone()];
    let text = encode(&quiz).unwrap().quiz;
    let fields: Vec<&str> = text.split(END).collect();
    // The question's difficulty and kind follow its id, article and one topic.
    let question = fields.iter().position(|f| *f == "000-01").unwrap();
    let (difficulty, kind) = (question + 4, question + 5);
    assert_eq!((fields[difficulty], fields[kind]), ("1", "1"), "the fields this test changes");
    for (at, value) in [(difficulty, "3"), (kind, "6"), (kind, "x"), (kind, "+1"), (kind, "01"), (kind, ""), (0, "18446744073709551615")] {
        let mut damaged = fields.clone();
        damaged[at] = value;
        assert_eq!(decode(&damaged.join(&END.to_string())), None, "field {at} as {value}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_texts_without_the_separator_read_back(
        prompt in "[^\u{1f}]{0,40}",
        choices in proptest::collection::vec("[^\u{1f}]{0,20}", 0..6),
        headline in proptest::option::of("[^\u{1f}]{0,20}"),
        explanation in "[^\u{1f}]{0,40}",
    ) {
        let mut quiz = varied();
        quiz.questions[1].prompt = prompt;
        quiz.questions[1].choices = choices;
        quiz.articles[0].headline = headline;
        quiz.questions[2].explanation = explanation;
        prop_assert_eq!(read_back(&quiz), Bundle::from_quiz(quiz));
    }
}
