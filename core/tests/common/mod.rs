//! A tiny valid bundle for rule tests, built in code so each test can break
//! exactly one thing.
#![allow(dead_code)] // each test binary uses a different part

use std::path::Path;

use open_door_core::content::{Article, Bundle, Difficulty, Explainer, Question, QuestionKind, Topic};
use open_door_core::markup::parse_document;

/// The repository's content folder.
pub fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))
}

/// The question file a question lives in: `questions/<article>-*.toml`.
pub fn question_file(question: &Question) -> String {
    let prefix = format!("{}-", question.article);
    std::fs::read_dir(content_dir().join("questions"))
        .expect("content/questions is listed")
        .filter_map(|entry| entry.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .find(|name| name.starts_with(&prefix))
        .map_or_else(|| "content/questions/?".into(), |name| format!("content/questions/{name}"))
}

pub const ARTICLE_TEXT: &str = "Allies said the door is open.\n\nAny member can veto a candidate.\n\nFinland joined in April.";

pub fn question(id: &str, kind: QuestionKind) -> Question {
    let (choices, answer): (Vec<&str>, Vec<&str>) = match kind {
        QuestionKind::TrueFalse => (vec!["True", "False"], vec!["True"]),
        QuestionKind::Order => (vec!["first", "second", "third"], vec![]),
        QuestionKind::Multiple => (vec!["a", "b", "c"], vec!["a", "b"]),
        _ => (vec!["a", "b", "c"], vec!["a"]),
    };
    Question {
        id: id.to_string(),
        article: "000".into(),
        topics: vec!["joining".into()],
        difficulty: Difficulty::Medium,
        kind,
        prompt: "According to the text, what?".into(),
        choices: choices.into_iter().map(String::from).collect(),
        answer: answer.into_iter().map(String::from).collect(),
        explanation: "Because the text says so.".into(),
        evidence: "Any member can veto a candidate.".into(),
        since: None,
    }
}

pub fn bundle(questions: usize) -> Bundle {
    Bundle {
        topics: vec![Topic { id: "joining".into(), title: "Joining".into() }, Topic { id: "article-5".into(), title: "Article 5".into() }],
        articles: vec![Article {
            id: "000".into(),
            label: "the test text".into(),
            headline: None,
            outlet: None,
            provenance: "made for tests".into(),
            record_notes: vec![],
            date_cue: "today".into(),
            date_inferred: "today".into(),
            place: "here".into(),
            source_file: "test.txt".into(),
            body: ARTICLE_TEXT.into(),
        }],
        explainers: vec![],
        glossary: vec![],
        questions: (0..questions)
            .map(|i| {
                let mut q = question(&format!("000-{i:02}"), QuestionKind::Single);
                if i % 2 == 1 {
                    q.topics = vec!["article-5".into()];
                }
                q
            })
            .collect(),
        ..Bundle::default()
    }
}

/// An explainer on `topic` of 300 words with one glossary link; the fixture
/// bundle has no glossary, so add the term `veto` where the link must resolve.
pub fn explainer(id: &str, topic: &str) -> Explainer {
    explainer_of_length(id, topic, 300)
}

pub fn explainer_of_length(id: &str, topic: &str, words: usize) -> Explainer {
    let text = format!("A [veto](glossary:veto) {}", "word ".repeat(words - 2));
    Explainer {
        id: id.to_string(),
        title: format!("Explainer {id}"),
        topic: topic.to_string(),
        summary: "One sentence.".into(),
        sources: vec!["000".into()],
        blocks: parse_document(&text).expect("valid markup"),
    }
}
