//! The quiz part of the built-in content as the app embeds it: a plain
//! sequence of fields that [`decode`] reads back at start-up with a few
//! lines of code. Read through serde_json instead, the parsing code for the
//! content's types was 10.5 KB gzipped of a class link's first load; this
//! reader is a fraction of that. Packs and the reading part stay JSON: they
//! are read in modules of their own, which carry serde anyway.
//!
//! The questions' [`Details`] (their words and feedback) are written apart
//! ([`Embedded`]): they were 23 KB gzipped of the first load, and a class
//! link needs only its own questions'.
//!
//! The format: every field is followed by [`END`]. A text is its
//! characters; a list is its length, then its items; an optional value is
//! a list of none or one; an enum is its place in its list of variants.
//! Fields come in the order the types declare them, so `encode` and the
//! readers are written side by side and tested to give back what went in.

use crate::content::{Article, Details, Difficulty, Question, QuestionKind, QuizContent, SinceThen, Topic};

/// Ends every field. A control character no content text may contain:
/// [`encode`] refuses one that does, naming it.
pub const END: char = '\u{1f}';

const DIFFICULTIES: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

const KINDS: [QuestionKind; 6] = [
    QuestionKind::Single,
    QuestionKind::Multiple,
    QuestionKind::TrueFalse,
    QuestionKind::Order,
    QuestionKind::WhoSaid,
    QuestionKind::WhichSource,
];

/// The built-in quiz content as the build writes it for the app.
#[derive(Debug, Clone, PartialEq)]
pub struct Embedded {
    /// Topics, articles and questions without their details: [`decode`].
    pub quiz: String,
    /// Every question's details by its id: [`decode_all_details`].
    pub details: String,
    /// Each question's id and its details alone: [`decode_details`].
    pub details_by_question: Vec<(String, String)>,
}

/// The content in its three embedded texts, or the first text that
/// contains [`END`] (by the id of the topic, article or question holding it).
pub fn encode(content: &QuizContent) -> Result<Embedded, String> {
    let mut out = Writer { text: String::new(), holder: String::new() };
    out.list(&content.topics, |out, topic| {
        out.holder.clone_from(&topic.id);
        out.text(&topic.id)?;
        out.text(&topic.title)
    })?;
    out.list(&content.articles, |out, article| {
        out.holder.clone_from(&article.id);
        out.text(&article.id)?;
        out.text(&article.label)?;
        out.optional(&article.headline, |out, headline| out.text(headline))?;
        out.optional(&article.outlet, |out, outlet| out.text(outlet))?;
        out.text(&article.provenance)?;
        out.text(&article.date_cue)?;
        out.text(&article.date_inferred)?;
        out.text(&article.place)?;
        out.text(&article.source_file)?;
        out.text(&article.body)
    })?;
    out.list(&content.questions, |out, question| {
        out.holder.clone_from(&question.id);
        out.text(&question.id)?;
        out.text(&question.article)?;
        out.list(&question.topics, |out, topic| out.text(topic))?;
        out.place(DIFFICULTIES.iter().position(|d| *d == question.difficulty))?;
        out.place(KINDS.iter().position(|k| *k == question.kind))?;
        out.text(&question.choices.len().to_string())
    })?;
    let quiz = std::mem::take(&mut out.text);
    let mut details_by_question = Vec::new();
    for question in &content.questions {
        out.holder.clone_from(&question.id);
        out.details(&question.details())?;
        details_by_question.push((question.id.clone(), std::mem::take(&mut out.text)));
    }
    out.list(&content.questions, |out, question| {
        out.holder.clone_from(&question.id);
        out.text(&question.id)?;
        out.details(&question.details())
    })?;
    Ok(Embedded { quiz, details: out.text, details_by_question })
}

