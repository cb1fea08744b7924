//! The content model: what a teacher edits in `content/` and what a custom
//! question pack holds. The same structs read the built-in TOML files and
//! imported JSON packs, so both obey one schema and one validator.

use serde::{Deserialize, Serialize};

use crate::figures::Figures;
use crate::markup::Block;

/// Everything the app teaches from, already validated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub topics: Vec<Topic>,
    pub articles: Vec<Article>,
    pub explainers: Vec<Explainer>,
    pub glossary: Vec<GlossaryTerm>,
    pub questions: Vec<Question>,
    /// The data of the explainers' figures (built-in content only). Not in
    /// the JSON the app embeds: the build script writes it as Rust code, so
    /// the wasm carries no deserialiser for it (see `src/content.rs`).
    #[serde(skip)]
    pub figures: Figures,
    /// The built-in questions whose [`Details`] have not been loaded yet:
    /// their words and feedback are empty until [`Bundle::add_details`].
    #[serde(skip)]
    pub awaiting_details: Vec<String>,
    /// The names of the packs class links left on the device that this
    /// load left out (a link of another pack brought the same ids): a saved
    /// quiz of one waits, hidden, for a load that has it (see
    /// [`crate::progress::Progress::unavailable`]), rather than being cut
    /// or run with the other pack's questions.
    #[serde(skip)]
    pub left_out: Vec<String>,
}

/// The built-in content as the app embeds it, in two parts: what a quiz
/// needs from its first moment (topics, questions, and the articles with
/// only what a quiz names them by), and what only the reading pages and the
/// pack checks read (explainers, glossary, the articles whole), which
/// travels in their modules and so stays out of a class link's first load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuizContent {
    pub topics: Vec<Topic>,
    pub articles: Vec<Article>,
    pub questions: Vec<Question>,
}

/// The reading pages' part of the built-in content; see [`QuizContent`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadingContent {
    pub explainers: Vec<Explainer>,
    pub glossary: Vec<GlossaryTerm>,
    /// The articles whole: with their bodies, and where each comes from.
    pub articles: Vec<Article>,
}

impl Bundle {
    /// The two parts the app embeds; the figures are left out (the build
    /// script writes them as code).
    pub fn into_parts(self) -> (QuizContent, ReadingContent) {
        let Bundle { topics, articles, explainers, glossary, questions, figures: _, awaiting_details: _, left_out: _ } = self;
        // A quiz names an article by its label, headline, outlet and date
        // (the set-up's list); the rest is the source pages'.
        let named = articles
            .iter()
            .map(|a| Article {
                body: String::new(),
                provenance: String::new(),
                record_notes: Vec::new(),
                date_cue: String::new(),
                place: String::new(),
                source_file: String::new(),
                ..a.clone()
            })
            .collect();
        (QuizContent { topics, articles: named, questions }, ReadingContent { explainers, glossary, articles })
    }

    /// The quiz part alone: no explainers or glossary, and articles without
    /// their bodies.
    pub fn from_quiz(quiz: QuizContent) -> Self {
        let QuizContent { topics, articles, questions } = quiz;
        Bundle { topics, articles, questions, ..Bundle::default() }
    }

    /// This bundle with the reading part added (the built-in articles
    /// whole, in place of those of the same id; a pack's articles stay).
    pub fn with_reading(mut self, reading: ReadingContent) -> Self {
        let ReadingContent { explainers, glossary, articles } = reading;
        self.explainers = explainers;
        self.glossary = glossary;
        for whole in articles {
            if let Some(article) = self.articles.iter_mut().find(|a| a.id == whole.id) {
                *article = whole;
            }
        }
        self
    }

    /// This bundle with every question's [`Details`] still to come, as the
    /// app's main module embeds the built-in bank (see `crate::embedded`).
    pub fn awaiting_details(mut self) -> Self {
        self.awaiting_details = self.questions.iter().map(|q| q.id.clone()).collect();
        self
    }

