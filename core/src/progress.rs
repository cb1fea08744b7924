//! Progress kept on the device: a versioned schema, read tolerantly, and the
//! rules of a quiz's life (start or resume, answer, finish, best scores).
//!
//! Saved data outlives builds, and a student's history must not vanish
//! because one part of it is damaged. So [`load`] reads each part on its
//! own, checks every saved quiz against the question bank, keeps every part
//! that still reads, and says what it reset or dropped; the UI keeps a
//! backup of anything it could not read.
//!
//! Every change is a method on [`Progress`] that the UI applies to the
//! freshest saved copy (read, change, write), so two tabs never save over
//! each other's answers: an answer is recorded once per quiz item, whichever
//! tab gives it.

use crate::content::Bundle;
use crate::json::{self, Json};
use crate::link::{LinkLabels, QuizLink};
use crate::quiz::{choice_order, is_possible_answer, Mode, QuizItem, QuizSession, QuizSpec, Selection, Submitted};
use crate::text_map::TextMap;

/// Version 2 keeps several quizzes, keyed by their link; version 1 kept one
/// (`in_progress`) and is migrated when read.
pub const SCHEMA_VERSION: u64 = 2;

/// Days until a missed question comes back, by Leitner box (1 to 5). A right
/// answer moves it up a box; a wrong one sends it back to box 1; a right
/// answer in the last box retires it from review.
pub const REVIEW_INTERVALS_DAYS: [i64; 5] = [1, 2, 4, 8, 16];

/// A topic's best score counts only from a quiz that asked at least this
/// many questions on it: two right answers in a retry of two missed
/// questions say little about how well the topic is known.
pub const MIN_QUESTIONS_FOR_BEST: usize = 4;

/// Names one result among the device's: its quiz (the link's key) and when
/// it finished, so that a retake is another result.
pub fn result_key(quiz_key: &str, finished_at_ms: f64) -> String {
    format!("{quiz_key}@{finished_at_ms}")
}

/// Saved quizzes kept on the device; past this, the least useful go first
/// (see [`Progress::prune`]).
pub const MAX_SAVED_QUIZZES: usize = 12;

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub version: u64,
    /// Per question id.
    pub questions: TextMap<QuestionRecord>,
    /// Best score per topic id, in percent (see [`MIN_QUESTIONS_FOR_BEST`]).
    pub best_by_topic: TextMap<u8>,
    /// Quizzes started on this device, finished or not, keyed by their
    /// link ([`QuizLink::key`]): a link always finds its own quiz again.
    pub quizzes: TextMap<QuizSession>,
    /// Saved quizzes of a pack this load left out ([`Bundle::left_out`]),
    /// as they were read, by key: the pack comes back with its class link.
    /// They are saved again as they were, and not shown, until a load has
    /// their questions.
    pub unavailable: TextMap<QuizSession>,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            version: SCHEMA_VERSION,
            questions: TextMap::new(),
            best_by_topic: TextMap::new(),
            quizzes: TextMap::new(),
            unavailable: TextMap::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRecord {
    pub seen: u32,
    pub correct: u32,
    /// Set once the question was missed, until it is retired from review.
    pub review: Option<Review>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    /// Leitner box, 1 to 5.
    pub review_box: u8,
    /// Day number (days since 1970-01-01) on which it is due.
    pub due_day: i64,
}

/// The day, counted from 1 January 1970 (UTC), that a time in
/// milliseconds falls on: the days review is counted in.
pub fn day_of(ms: f64) -> i64 {
    (ms / 86_400_000.0).floor() as i64
}

impl Progress {
    /// The saved quiz of a link, if this device has one.
    pub fn quiz(&self, link: &QuizLink) -> Option<&QuizSession> {
        self.quizzes.get(&link.key())
    }

    /// Resumes the link's saved quiz, finished or not, or starts it. A quiz
    /// whose time ran out while the student was away ends at its deadline.
    pub fn start_or_resume(&mut self, link: &QuizLink, bank: &Bundle, now_ms: f64) -> &QuizSession {
        let key = link.key();
        if !self.quizzes.contains_key(&key) {
            self.quizzes.insert(key.clone(), QuizSession::new(link.spec().clone(), link.items().to_vec(), now_ms));
            self.prune(&key);
        }
        // The class link's title and pack stay with the quiz; coming back
        // by a link without them (an older save's) does not drop them.
        if *link.labels() != LinkLabels::default() {
            if let Some(session) = self.quizzes.get_mut(&key) {
                session.labels = link.labels().clone();
            }
        }
        self.end_if_out_of_time(&key, bank, now_ms);
        &self.quizzes[key.as_str()]
    }

