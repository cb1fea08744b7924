//! Quiz links: a quiz spec as a URL query, and a query opened against the
//! question bank.
//!
//! [`QuizLink`] is the one place where a link becomes a quiz: it reads the
//! query once (never failing: a tampered or truncated link becomes the
//! nearest quiz, with a notice in plain words for every part that had to be
//! changed), selects the questions and their choice order, and makes every
//! link the app shows. Pages never build a `/quiz/play?` string by hand.

use crate::content::Bundle;
use crate::number::decimal;
use crate::quiz::{and_list, prepare, quiz_on, topics_naming, Mode, QuizItem, QuizSpec, Selection, DEFAULT_COUNT};
use crate::rng::{fnv1a, short_code};

/// Where a quiz is played, shown on the projector and printed.
pub const PLAY_PATH: &str = "/quiz/play";
pub const PROJECTOR_PATH: &str = "/classroom/projector";
pub const PRINT_PATH: &str = "/classroom/print";

/// The most questions one link may ask for, listed or counted, and so the
/// most a quiz of "All" asks (with packs, a bank can hold more). A lesson's
/// quiz has 10 to 40; a review of the whole built-in bank fits too. The
/// bound keeps a hand-made link from making a quiz (and a save per answer)
/// of thousands.
pub const MAX_QUESTIONS: usize = 200;
const MAX_MINUTES: u16 = 180;

/// Every link the app makes starts with a check: a code worked out from
/// the rest of it. A link cut short when it was copied, anywhere after the
/// check, or changed by hand, no longer matches it, and is refused rather
/// than run as another quiz. Five-bit characters: 20 bits.
pub(crate) const CHECK_KEY: &str = "check";
const CHECK_CHARS: usize = 4;

fn check_of(canonical: &str) -> String {
    short_code(fnv1a(canonical.as_bytes()), CHECK_CHARS)
}

impl QuizSpec {
    /// The query string (without `?`) that reproduces this spec.
    pub fn query(&self) -> String {
        let mut parts = self.selection_parts();
        parts.push(format!("seed={}", self.seed));
        parts.extend(self.mode_parts());
        parts.join("&")
    }

    /// The link that plays this quiz.
    pub fn href(&self) -> String {
        format!("{PLAY_PATH}?{}", self.query())
    }

    /// A link that plays this kind of quiz with a fresh shuffle each time it
    /// is followed: the play page fixes a seed in the URL when it starts
    /// (see [`QuizLink::is_seeded`]), so Back and reload find the same quiz.
    pub fn unseeded_href(&self) -> String {
        let mut parts = self.selection_parts();
        parts.extend(self.mode_parts());
        format!("{PLAY_PATH}?{}", parts.join("&"))
    }

    fn selection_parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        match &self.selection {
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
        parts
    }

    fn mode_parts(&self) -> Vec<String> {
        let mut parts = vec![format!("mode={}", self.mode.as_str())];
        if let Some(minutes) = self.minutes {
            parts.push(format!("minutes={minutes}"));
        }
        parts
    }
}

/// What a teacher chose in the Classroom's link builder. Kept beside the
/// class link, so the form comes back as it was after the projector, the
/// worksheet or a reload, and a title corrected then keeps the questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkChoices {
    pub topics: Vec<String>,
    pub articles: Vec<String>,
    pub count: Option<usize>,
    pub mode: Mode,
    pub minutes: Option<u16>,
    /// Single questions ticked: when any are, the quiz is exactly those.
    pub picked: Vec<String>,
    /// As typed; may be empty.
    pub title: String,
}

impl Default for LinkChoices {
    /// The builder's form as it first opens.
    fn default() -> Self {
        Self {
            topics: Vec::new(),
            articles: Vec::new(),
            count: Some(DEFAULT_COUNT),
            mode: Mode::Practice,
            minutes: None,
            picked: Vec::new(),
            title: String::new(),
        }
    }
}

/// What a class link made again from the builder's choices keeps of the
/// one made before, whose class may already have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remade {
    /// Only the title changed (a title corrected): the same quiz.
    SameQuiz,
    /// Only the time limit changed (more time for the class): a new link
    /// with the same questions in the same order, so the worksheets and
    /// answer keys already printed still match it.
    OtherTimeLimit,
    /// The questions were chosen otherwise, or the mode changed: new
    /// questions are drawn, as a practice quiz on the test's own questions
    /// would give the test's answers away.
    NewQuiz,
}