    /// Whether the question's words and feedback are here.
    pub fn has_details(&self, question_id: &str) -> bool {
        !self.awaiting_details.iter().any(|id| id == question_id)
    }

    /// Gives an awaiting question its details; any other is left as it is
    /// (a pack's question, or one whose details came already), and so are
    /// details with another number of choices than the question has, which
    /// are not this question's.
    pub fn add_details(&mut self, question_id: &str, details: Details) {
        let Some(at) = self.awaiting_details.iter().position(|id| id == question_id) else { return };
        if let Some(question) = self.questions.iter_mut().find(|q| q.id == question_id) {
            if question.choices.len() == details.choices.len() {
                question.set_details(details);
                self.awaiting_details.swap_remove(at);
            }
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
    pub fn explainer(&self, id: &str) -> Option<&Explainer> {
        self.explainers.iter().find(|e| e.id == id)
    }
    pub fn term(&self, id: &str) -> Option<&GlossaryTerm> {
        self.glossary.iter().find(|t| t.id == id)
    }
}

/// A subject a quiz can be built on; each has one explainer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
}

/// One of the source texts, with only the metadata the text itself shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    /// How questions and citations name this text ("the AP report from
    /// Bucharest"): built from what the text states, never a guessed outlet.
    pub label: String,
    /// The headline as printed; `None` where the text has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The outlet as the text names it; `None` where it names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// What the text says about where it comes from, in our words.
    pub provenance: String,
    /// Where the text differs from the public record, or states a fact
    /// that has changed since, each said with its date, in our words from
    /// the reference: a student reading the text meets them before the quiz.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub record_notes: Vec<String>,
    /// The date as the text gives it ("said Thursday", "29 Jun, 2023 20:35").
    pub date_cue: String,
    /// The date inferred from the cue and the public record of the event.
    pub date_inferred: String,
    pub place: String,
    /// The name of the original file in the source collection.
    pub source_file: String,
    /// The cleaned text, paragraphs separated by blank lines. In TOML files
    /// it is read from the `.txt` beside the metadata, not written inline.
    #[serde(default)]
    pub body: String,
}

impl Article {
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
    }

    /// The text as the reader shows it: the text's own headings (the
    /// treaty's "Article 5", a news report's crosshead) apart from its
    /// paragraphs, so that a reader can go from one to the next.
    /// A run of paragraphs an excerpt left out is one mark.
    pub fn blocks(&self) -> impl Iterator<Item = TextBlock<'_>> {
        let mut after_gap = false;
        self.paragraphs().filter(move |&p| !std::mem::replace(&mut after_gap, p == GAP) || p != GAP).map(|p| {
            if is_heading(p) {
                TextBlock::Heading(p)
            } else {
                TextBlock::Paragraph(p)
            }
        })
    }
}

/// What a class link's excerpt of a text puts for each paragraph it leaves
/// out (see [`crate::link_pack`]).
pub const GAP: &str = "[…]";

/// A part of an article's text: a heading or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextBlock<'a> {
    Heading(&'a str),
    Paragraph(&'a str),
}

impl<'a> TextBlock<'a> {
    pub fn text(self) -> &'a str {
        match self {
            TextBlock::Heading(text) | TextBlock::Paragraph(text) => text,
        }
    }
}

/// A heading is a short line that starts and ends with a letter or a digit,
/// with no punctuation to end it as a sentence or a quotation ends: the
/// texts mark headings with nothing else. (A link's excerpt marks a gap
/// with "[…]", no heading.)
fn is_heading(paragraph: &str) -> bool {
    const MOST_WORDS: usize = 8;
    paragraph.starts_with(char::is_alphanumeric)
        && paragraph.ends_with(char::is_alphanumeric)
        && !paragraph.contains('\n')
        && paragraph.split_whitespace().count() <= MOST_WORDS
}