    /// The seed of the unfinished quiz (the one changed last) that a link
    /// without a seed (`spec`, whose own seed is not used) goes on with: a
    /// link that lists its questions is one quiz, so following it again
    /// (a teacher's link written without a seed, a retry of missed
    /// questions) finds its quiz as it was left; only once that is finished
    /// does the link give a fresh shuffle. A link that draws its questions
    /// from topics gives a fresh draw each time.
    pub fn unfinished_seed(&self, spec: &QuizSpec) -> Option<u32> {
        if !matches!(spec.selection, Selection::Ids(_)) {
            return None;
        }
        let asked = spec.unshuffled();
        self.quizzes
            .values()
            .filter(|session| !session.is_finished() && session.spec.unshuffled() == asked)
            .max_by(|a, b| a.updated_at_ms.total_cmp(&b.updated_at_ms))
            .map(|session| session.spec.seed)
    }

    /// "Take it again": the link's quiz from the start, its last result gone.
    pub fn restart(&mut self, link: &QuizLink, bank: &Bundle, now_ms: f64) -> &QuizSession {
        self.quizzes.remove(&link.key());
        self.start_or_resume(link, bank, now_ms)
    }

    /// Ends the quiz at its deadline if its time limit has run out; says
    /// whether it did. The answer picked and not saved by then counts, as
    /// on paper: on the day of the deadline, whether the student was on the
    /// question or away.
    pub fn end_if_out_of_time(&mut self, key: &str, bank: &Bundle, now_ms: f64) -> bool {
        let Some(session) = self.quizzes.get_mut(key) else { return false };
        let Some(deadline) = session.deadline_ms().filter(|_| session.is_out_of_time(now_ms)) else { return false };
        if let Some((index, response)) = session.picked.take() {
            self.score(key, index, response, bank, deadline, day_of(deadline));
        }
        let Some(session) = self.quizzes.get_mut(key) else { return false };
        session.end_if_out_of_time(now_ms);
        true
    }

    /// Keeps what the student has picked on item `index`, the question on
    /// screen, before saving it (`None`: nothing ticked any more). An item
    /// already answered, or a quiz finished, keeps nothing.
    pub fn pick(&mut self, key: &str, index: usize, response: Option<Vec<usize>>, now_ms: f64) {
        let Some(session) = self.quizzes.get_mut(key) else { return };
        if session.is_finished() || index != session.current || session.responses.get(index).is_none_or(Option::is_some) {
            return;
        }
        session.picked = response.map(|response| (index, response));
        session.updated_at_ms = now_ms;
    }

    /// Records the answer to item `index` of the link's quiz, once; a second
    /// answer to the same item (a double click, another tab) changes nothing,
    /// nor does one saved too late for a time limit, which ends the quiz.
    pub fn answer(&mut self, key: &str, index: usize, response: Vec<usize>, bank: &Bundle, now_ms: f64, today: i64) -> Submitted {
        let Some(session) = self.quizzes.get(key) else { return Submitted::Invalid };
        let outcome = if session.is_answer_in_time(now_ms) {
            self.score(key, index, response, bank, now_ms, today)
        } else {
            Submitted::AlreadyAnswered
        };
        self.end_if_out_of_time(key, bank, now_ms);
        outcome
    }

    /// Scores the answer to item `index` and adds it to the question's history.
    fn score(&mut self, key: &str, index: usize, response: Vec<usize>, bank: &Bundle, now_ms: f64, today: i64) -> Submitted {
        let Some(session) = self.quizzes.get_mut(key) else { return Submitted::Invalid };
        let outcome = session.submit(bank, index, response);
        if let Submitted::Scored { correct } = outcome {
            session.updated_at_ms = now_ms;
            let question_id = session.items[index].question_id.clone();
            self.record_answer(&question_id, correct, today);
        }
        outcome
    }

    /// Shows item `index` of the link's quiz (the next question, or one the
    /// student went back to).
    pub fn go_to(&mut self, key: &str, index: usize, now_ms: f64) {
        if let Some(session) = self.quizzes.get_mut(key) {
            if index < session.items.len() && !session.is_finished() {
                session.current = index;
                session.updated_at_ms = now_ms;
            }
        }
    }

    /// Ends the link's quiz (after its last question, or on the student's
    /// word). Ending twice changes nothing. Its results keep its best
    /// scores ([`Self::keep_best_scores`]).
    pub fn finish(&mut self, key: &str, now_ms: f64) {
        let Some(session) = self.quizzes.get_mut(key) else { return };
        if session.is_finished() {
            return;
        }
        // A quiz whose time ran out ends at its deadline, not now.
        if !session.end_if_out_of_time(now_ms) {
            session.finish(now_ms);
        }
        session.updated_at_ms = now_ms;
    }

