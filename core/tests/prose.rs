//! The app's own prose quotes only what its sources say. Every passage in
//! double quotes in an explainer, a figure, an article's record notes or a
//! glossary definition stands in one of the articles or in the reference
//! (`../shared/reference/nato-facts.md`),
//! and every quotation block from the treaty stands word for word in the
//! reference. Errors name the file and the id.

use std::collections::HashSet;
use std::path::Path;

use open_door_core::content::{normalise_for_match, Bundle};
use open_door_core::files::load_content;
use open_door_core::markup::{Block, Inline};

mod common;

/// Quoted words that are the app's own examples, not quotations: each is
/// listed with the sentence it stands in, so a new exception is a decision.
const OWN_EXAMPLES: &[(&str, &str)] = &[
    ("must send troops", "article-5: a wrong reading the reader is warned against"),
    ("according to the ap report...", "coverage: how the app's questions are worded"),
];

fn content() -> Bundle {
    load_content(common::content_dir()).unwrap_or_else(|errors| panic!("content errors: {errors:?}"))
}

/// The reference, or `None` outside CI when `../shared` is not beside the
/// repository (as the article test in content.rs does).
fn reference() -> Option<String> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/reference/nato-facts.md"));
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "CI runs with ../shared beside the repository: {}: {e}", path.display());
            eprintln!("skipped: {} not found (outside CI)", path.display());
            None
        }
    }
}

/// Quote marks and case do not matter when matching; words do.
fn fold(text: &str) -> String {
    normalise_for_match(text).to_lowercase().replace('\'', "\"")
}

fn inline_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(s) | Inline::Strong(s) | Inline::Emphasis(s) => s.as_str(),
            Inline::Link { text, .. } => text.as_str(),
        })
        .collect()
}

/// Every text of the figures' data (`content/figures/`), with its file and
/// entry: the figures quote under the same rule as the explainers.
fn figure_texts(bundle: &Bundle) -> Vec<(&'static str, String, &str)> {
    use open_door_core::figures::*;
    let f = &bundle.figures;
    let mut texts = vec![(ENLARGEMENT_FILE, "map_note".to_string(), f.enlargement.map_note.as_str())];
    for round in &f.enlargement.rounds {
        texts.extend(round.note.as_deref().map(|note| (ENLARGEMENT_FILE, round.date.clone(), note)));
    }
    for (i, step) in f.accession.steps.iter().enumerate() {
        texts.push((ACCESSION_FILE, format!("step {}", i + 1), step.text.as_str()));
    }
    for example in &f.accession.examples {
        for event in &example.events {
            texts.push((ACCESSION_FILE, format!("{} step {}", example.country, event.step), event.text.as_str()));
        }
    }
    for (i, step) in f.article_5.steps.iter().chain([&f.article_5.beside]).enumerate() {
        texts.push((ARTICLE_5_FILE, format!("step {}", i + 1), step.text.as_str()));
    }
    texts.push((ARTICLE_5_FILE, "invocation".to_string(), f.article_5.invocation.text.as_str()));
    for event in &f.ukraine_road {
        texts.push((UKRAINE_ROAD_FILE, event.date.clone(), event.text.as_str()));
    }
    texts
}

/// The explainers' own words, a block or list item at a time, each with its
/// file and id: their `>` quotations and figures left out.
fn explainer_texts(bundle: &Bundle) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for explainer in &bundle.explainers {
        let at = format!("content/explainers/{}.md: {}", explainer.id, explainer.id);
        for block in &explainer.blocks {
            match block {
                Block::Heading { text, .. } | Block::Paragraph(text) => texts.push((at.clone(), inline_text(text))),
                Block::List { items, .. } => texts.extend(items.iter().map(|item| (at.clone(), inline_text(item)))),
                Block::Quote { .. } | Block::Figure(_) => {}
            }
        }
    }
    texts
}

/// The passages between pairs of double quotes (straight or curly).
fn quoted_passages(text: &str) -> Vec<String> {
    normalise_for_match(text).split('"').skip(1).step_by(2).map(str::to_string).collect()
}

fn found_in(haystack: &str, passage: &str) -> bool {
    let needle = fold(passage);
    let trimmed = needle.trim_end_matches([',', '.', ';', ':']);
    haystack.contains(&needle) || (!trimmed.is_empty() && haystack.contains(trimmed))
}

#[test]
fn every_quotation_in_the_prose_stands_in_a_source() {
    let Some(reference) = reference() else { return };
    let bundle = content();
    let mut sources: String = fold(&reference);
    for article in &bundle.articles {
        sources.push('\n');
        sources.push_str(&fold(&article.body));
        if let Some(headline) = &article.headline {
            sources.push('\n');
            sources.push_str(&fold(headline));
        }
    }
    let own = |passage: &str| OWN_EXAMPLES.iter().any(|(words, _)| fold(passage) == *words);

    let mut missing = Vec::new();
    for (at, text) in explainer_texts(&bundle) {
        for passage in quoted_passages(&text) {
            if !own(&passage) && !found_in(&sources, &passage) {
                missing.push(format!("{at}: \"{passage}\""));
            }
        }
    }
    for (file, id, text) in figure_texts(&bundle) {
        for passage in quoted_passages(text) {
            if !own(&passage) && !found_in(&sources, &passage) {
                missing.push(format!("{file}: {id}: \"{passage}\""));
            }
        }
    }
    for article in &bundle.articles {
        for passage in article.record_notes.iter().flat_map(|note| quoted_passages(note)) {
            if !own(&passage) && !found_in(&sources, &passage) {
                missing.push(format!("content/articles/{}.toml: record_notes: \"{passage}\"", article.id));
            }
        }
    }
    for term in &bundle.glossary {
        for passage in quoted_passages(&term.definition) {
            if !own(&passage) && !found_in(&sources, &passage) {
                missing.push(format!("content/glossary.toml: {}: \"{passage}\"", term.id));
            }
        }
    }
    assert!(missing.is_empty(), "quoted but found in no article and not in the reference:\n{}", missing.join("\n"));
}