/// A short explanatory page on one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explainer {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub summary: String,
    /// The articles it draws on, by id.
    pub sources: Vec<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    pub id: String,
    pub term: String,
    pub definition: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// One right choice.
    Single,
    /// One or more right choices; all of them and only them score.
    Multiple,
    /// Choices are exactly "True" and "False".
    TrueFalse,
    /// Put the choices in order; they are written in the right order.
    Order,
    /// Match a quote to its speaker (one right choice).
    WhoSaid,
    /// Which text framed it this way (one right choice).
    WhichSource,
}

impl QuestionKind {
    /// Every type, in the order the embedded content numbers them.
    pub const ALL: [QuestionKind; 6] = [Self::Single, Self::Multiple, Self::TrueFalse, Self::Order, Self::WhoSaid, Self::WhichSource];
    /// Whether the reader picks exactly one choice.
    pub fn is_single_answer(self) -> bool {
        matches!(self, Self::Single | Self::TrueFalse | Self::WhoSaid | Self::WhichSource)
    }
    /// The type as a content file or a pack writes it (`"type": "true-false"`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Single => "single",
            Self::Multiple => "multiple",
            Self::TrueFalse => "true-false",
            Self::Order => "order",
            Self::WhoSaid => "who-said",
            Self::WhichSource => "which-source",
        }
    }
    /// What the reader is asked to do, as a sentence with its own full stop
    /// or question mark.
    pub fn label(self) -> &'static str {
        match self {
            Self::Single => "Choose one.",
            Self::Multiple => "Choose all that apply.",
            Self::TrueFalse => "True or false?",
            Self::Order => "Put in order.",
            Self::WhoSaid => "Who said it?",
            Self::WhichSource => "Which source?",
        }
    }
}

/// What the app's first load leaves out of a built-in question: its words
/// (prompt, choices, answer) and its feedback (explanation, evidence,
/// "since then" note). A class link's first load fetches its own questions'
/// beside the app, and every other question's come in a module of their own
/// with the pages that show any question (see src/content.rs). Until then
/// the question keeps its id, article, topics, difficulty, kind and as many
/// choices as it has, left empty: enough to check saved progress and to
/// choose a quiz's questions and their order, not to show or mark one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    pub prompt: String,
    pub choices: Vec<String>,
    pub answer: Vec<String>,
    pub explanation: String,
    pub evidence: String,
    pub since: Option<SinceThen>,
}

/// A change in the world after the article, shown beside the question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinceThen {
    /// ISO date, e.g. "2024-03-07".
    pub date: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, `<article>-<nn>` for the built-in bank: links carry it.
    pub id: String,
    pub article: String,
    pub topics: Vec<String>,
    pub difficulty: Difficulty,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    pub prompt: String,
    /// For `order` questions, in the right order (the quiz shuffles them).
    pub choices: Vec<String>,
    /// The right choice(s), copied word for word from `choices`. Not used
    /// by `order` questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer: Vec<String>,
    /// Why the answer is right and why the tempting wrong one is wrong.
    pub explanation: String,
    /// A sentence or clause that stands verbatim in the article.
    pub evidence: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<SinceThen>,
}

impl Question {
    pub fn details(&self) -> Details {
        Details {
            prompt: self.prompt.clone(),
            choices: self.choices.clone(),
            answer: self.answer.clone(),
            explanation: self.explanation.clone(),
            evidence: self.evidence.clone(),
            since: self.since.clone(),
        }
    }

    fn set_details(&mut self, details: Details) {
        let Details { prompt, choices, answer, explanation, evidence, since } = details;
        (self.prompt, self.choices, self.answer) = (prompt, choices, answer);
        (self.explanation, self.evidence, self.since) = (explanation, evidence, since);
    }

    /// Indices into `choices` of the right answer: the set for choice
    /// questions, the sequence for `order` questions.
    pub fn correct_indices(&self) -> Vec<usize> {
        if self.kind == QuestionKind::Order {
            return (0..self.choices.len()).collect();
        }
        self.choices.iter().enumerate().filter(|(_, c)| self.answer.iter().any(|a| a == *c)).map(|(i, _)| i).collect()
    }

