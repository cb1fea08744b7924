//! The real content folder, checked natively: every rule, every file.

use std::path::Path;

use open_door_core::content::{locate_quote, QuestionKind, TextBlock};
use open_door_core::files::load_content;

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))
}

#[test]
fn the_bundled_content_validates() {
    match load_content(content_dir()) {
        Ok(bundle) => {
            assert!(bundle.questions.len() >= 80, "{} questions; at least 80", bundle.questions.len());
            assert_eq!(bundle.articles.len(), 6, "five news texts and the treaty");
            assert_eq!(bundle.explainers.len(), bundle.topics.len(), "one explainer per topic");
        }
        Err(errors) => {
            let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{} content error(s):\n{}", errors.len(), listed.join("\n"));
        }
    }
}

const ALL_KINDS: [QuestionKind; 6] = {
    use QuestionKind::*;
    [Single, Multiple, TrueFalse, Order, WhoSaid, WhichSource]
};

#[test]
fn every_question_type_is_used() {
    let bundle = load_content(content_dir()).expect("content validates");
    for kind in ALL_KINDS {
        assert!(bundle.questions.iter().any(|q| q.kind == kind), "no {kind:?} question");
    }
}

/// The question form shows the label and then "Number keys choose; Enter
/// submits.", so each label must be a sentence of its own.
#[test]
fn every_question_kind_label_is_a_whole_sentence() {
    for kind in ALL_KINDS {
        let label = kind.label();
        assert!(label.ends_with(['.', '?']), "{kind:?}: {label:?} needs its full stop or question mark");
    }
}

/// The cleaned texts must be their originals with only page furniture
/// removed: every paragraph stands verbatim in the original. The news texts'
/// originals live in ../shared/articles, beside the repository; the treaty's
/// `source_file` points from there to the reference that quotes it, where the
/// quotations are wrapped over several lines, so line breaks and runs of
/// spaces count as one space (and nothing else is forgiven).
#[test]
fn cleaned_articles_are_verbatim_excerpts_of_the_originals() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/articles"));
    if !shared.is_dir() {
        assert!(std::env::var_os("CI").is_none(), "CI runs with ../shared beside the repository: {} is missing", shared.display());
        eprintln!("skipped: {} not found (outside CI)", shared.display());
        return;
    }
    let single_spaced = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let bundle = load_content(content_dir()).expect("content validates");
    for article in &bundle.articles {
        let original = std::fs::read_to_string(shared.join(&article.source_file))
            .unwrap_or_else(|e| panic!("article {}: cannot read {}: {e}", article.id, article.source_file));
        let original = single_spaced(&original);
        for paragraph in article.paragraphs() {
            assert!(
                original.contains(&single_spaced(paragraph)),
                "article {}: paragraph not in {}: {paragraph}",
                article.id,
                article.source_file
            );
        }
        if let Some(headline) = &article.headline {
            assert!(original.contains(&single_spaced(headline)), "article {}: headline not in the original", article.id);
        }
    }
}

/// A source page highlights a question's evidence in the first paragraph
/// that holds it (src/pages/sources.rs). Validation asks that a quote lie
/// within a paragraph; the built-in texts also hold each in only one, so
/// that the passage highlighted is the one the question means.
#[test]
fn every_evidence_lies_in_just_one_paragraph() {
    let bundle = load_content(content_dir()).expect("content validates");
    for question in &bundle.questions {
        let article = bundle.article(&question.article).expect("its article");
        let holding =
            article.blocks().filter(|block| matches!(block, TextBlock::Paragraph(p) if locate_quote(p, &question.evidence).is_some()));
        assert_eq!(holding.count(), 1, "question {}: its evidence is not in just one paragraph of {}", question.id, article.id);
    }
}

/// The treaty's text is its articles, each under its own heading.
#[test]
fn the_treaty_reads_article_by_article() {
    let bundle = load_content(content_dir()).expect("content validates");
    let treaty = bundle.article("treaty").expect("the treaty");
    let headings: Vec<&str> = treaty
        .blocks()
        .filter_map(|block| match block {
            TextBlock::Heading(text) => Some(text),
            TextBlock::Paragraph(_) => None,
        })
        .collect();
    assert_eq!(headings, ["Article 4", "Article 5", "Article 6", "Article 10"]);
    assert!(matches!(treaty.blocks().next(), Some(TextBlock::Heading(_))), "the text starts with its first article's heading");
}

/// Boilerplate the issue names must not survive cleaning.
#[test]
fn page_furniture_is_gone() {
    let bundle = load_content(content_dir()).expect("content validates");
    for article in &bundle.articles {
        for furniture in ["Min Read", "Share This Article", "Leave a comment", "Related Articles", "Focus on the big picture"] {
            assert!(!article.body.contains(furniture), "article {} still contains `{furniture}`", article.id);
        }
        if let Some(headline) = &article.headline {
            assert!(!article.body.contains(headline.as_str()), "article {} repeats its headline in the body", article.id);
        }
    }
}

/// The app embeds the content in two parts (build.rs): put back together,
/// they are the content as written, and the quiz part holds none of the
/// reading part's text.
#[test]
fn the_two_embedded_parts_make_the_whole_content() {
    let bundle = load_content(content_dir()).expect("the content validates");
    let (quiz, reading) = bundle.clone().into_parts();
    for a in &quiz.articles {
        assert!(a.body.is_empty() && a.provenance.is_empty() && a.place.is_empty(), "{}: no body or provenance in the quiz part", a.id);
        assert!(!a.label.is_empty() && !a.date_inferred.is_empty(), "{}: named as a quiz names it", a.id);
    }
    assert_eq!(reading.articles.len(), bundle.articles.len());
    assert_eq!(reading.explainers.len(), bundle.explainers.len());
    let joined = open_door_core::content::Bundle::from_quiz(quiz).with_reading(reading);
    assert_eq!(joined, open_door_core::content::Bundle { figures: Default::default(), ..bundle });
}