#[test]
fn treaty_quotations_are_verbatim_from_the_reference() {
    let Some(reference) = reference() else { return };
    let reference = fold(&reference);
    let mut checked = 0;
    for explainer in &content().explainers {
        for block in &explainer.blocks {
            let Block::Quote { text, cite } = block else { continue };
            let Some(cite) = cite.as_deref().filter(|c| c.starts_with("North Atlantic Treaty")) else { continue };
            checked += 1;
            let quotation = inline_text(text);
            assert!(
                reference.contains(&fold(&quotation)),
                "content/explainers/{}.md: {}: the quotation cited as `{cite}` is not word for word in the reference: {quotation}",
                explainer.id,
                explainer.id
            );
        }
    }
    assert!(checked >= 4, "the explainers quote Articles 4, 5 and 6 and 10; found {checked} treaty quotations");
}

/// How many of the treaty's words in a row make a quotation: shorter runs
/// are names of places and bodies the prose must be free to use ("in
/// Europe or North America", "north of the Tropic of Cancer", "when the
/// treaty entered into force").
const TREATY_RUN: usize = 7;

/// The treaty's words as the reference quotes them (the passage after each
/// "- **Article …**" entry, wherever it stands), lower-case, without
/// punctuation.
fn treaty_words(reference: &str) -> Vec<Vec<String>> {
    reference
        .split("\n- **Article ")
        .skip(1)
        .filter_map(|entry| quoted_passages(entry).into_iter().next())
        .map(|passage| words(&passage))
        .filter(|words| words.len() >= TREATY_RUN)
        .collect()
}

fn words(text: &str) -> Vec<String> {
    normalise_for_match(text).to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Every run of [`TREATY_RUN`] of the treaty's words.
fn treaty_runs(treaty: &[Vec<String>]) -> HashSet<&[String]> {
    treaty.iter().flat_map(|words| words.windows(TREATY_RUN)).collect()
}

/// The first of `runs` that `text` has outside quotation marks, if any.
fn unquoted_treaty_words(text: &str, runs: &HashSet<&[String]>) -> Option<String> {
    normalise_for_match(text)
        .split('"')
        .step_by(2)
        .find_map(|outside| words(outside).windows(TREATY_RUN).find(|run| runs.contains(run)).map(|run| run.join(" ")))
}

/// The brief: "quote the treaty only as a quotation". The app's own words
/// (explainers, glossary, figures, questions' prompts and explanations)
/// may not take over the treaty's wording unmarked. A question's choices
/// are left out: one that asks which of the treaty's phrases means
/// something offers its phrases as choices, all unmarked alike, so that
/// no quotation marks single out the answer.
#[test]
fn the_treaty_s_words_stand_in_the_prose_only_as_quotations() {
    let Some(reference) = reference() else { return };
    let treaty = treaty_words(&reference);
    // Articles 4, 5 (both paragraphs), 6 and 10, wherever the reference has them.
    assert_eq!(treaty.len(), 5, "the reference's treaty articles: {treaty:?}");
    let runs = treaty_runs(&treaty);
    assert!(runs.contains(&words("may, by unanimous agreement, invite any other")[..]), "Article 10 is among them");
    let bundle = content();
    let mut texts = explainer_texts(&bundle);
    texts.extend(bundle.glossary.iter().map(|term| (format!("content/glossary.toml: {}", term.id), term.definition.clone())));
    texts.extend(figure_texts(&bundle).into_iter().map(|(file, id, text)| (format!("{file}: {id}"), text.to_string())));
    for question in &bundle.questions {
        let at = format!("{}: {}", common::question_file(question), question.id);
        texts.push((at.clone(), question.prompt.clone()));
        texts.push((at, question.explanation.clone()));
    }
    let unmarked: Vec<String> =
        texts.iter().filter_map(|(at, text)| unquoted_treaty_words(text, &runs).map(|run| format!("{at}: \"{run}\""))).collect();
    assert!(unmarked.is_empty(), "the treaty's words outside quotation marks:\n{}", unmarked.join("\n"));
    // The check itself, on 004-07's wording before it was mended.
    assert!(unquoted_treaty_words("Article 5, where an armed attack against one or more allies is an attack on all", &runs).is_some());
    assert!(unquoted_treaty_words("Article 5, where \"an armed attack against one or more\" allies counts", &runs).is_none());
}

/// The examples, kept as cases: a misquote or an invented quotation
/// in the prose fails the check above.
#[test]
fn the_check_catches_a_misquote() {
    let Some(reference) = reference() else { return };
    let bundle = content();
    let vilnius = bundle.article("004").expect("article 004");
    let sources = format!("{}\n{}", fold(&reference), fold(&vilnius.body));
    assert!(found_in(&sources, "an assault on one is an attack on all"));
    assert!(!found_in(&sources, "an attack on one is an attack on all"), "article 004 writes \"an assault on one\"");
    assert!(!found_in(&sources, "each ally must send troops"));
}