    /// Choices as the reader sees them listed: a sequence for `order`
    /// questions ("a → b → c"), a set otherwise ("a; b").
    pub fn choice_text(&self, indices: &[usize]) -> String {
        let separator = if self.kind == QuestionKind::Order { " → " } else { "; " };
        indices.iter().filter_map(|&i| self.choices.get(i).map(String::as_str)).collect::<Vec<_>>().join(separator)
    }

    /// The right answer in words, for feedback, review and answer keys.
    pub fn right_answer_text(&self) -> String {
        self.choice_text(&self.correct_indices())
    }

    /// Whether a response (indices into `choices`) is right. Choice
    /// questions compare sets; order questions compare sequences.
    pub fn is_correct(&self, response: &[usize]) -> bool {
        if self.kind == QuestionKind::Order {
            return response == self.correct_indices().as_slice();
        }
        let mut given: Vec<usize> = response.to_vec();
        crate::sort::sort_numbers(&mut given);
        given.dedup();
        given == self.correct_indices()
    }

    /// How each choice (by index into `choices`) fared in a checked
    /// response to a choice question, for marking the choices themselves.
    pub fn choice_marks(&self, response: &[usize]) -> Vec<ChoiceMark> {
        let right = self.correct_indices();
        (0..self.choices.len()).map(|c| ChoiceMark { chosen: response.contains(&c), right: right.contains(&c) }).collect()
    }

    /// For an order question, each place of the response: `None` where the
    /// choice there belongs there, else the place (from 0) it belongs in.
    pub fn misplacements(&self, response: &[usize]) -> Vec<Option<usize>> {
        let right = self.correct_indices();
        response
            .iter()
            .enumerate()
            .map(|(place, choice)| right.iter().position(|c| c == choice).filter(|belongs| *belongs != place))
            .collect()
    }
}

/// One choice after checking: whether the reader chose it and whether it is
/// (part of) the right answer. A right choice left unchosen is one the
/// reader missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChoiceMark {
    pub chosen: bool,
    pub right: bool,
}

/// Text normalised for comparing quotes: straight quotes, plain hyphens,
/// single spaces. Nothing else is forgiven.
pub fn normalise_for_match(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00A0}' => ' ',
            other => other,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where `quote` stands in `text`, as a byte range of `text`, matching as
