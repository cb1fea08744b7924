//! Building a quiz from a spec, playing it and scoring it.

use std::borrow::Borrow;

use crate::content::{Bundle, Question, QuestionKind};
use crate::link::{play_href, LinkLabels, MAX_QUESTIONS};
use crate::rng::SeededRng;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Feedback after each answer.
    #[default]
    Practice,
    /// Feedback at the end.
    Test,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Practice => "practice",
            Self::Test => "test",
        }
    }

    /// The mode [`as_str`](Self::as_str) names.
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Practice, Self::Test].into_iter().find(|mode| mode.as_str() == name)
    }
}

/// Which questions a quiz asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Questions on any of the topics and from any of the articles (an empty
    /// list means no restriction), `count` of them (`None`: all).
    Filter { topics: Vec<String>, articles: Vec<String>, count: Option<usize> },
    /// Exactly these questions, in this order.
    Ids(Vec<String>),
}

/// Everything a link carries: the same spec gives the same quiz anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizSpec {
    pub selection: Selection,
    pub seed: u32,
    pub mode: Mode,
    /// An optional time limit in minutes.
    pub minutes: Option<u16>,
}

pub const DEFAULT_COUNT: usize = 10;

/// How often the page looks at a time limit's clock, to count down and to
/// end the quiz once the time has run out.
pub const TIME_LIMIT_TICK_MS: f64 = 1_000.0;

/// The time limit's clock: whole seconds rounded up, so "0:00" shows only
/// once the time has run out, when the quiz ends.
pub fn time_left_text(remaining_ms: f64) -> String {
    let seconds = (remaining_ms / 1000.0).ceil().max(0.0) as u64;
    format!("Time left: {}:{:02}", seconds / 60, seconds % 60)
}

impl QuizSpec {
    /// The one-click quiz: ten practice questions on everything.
    pub fn quick(seed: u32) -> Self {
        Self {
            selection: Selection::Filter { topics: Vec::new(), articles: Vec::new(), count: Some(DEFAULT_COUNT) },
            seed,
            mode: Mode::Practice,
            minutes: None,
        }
    }

    /// Ten practice questions on one topic.
    pub fn on_topic(topic: &str, seed: u32) -> Self {
        Self {
            selection: Selection::Filter { topics: vec![topic.to_string()], articles: Vec::new(), count: Some(DEFAULT_COUNT) },
            ..Self::quick(seed)
        }
    }

    /// Practice on exactly these questions (a review, a retry).
    pub fn of_questions(ids: Vec<String>, seed: u32) -> Self {
        Self { selection: Selection::Ids(ids), ..Self::quick(seed) }
    }

    /// The quiz this spec asks, whatever its shuffle: the seed is left out
    /// of a quiz of listed questions, where it only orders each question's
    /// choices (and answers are kept by choice, not by place), so students
    /// who each shuffled one link their own way took the same quiz. A quiz
    /// drawn from topics or sources keeps it, as it draws the questions.
    pub fn unshuffled(&self) -> QuizSpec {
        match self.selection {
            Selection::Ids(_) => QuizSpec { seed: 0, ..self.clone() },
            Selection::Filter { .. } => self.clone(),
        }
    }

    /// Whether the quiz waits for the student to press Start: one with a
    /// time limit does, so its clock starts when the student is ready, not
    /// when the link was opened (scanned while the teacher explains, or
    /// the day before).
    pub fn waits_for_start(&self) -> bool {
        self.minutes.is_some()
    }

    /// How it runs, in words for the teacher who hands it out and the
    /// student about to start: "a test with a 10-minute time limit".
    pub fn how_it_runs(&self) -> String {
        let limit = self.minutes.map_or_else(|| "no time limit".to_string(), |minutes| format!("a {minutes}-minute time limit"));
        let mode = match self.mode {
            Mode::Practice => "practice",
            Mode::Test => "a test",
        };
        format!("{mode} with {limit}")
    }

    /// What the quiz is about, in words: "Quiz on Article 5: what it
    /// promises", for lists, results and file names.
    pub fn title(&self, bank: &Bundle) -> String {
        let topic_titles =
            |ids: &[String]| -> Vec<String> { ids.iter().filter_map(|id| bank.topic(id)).map(|t| t.title.clone()).collect() };
        let named = match &self.selection {
            Selection::Filter { topics, articles, .. } if !topics.is_empty() => topic_titles(topics),
            Selection::Filter { articles, .. } => articles.iter().filter_map(|id| bank.article(id)).map(|a| a.label.clone()).collect(),
            Selection::Ids(ids) => {
                let covering = topics_naming(ids, bank);
                if covering.is_empty() {
                    let plural = if ids.len() == 1 { "" } else { "s" };
                    return format!("Quiz of {} chosen question{plural}", ids.len());
                }
                topic_titles(&covering)
            }
        };
        quiz_on(&named)
    }
}