impl LinkChoices {
    /// What these choices keep of the link made from `before`.
    pub fn remade_from(&self, before: &Self) -> Remade {
        // Questions picked one by one are the quiz whatever the topics,
        // texts and number ticked (a teacher ticks a topic to narrow the
        // picker's list: a teacher's walk found that it drew the quiz
        // afresh), and in whatever order they were picked, which the
        // picker does not show.
        let within = |some: &[String], others: &[String]| some.iter().all(|id| others.contains(id));
        let same_questions = match (self.picked.is_empty(), before.picked.is_empty()) {
            (true, true) => (&self.topics, &self.articles, self.count) == (&before.topics, &before.articles, before.count),
            (false, false) => within(&self.picked, &before.picked) && within(&before.picked, &self.picked),
            _ => false,
        };
        if !same_questions || self.mode != before.mode {
            Remade::NewQuiz
        } else if self.minutes != before.minutes {
            Remade::OtherTimeLimit
        } else {
            Remade::SameQuiz
        }
    }

    /// The title these choices share with the link made from `before`.
    /// Typed for that quiz and left in the form, it would name a new quiz
    /// too, on the students' screens, the worksheet and the projector (a
    /// teacher's walk found a one-question handout quiz titled as the
    /// week's test).
    pub fn same_title<'a>(&'a self, before: &Self) -> Option<&'a str> {
        let title = self.title.trim();
        (!title.is_empty() && title == before.title.trim()).then_some(title)
    }

    /// The choices written as a query, as the Classroom page keeps them.
    pub fn to_query(&self) -> String {
        let spec = QuizSpec {
            selection: Selection::Filter { topics: self.topics.clone(), articles: self.articles.clone(), count: self.count },
            seed: 0,
            mode: self.mode,
            minutes: self.minutes,
        };
        let mut parts = spec.selection_parts();
        parts.extend(spec.mode_parts());
        parts.push(format!("picked={}", self.picked.join(",")));
        parts.push(format!("title={}", percent_encode(&self.title)));
        parts.join("&")
    }

    /// What [`to_query`](Self::to_query) wrote; `None` if it is not that.
    pub fn from_query(query: &str) -> Option<Self> {
        let (mut picked, mut title, mut rest) = (None, None, Vec::new());
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("picked", ids)) => picked = Some(ids.split(',').filter(|id| !id.is_empty()).map(String::from).collect()),
                Some(("title", text)) => title = Some(percent_decode(text)?),
                _ => rest.push(pair),
            }
        }
        let parsed = parse(&rest.join("&"));
        let Selection::Filter { topics, articles, count } = parsed.spec.selection else { return None };
        if !parsed.notices.is_empty() {
            return None;
        }
        Some(Self { topics, articles, count, mode: parsed.spec.mode, minutes: parsed.spec.minutes, picked: picked?, title: title? })
    }
}

/// What a class link says besides the quiz itself. None of it changes which
/// questions are asked, so none of it is part of the link's [`key`](QuizLink::key).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkLabels {
    /// The teacher's pack its questions come from (see [`crate::link_pack`]).
    pub pack: Option<String>,
    /// The teacher's title, for the worksheet, the key and the projector.
    pub title: Option<String>,
    /// The topics the teacher ticked, or with none the sources, as the link
    /// writes them (their ids joined by commas), which name a quiz with no
    /// title of its own: a list of questions is otherwise named by the
    /// fewest topics its questions are on, and a question is often on a
    /// topic besides the ticked one (see [`QuizLink::with_labels`], which
    /// keeps them only then). A text as the other labels are: a student's
    /// device reads it and passes it on, and only a page that names the
    /// quiz looks inside.
    pub about: Option<String>,
}

/// The longest pack name or title a link keeps.
pub const MAX_LABEL_CHARS: usize = 80;

impl LinkLabels {
    /// The quiz's title: the teacher's own, or the ticked topics or sources
    /// it is about, or what `spec` is about.
    pub fn title_of(&self, spec: &QuizSpec, bank: &Bundle) -> String {
        self.title.clone().or_else(|| self.about.as_deref().and_then(|about| named_by(about, bank))).unwrap_or_else(|| spec.title(bank))
    }