/// [`normalise_for_match`] does; for highlighting evidence in its article.
pub fn locate_quote(text: &str, quote: &str) -> Option<std::ops::Range<usize>> {
    let folded = |source: &str| -> Vec<(char, usize, usize)> {
        let mut out: Vec<(char, usize, usize)> = Vec::new();
        for (at, c) in source.char_indices() {
            let mapped = normalise_for_match(&c.to_string()).chars().next().unwrap_or(' ');
            if mapped == ' ' && out.last().is_some_and(|(prev, _, _)| *prev == ' ') {
                continue;
            }
            out.push((mapped, at, at + c.len_utf8()));
        }
        out
    };
    let hay = folded(text);
    let needle: Vec<char> = normalise_for_match(quote).chars().collect();
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .find(|&start| hay[start..start + needle.len()].iter().map(|h| h.0).eq(needle.iter().copied()))
        .map(|start| hay[start].1..hay[start + needle.len() - 1].2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind, choices: &[&str], answer: &[&str]) -> Question {
        Question {
            id: "t-01".into(),
            article: "000".into(),
            topics: vec!["joining".into()],
            difficulty: Difficulty::Easy,
            kind,
            prompt: "?".into(),
            choices: choices.iter().map(|s| s.to_string()).collect(),
            answer: answer.iter().map(|s| s.to_string()).collect(),
            explanation: "because".into(),
            evidence: "e".into(),
            since: None,
        }
    }

    #[test]
    fn multiple_select_needs_exactly_the_right_set() {
        let q = question(QuestionKind::Multiple, &["a", "b", "c"], &["a", "c"]);
        assert!(q.is_correct(&[2, 0]));
        assert!(!q.is_correct(&[0]));
        assert!(!q.is_correct(&[0, 1, 2]));
    }

    #[test]
    fn answers_read_as_a_sequence_or_a_set() {
        let order = question(QuestionKind::Order, &["first", "second", "third"], &[]);
        assert_eq!(order.right_answer_text(), "first → second → third");
        assert_eq!(order.choice_text(&[2, 0, 1]), "third → first → second");
        let multiple = question(QuestionKind::Multiple, &["a", "b", "c"], &["c", "a"]);
        assert_eq!(multiple.right_answer_text(), "a; c");
    }

    #[test]
    fn order_needs_the_written_sequence() {
        let q = question(QuestionKind::Order, &["first", "second", "third"], &[]);
        assert!(q.is_correct(&[0, 1, 2]));
        assert!(!q.is_correct(&[1, 0, 2]));
    }

    #[test]
    fn marks_say_what_was_chosen_and_what_is_right() {
        let q = question(QuestionKind::Multiple, &["a", "b", "c"], &["a", "c"]);
        let mark = |chosen, right| ChoiceMark { chosen, right };
        assert_eq!(q.choice_marks(&[1, 0]), vec![mark(true, true), mark(true, false), mark(false, true)]);
        let single = question(QuestionKind::Single, &["x", "y"], &["y"]);
        assert_eq!(single.choice_marks(&[1]), vec![mark(false, false), mark(true, true)]);
    }

    #[test]
    fn order_marks_each_place() {
        let q = question(QuestionKind::Order, &["first", "second", "third", "fourth"], &[]);
        assert_eq!(q.misplacements(&[0, 2, 1, 3]), vec![None, Some(2), Some(1), None]);
        assert_eq!(q.misplacements(&[3, 0, 1, 2]), vec![Some(3), Some(0), Some(1), Some(2)]);
        assert_eq!(q.misplacements(&[0, 1, 2, 3]), vec![None; 4]);
    }

    #[test]
    fn locates_quotes_across_quote_styles_and_spaces() {
        let text = "He said “Ukraine’s future  is in NATO,” on Thursday.";
        let range = locate_quote(text, "said \"Ukraine's future is in NATO,\"").unwrap();
        assert_eq!(&text[range], "said “Ukraine’s future  is in NATO,”");
        assert_eq!(locate_quote(text, "Kiev"), None);
    }

    #[test]
    fn headings_are_short_lines_that_end_no_sentence() {
        let article = Article {
            id: "t".into(),
            label: "a text".into(),
            headline: None,
            outlet: None,
            provenance: String::new(),
            record_notes: Vec::new(),
            date_cue: String::new(),
            date_inferred: String::new(),
            place: String::new(),
            source_file: String::new(),
            body: "Article 5\n\nThe Parties agree.\n\nAssistance instead of membership\n\nThere must be credible assurances.\n\n\
                   \u{201C}We are ready\u{201D}\n\nOne two three four five six seven eight nine\n\nArticle 5 of the treaty\nwas invoked once\n\n[…]\n\n[…]\n\nAllies in Vilnius \u{2014}\n\nUp by 2%"
                .into(),
        };
        use TextBlock::{Heading, Paragraph};
        assert_eq!(
            article.blocks().collect::<Vec<_>>(),
            vec![
                Heading("Article 5"),
                Paragraph("The Parties agree."),
                Heading("Assistance instead of membership"),
                Paragraph("There must be credible assurances."),
                Paragraph("\u{201C}We are ready\u{201D}"),
                Paragraph("One two three four five six seven eight nine"),
                Paragraph("Article 5 of the treaty\nwas invoked once"),
                Paragraph("[…]"),
                Paragraph("Allies in Vilnius \u{2014}"),
                Paragraph("Up by 2%"),
            ]
        );
    }

    #[test]
    fn normalising_forgives_only_quotes_dashes_and_spaces() {
        assert_eq!(normalise_for_match("“Ukraine’s  future —\n is”"), "\"Ukraine's future - is\"");
        assert_ne!(normalise_for_match("Kyiv"), normalise_for_match("Kiev"));
    }
}