    /// Adds what `mine` holds and `self` lacks: for a tab that just heard
    /// another tab's save (`self`), whose own latest change may have been
    /// saved over in between. Per quiz, answers are joined item by item (an
    /// answer, once given, stands); a quiz started again (a later start)
    /// replaces the older one. Per question, the record that saw more
    /// answers stands; best scores keep the higher. Says whether the copy
    /// to save changed, so the caller saves the joined copy.
    pub fn join(&mut self, mine: &Progress) -> bool {
        // Compared as saved: the saved text is what a change must reach, and
        // the code that writes it is there already (comparing the parts in
        // memory, with the hidden quizzes among them, took about 0.3 KB
        // more of the quiz's first load, gzipped).
        let before = save(self);
        for (key, my_quiz) in mine.quizzes.iter() {
            match self.quizzes.get_mut(key) {
                None => {
                    self.quizzes.insert(key.clone(), my_quiz.clone());
                }
                Some(theirs) if my_quiz.started_at_ms > theirs.started_at_ms => *theirs = my_quiz.clone(),
                Some(theirs) if my_quiz.started_at_ms == theirs.started_at_ms && my_quiz.items == theirs.items => {
                    for (their, mine) in theirs.responses.iter_mut().zip(&my_quiz.responses) {
                        if their.is_none() {
                            their.clone_from(mine);
                        }
                    }
                    theirs.current = theirs.current.max(my_quiz.current);
                    // A pick, unlike an answer, can be taken back: the copy
                    // changed last has the student's latest, an untick too.
                    if my_quiz.updated_at_ms > theirs.updated_at_ms {
                        theirs.picked = my_quiz.picked.clone().filter(|(item, _)| theirs.responses.get(*item).is_some_and(Option::is_none));
                    }
                    theirs.updated_at_ms = theirs.updated_at_ms.max(my_quiz.updated_at_ms);
                    if theirs.finished_at_ms.is_none() {
                        theirs.finished_at_ms = my_quiz.finished_at_ms;
                        theirs.timed_out |= my_quiz.timed_out;
                    }
                }
                Some(_) => {}
            }
        }
        for (key, saved) in mine.unavailable.iter() {
            if !self.quizzes.contains_key(key) && !self.unavailable.contains_key(key) {
                self.unavailable.insert(key.clone(), saved.clone());
            }
        }
        for (id, record) in mine.questions.iter() {
            let theirs = self.questions.get_or_insert_with(id, || record.clone());
            if record.seen > theirs.seen {
                *theirs = record.clone();
            }
        }
        for (topic, percent) in mine.best_by_topic.iter() {
            let best = self.best_by_topic.get_or_insert_with(topic, || *percent);
            *best = (*best).max(*percent);
        }
        save(self) != before
    }

    /// The saved quiz a question's evidence was opened from: of those that
    /// ask it, the one at `opened_from` (the app path of the page the source
    /// page was opened from, as the history keeps it), else the one changed
    /// last. A student reading one quiz's results may open evidence that a
    /// later quiz, a retry of their mistakes, asks too. The source page
    /// links back to it, for an installed app has no Back button.
    pub fn quiz_asking(&self, question_id: &str, opened_from: Option<&str>) -> Option<&QuizSession> {
        // A quiz's link names no fragment, so a results page scrolled to a
        // question's review is that quiz's page too.
        opened_from
            .and_then(|from| self.quizzes_asking(question_id).find(|s| crate::route::leads_back(&s.href(), from)))
            .or_else(|| self.quiz_changed_last_asking(question_id))
    }

    /// Of the saved quizzes that ask a question, the one changed last.
    pub fn quiz_changed_last_asking(&self, question_id: &str) -> Option<&QuizSession> {
        self.quizzes_asking(question_id).max_by(|a, b| a.updated_at_ms.total_cmp(&b.updated_at_ms))
    }

