//! The rules content must keep. Every broken rule is reported with the file,
//! the id and the rule, so a teacher can find and mend it; the build stops on
//! any of them, and an imported pack with any of them is refused whole.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::content::{normalise_for_match, Bundle, Question, QuestionKind};
use crate::figures::year_of;
use crate::markup::{self, LinkTarget};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub id: String,
    pub rule: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.id, self.rule)
    }
}

/// Which file each item came from, so errors can name it.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// Used for items with no entry (an imported pack is one file).
    pub default_file: String,
    files: HashMap<(ItemKind, String), String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Topic,
    Article,
    Explainer,
    Term,
    Question,
}

impl Origins {
    pub fn single_file(name: &str) -> Self {
        Self { default_file: name.to_string(), files: HashMap::new() }
    }
    pub fn record(&mut self, kind: ItemKind, id: &str, file: &str) {
        self.files.insert((kind, id.to_string()), file.to_string());
    }
    pub fn file(&self, kind: ItemKind, id: &str) -> &str {
        self.files.get(&(kind, id.to_string())).map_or(&self.default_file, String::as_str)
    }
}

/// How much content a bundle must have. The built-in bank has minimums; an
/// imported pack may be small.
#[derive(Debug, Clone, Copy)]
pub struct Minimums {
    pub questions_per_article: usize,
    pub questions_per_topic: usize,
    pub explainer_words: (usize, usize),
}

impl Minimums {
    /// Explainers may run to 1,000 words: the Article 5 explainer quotes
    /// Articles 4, 5 and 6 in full (about 280 words of treaty text) beside who
    /// decides, the Secretary General's role and the one invocation; 1,000
    /// words is the "five minutes of reading" the Learn page promises, at 200
    /// words a minute.
    pub const BUILT_IN: Self = Self { questions_per_article: 10, questions_per_topic: 10, explainer_words: (300, 1_000) };
    pub const PACK: Self = Self { questions_per_article: 0, questions_per_topic: 0, explainer_words: (0, 2000) };
}

pub const MAX_EVIDENCE_WORDS: usize = 50;
pub const MAX_CHOICES: usize = 8;
pub const MAX_TEXT_CHARS: usize = 2_000;

