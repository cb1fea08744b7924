//! A topic tag must be earned by the question itself: a question tagged with
//! a topic names that topic's subject in its own prompt, choices or
//! evidence. (Issue 15 found questions tagged Article 5 whose text had
//! nothing to do with it, which put them in Article 5 quizzes.) Only topics
//! with an unmistakable subject are checked; "coverage", "joining" and
//! "guarantees" are judged in review.

use std::path::Path;

use open_door_core::content::{Difficulty, Question, QuestionKind};
use open_door_core::files::load_content;

/// Words of which a question tagged with the topic names at least one
/// (lower case; "attack" also covers "attacked" and "attacks").
const SUBJECTS: [(&str, &[&str]); 3] = [
    ("article-5", &["article 4", "article 5", "article 6", "attack"]),
    ("finland-sweden", &["finland", "sweden", "nordic", "finnish", "swedish"]),
    ("ukraine-road", &["ukrain", "kyiv", "kiev", "zelensk"]),
];

/// The topics whose subject the question does not name.
fn unearned_topics(question: &Question) -> Vec<&'static str> {
    let own_text = [question.prompt.as_str(), question.evidence.as_str()]
        .into_iter()
        .chain(question.choices.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    SUBJECTS
        .iter()
        .filter(|(topic, words)| question.topics.iter().any(|t| t == topic) && !words.iter().any(|w| own_text.contains(w)))
        .map(|(topic, _)| *topic)
        .collect()
}

#[test]
fn a_tag_needs_its_subject_in_the_question() {
    let tagged = |topics: &[&str], prompt: &str| Question {
        id: "x-01".into(),
        article: "002".into(),
        topics: topics.iter().map(|t| (*t).to_string()).collect(),
        difficulty: Difficulty::Easy,
        kind: QuestionKind::TrueFalse,
        prompt: prompt.into(),
        choices: vec!["True".into(), "False".into()],
        answer: vec!["True".into()],
        explanation: "Article 5 is only in the explanation, which does not count.".into(),
        evidence: "We must prevent President Putin from winning.".into(),
        since: None,
    };
    assert_eq!(unearned_topics(&tagged(&["article-5"], "Did he warn of disunity?")), ["article-5"]);
    assert!(unearned_topics(&tagged(&["article-5"], "Is an attack on one an attack on all?")).is_empty());
    assert_eq!(unearned_topics(&tagged(&["finland-sweden", "ukraine-road"], "Did Ukraine apply?")), ["finland-sweden"]);
}

#[test]
fn every_topic_tag_is_earned_by_the_question_text() {
    let bundle = load_content(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content")))
        .unwrap_or_else(|errors| panic!("content does not validate: {} error(s)", errors.len()));
    let failures: Vec<String> = bundle
        .questions
        .iter()
        .flat_map(|q| {
            unearned_topics(q).into_iter().map(move |topic| {
                format!(
                    "{} (questions/{}-*.toml): tagged `{topic}`, but its prompt, choices and evidence never name its subject",
                    q.id, q.article
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{} unearned topic tag(s):\n{}", failures.len(), failures.join("\n"));
}