    fn quizzes_asking<'a, 'q>(&'a self, question_id: &'q str) -> impl Iterator<Item = &'a QuizSession> + use<'a, 'q> {
        self.quizzes.values().filter(move |s| s.items.iter().any(|item| item.question_id == question_id))
    }

    /// Unfinished quizzes with at least one answer or something ticked, or
    /// whose clock was started (it runs whether or not the student has
    /// answered yet), newest first: every one, as many as are kept (a list
    /// cut at three hid a class's unfinished test once the student started
    /// a fourth quiz).
    pub fn resumable(&self) -> Vec<(&str, &QuizSession)> {
        let mut open: Vec<(&str, &QuizSession)> = self
            .quizzes
            .iter()
            .filter(|(_, s)| !s.is_finished() && (s.answered() > 0 || s.picked.is_some() || s.spec.waits_for_start()))
            .map(|(k, s)| (k.as_str(), s))
            .collect();
        // The app's one sort (crate::sort), its keys made unique by the link's.
        crate::sort::sort_by(&mut open, |a, b| b.1.updated_at_ms.total_cmp(&a.1.updated_at_ms).then_with(|| a.0.cmp(b.0)));
        open
    }

    /// The keys of the results kept (see [`result_key`]).
    /// Hidden ones too: their hand-in names and files wait with them.
    pub fn results(&self) -> Vec<String> {
        let saved = self.quizzes.iter().chain(self.unavailable.iter());
        saved.filter_map(|(key, s)| s.finished_at_ms.map(|at| result_key(key, at))).collect()
    }

    /// Finished quizzes, the latest first: each keeps its results and its
    /// hand-in at its link, for a student who must download a result again
    /// and no longer has the link.
    pub fn finished(&self) -> Vec<&QuizSession> {
        let mut done: Vec<(&String, &QuizSession)> = self.quizzes.iter().filter(|(_, s)| s.is_finished()).collect();
        let finished = |s: &QuizSession| s.finished_at_ms.unwrap_or_default();
        crate::sort::sort_by(&mut done, |a, b| finished(b.1).total_cmp(&finished(a.1)).then_with(|| a.0.cmp(b.0)));
        done.into_iter().map(|(_, s)| s).collect()
    }

    /// The saved quizzes this load keeps hidden ([`Progress::unavailable`]),
    /// but those started again since under the same link, which replace them.
    fn hidden(&self) -> impl Iterator<Item = (&String, &QuizSession)> {
        self.unavailable.iter().filter(|(key, _)| !self.quizzes.contains_key(key))
    }

    /// The packs whose saved quizzes this load keeps hidden, each with how
    /// many (in the order of their links): the home page says they are
    /// kept, as a result gone from its list with no word reads as lost.
    pub fn hidden_by_pack(&self) -> Vec<(&str, usize)> {
        let mut packs: Vec<(&str, usize)> = Vec::new();
        for pack in self.hidden().filter_map(|(_, s)| s.labels.pack.as_deref()) {
            match packs.iter_mut().find(|(name, _)| *name == pack) {
                Some((_, count)) => *count += 1,
                None => packs.push((pack, 1)),
            }
        }
        packs
    }

    /// Keeps at most [`MAX_SAVED_QUIZZES`], never `keep`. What goes first:
    /// quizzes with no answer, then finished ones, then unfinished ones,
    /// each oldest first. An unfinished quiz with answers is dropped only
    /// when a dozen newer quizzes stand before it.
    fn prune(&mut self, keep: &str) {
        while self.quizzes.len() > MAX_SAVED_QUIZZES {
            let victim = self
                .quizzes
                .iter()
                .filter(|(k, _)| k.as_str() != keep)
                .min_by(|a, b| {
                    let rank = |s: &QuizSession| (s.answered() > 0, !s.is_finished());
                    rank(a.1).cmp(&rank(b.1)).then(a.1.updated_at_ms.total_cmp(&b.1.updated_at_ms))
                })
                .map(|(k, _)| k.clone());
            match victim {
                Some(key) => self.quizzes.remove(&key),
                None => break,
            };
        }
    }

    /// Records one scored answer, on day `today` (see [`day_of`]).
    pub fn record_answer(&mut self, question_id: &str, correct: bool, today: i64) {
        let record = self.questions.get_or_insert_with(question_id, || QuestionRecord { seen: 0, correct: 0, review: None });
        record.seen = record.seen.saturating_add(1);
        if correct {
            record.correct = record.correct.saturating_add(1);
        }
        record.review = match (record.review, correct) {
            (_, false) => Some(Review { review_box: 1, due_day: today + REVIEW_INTERVALS_DAYS[0] }),
            (None, true) => None,
            (Some(r), true) if usize::from(r.review_box) >= REVIEW_INTERVALS_DAYS.len() => None,
            (Some(r), true) => {
                let next = r.review_box + 1;
                Some(Review { review_box: next, due_day: today + REVIEW_INTERVALS_DAYS[usize::from(next) - 1] })
            }
        };
    }

    /// Question ids due for review on `today`, most overdue first. A test
    /// still being taken keeps its answers until it ends, so none of its
    /// questions is offered for review (which shows the answer) meanwhile.
    pub fn due(&self, today: i64) -> Vec<String> {
        let in_open_test = |id: &String| {
            self.quizzes.values().any(|s| s.spec.mode == Mode::Test && !s.is_finished() && s.items.iter().any(|i| i.question_id == *id))
        };
        let mut due: Vec<(i64, &String)> = self
            .questions
            .iter()
            .filter(|(id, _)| !in_open_test(id))
            .filter_map(|(id, r)| r.review.filter(|rv| rv.due_day <= today).map(|rv| (rv.due_day, id)))
            .collect();
        crate::sort::sort_by(&mut due, Ord::cmp);
        due.into_iter().map(|(_, id)| id.clone()).collect()
    }

    /// Keeps the best scores that the link's finished quiz sets (see
    /// [`Self::best_scores_to_keep`]). Keeping them again changes nothing.
    pub fn keep_best_scores(&mut self, key: &str, bank: &Bundle) {
        for (topic, percent) in self.best_scores_to_keep(key, bank) {
            self.best_by_topic.insert(topic, percent);
        }
    }

    /// The link's finished quiz's shares of right answers, in percent, on
    /// each topic it asked at least [`MIN_QUESTIONS_FOR_BEST`] questions on,
    /// where they beat the best kept. None until `bank` has the answers to
    /// every one of its questions, which a quiz may end without (finished
    /// after a reload, on a slow line): those would count as wrong. The
    /// results screen, which waits for them, keeps the scores.
    pub fn best_scores_to_keep(&self, key: &str, bank: &Bundle) -> Vec<(String, u8)> {
        let Some(session) = self.quizzes.get(key).filter(|s| s.is_finished()) else { return Vec::new() };
        if !session.items.iter().all(|item| bank.has_details(&item.question_id)) {
            return Vec::new();
        }
        session
            .by_topic(bank)
            .into_iter()
            .filter(|score| score.total >= MIN_QUESTIONS_FOR_BEST)
            .map(|score| (score.topic, crate::number::percent(score.correct, score.total) as u8))
            .filter(|(topic, percent)| self.best_by_topic.get(topic).is_none_or(|best| percent > best))
            .collect()
    }
}