    /// The query parts (each starting with `&`) that carry the labels.
    fn query(&self) -> String {
        [("pack", &self.pack), ("title", &self.title), ("about", &self.about)]
            .into_iter()
            .filter_map(|(key, value)| value.as_deref().map(|v| format!("&{key}={}", percent_encode(v))))
            .collect()
    }
}

/// "Quiz on …" the topics or sources of `about` (ids joined by commas)
/// this bank knows; `None` if it knows none.
fn named_by(about: &str, bank: &Bundle) -> Option<String> {
    let named: Vec<String> = about
        .split(',')
        .filter_map(|id| bank.topic(id).map(|t| t.title.clone()).or_else(|| bank.article(id).map(|a| a.label.clone())))
        .collect();
    (!named.is_empty()).then(|| quiz_on(&named))
}

/// A link opened against the bank: the quiz it asks for, the questions that
/// quiz asks, and what had to be changed to run it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizLink {
    /// What the link asks for, written the one canonical way. Its query is
    /// the link's [`key`](Self::key), so it does not depend on the bank: a
    /// saved quiz is still found after a new version drops a question.
    spec: QuizSpec,
    seeded: bool,
    /// The query as it was written, so that fixing a seed keeps what the
    /// reader was told about the rest of it.
    written: String,
    items: Vec<QuizItem>,
    notices: Vec<String>,
    labels: LinkLabels,
    /// The pack this device needs before the quiz can run: the link is a
    /// pack quiz and some of its questions are not here. Such a link never
    /// runs in part.
    needs_pack: Option<String>,
    /// The link's check does not match the rest of it: it was cut short or
    /// changed, and asks nothing.
    cut: bool,
}

impl QuizLink {
    /// Reads a query string (with or without `?`); never fails.
    /// A checked link that picked up what commonly follows a link in a
    /// sentence or a bracket, or came out of an HTML page with `&amp;` for
    /// `&`, opens as the link it was.
    pub fn open(query: &str, bank: &Bundle) -> Self {
        // `&` in a value is always written `%26`, so `&amp;` is never the link's own.
        let written = query.strip_prefix('?').unwrap_or(query).replace("&amp;", "&");
        let parsed = parse(&written);
        if !parsed.check_matches() {
            // One mark at a time, so a title ending in "." keeps it.
            let mut trimmed = written.as_str();
            while let Some(shorter) = without_last_mark(trimmed) {
                trimmed = shorter;
                let repaired = parse(trimmed);
                if repaired.check_matches() {
                    return Self::resolve(repaired.spec, repaired.seeded, trimmed.to_string(), repaired.notices, repaired.labels, bank);
                }
            }
            let labels = LinkLabels::default();
            return Self {
                spec: parsed.spec,
                seeded: parsed.seeded,
                written,
                items: Vec::new(),
                notices: Vec::new(),
                labels,
                needs_pack: None,
                cut: true,
            };
        }
        Self::resolve(parsed.spec, parsed.seeded, written, parsed.notices, parsed.labels, bank)
    }

    /// The link for a spec the app made itself.
    pub fn from_spec(spec: QuizSpec, bank: &Bundle) -> Self {
        Self::resolve(spec.clone(), true, spec.query(), Vec::new(), LinkLabels::default(), bank)
    }

    /// The link as written with `seed` added, for a link that had none: the
    /// rest stays as written, so it still says what was adjusted in it.
    pub fn href_with_seed(&self, seed: u32) -> String {
        let separator = if self.written.is_empty() { "" } else { "&" };
        format!("{PLAY_PATH}?{}{separator}seed={seed}", self.written)
    }

    /// The same link with a teacher's pack name and title, each kept as
    /// the link will read it back (one line, at most [`MAX_LABEL_CHARS`]),
    /// so that the link's check matches it. The ticked topics or sources
    /// are kept, less those none of its questions is on, where its
    /// questions would name it otherwise: most links stay as short as they
    /// were.
    pub fn with_labels(&self, labels: LinkLabels, bank: &Bundle) -> Self {
        let title = labels.title.as_deref().and_then(label);
        let on_a_question = |about: &&str| {
            self.items
                .iter()
                .filter_map(|item| bank.question(&item.question_id))
                .any(|question| question.topics.iter().any(|topic| topic == about) || question.article == *about)
        };
        let about: Vec<&str> = labels.about.as_deref().unwrap_or_default().split(',').filter(on_a_question).collect();
        // Named by the same topics, perhaps in another order.
        let named_alike = match &self.spec.selection {
            Selection::Ids(ids) => {
                let naming = topics_naming(ids, bank);
                naming.len() == about.len() && naming.iter().all(|topic| about.contains(&topic.as_str()))
            }
            Selection::Filter { .. } => about.is_empty(),
        };
        let about = if title.is_some() || named_alike { None } else { label(&about.join(",")) };
        let labels = LinkLabels { pack: labels.pack.as_deref().and_then(label), title, about };
        let written = format!("{}{}", self.spec.query(), labels.query());
        Self::resolve(self.spec.clone(), self.seeded, written, self.notices.clone(), labels, bank)
    }