/// Checks a whole bundle; an empty list means it may ship.
pub fn validate_bundle(bundle: &Bundle, origins: &Origins, minimums: Minimums) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut report = |kind: ItemKind, id: &str, rule: String| {
        errors.push(ContentError { file: origins.file(kind, id).to_string(), id: id.to_string(), rule });
    };

    for (kind, ids) in [
        (ItemKind::Topic, bundle.topics.iter().map(|t| t.id.as_str()).collect::<Vec<_>>()),
        (ItemKind::Article, bundle.articles.iter().map(|a| a.id.as_str()).collect()),
        (ItemKind::Explainer, bundle.explainers.iter().map(|e| e.id.as_str()).collect()),
        (ItemKind::Term, bundle.glossary.iter().map(|t| t.id.as_str()).collect()),
        (ItemKind::Question, bundle.questions.iter().map(|q| q.id.as_str()).collect()),
    ] {
        let mut seen = HashSet::new();
        for id in ids {
            if let Some(rule) = id_rule(id) {
                report(kind, id, rule);
            }
            if !seen.insert(id) {
                report(kind, id, "duplicate id".into());
            }
        }
    }

    for article in &bundle.articles {
        if article.body.trim().is_empty() {
            report(ItemKind::Article, &article.id, "the article has no text".into());
        }
        if article.label.trim().is_empty() {
            report(ItemKind::Article, &article.id, "empty label".into());
        }
    }
    for term in &bundle.glossary {
        if term.term.trim().is_empty() || term.definition.trim().is_empty() {
            report(ItemKind::Term, &term.id, "a glossary entry needs a term and a definition".into());
        }
    }

    let mut explained_topics = HashSet::new();
    for explainer in &bundle.explainers {
        let mut problems = Vec::new();
        if bundle.topic(&explainer.topic).is_none() {
            problems.push(format!("unknown topic `{}`", explainer.topic));
        }
        // The Learn page lists explainers in the order of their topics, so
        // two on one topic would have no order between them.
        if !explained_topics.insert(explainer.topic.as_str()) {
            problems.push(format!("another explainer already covers topic `{}`", explainer.topic));
        }
        for source in &explainer.sources {
            if bundle.article(source).is_none() {
                problems.push(format!("unknown article `{source}` in sources"));
            }
        }
        let words = markup::word_count(&explainer.blocks);
        let (least, most) = minimums.explainer_words;
        if words < least || words > most {
            problems.push(format!("{words} words; an explainer has {least} to {most}"));
        }
        let links = markup::links(&explainer.blocks);
        if !links.iter().any(|l| matches!(l, LinkTarget::Glossary(_))) {
            problems.push("links no glossary term".into());
        }
        for link in links {
            let known = match link {
                LinkTarget::Glossary(id) => bundle.term(id).is_some(),
                LinkTarget::Source(id) => bundle.article(id).is_some(),
                LinkTarget::Explainer(id) => bundle.explainer(id).is_some(),
                LinkTarget::QuizOnTopic(id) => bundle.topic(id).is_some(),
            };
            if !known {
                problems.push(format!("link to unknown {link:?}"));
            }
            // "Sources this page draws on" lists what the page links to.
            if let LinkTarget::Source(id) = link {
                if !explainer.sources.contains(id) {
                    problems.push(format!("links source `{id}` that its `sources` do not list"));
                }
            }
        }
        for problem in problems {
            report(ItemKind::Explainer, &explainer.id, problem);
        }
    }

    // Each text normalised once, not once per question that quotes it: a
    // large pack has hundreds of questions on one long text.
    let bodies: HashMap<&str, String> = bundle.articles.iter().map(|a| (a.id.as_str(), normalise_for_match(&a.body))).collect();
    for question in &bundle.questions {
        for rule in question_rules(question, bundle, &bodies) {
            report(ItemKind::Question, &question.id, rule);
        }
    }

    for article in &bundle.articles {
        let count = bundle.questions.iter().filter(|q| q.article == article.id).count();
        if count < minimums.questions_per_article {
            report(
                ItemKind::Article,
                &article.id,
                format!("{count} questions; each article needs at least {}", minimums.questions_per_article),
            );
        }
    }
    for topic in &bundle.topics {
        let count = bundle.questions.iter().filter(|q| q.topics.contains(&topic.id)).count();
        if count < minimums.questions_per_topic {
            report(ItemKind::Topic, &topic.id, format!("{count} questions; each topic needs at least {}", minimums.questions_per_topic));
        }
    }
    errors
}

/// Ids travel in links and file names: lower-case letters, digits and `-`.
fn id_rule(id: &str) -> Option<String> {
    let well_formed = !id.is_empty() && id.len() <= 40 && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    (!well_formed).then(|| "an id is 1 to 40 of a-z, 0-9 and -".to_string())
}

/// Where `quote`, which `text` does not hold, stops matching it: the
/// longest start of it, of three words or more, that the text has (its last
/// six words shown), and the (at most six) words after it; none for a quote
/// whose first words are not there, or one too long to be allowed. Both
/// normalised (see [`normalise_for_match`]): words one space apart.
fn where_quote_strays(text: &str, quote: &str) -> Option<(String, String)> {
    const AT_LEAST: usize = 3;
    const SHOWN: usize = 6;
    let words: Vec<&str> = quote.split(' ').collect();
    if words.len() <= AT_LEAST || words.len() > MAX_EVIDENCE_WORDS {
        return None;
    }
    // The start of `n` words, sliced from the quote itself.
    let start = |n: usize| -> &str { &quote[..words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1] };
    // A start the text holds is held by every shorter start too: the
    // longest is found by halving, a few scans of the text, not one per word.
    let (mut held, mut missed) = (AT_LEAST - 1, words.len());
    while missed - held > 1 {
        let middle = (held + missed) / 2;
        if text.contains(start(middle)) {
            held = middle;
        } else {
            missed = middle;
        }
    }
    if held < AT_LEAST {
        return None;
    }
    let shown_from = held.saturating_sub(SHOWN);
    let held_words = words[shown_from..held].join(" ");
    let held_words = if shown_from > 0 { format!("…{held_words}") } else { held_words };
    Some((held_words, words[held..].iter().take(SHOWN).copied().collect::<Vec<_>>().join(" ")))
}