/// What [`load`] made of the saved string.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub progress: Progress,
    /// What was reset or dropped, in words for the student.
    pub notices: Vec<String>,
    /// Whether the saved string must be kept as a backup before saving over
    /// it (something in it could not be read).
    pub keep_backup: bool,
    /// False when the data came from a newer version of the app: it is left
    /// untouched and this session's progress is not saved over it.
    pub writable: bool,
}

const DAMAGED: &str = "Your saved progress was damaged and could not be read, so it was reset.";

/// Reads saved progress, checking every saved quiz against `bank`; never
/// fails, never panics.
pub fn load(raw: Option<&str>, bank: &Bundle) -> Loaded {
    let mut loaded = Loaded { progress: Progress::default(), notices: Vec::new(), keep_backup: false, writable: true };
    let Some(raw) = raw else { return loaded };
    let root = match json::parse(raw) {
        Some(root @ Json::Object(_)) => root,
        _ => {
            loaded.notices.push(DAMAGED.into());
            loaded.keep_backup = true;
            return loaded;
        }
    };
    let version = root.get("version").and_then(Json::as_u64);
    match version {
        Some(1 | SCHEMA_VERSION) => {}
        Some(newer) if newer > SCHEMA_VERSION => {
            loaded.notices.push("Your saved progress comes from a newer version of Open Door. It is left untouched, and what you do now will not be saved; reload to get the new version.".into());
            loaded.writable = false;
            return loaded;
        }
        _ => {
            loaded.notices.push("Your saved progress has no version this app knows, so it was reset.".into());
            loaded.keep_backup = true;
            return loaded;
        }
    }
    let mut reader = Reader { loaded, bank };
    for (key, _) in root.as_object().unwrap_or_default() {
        let known = match version {
            Some(1) => ["version", "questions", "best_by_topic", "in_progress"].contains(&key.as_str()),
            _ => ["version", "questions", "best_by_topic", "quizzes"].contains(&key.as_str()),
        };
        if !known {
            reader.damage(format!("Your saved progress had a part this app does not know (\"{key}\"); it was left out."));
        }
    }
    reader.loaded.progress.questions = reader.entries(root.get("questions"), "answer history", |value| {
        read_record(value).filter(|r| r.review.is_none_or(|r| (1..=REVIEW_INTERVALS_DAYS.len() as u8).contains(&r.review_box)))
    });
    reader.loaded.progress.best_by_topic =
        reader.entries(root.get("best_by_topic"), "best scores", |value| value.as_u64().filter(|p| *p <= 100).map(|p| p as u8));
    if version == Some(1) {
        // Version 1 kept one unfinished quiz; it becomes the saved quiz of
        // its link, so the same link resumes it.
        match root.get("in_progress") {
            None | Some(Json::Null) => {}
            Some(value) => reader.quiz(None, value),
        }
    } else {
        match root.get("quizzes") {
            None => {}
            Some(Json::Object(quizzes)) => {
                for (key, value) in quizzes {
                    reader.quiz(Some(key), value);
                }
            }
            Some(_) => reader.damage("Your saved quizzes could not be read and were reset; your answer history was kept.".into()),
        }
    }
    reader.loaded
}