    fn resolve(spec: QuizSpec, seeded: bool, written: String, mut notices: Vec<String>, labels: LinkLabels, bank: &Bundle) -> Self {
        // Unknown topics and articles are left out of the selection (so a
        // link naming a removed topic still gives a quiz on the rest); the
        // spec as written stays the key.
        let mut resolved = spec.clone();
        if let Selection::Filter { topics, articles, .. } = &mut resolved.selection {
            known(topics, |id| bank.topic(id).is_some(), "topic", "topics", &mut notices);
            known(articles, |id| bank.article(id).is_some(), "source", "sources", &mut notices);
        }
        let (items, unknown) = prepare(bank, &resolved);
        if labels.pack.is_some() && !unknown.is_empty() {
            // A pack quiz without its pack asks for the pack by name.
            let needs_pack = labels.pack.clone();
            return Self { spec, seeded, written, items: Vec::new(), notices, labels, needs_pack, cut: false };
        }
        if !unknown.is_empty() {
            if items.is_empty() {
                notices.push("None of this link's questions are in this app's question bank.".into());
            } else {
                notices.push(format!(
                    "{} of this link's questions {} not in this app's question bank and {} left out.",
                    unknown.len(),
                    if unknown.len() == 1 { "is" } else { "are" },
                    if unknown.len() == 1 { "was" } else { "were" },
                ));
            }
        }
        Self { spec, seeded, written, items, notices, labels, needs_pack: None, cut: false }
    }

    /// The teacher's pack name and title, as the link gives them.
    pub fn labels(&self) -> &LinkLabels {
        &self.labels
    }

    /// The pack this device must add before the quiz can run; the link then
    /// has no questions ([`items`](Self::items) is empty).
    pub fn needs_pack(&self) -> Option<&str> {
        self.needs_pack.as_deref()
    }

    /// Whether the link was cut short or changed since the app made it: it
    /// then has no questions, notices or labels, since none of them can be
    /// trusted to be the teacher's.
    pub fn is_cut(&self) -> bool {
        self.cut
    }

    /// The quiz's title for the worksheet, the key and the projector: the
    /// teacher's own, or what the quiz is about.
    pub fn title(&self, bank: &Bundle) -> String {
        self.labels.title_of(&self.spec, bank)
    }

    /// The title with how the quiz runs, where a class must not be handed
    /// the wrong one of two links under one title (the QR code full screen,
    /// the projector: found by a teacher's walk): "9B: Article 5 check (a
    /// test with a 10-minute time limit)".
    pub fn title_with_mode(&self, bank: &Bundle) -> String {
        format!("{} ({})", self.title(bank), self.spec.how_it_runs())
    }

    /// The quiz in one line, for the teacher handing it out and the
    /// student about to start it: "9B: Article 5 check: 10 questions, a
    /// test with a 10-minute time limit."
    pub fn summary(&self, bank: &Bundle) -> String {
        format!("{}: {}", self.title(bank), self.outline())
    }

    /// The summary less the title, where the title is already the heading:
    /// "10 questions, a test with a 10-minute time limit."
    pub fn outline(&self) -> String {
        let questions = self.items.len();
        let plural = if questions == 1 { "" } else { "s" };
        format!("{questions} question{plural}, {}.", self.spec.how_it_runs())
    }

    pub fn spec(&self) -> &QuizSpec {
        &self.spec
    }

    /// The questions in quiz order, with their choice order.
    pub fn items(&self) -> &[QuizItem] {
        &self.items
    }

    /// What was changed to run the link, in words for the reader.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Whether the link carried its own shuffle. A link without one (the
    /// home page's one-click quiz) gets a fresh seed when it is started.
    pub fn is_seeded(&self) -> bool {
        self.seeded
    }