/// "Quiz on Article 5 and Finland and Sweden": a quiz named by its topics
/// or sources, at most three of them by name.
pub(crate) fn quiz_on(named: &[String]) -> String {
    match named {
        [] => "Quiz on every topic".to_string(),
        // Topics or sources: "and 2 more" fits either.
        [first, second, third, rest @ ..] if !rest.is_empty() => format!("Quiz on {first}, {second}, {third} and {} more", rest.len()),
        few => format!("Quiz on {}", and_list(few)),
    }
}

/// The topics a list of questions is named by (see [`topics_covering`]).
pub(crate) fn topics_naming(ids: &[String], bank: &Bundle) -> Vec<String> {
    topics_covering(ids.iter().filter_map(|id| bank.question(id)).map(|q| q.topics.as_slice()))
}

/// The fewest topics, as near as a greedy choice finds them, that every
/// question of a list is on: a class link lists its questions, not the
/// topics the teacher ticked, and its questions may be on other topics too
/// (a quiz on Article 5 has questions also on Finland and Sweden), so the
/// topic most of them share comes first, and a topic that only some share
/// beside it is not named. Ties go to the topic met first in quiz order.
fn topics_covering<'a>(question_topics: impl Iterator<Item = &'a [String]>) -> Vec<String> {
    let mut uncovered: Vec<&[String]> = question_topics.filter(|topics| !topics.is_empty()).collect();
    let mut covering = Vec::new();
    while let Some([first, ..]) = uncovered.first() {
        let (mut most_shared, mut most) = (first, 0);
        for topic in uncovered.iter().flat_map(|topics| topics.iter()) {
            let on = uncovered.iter().filter(|topics| topics.contains(topic)).count();
            if on > most {
                (most_shared, most) = (topic, on);
            }
        }
        covering.push(most_shared.clone());
        uncovered.retain(|topics| !topics.contains(most_shared));
    }
    covering
}

/// "a", "a and b", "a, b and c".
pub(crate) fn and_list<S: Borrow<str>>(words: &[S]) -> String {
    match words {
        [] => String::new(),
        [one] => one.borrow().to_string(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last.borrow()),
    }
}

/// One question as this quiz shows it: its choices in this quiz's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizItem {
    pub question_id: String,
    /// `choice_order[k]` is the index in `Question::choices` shown in place k.
    pub choice_order: Vec<usize>,
}

impl Selection {
    /// How many questions a quiz with this selection asks: a filter asks
    /// fewer than its count when fewer questions match (the quiz set-up
    /// says so before the quiz starts).
    pub fn size(&self, bank: &Bundle) -> usize {
        match self {
            Selection::Ids(ids) => ids.iter().filter(|id| bank.question(id).is_some()).count(),
            Selection::Filter { topics, articles, count } => matching(bank, topics, articles).count().min(count.unwrap_or(MAX_QUESTIONS)),
        }
    }
}

/// The questions a filter lets through, in the bank's order. A quiz on
/// chosen sources leaves out which-source questions: the answer to one is
/// always its own source, so the choice of sources would give it away.
fn matching<'b>(bank: &'b Bundle, topics: &'b [String], articles: &'b [String]) -> impl Iterator<Item = &'b Question> + 'b {
    bank.questions
        .iter()
        .filter(move |q| topics.is_empty() || q.topics.iter().any(|t| topics.contains(t)))
        .filter(move |q| articles.is_empty() || (articles.contains(&q.article) && q.kind != QuestionKind::WhichSource))
}