/// Reads one part at a time into `loaded`, noting what it had to leave out.
struct Reader<'a> {
    loaded: Loaded,
    bank: &'a Bundle,
}

impl Reader<'_> {
    fn damage(&mut self, notice: String) {
        self.loaded.notices.push(notice);
        self.loaded.keep_backup = true;
    }

    /// Reads a part made of entries (answer history, best scores) entry by
    /// entry, keeping those `parse` accepts and saying how many it dropped.
    fn entries<T>(&mut self, value: Option<&Json>, part: &str, parse: impl Fn(&Json) -> Option<T>) -> TextMap<T> {
        let mut kept = TextMap::new();
        let entries = match value {
            None => return kept,
            Some(Json::Object(entries)) => entries,
            Some(_) => {
                self.damage(format!("Your {part} could not be read and was reset."));
                return kept;
            }
        };
        let mut dropped = 0;
        for (id, value) in entries {
            match parse(value) {
                Some(entry) => {
                    kept.insert(id.clone(), entry);
                }
                None => dropped += 1,
            }
        }
        if dropped > 0 {
            self.damage(format!(
                "{dropped} damaged {} in your {part} {} dropped; the rest was kept.",
                if dropped == 1 { "entry" } else { "entries" },
                if dropped == 1 { "was" } else { "were" }
            ));
        }
        kept
    }

    /// One saved quiz, checked item by item against the bank. `key` is
    /// `None` for version 1's single quiz, which is filed under its link.
    fn quiz(&mut self, key: Option<&String>, value: &Json) {
        let unreadable = "A saved quiz could not be restored; your answer history was kept.";
        let Some(mut session) = read_session(value) else {
            return self.damage(unreadable.into());
        };
        if session.responses.len() != session.items.len() || !session.started_at_ms.is_finite() {
            return self.damage(unreadable.into());
        }
        let key = key.cloned().unwrap_or_else(|| session.spec.query());
        if session.labels.pack.as_ref().is_some_and(|pack| self.bank.left_out.contains(pack)) {
            // Its pack is not here this time, and may come back: a quiz cut
            // to the questions here would be saved so, and lost for good.
            self.loaded.progress.unavailable.insert(key, session);
            return;
        }
        let before = session.items.len();
        let mut reset_answers = 0;
        let (mut items, mut responses) = (Vec::new(), Vec::new());
        for (mut item, mut response) in session.items.into_iter().zip(session.responses) {
            let Some(question) = self.bank.question(&item.question_id) else { continue };
            let mut order = item.choice_order.clone();
            crate::sort::sort_numbers(&mut order);
            if order != (0..question.choices.len()).collect::<Vec<_>>() {
                // The question's choices changed in a new version: its saved
                // order and answer no longer point at the same words.
                item.choice_order = choice_order(question, session.spec.seed);
                reset_answers += usize::from(response.take().is_some());
            }
            if response.as_deref().is_some_and(|r| !is_possible_answer(question, r)) {
                response = None;
                reset_answers += 1;
            }
            items.push(item);
            responses.push(response);
        }
        let removed = before - items.len();
        if items.is_empty() {
            return self.loaded.notices.push(
                "A saved quiz's questions are no longer in Open Door, so it could not be restored; your answer history was kept.".into(),
            );
        }
        session.current = session.current.min(items.len() - 1);
        session.items = items;
        session.responses = responses;
        if removed > 0 {
            // A new version dropped questions: the quiz goes on without them.
            self.loaded.notices.push(format!(
                "{removed} {} of a saved quiz {} no longer in Open Door and {} left out; the rest of the quiz and its answers were kept.",
                if removed == 1 { "question" } else { "questions" },
                if removed == 1 { "is" } else { "are" },
                if removed == 1 { "was" } else { "were" },
            ));
        }
        if reset_answers > 0 {
            self.damage(format!(
                "{reset_answers} saved {} no longer {} its question and {} cleared.",
                if reset_answers == 1 { "answer" } else { "answers" },
                if reset_answers == 1 { "fits" } else { "fit" },
                if reset_answers == 1 { "was" } else { "were" },
            ));
        }
        self.loaded.progress.quizzes.insert(key, session);
    }
}

/// The string to save: version 2 of the schema, as [`load`] reads it.
/// Times are saved in whole milliseconds, as the browser's clock gives them.
pub fn save(progress: &Progress) -> String {
    Json::object(vec![
        ("version", Json::from(progress.version)),
        ("questions", members_json(&progress.questions, record_json)),
        ("best_by_topic", members_json(&progress.best_by_topic, |best| Json::from(u64::from(*best)))),
        ("quizzes", quizzes_json(progress)),
    ])
    .to_text()
}