    /// Names this quiz in saved progress: the same link, however its query
    /// was written, finds the same saved quiz.
    pub fn key(&self) -> String {
        self.spec.query()
    }

    pub fn href(&self) -> String {
        play_href(&self.spec, &self.labels)
    }

    pub fn projector_href(&self) -> String {
        format!("{PROJECTOR_PATH}?{}", checked_query(&self.spec, &self.labels))
    }

    pub fn print_href(&self) -> String {
        format!("{PRINT_PATH}?{}", checked_query(&self.spec, &self.labels))
    }
}

/// How many class links made before the last one the Classroom page lists.
pub const EARLIER_LINKS_MAX: usize = 5;

/// The class links made before the last one (newest first), once `replaced`
/// gave way to a link of another quiz: a teacher may hand out a test and a
/// practice quiz in one lesson, and needs both. Each link once, at most
/// [`EARLIER_LINKS_MAX`].
pub fn earlier_links(earlier: &[String], replaced: &str) -> Vec<String> {
    std::iter::once(replaced)
        .chain(earlier.iter().map(String::as_str).filter(|href| *href != replaced))
        .take(EARLIER_LINKS_MAX)
        .map(str::to_string)
        .collect()
}

/// The link that plays a quiz under its labels, as the app writes it (the
/// link a class is given, and the one a saved quiz resumes at).
pub fn play_href(spec: &QuizSpec, labels: &LinkLabels) -> String {
    format!("{PLAY_PATH}?{}", checked_query(spec, labels))
}

/// The query the app writes: its check first, then the quiz and labels.
fn checked_query(spec: &QuizSpec, labels: &LinkLabels) -> String {
    format!("{CHECK_KEY}={}&{}", check_of(&checked_part(spec, labels)), canonical_query(spec, labels))
}

/// A quiz and its labels, written the one way the app writes them.
fn canonical_query(spec: &QuizSpec, labels: &LinkLabels) -> String {
    format!("{}{}", spec.query(), labels.query())
}

/// What the link's check covers: all of it but the ticked topics or
/// sources, which only name the quiz. A version of the app from before
/// them, still on a student's device until it updates, then runs the quiz
/// (and says it ignored a part of the link), where a check over them would
/// refuse the link as cut.
fn checked_part(spec: &QuizSpec, labels: &LinkLabels) -> String {
    canonical_query(spec, &LinkLabels { about: None, ..labels.clone() })
}

struct Parsed {
    spec: QuizSpec,
    seeded: bool,
    notices: Vec<String>,
    labels: LinkLabels,
    check: Option<String>,
}

impl Parsed {
    /// Whether the link's check, where it has one, matches the rest of it.
    fn check_matches(&self) -> bool {
        self.check.as_ref().is_none_or(|check| *check == check_of(&checked_part(&self.spec, &self.labels)))
    }
}

/// `query` less one mark of the punctuation a sentence or a bracket may
/// have added after a link, as typed or as an address bar percent-encodes
/// it; `None` when it ends in none.
fn without_last_mark(query: &str) -> Option<&str> {
    const MARKS: [&str; 20] =
        [".", ",", ";", ":", "!", "?", ")", "]", "'", "\"", ">", "”", "’", "%22", "%27", "%29", "%3E", "%5D", "%E2%80%9D", "%E2%80%99"];
    MARKS.iter().find_map(|mark| {
        let cut = query.len().checked_sub(mark.len())?;
        (query.is_char_boundary(cut) && query[cut..].eq_ignore_ascii_case(mark)).then(|| &query[..cut])
    })
}