/// The questions a spec selects, in quiz order, and the ids it could not find.
pub fn prepare(bank: &Bundle, spec: &QuizSpec) -> (Vec<QuizItem>, Vec<String>) {
    let mut unknown = Vec::new();
    let chosen: Vec<&Question> = match &spec.selection {
        Selection::Ids(ids) => {
            let mut chosen: Vec<&Question> = Vec::new();
            for id in ids {
                match bank.question(id) {
                    // A question listed twice (a link put together by hand) is asked once.
                    Some(question) if chosen.iter().any(|c| c.id == question.id) => {}
                    Some(question) => chosen.push(question),
                    None => unknown.push(id.clone()),
                }
            }
            chosen
        }
        Selection::Filter { topics, articles, count } => {
            let mut candidates: Vec<&Question> = matching(bank, topics, articles).collect();
            // Sorted by id first, so the order of files never changes a quiz.
            crate::sort::sort_by(&mut candidates, |a, b| a.id.cmp(&b.id));
            SeededRng::new(u64::from(spec.seed)).shuffle(&mut candidates);
            // "All" is all up to the most a quiz asks, which is also the
            // most its class link may list.
            candidates.truncate(count.unwrap_or(MAX_QUESTIONS));
            candidates
        }
    };
    let items = chosen.into_iter().map(|q| QuizItem { question_id: q.id.clone(), choice_order: choice_order(q, spec.seed) }).collect();
    (items, unknown)
}

/// The display order of a question's choices for a seed. True/false keeps
/// its order; an ordering question never starts already solved.
pub fn choice_order(question: &Question, seed: u32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..question.choices.len()).collect();
    if question.kind == QuestionKind::TrueFalse {
        return order;
    }
    SeededRng::for_part(u64::from(seed), &question.id).shuffle(&mut order);
    if question.kind == QuestionKind::Order && order.windows(2).all(|w| w[0] < w[1]) {
        order.rotate_left(1);
    }
    order
}

/// The id of `question_id`'s entry in a result's review, where the link
/// back from its evidence goes.
pub fn review_entry_id(question_id: &str) -> String {
    format!("review-{question_id}")
}

/// The letter of the choice shown in place `place` (0: A). The quiz's
/// keyboard hints, the projector, the worksheet and the answer key all
/// letter choices with it, so a class hears "B" as one choice everywhere.
pub fn choice_letter(place: usize) -> char {
    char::from(b'A' + (place % 26) as u8)
}

/// The place of the choice a key names (`KeyboardEvent.key`): its letter,
/// in either case. Any other key names none.
pub fn choice_place(key: &str) -> Option<usize> {
    match key.as_bytes() {
        [letter] if letter.is_ascii_alphabetic() => Some(usize::from(letter.to_ascii_uppercase() - b'A')),
        _ => None,
    }
}

/// The right answer of `item` as the letters it shows: the right choices in
/// letter order ("A C"), or for an order question each letter with the
/// number the worksheet asks for beside it ("A3 B1 C2": A comes third), so
/// a paper is marked letter by letter as it was filled in.
pub fn answer_letters(question: &Question, item: &QuizItem) -> String {
    let places = right_places(question, item);
    let letters: Vec<String> = if question.kind == QuestionKind::Order {
        (0..item.choice_order.len())
            .filter_map(|place| places.iter().position(|&p| p == place).map(|n| format!("{}{}", choice_letter(place), n + 1)))
            .collect()
    } else {
        places.into_iter().map(|p| choice_letter(p).to_string()).collect()
    };
    letters.join(" ")
}

/// The right answer of `item` in words: in the order of its letters, so a
/// key reads "A C: first; second" with each word under its letter; an order
/// question's in the right order ("first → second → third").
pub fn answer_in_letter_order(question: &Question, item: &QuizItem) -> String {
    let shown: Vec<usize> = right_places(question, item).into_iter().map(|p| item.choice_order[p]).collect();
    question.choice_text(&shown)
}

/// The places (0: A) where the right choices are shown: in place order, or
/// for an order question in the right sequence.
fn right_places(question: &Question, item: &QuizItem) -> Vec<usize> {
    let place_of = |choice: usize| item.choice_order.iter().position(|&c| c == choice);
    let mut places: Vec<usize> = question.correct_indices().into_iter().filter_map(place_of).collect();
    if question.kind != QuestionKind::Order {
        crate::sort::sort_numbers(&mut places);
    }
    places
}