fn question_rules(q: &Question, bundle: &Bundle, bodies: &HashMap<&str, String>) -> Vec<String> {
    let mut rules = Vec::new();
    let article = bundle.article(&q.article);
    if article.is_none() {
        rules.push(format!("unknown article `{}`", q.article));
    }
    if q.topics.is_empty() {
        rules.push("no topic".into());
    }
    for topic in &q.topics {
        if bundle.topic(topic).is_none() {
            rules.push(format!("unknown topic `{topic}`"));
        }
    }
    for (field, text) in [("prompt", &q.prompt), ("explanation", &q.explanation), ("evidence", &q.evidence)] {
        if text.trim().is_empty() {
            rules.push(format!("empty {field}"));
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            rules.push(format!("{field} is longer than {MAX_TEXT_CHARS} characters"));
        }
    }

    if q.choices.len() < 2 || q.choices.len() > MAX_CHOICES {
        rules.push(format!("{} choices; a question has 2 to {MAX_CHOICES}", q.choices.len()));
    }
    let mut seen = HashSet::new();
    for choice in &q.choices {
        if choice.trim().is_empty() {
            rules.push("an empty choice".into());
        } else if !seen.insert(normalise_for_match(choice).to_lowercase()) {
            rules.push(format!("duplicate choice `{choice}`"));
        }
        if choice.chars().count() > MAX_TEXT_CHARS {
            rules.push("a choice is too long".into());
        }
    }

    let mut answers = HashSet::new();
    for answer in &q.answer {
        if !q.choices.contains(answer) {
            // A page shows two spaces as one, and curly quotes much like
            // straight ones: the teacher must be told where to look.
            let alike = q.choices.iter().find(|choice| normalise_for_match(choice) == normalise_for_match(answer));
            rules.push(match alike {
                Some(choice) => format!(
                    "answer `{answer}` is not among the choices: it differs from the choice `{choice}` only in its spaces, quote marks or dashes"
                ),
                None => format!("answer `{answer}` is not among the choices"),
            });
        }
        if !answers.insert(answer) {
            rules.push(format!("answer `{answer}` is given twice"));
        }
    }
    match q.kind {
        kind if kind.is_single_answer() && q.answer.len() != 1 => {
            rules.push(format!("a question of type `{}` needs exactly one answer, not {}", kind.name(), q.answer.len()));
        }
        QuestionKind::Multiple if q.answer.is_empty() => rules.push("a question of type `multiple` needs an answer".into()),
        QuestionKind::Order if q.choices.len() < 3 => {
            rules.push("a question of type `order` needs at least three items".into());
        }
        QuestionKind::Order if !q.answer.is_empty() => {
            rules.push("a question of type `order` has no `answer`: its choices are written in the right order".into());
        }
        _ => {}
    }
    if q.kind == QuestionKind::TrueFalse && q.choices != ["True", "False"] {
        rules.push("a true-false question has the choices [\"True\", \"False\"]".into());
    }

    let evidence_words = q.evidence.split_whitespace().count();
    if evidence_words > MAX_EVIDENCE_WORDS {
        rules.push(format!("evidence has {evidence_words} words; at most {MAX_EVIDENCE_WORDS}"));
    }
    if let Some(article) = article {
        let body = bodies.get(article.id.as_str()).map(String::as_str).unwrap_or_default();
        let evidence = normalise_for_match(&q.evidence);
        if !evidence.is_empty() && !body.contains(&evidence) {
            rules.push(match where_quote_strays(body, &evidence) {
                Some((held, rest)) => format!(
                    "evidence is not found verbatim in article {}: the text has \"{held}\" but not what follows, \"{rest}\"",
                    article.id
                ),
                None => format!("evidence is not found verbatim in article {}", article.id),
            });
        }
    }
    if let Some(since) = &q.since {
        if year_of(&since.date).is_none() {
            rules.push(format!("since.date `{}` is not a date like 2024-07-10, 2024-07 or 2024", since.date));
        }
        if since.note.trim().is_empty() {
            rules.push("empty since.note".into());
        }
    }
    rules
}