/// The query as written, without the bank.
fn parse(query: &str) -> Parsed {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notices = Vec::new();
    let mut ids = None;
    let mut topics = Vec::new();
    let mut articles = Vec::new();
    let mut count = Some(DEFAULT_COUNT);
    let mut seed = None;
    let mut seeded = false;
    let mut mode = Mode::Practice;
    let mut minutes = None;
    let mut labels = LinkLabels::default();
    let mut check = None;
    // Which of the choosing parts (topics, articles, count) the link has:
    // a list of questions leaves them unused, and the reader is told so.
    let mut choosing: Vec<&str> = Vec::new();
    // Parts ignored, said only where the link has no check (see below).
    let mut ignored = Vec::new();

    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(value) = percent_decode(raw_value) else {
            ignored.push(format!("Part of the link (\"{}\") is garbled and was ignored.", shorten(key)));
            continue;
        };
        let list = || value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        if ["topics", "articles", "count"].contains(&key) && !choosing.contains(&key) {
            choosing.push(key);
        }
        match key {
            "ids" => {
                let mut listed: Vec<String> = list().collect();
                if listed.len() > MAX_QUESTIONS {
                    notices.push(format!(
                        "The link lists {} questions; a quiz has at most {MAX_QUESTIONS}, so the first {MAX_QUESTIONS} are asked.",
                        listed.len()
                    ));
                    listed.truncate(MAX_QUESTIONS);
                }
                ids = Some(listed);
            }
            "topics" => topics = list().collect(),
            "pack" => labels.pack = label(&value),
            "title" => labels.title = label(&value),
            // Written last, and outside the check: a sentence's full stop
            // after a pasted link lands here, and goes.
            "about" => labels.about = label(value.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())),
            CHECK_KEY => check = Some(value),
            "articles" => articles = list().collect(),
            "count" => {
                count = match value.as_str() {
                    "all" => None,
                    number => match decimal(number).and_then(|n| usize::try_from(n).ok()) {
                        Some(n) if (1..=MAX_QUESTIONS).contains(&n) => Some(n),
                        _ => {
                            notices.push(format!(
                                "The link asks for \"{}\" questions, which is not 1 to {MAX_QUESTIONS}; this quiz has {DEFAULT_COUNT}.",
                                shorten(&value)
                            ));
                            Some(DEFAULT_COUNT)
                        }
                    },
                }
            }
            "seed" => {
                seeded = true;
                match decimal(&value).and_then(|n| u32::try_from(n).ok()) {
                    Some(n) => seed = Some(n),
                    None => {
                        notices.push("The link's shuffle number is not a number; the quiz order comes from the rest of the link.".into())
                    }
                }
            }
            "mode" => match Mode::from_name(&value) {
                Some(named) => mode = named,
                None => notices.push(format!("Unknown mode \"{}\"; using practice mode.", shorten(&value))),
            },
            "minutes" => match decimal(&value).and_then(|n| u16::try_from(n).ok()) {
                Some(0) => {}
                Some(m) if m <= MAX_MINUTES => minutes = Some(m),
                _ => notices.push(format!("The time limit \"{}\" is not 1 to {MAX_MINUTES} minutes; no time limit.", shorten(&value))),
            },
            other => ignored.push(format!("Part of the link (\"{}\") is not something a quiz link has; ignored.", shorten(other))),
        }
    }
    // A link the app made has a check over everything that makes its quiz:
    // a part it does not know (a tag a chat or mail platform adds to links
    // it passes on, such as `fbclid` or `utm_source`, or a newer version's
    // label), or one it cannot read, changes nothing, and a notice on every
    // question would have the student think the quiz was not the class's.
    // (A part of the quiz that cannot be read leaves the rest unmatched by
    // the check: the link is refused as not whole.)
    if check.is_none() {
        notices.append(&mut ignored);
    }

    // A broken seed still gives the whole class the same quiz: the seed then
    // comes from the link's own text.
    let seed = seed.unwrap_or_else(|| fnv1a(query.as_bytes()) as u32);
    if ids.is_some() && !choosing.is_empty() {
        notices.push(format!(
            "The link lists its questions, so its {} {} not used.",
            and_list(&choosing),
            if choosing.len() == 1 { "is" } else { "are" }
        ));
    }
    let selection = match ids {
        Some(ids) => Selection::Ids(ids),
        None => Selection::Filter { topics, articles, count },
    };
    Parsed { spec: QuizSpec { selection, seed, mode, minutes }, seeded, notices, labels, check }
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

/// Keeps the values the bank knows; says which it left out.
fn known(values: &mut Vec<String>, exists: impl Fn(&str) -> bool, one: &str, many: &str, notices: &mut Vec<String>) {
    let (found, missing): (Vec<String>, Vec<String>) = values.drain(..).partition(|v| exists(v));
    *values = found;
    if !missing.is_empty() {
        let what = if missing.len() == 1 { one } else { many };
        notices.push(format!("The link names {} {what} this app does not have, left out: {}.", missing.len(), missing.join(", ")));
    }
}

/// A value from a link, cut short for a notice.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// `%2C` -> `,` and `+` -> space; `None` for broken escapes or bad UTF-8.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::try_from(crate::number::hexadecimal(hex)?).ok()?);
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