/// The key for quick marking: "1 B, 2 A C, 3 C A B".
pub fn marking_key(items: &[QuizItem], bank: &Bundle) -> String {
    items
        .iter()
        .enumerate()
        .filter_map(|(n, item)| bank.question(&item.question_id).map(|q| format!("{} {}", n + 1, answer_letters(q, item))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What happened to an answer handed to [`QuizSession::submit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    Scored {
        correct: bool,
    },
    /// Answered before: the first answer stands (double clicks, the back button).
    AlreadyAnswered,
    /// Not a possible answer (wrong number of choices, unknown index).
    Invalid,
}

/// A quiz being played, saved with progress (`progress::save`) so it can
/// resume after a reload.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizSession {
    pub spec: QuizSpec,
    pub items: Vec<QuizItem>,
    /// Per item, the answer given as indices into the question's choices.
    pub responses: Vec<Option<Vec<usize>>>,
    /// The item on screen.
    pub current: usize,
    pub started_at_ms: f64,
    pub finished_at_ms: Option<f64>,
    /// When it last changed: the home page lists unfinished quizzes newest first.
    pub updated_at_ms: f64,
    /// Whether the time limit ended it (rather than the last answer).
    pub timed_out: bool,
    /// The teacher's title and pack of the link it was started from, so
    /// that coming back to it another way (the home page's list, a source's
    /// "Back to the question") keeps them, and the result handed in has
    /// the title the class knows the quiz by.
    pub labels: LinkLabels,
    /// The answer picked on screen and not yet saved: the item and the
    /// choices ticked (or the order, once moved). It comes back with its
    /// question after Back or a reload, and counts if the time runs out,
    /// as on paper.
    pub picked: Option<(usize, Vec<usize>)>,
}

impl QuizSession {
    pub fn new(spec: QuizSpec, items: Vec<QuizItem>, started_at_ms: f64) -> Self {
        let responses = vec![None; items.len()];
        Self {
            spec,
            items,
            responses,
            current: 0,
            started_at_ms,
            finished_at_ms: None,
            updated_at_ms: started_at_ms,
            timed_out: false,
            labels: LinkLabels::default(),
            picked: None,
        }
    }

    /// The teacher's title for it, or what it is about.
    pub fn title(&self, bank: &Bundle) -> String {
        self.labels.title_of(&self.spec, bank)
    }

    /// Whether a teacher set it, for the class to hand in: a test, or a
    /// quiz the teacher titled. Its results lead with handing in rather
    /// than with a retry.
    pub fn is_set_by_teacher(&self) -> bool {
        self.spec.mode == Mode::Test || self.labels.title.is_some()
    }

    /// The link that comes back to it, with its labels.
    pub fn href(&self) -> String {
        play_href(&self.spec, &self.labels)
    }

    /// The link back from the evidence of `question_id`: to the quiz, which
    /// asks its question; finished, to that question in the results'
    /// review, where the student was reading, not to the results' top.
    pub fn href_back_from(&self, question_id: &str) -> String {
        if self.is_finished() {
            format!("{}#{}", self.href(), review_entry_id(question_id))
        } else {
            self.href()
        }
    }

    pub fn is_finished(&self) -> bool {
        self.finished_at_ms.is_some()
    }

    /// Whether it was finished at or after `opened_ms`, when the page was
    /// opened: then its result is the one of the student using the page,
    /// also after reading the evidence and coming back. One finished
    /// before may be the last student's, on a device the class shares.
    /// A quiz whose time ran out while the page was closed was finished
    /// at its deadline, before.
    pub fn finished_since(&self, opened_ms: f64) -> bool {
        self.finished_at_ms.is_some_and(|finished| finished >= opened_ms)
    }

    /// How many items have an answer.
    pub fn answered(&self) -> usize {
        self.responses.iter().filter(|r| r.is_some()).count()
    }

    /// When the time limit runs out, if there is one.
    pub fn deadline_ms(&self) -> Option<f64> {
        self.spec.minutes.map(|m| self.started_at_ms + f64::from(m) * 60_000.0)
    }

    /// Whole seconds from start to finish (or to `now_ms` while it runs).
    pub fn elapsed_seconds(&self, now_ms: f64) -> u64 {
        let end = self.finished_at_ms.unwrap_or(now_ms);
        ((end - self.started_at_ms) / 1000.0).max(0.0) as u64
    }

    /// Records the answer to item `index` once; later answers change nothing.
    pub fn submit(&mut self, bank: &Bundle, index: usize, response: Vec<usize>) -> Submitted {
        let Some(question) = self.items.get(index).and_then(|item| bank.question(&item.question_id)) else {
            return Submitted::Invalid;
        };
        if self.responses[index].is_some() || self.is_finished() {
            return Submitted::AlreadyAnswered;
        }
        if !is_possible_answer(question, &response) {
            return Submitted::Invalid;
        }
        let correct = question.is_correct(&response);
        self.responses[index] = Some(response);
        if self.picked.as_ref().is_some_and(|(item, _)| *item == index) {
            self.picked = None;
        }
        Submitted::Scored { correct }
    }

    /// Moves to the next item; past the last one the quiz is finished.
    pub fn advance(&mut self, now_ms: f64) {
        if self.current + 1 < self.items.len() {
            self.current += 1;
        } else {
            self.finish(now_ms);
        }
    }

    pub fn finish(&mut self, now_ms: f64) {
        self.finished_at_ms.get_or_insert(now_ms);
    }

    /// Whether the quiz is still running past its deadline, so that it is
    /// to be ended.
    pub fn is_out_of_time(&self, now_ms: f64) -> bool {
        !self.is_finished() && self.deadline_ms().is_some_and(|deadline| now_ms >= deadline)
    }

    /// Whether an answer saved at `now_ms` is in time. The page ends a quiz
    /// whose time has run out at its clock's next tick, so an answer saved
    /// within a tick after the deadline was on screen when the time ran out:
    /// it counts, as one picked and not saved then does.
    pub fn is_answer_in_time(&self, now_ms: f64) -> bool {
        self.deadline_ms().is_none_or(|deadline| now_ms <= deadline + TIME_LIMIT_TICK_MS)
    }

    /// Ends the quiz at its deadline if that has passed; says whether it did.
    pub fn end_if_out_of_time(&mut self, now_ms: f64) -> bool {
        let Some(deadline) = self.deadline_ms().filter(|_| self.is_out_of_time(now_ms)) else { return false };
        self.finished_at_ms = Some(deadline);
        self.timed_out = true;
        true
    }

    /// Whether item `index` was answered right (`None`: not answered).
    pub fn outcome(&self, bank: &Bundle, index: usize) -> Option<bool> {
        let response = self.responses.get(index)?.as_ref()?;
        let question = bank.question(&self.items[index].question_id)?;
        Some(question.is_correct(response))
    }

    pub fn score(&self, bank: &Bundle) -> Score {
        let outcomes: Vec<Option<bool>> = (0..self.items.len()).map(|i| self.outcome(bank, i)).collect();
        Score {
            correct: outcomes.iter().filter(|o| **o == Some(true)).count(),
            answered: outcomes.iter().filter(|o| o.is_some()).count(),
            total: self.items.len(),
        }
    }

    /// Right answers per topic, in the bank's topic order.
    pub fn by_topic(&self, bank: &Bundle) -> Vec<TopicScore> {
        bank.topics
            .iter()
            .filter_map(|topic| {
                let indices: Vec<usize> = (0..self.items.len())
                    .filter(|&i| bank.question(&self.items[i].question_id).is_some_and(|q| q.topics.contains(&topic.id)))
                    .collect();
                (!indices.is_empty()).then(|| TopicScore {
                    topic: topic.id.clone(),
                    correct: indices.iter().filter(|&&i| self.outcome(bank, i) == Some(true)).count(),
                    total: indices.len(),
                })
            })
            .collect()
    }

    /// Questions answered wrong or left unanswered, for "retry the ones I missed".
    pub fn missed(&self, bank: &Bundle) -> Vec<String> {
        (0..self.items.len()).filter(|&i| self.outcome(bank, i) != Some(true)).map(|i| self.items[i].question_id.clone()).collect()
    }

    /// Whether the finished quiz's review opens on its mistakes alone. It
    /// does when there are any, unless the student opened it out to every
    /// question (`shown_whole`), or arrives at a right answer's entry (the
    /// address's fragment `arrived_at`: the link back from that answer's
    /// evidence, [`Self::href_back_from`]), which would be hidden.
    pub fn review_opens_on_mistakes(&self, bank: &Bundle, shown_whole: bool, arrived_at: &str) -> bool {
        let missed = self.missed(bank);
        let at_a_right_answer =
            self.items.iter().any(|item| review_entry_id(&item.question_id) == arrived_at && !missed.contains(&item.question_id));
        !missed.is_empty() && !shown_whole && !at_a_right_answer
    }
}

/// Whether a response could be an answer to the question: indices in
/// range, no repeats, as many as the question's kind takes.
pub fn is_possible_answer(question: &Question, response: &[usize]) -> bool {
    let n = question.choices.len();
    if response.iter().any(|&i| i >= n) {
        return false;
    }
    let mut distinct = response.to_vec();
    crate::sort::sort_numbers(&mut distinct);
    distinct.dedup();
    let no_repeats = distinct.len() == response.len();
    match question.kind {
        QuestionKind::Order => no_repeats && response.len() == n,
        QuestionKind::Multiple => no_repeats && !response.is_empty(),
        _ => response.len() == 1,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub correct: usize,
    pub answered: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicScore {
    pub topic: String,
    pub correct: usize,
    pub total: usize,
}
