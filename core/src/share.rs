//! Share links: a quiz spec as a URL query, and back.
//!
//! Decoding never fails: a tampered or truncated link becomes the nearest
//! valid quiz, with a notice for every part that had to be changed, so a
//! student with a mangled link still gets a quiz and is told why it differs.

use crate::content::Bundle;
use crate::quiz::{Mode, QuizSpec, Selection, DEFAULT_COUNT};
use crate::rng::fnv1a;

/// The largest count a link may ask for; more than the bank holds is "all".
pub const MAX_COUNT: usize = 500;
const MAX_MINUTES: u16 = 180;

/// The query string (without `?`) that reproduces `spec`.
pub fn encode(spec: &QuizSpec) -> String {
    let mut parts = Vec::new();
    match &spec.selection {
        Selection::Ids(ids) => parts.push(format!("ids={}", ids.join(","))),
        Selection::Filter { topics, articles, count } => {
            if !topics.is_empty() {
                parts.push(format!("topics={}", topics.join(",")));
            }
            if !articles.is_empty() {
                parts.push(format!("articles={}", articles.join(",")));
            }
            parts.push(format!("count={}", count.map_or("all".to_string(), |c| c.to_string())));
        }
    }
    parts.push(format!("seed={}", spec.seed));
    parts.push(format!("mode={}", spec.mode.as_str()));
    if let Some(minutes) = spec.minutes {
        parts.push(format!("minutes={minutes}"));
    }
    parts.join("&")
}

/// What a class link says besides the quiz itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkLabels {
    /// The teacher's pack its questions come from (see [`crate::link_pack`]).
    pub pack: Option<String>,
    /// The teacher's title, for the worksheet, the key and the projector.
    pub title: Option<String>,
}

/// The longest pack name or title a link keeps.
pub const MAX_LABEL_CHARS: usize = 80;

/// The query parts (each starting with `&`) that carry `labels`.
pub fn encode_labels(labels: &LinkLabels) -> String {
    [("pack", &labels.pack), ("title", &labels.title)]
        .into_iter()
        .filter_map(|(key, value)| value.as_deref().map(|v| format!("&{key}={}", percent_encode(v))))
        .collect()
}

/// A decoded link: the quiz to run and what had to be changed to run it.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedLink {
    pub spec: QuizSpec,
    pub notices: Vec<String>,
    pub labels: LinkLabels,
    /// The pack this device needs before the quiz can run: the link is a
    /// pack quiz and some of its questions are not here. Such a link never
    /// becomes another quiz, and never runs in part.
    pub needs_pack: Option<String>,
}

/// Reads a query string (with or without `?`) against the question bank.
pub fn decode(query: &str, bank: &Bundle) -> DecodedLink {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notices = Vec::new();
    let mut ids = None;
    let mut topics = Vec::new();
    let mut articles = Vec::new();
    let mut count = Some(DEFAULT_COUNT);
    let mut seed = None;
    let mut mode = Mode::Practice;
    let mut minutes = None;
    let mut labels = LinkLabels::default();

    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(value) = percent_decode(raw_value) else {
            notices.push("Part of the link is garbled (perhaps it was not copied whole) and was ignored.".into());
            continue;
        };
        let list = || value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        match key {
            "ids" => ids = Some(list().collect::<Vec<_>>()),
            "topics" => topics = known(list(), |id| bank.topic(id).is_some(), ("topic", "topics"), &mut notices),
            "articles" => articles = known(list(), |id| bank.article(id).is_some(), ("text", "texts"), &mut notices),
            "pack" => labels.pack = label(&value),
            "title" => labels.title = label(&value),
            "count" => {
                count = match value.as_str() {
                    "all" => None,
                    number => match number.parse::<usize>() {
                        Ok(n) if (1..=MAX_COUNT).contains(&n) => Some(n),
                        _ => {
                            notices.push(format!(
                                "The link asks for \"{value}\" questions; this quiz has {DEFAULT_COUNT}."
                            ));
                            Some(DEFAULT_COUNT)
                        }
                    },
                }
            }
            "seed" => match value.parse::<u32>() {
                Ok(n) => seed = Some(n),
                Err(_) => notices.push(
                    "The link's shuffle number is not a number; the quiz order comes from the rest of the link."
                        .into(),
                ),
            },
            "mode" => match value.as_str() {
                "practice" => mode = Mode::Practice,
                "test" => mode = Mode::Test,
                _ => notices.push(format!("Unknown mode \"{value}\"; using practice mode.")),
            },
            "minutes" => match value.parse::<u16>() {
                Ok(0) => {}
                Ok(m) if m <= MAX_MINUTES => minutes = Some(m),
                _ => notices.push(format!("The time limit \"{value}\" is not 1 to {MAX_MINUTES} minutes; no time limit.")),
            },
            other => notices.push(format!("The link has a part a quiz link does not have (\"{other}\"); it was ignored.")),
        }
    }

    // A link whose seed is missing or broken still gives the whole class the
    // same quiz: the seed then comes from the link's own text.
    let seed = seed.unwrap_or_else(|| fnv1a(query.as_bytes()) as u32);

    let mut needs_pack = None;
    let selection = match ids {
        Some(ids) if labels.pack.is_some() && ids.iter().any(|id| bank.question(id).is_none()) => {
            needs_pack = labels.pack.clone();
            Selection::Ids(ids)
        }
        Some(ids) => {
            let (found, missing): (Vec<String>, Vec<String>) =
                ids.into_iter().partition(|id| bank.question(id).is_some());
            if !missing.is_empty() {
                notices.push(format!(
                    "{} of the link's questions {} not in this version of Open Door (perhaps the link was cut short), so {} left out.",
                    missing.len(),
                    if missing.len() == 1 { "is" } else { "are" },
                    if missing.len() == 1 { "it was" } else { "they were" },
                ));
            }
            if found.is_empty() {
                notices.push("None of the link's questions could be found, so this is a 10-question quiz on every topic.".into());
                Selection::Filter { topics: Vec::new(), articles: Vec::new(), count: Some(DEFAULT_COUNT) }
            } else {
                Selection::Ids(found)
            }
        }
        None => Selection::Filter { topics, articles, count },
    };
    DecodedLink { spec: QuizSpec { selection, seed, mode, minutes }, notices, labels, needs_pack }
}

/// Ids this app knows; the others are counted in a notice (by number: an
/// id means nothing to a student).
fn known(
    values: impl Iterator<Item = String>,
    exists: impl Fn(&str) -> bool,
    (one, many): (&str, &str),
    notices: &mut Vec<String>,
) -> Vec<String> {
    let (found, missing): (Vec<String>, Vec<String>) = values.partition(|v| exists(v));
    match missing.len() {
        0 => {}
        1 => notices.push(format!("The link names a {one} this app does not have; it was left out.")),
        n => notices.push(format!("The link names {n} {many} this app does not have; they were left out.")),
    }
    found
}

/// A pack name or title as a link carries it: one line, at most
/// [`MAX_LABEL_CHARS`] characters; empty is none.
fn label(value: &str) -> Option<String> {
    let line: String = value.chars().filter(|c| !c.is_control()).take(MAX_LABEL_CHARS).collect();
    let line = line.trim();
    (!line.is_empty()).then(|| line.to_string())
}

/// Escapes all but RFC 3986's unreserved characters.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// `%2C` -> `,` and `+` -> space; `None` for broken escapes or bad UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