/// The saved quizzes, and those whose pack this load lacked as they were
/// (one started again since, under the same key, replaces its old copy).
/// Saved at every answer: no copy of the quizzes is made for it.
fn quizzes_json(progress: &Progress) -> Json {
    let mut quizzes = members_json(&progress.quizzes, session_json);
    if let Json::Object(members) = &mut quizzes {
        members.extend(progress.hidden().map(|(key, session)| (key.clone(), session_json(session))));
    }
    quizzes
}

fn members_json<T>(map: &TextMap<T>, write: impl Fn(&T) -> Json) -> Json {
    Json::Object(map.iter().map(|(name, value)| (name.clone(), write(value))).collect())
}

fn record_json(record: &QuestionRecord) -> Json {
    let review = record.review.map(|review| {
        Json::object(vec![("review_box", Json::from(u64::from(review.review_box))), ("due_day", Json::from(review.due_day))])
    });
    Json::object(vec![
        ("seen", Json::from(u64::from(record.seen))),
        ("correct", Json::from(u64::from(record.correct))),
        ("review", Json::from(review)),
    ])
}

fn session_json(session: &QuizSession) -> Json {
    let spec = &session.spec;
    let texts = |texts: &[String]| Json::Array(texts.iter().map(|t| Json::from(t.as_str())).collect());
    let selection = match &spec.selection {
        Selection::Filter { topics, articles, count } => Json::object(vec![(
            "Filter",
            Json::object(vec![("topics", texts(topics)), ("articles", texts(articles)), ("count", Json::from(count.map(count_json)))]),
        )]),
        Selection::Ids(ids) => Json::object(vec![("Ids", texts(ids))]),
    };
    let items = session.items.iter().map(|item| {
        Json::object(vec![("question_id", Json::from(item.question_id.as_str())), ("choice_order", indices_json(&item.choice_order))])
    });
    let mut fields = vec![
        (
            "spec",
            Json::object(vec![
                ("selection", selection),
                ("seed", Json::from(u64::from(spec.seed))),
                ("mode", Json::from(spec.mode.as_str())),
                ("minutes", Json::from(spec.minutes.map(u64::from))),
            ]),
        ),
        ("items", Json::Array(items.collect())),
        ("responses", Json::Array(session.responses.iter().map(|r| r.as_deref().map_or(Json::Null, indices_json)).collect())),
        ("current", count_json(session.current)),
        ("started_at_ms", time_json(session.started_at_ms)),
        ("finished_at_ms", session.finished_at_ms.map_or(Json::Null, time_json)),
        ("updated_at_ms", time_json(session.updated_at_ms)),
        ("timed_out", Json::Bool(session.timed_out)),
    ];
    // Only a class link's quiz has labels: other saves read as before.
    let labels = &session.labels;
    if labels.pack.is_some() || labels.title.is_some() {
        fields.push((
            "labels",
            Json::object(vec![("pack", Json::from(labels.pack.as_deref())), ("title", Json::from(labels.title.as_deref()))]),
        ));
    }
    // Beside the labels, not in them: a version before it, in a tab still
    // open, reads a quiz with an unknown label as damaged, but passes over
    // a field of the quiz it does not know.
    if let Some(about) = &labels.about {
        fields.push(("about", Json::from(about.as_str())));
    }
    // Likewise a pick not yet saved as an answer.
    if let Some((item, response)) = &session.picked {
        fields.push(("picked", Json::object(vec![("item", count_json(*item)), ("response", indices_json(response))])));
    }
    Json::object(fields)
}

fn count_json(count: usize) -> Json {
    Json::from(count as u64)
}

fn indices_json(indices: &[usize]) -> Json {
    Json::Array(indices.iter().copied().map(count_json).collect())
}

/// A time in whole milliseconds, written as serde_json wrote a whole `f64`
/// ("1700000000000.0"), so a save reads the same as before this reader;
/// `null` if it is not a time at all, which [`load`] does not restore.
fn time_json(ms: f64) -> Json {
    if !ms.is_finite() {
        return Json::Null;
    }
    let mut text = (ms.round() as i64).to_string();
    text.push_str(".0");
    Json::Number(text)
}

/// One entry of the answer history; nothing but its own fields.
fn read_record(value: &Json) -> Option<QuestionRecord> {
    only(value, &["seen", "correct", "review"])?;
    let review = optional(value.get("review"), |review| {
        only(review, &["review_box", "due_day"])?;
        Some(Review { review_box: u8::try_from(review.get("review_box")?.as_u64()?).ok()?, due_day: review.get("due_day")?.as_i64()? })
    })?;
    Some(QuestionRecord {
        seen: u32::try_from(value.get("seen")?.as_u64()?).ok()?,
        correct: u32::try_from(value.get("correct")?.as_u64()?).ok()?,
        review,
    })
}