/// What [`Embedded::quiz`] holds: each question's details are still to be
/// added (`Bundle::awaiting_details`), and its choices are that many empty
/// texts. `None` if the text is not such a thing.
pub fn decode(text: &str) -> Option<QuizContent> {
    let mut fields = Reader { fields: text.split(END) };
    let topics = fields.list(|f| Some(Topic { id: f.text()?, title: f.text()? }))?;
    let articles = fields.list(|f| {
        Some(Article {
            id: f.text()?,
            label: f.text()?,
            headline: f.optional(Reader::text)?,
            outlet: f.optional(Reader::text)?,
            provenance: f.text()?,
            date_cue: f.text()?,
            date_inferred: f.text()?,
            place: f.text()?,
            source_file: f.text()?,
            body: f.text()?,
        })
    })?;
    let questions = fields.list(|f| {
        Some(Question {
            id: f.text()?,
            article: f.text()?,
            topics: f.list(Reader::text)?,
            difficulty: *DIFFICULTIES.get(f.number()?)?,
            kind: *KINDS.get(f.number()?)?,
            prompt: String::new(),
            choices: f.list(|_| Some(String::new()))?,
            answer: Vec::new(),
            explanation: String::new(),
            evidence: String::new(),
            since: None,
        })
    })?;
    fields.finished().then_some(QuizContent { topics, articles, questions })
}

/// One question's details as [`Embedded::details_by_question`] holds them.
pub fn decode_details(text: &str) -> Option<Details> {
    let mut fields = Reader { fields: text.split(END) };
    let details = fields.details()?;
    fields.finished().then_some(details)
}

/// Every question's details by its id, as [`Embedded::details`] holds them.
pub fn decode_all_details(text: &str) -> Option<Vec<(String, Details)>> {
    let mut fields = Reader { fields: text.split(END) };
    let all = fields.list(|f| Some((f.text()?, f.details()?)))?;
    fields.finished().then_some(all)
}

struct Writer {
    text: String,
    /// The id of what is being written, to name it in an error.
    holder: String,
}

impl Writer {
    fn text(&mut self, field: &str) -> Result<(), String> {
        if field.contains(END) {
            return Err(format!("{}: a text contains the control character U+001F", self.holder));
        }
        self.text.push_str(field);
        self.text.push(END);
        Ok(())
    }

    fn place(&mut self, place: Option<usize>) -> Result<(), String> {
        let place = place.ok_or_else(|| format!("{}: a variant missing from the embedded format's list", self.holder))?;
        self.text(&place.to_string())
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T) -> Result<(), String>) -> Result<(), String> {
        self.text(&items.len().to_string())?;
        items.iter().try_for_each(|i| item(self, i))
    }

    fn optional<T>(&mut self, value: &Option<T>, item: impl FnMut(&mut Self, &T) -> Result<(), String>) -> Result<(), String> {
        self.list(value.as_slice(), item)
    }

    fn details(&mut self, details: &Details) -> Result<(), String> {
        self.text(&details.prompt)?;
        self.list(&details.choices, |out, choice| out.text(choice))?;
        self.list(&details.answer, |out, answer| out.text(answer))?;
        self.text(&details.explanation)?;
        self.text(&details.evidence)?;
        self.optional(&details.since, |out, since| {
            out.text(&since.date)?;
            out.text(&since.note)
        })
    }
}

struct Reader<'a> {
    fields: std::str::Split<'a, char>,
}

impl Reader<'_> {
    fn text(&mut self) -> Option<String> {
        self.fields.next().map(str::to_string)
    }

    /// A number as `encode` writes it: digits, no sign, no leading zero.
    fn number(&mut self) -> Option<usize> {
        let field = self.fields.next()?;
        let canonical = field == "0" || !field.starts_with('0');
        canonical.then(|| usize::try_from(crate::number::decimal(field)?).ok()).flatten()
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        // Not reserved ahead: a damaged count ends with the fields, not
        // with an allocation for millions of items.
        let mut items = Vec::new();
        for _ in 0..self.number()? {
            items.push(item(self)?);
        }
        Some(items)
    }

    fn optional<T>(&mut self, item: impl FnMut(&mut Self) -> Option<T>) -> Option<Option<T>> {
        let mut items = self.list(item)?;
        (items.len() <= 1).then(|| items.pop())
    }

    fn details(&mut self) -> Option<Details> {
        Some(Details {
            prompt: self.text()?,
            choices: self.list(Reader::text)?,
            answer: self.list(Reader::text)?,
            explanation: self.text()?,
            evidence: self.text()?,
            since: self.optional(|f| Some(SinceThen { date: f.text()?, note: f.text()? }))?,
        })
    }

    /// Whether everything was read: what is left is the empty text after
    /// the last END.
    fn finished(mut self) -> bool {
        self.fields.next() == Some("") && self.fields.next().is_none()
    }
}
