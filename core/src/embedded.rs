//! The quiz part of the built-in content as the app embeds it: a plain
//! sequence of fields that [`decode`] reads back at start-up with a few
//! lines of code. Read through serde_json instead, the parsing code for the
//! content's types was 10.5 KB gzipped of a class link's first load; this
//! reader is a fraction of that. Packs stay JSON: they are read in a
//! module of its own, which carries serde anyway.
//!
//! The reading part is written apart too, in two texts ([`encode_reading`]):
//! the explainers with the glossary, which the reading pages' module reads,
//! and the articles whole, which the sources' module reads, so that a
//! student following the evidence loads the articles alone. Read through
//! serde_json, the reading part brought that path about 21 KB gzipped of
//! parsing code.
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

use crate::content::{
    Article, Details, Difficulty, Explainer, GlossaryTerm, Question, QuestionKind, QuizContent, ReadingContent, SinceThen, Topic,
};
use crate::figures::FigureId;
use crate::markup::{Block, Inline, LinkTarget};

/// Ends every field. A control character no content text may contain:
/// [`encode`] refuses one that does, naming it.
pub const END: char = '\u{1f}';

const DIFFICULTIES: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

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
    out.list(&content.articles, Writer::article)?;
    out.list(&content.questions, |out, question| {
        out.holder.clone_from(&question.id);
        out.text(&question.id)?;
        out.text(&question.article)?;
        out.list(&question.topics, |out, topic| out.text(topic))?;
        out.place(DIFFICULTIES.iter().position(|d| *d == question.difficulty))?;
        out.place(QuestionKind::ALL.iter().position(|k| *k == question.kind))?;
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
    let articles = fields.list(Reader::article)?;
    let questions = fields.list(|f| {
        Some(Question {
            id: f.text()?,
            article: f.text()?,
            topics: f.list(Reader::text)?,
            difficulty: *DIFFICULTIES.get(f.number()?)?,
            kind: *QuestionKind::ALL.get(f.number()?)?,
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

/// The reading part of the content as the app embeds it.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbeddedReading {
    /// The explainers and the glossary: [`decode_explainers`].
    pub explainers: String,
    /// The articles whole: [`decode_articles`].
    pub articles: String,
}

/// The reading part in its two texts, or the first text that contains
/// [`END`] (by the id of the explainer, term or article holding it).
pub fn encode_reading(reading: &ReadingContent) -> Result<EmbeddedReading, String> {
    let mut out = Writer { text: String::new(), holder: String::new() };
    out.list(&reading.explainers, |out, explainer| {
        out.holder.clone_from(&explainer.id);
        out.text(&explainer.id)?;
        out.text(&explainer.title)?;
        out.text(&explainer.topic)?;
        out.text(&explainer.summary)?;
        out.list(&explainer.sources, |out, source| out.text(source))?;
        out.list(&explainer.blocks, Writer::block)
    })?;
    out.list(&reading.glossary, |out, term| {
        out.holder.clone_from(&term.id);
        out.text(&term.id)?;
        out.text(&term.term)?;
        out.text(&term.definition)
    })?;
    let explainers = std::mem::take(&mut out.text);
    out.list(&reading.articles, Writer::article)?;
    Ok(EmbeddedReading { explainers, articles: out.text })
}

/// What [`EmbeddedReading::explainers`] holds: the explainers and the
/// glossary; `None` if the text is not such a thing.
pub fn decode_explainers(text: &str) -> Option<(Vec<Explainer>, Vec<GlossaryTerm>)> {
    let mut fields = Reader { fields: text.split(END) };
    let explainers = fields.list(|f| {
        Some(Explainer {
            id: f.text()?,
            title: f.text()?,
            topic: f.text()?,
            summary: f.text()?,
            sources: f.list(Reader::text)?,
            blocks: f.list(Reader::block)?,
        })
    })?;
    let glossary = fields.list(|f| Some(GlossaryTerm { id: f.text()?, term: f.text()?, definition: f.text()? }))?;
    fields.finished().then_some((explainers, glossary))
}

/// What [`EmbeddedReading::articles`] holds; `None` if the text is not
/// such a thing.
pub fn decode_articles(text: &str) -> Option<Vec<Article>> {
    let mut fields = Reader { fields: text.split(END) };
    let articles = fields.list(Reader::article)?;
    fields.finished().then_some(articles)
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
        self.number(place)
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T) -> Result<(), String>) -> Result<(), String> {
        self.number(items.len())?;
        items.iter().try_for_each(|i| item(self, i))
    }

    fn optional<T>(&mut self, value: &Option<T>, item: impl FnMut(&mut Self, &T) -> Result<(), String>) -> Result<(), String> {
        self.list(value.as_slice(), item)
    }

    fn number(&mut self, number: usize) -> Result<(), String> {
        self.text(&number.to_string())
    }

    fn article(&mut self, article: &Article) -> Result<(), String> {
        self.holder.clone_from(&article.id);
        self.text(&article.id)?;
        self.text(&article.label)?;
        self.optional(&article.headline, |out, headline| out.text(headline))?;
        self.optional(&article.outlet, |out, outlet| out.text(outlet))?;
        self.text(&article.provenance)?;
        self.list(&article.record_notes, |out, note| out.text(note))?;
        self.text(&article.date_cue)?;
        self.text(&article.date_inferred)?;
        self.text(&article.place)?;
        self.text(&article.source_file)?;
        self.text(&article.body)
    }

    /// A variant is its place in the enum, then its fields.
    fn block(&mut self, block: &Block) -> Result<(), String> {
        match block {
            Block::Heading { level, text } => {
                self.number(0)?;
                self.number(usize::from(*level))?;
                self.list(text, Writer::inline)
            }
            Block::Paragraph(text) => {
                self.number(1)?;
                self.list(text, Writer::inline)
            }
            Block::List { numbered, items } => {
                self.number(2)?;
                self.number(usize::from(*numbered))?;
                self.list(items, |out, item| out.list(item, Writer::inline))
            }
            Block::Quote { text, cite } => {
                self.number(3)?;
                self.list(text, Writer::inline)?;
                self.optional(cite, |out, cite| out.text(cite))
            }
            Block::Figure(figure) => {
                self.number(4)?;
                self.place(FigureId::ALL.iter().position(|f| f == figure))
            }
        }
    }

    fn inline(&mut self, inline: &Inline) -> Result<(), String> {
        let (place, text) = match inline {
            Inline::Text(text) => (0, text),
            Inline::Strong(text) => (1, text),
            Inline::Emphasis(text) => (2, text),
            Inline::Link { text, target } => {
                let (kind, id) = match target {
                    LinkTarget::Glossary(id) => (0, id),
                    LinkTarget::Source(id) => (1, id),
                    LinkTarget::Explainer(id) => (2, id),
                    LinkTarget::QuizOnTopic(id) => (3, id),
                };
                self.number(3)?;
                self.text(text)?;
                self.number(kind)?;
                return self.text(id);
            }
        };
        self.number(place)?;
        self.text(text)
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

    fn article(&mut self) -> Option<Article> {
        Some(Article {
            id: self.text()?,
            label: self.text()?,
            headline: self.optional(Reader::text)?,
            outlet: self.optional(Reader::text)?,
            provenance: self.text()?,
            record_notes: self.list(Reader::text)?,
            date_cue: self.text()?,
            date_inferred: self.text()?,
            place: self.text()?,
            source_file: self.text()?,
            body: self.text()?,
        })
    }

    fn block(&mut self) -> Option<Block> {
        let inlines = |f: &mut Self| f.list(Reader::inline);
        Some(match self.number()? {
            0 => Block::Heading { level: u8::try_from(self.number()?).ok()?, text: inlines(self)? },
            1 => Block::Paragraph(inlines(self)?),
            2 => Block::List { numbered: self.boolean()?, items: self.list(inlines)? },
            3 => Block::Quote { text: inlines(self)?, cite: self.optional(Reader::text)? },
            4 => Block::Figure(*FigureId::ALL.get(self.number()?)?),
            _ => return None,
        })
    }

    fn inline(&mut self) -> Option<Inline> {
        let place = self.number()?;
        let text = self.text()?;
        Some(match place {
            0 => Inline::Text(text),
            1 => Inline::Strong(text),
            2 => Inline::Emphasis(text),
            3 => {
                let kind = self.number()?;
                let id = self.text()?;
                let target = match kind {
                    0 => LinkTarget::Glossary(id),
                    1 => LinkTarget::Source(id),
                    2 => LinkTarget::Explainer(id),
                    3 => LinkTarget::QuizOnTopic(id),
                    _ => return None,
                };
                Inline::Link { text, target }
            }
            _ => return None,
        })
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.number()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
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
