//! The orders the Learn, Sources and Glossary pages list things in, checked
//! on the real content and on small bundles built to be out of order.

mod common;

use std::path::Path;

use open_door_core::content::{Bundle, GlossaryTerm, Topic};
use open_door_core::files::load_content;

fn content() -> Bundle {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"));
    load_content(dir).unwrap_or_else(|errors| panic!("content errors: {errors:?}"))
}

fn position<T>(list: &[&T], matches: impl Fn(&T) -> bool) -> Option<usize> {
    list.iter().position(|item| matches(item))
}

/// Pairs of glossary terms as a reader expects them: the first before the second.
const GLOSSARY_PAIRS: &[(&str, &str)] = &[
    ("Article 4", "Article 5"),
    ("Article 5", "Article 6"),
    ("Article 6", "Article 10"),
    ("Article 4", "Article 10"),
    ("Accession", "Accession protocol"),
    ("Collective defence", "Depositary"),
];

#[test]
fn the_glossary_sorts_numbers_by_value() {
    let bundle = content();
    let terms = bundle.glossary_in_reading_order();
    for (earlier, later) in GLOSSARY_PAIRS {
        let at = |term: &str| {
            position(&terms, |t: &GlossaryTerm| t.term == term).unwrap_or_else(|| panic!("content/glossary.toml: no term `{term}`"))
        };
        assert!(at(earlier) < at(later), "content/glossary.toml: `{earlier}` must come before `{later}`");
    }
}

#[test]
fn the_glossary_order_does_not_depend_on_the_file_order() {
    let term = |id: &str, term: &str| GlossaryTerm { id: id.into(), term: term.into(), definition: "d".into() };
    let mut bundle = common::bundle(1);
    bundle.glossary =
        vec![term("article-10", "Article 10"), term("veto", "veto"), term("article-4", "Article 4"), term("accession", "Accession")];
    let ids: Vec<&str> = bundle.glossary_in_reading_order().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["accession", "article-4", "article-10", "veto"]);
}

/// The Learn page teaches how a country joins first; after that it follows
/// topics.toml, so the order is edited there.
#[test]
fn learn_lists_explainers_in_the_order_of_topics_toml() {
    let bundle = content();
    let order: Vec<&str> = bundle.explainers_in_teaching_order().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(order.first(), Some(&"joining"), "content/explainers/joining.md: `joining` must be first on the Learn page");
    for (place, topic) in bundle.topics.iter().enumerate() {
        let explainers: Vec<&str> = bundle.explainers.iter().filter(|e| e.topic == topic.id).map(|e| e.id.as_str()).collect();
        assert_eq!(explainers.len(), 1, "content/topics.toml: {}: needs exactly one explainer, has {explainers:?}", topic.id);
        let explainer = bundle.explainers.iter().find(|e| e.topic == topic.id).map(|e| e.id.as_str());
        assert_eq!(
            order.get(place).copied(),
            explainer,
            "content/topics.toml: {}: its explainer must be number {} on the Learn page",
            topic.id,
            place + 1
        );
    }
}

#[test]
fn each_explainer_leads_on_to_the_next_in_teaching_order_and_the_last_to_none() {
    let bundle = content();
    let order = bundle.explainers_in_teaching_order();
    for pair in order.windows(2) {
        assert_eq!(bundle.explainer_after(&pair[0].id).map(|e| e.id.as_str()), Some(pair[1].id.as_str()));
    }
    assert!(bundle.explainer_after(&order.last().unwrap().id).is_none());
    assert!(bundle.explainer_after("no-such-explainer").is_none());
}

#[test]
fn moving_a_topic_moves_its_explainer() {
    let mut bundle = common::bundle(1);
    bundle.explainers = vec![common::explainer("defence", "article-5"), common::explainer("how-to-join", "joining")];
    let ids = |b: &Bundle| b.explainers_in_teaching_order().iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&bundle), ["how-to-join", "defence"], "topics: joining, then article-5");
    bundle.topics.reverse();
    assert_eq!(ids(&bundle), ["defence", "how-to-join"], "topics reversed");
    bundle.topics.push(Topic { id: "unused".into(), title: "Unused".into() });
    assert_eq!(ids(&bundle), ["defence", "how-to-join"], "a topic without an explainer changes nothing");
}

/// The texts' inferred dates, oldest first. A new source only needs a
/// readable date at the start of `date_inferred`.
const SOURCES_BY_DATE: &[&str] = &["treaty", "002", "003", "000", "001", "004"];

#[test]
fn every_source_has_a_readable_inferred_date() {
    for article in &content().articles {
        assert!(
            article.date().is_some(),
            "content/articles/{}.toml: {}: date_inferred `{}` must start with a date like 20 April 2023",
            article.id,
            article.id,
            article.date_inferred
        );
    }
}

#[test]
fn sources_are_listed_oldest_first() {
    let bundle = content();
    let listed = bundle.articles_by_date();
    for pair in listed.windows(2) {
        assert!(
            pair[0].date() <= pair[1].date(),
            "content/articles: {} ({}) is listed before {} ({})",
            pair[0].id,
            pair[0].date_inferred,
            pair[1].id,
            pair[1].date_inferred
        );
    }
    let ids: Vec<&str> = listed.iter().map(|a| a.id.as_str()).filter(|id| SOURCES_BY_DATE.contains(id)).collect();
    assert_eq!(ids, SOURCES_BY_DATE, "content/articles: the treaty (1949), then the news texts by their inferred dates");
}

#[test]
fn a_source_without_a_readable_date_goes_last() {
    let mut bundle = common::bundle(1);
    let dated = |id: &str, date: &str| {
        let mut article = bundle.articles[0].clone();
        article.id = id.into();
        article.date_inferred = date.into();
        article
    };
    let articles = vec![
        dated("undated", "some day"),
        dated("later", "12 July 2023 (from the event)"),
        dated("treaty", "4 April 1949"),
        dated("year-only", "2023"),
    ];
    bundle.articles = articles;
    let ids: Vec<&str> = bundle.articles_by_date().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["treaty", "year-only", "later", "undated"]);
}