/// A saved quiz, as `session_json` writes it (version 1's lacks
/// `updated_at_ms` and `timed_out`; saves before the labels and picks were
/// kept lack `labels` and `picked`).
fn read_session(value: &Json) -> Option<QuizSession> {
    let spec = value.get("spec")?;
    let texts = |value: &Json| value.as_array()?.iter().map(|t| t.as_str().map(str::to_string)).collect::<Option<Vec<_>>>();
    // An optional text field: `Some(None)` when absent or null, `None` when not a text.
    let text = |field: Option<&Json>| optional(field, |t| t.as_str().map(str::to_string));
    let selection = match spec.get("selection")?.as_object()? {
        [(tag, ids)] if tag == "Ids" => Selection::Ids(texts(ids)?),
        [(tag, filter)] if tag == "Filter" => Selection::Filter {
            topics: texts(filter.get("topics")?)?,
            articles: texts(filter.get("articles")?)?,
            count: optional(filter.get("count"), read_count)?,
        },
        _ => return None,
    };
    let items = value.get("items")?.as_array()?.iter().map(|item| {
        Some(QuizItem {
            question_id: item.get("question_id")?.as_str()?.to_string(),
            choice_order: read_indices(item.get("choice_order")?)?,
        })
    });
    Some(QuizSession {
        spec: QuizSpec {
            selection,
            seed: u32::try_from(spec.get("seed")?.as_u64()?).ok()?,
            mode: Mode::from_name(spec.get("mode")?.as_str()?)?,
            minutes: optional(spec.get("minutes"), |m| u16::try_from(m.as_u64()?).ok())?,
        },
        items: items.collect::<Option<_>>()?,
        responses: value.get("responses")?.as_array()?.iter().map(|r| optional(Some(r), read_indices)).collect::<Option<_>>()?,
        current: read_count(value.get("current")?)?,
        started_at_ms: value.get("started_at_ms")?.as_whole_ms()?,
        finished_at_ms: optional(value.get("finished_at_ms"), Json::as_whole_ms)?,
        updated_at_ms: value.get("updated_at_ms").map_or(Some(0.0), Json::as_whole_ms)?,
        timed_out: value.get("timed_out").map_or(Some(false), Json::as_bool)?,
        labels: LinkLabels {
            about: text(value.get("about"))?,
            ..optional(value.get("labels"), |labels| {
                only(labels, &["pack", "title"])?;
                Some(LinkLabels { pack: text(labels.get("pack"))?, title: text(labels.get("title"))?, about: None })
            })?
            .unwrap_or_default()
        },
        picked: optional(value.get("picked"), |picked| {
            only(picked, &["item", "response"])?;
            Some((read_count(picked.get("item")?)?, read_indices(picked.get("response")?)?))
        })?,
    })
}

fn read_count(value: &Json) -> Option<usize> {
    usize::try_from(value.as_u64()?).ok()
}

fn read_indices(value: &Json) -> Option<Vec<usize>> {
    value.as_array()?.iter().map(read_count).collect()
}

/// A field that may be missing or `null` (`Some(None)`), or else must read
/// (`None` if it does not).
fn optional<T>(value: Option<&Json>, read: impl FnOnce(&Json) -> Option<T>) -> Option<Option<T>> {
    match value {
        None | Some(Json::Null) => Some(None),
        Some(value) => read(value).map(Some),
    }
}

/// `Some` if `value` is an object with no members but `names`.
fn only(value: &Json, names: &[&str]) -> Option<()> {
    value.as_object()?.iter().all(|(name, _)| names.contains(&name.as_str())).then_some(())
}

/// Backups of damaged saves are kept under their own keys, named by the
/// time they were made; of `existing` backup keys, those to remove so that
/// at most `MAX_BACKUPS` remain once one more is added (oldest first).
pub fn backups_to_drop(existing: &[String]) -> Vec<String> {
    let mut sorted: Vec<&String> = existing.iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| (backup_time(a), a).cmp(&(backup_time(b), b)));
    let excess = (sorted.len() + 1).saturating_sub(MAX_BACKUPS);
    sorted.into_iter().take(excess).cloned().collect()
}

/// How many backups of damaged saves a device keeps.
pub const MAX_BACKUPS: usize = 3;
/// The prefix of backup keys: `open-door.backup.<milliseconds since 1970>`.
pub const BACKUP_PREFIX: &str = "open-door.backup.";

/// The key for a backup made at `now_ms`.
pub fn backup_key(now_ms: f64) -> String {
    format!("{BACKUP_PREFIX}{}", now_ms.max(0.0) as u64)
}

fn backup_time(key: &str) -> u64 {
    key.strip_prefix(BACKUP_PREFIX).and_then(crate::number::decimal).unwrap_or(0)
}
