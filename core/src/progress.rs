//! Progress kept on the device: a versioned schema, read tolerantly.
//!
//! Saved data outlives builds, and a student's history must not vanish
//! because one part of it is damaged. So [`load`] reads each part on its
//! own, keeps every part that still reads, and says what it reset; the UI
//! keeps a backup of anything it could not read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::quiz::QuizSession;

pub const SCHEMA_VERSION: u64 = 1;

/// Days until a missed question comes back, by Leitner box (1 to 5). A right
/// answer moves it up a box; a wrong one sends it back to box 1; a right
/// answer in the last box retires it from review.
pub const REVIEW_INTERVALS_DAYS: [i64; 5] = [1, 2, 4, 8, 16];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u64,
    /// Per question id.
    pub questions: BTreeMap<String, QuestionRecord>,
    /// Best score per topic id, in percent.
    pub best_by_topic: BTreeMap<String, u8>,
    /// The quiz being played, so it resumes after a reload or a closed tab.
    pub in_progress: Option<QuizSession>,
}

impl Default for Progress {
    fn default() -> Self {
        Self { version: SCHEMA_VERSION, questions: BTreeMap::new(), best_by_topic: BTreeMap::new(), in_progress: None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionRecord {
    pub seen: u32,
    pub correct: u32,
    /// Set once the question was missed, until it is retired from review.
    pub review: Option<Review>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Leitner box, 1 to 5.
    pub review_box: u8,
    /// Day number (days since 1970-01-01) on which it is due.
    pub due_day: i64,
}

impl Progress {
    /// Records one scored answer, on day `today`.
    pub fn record_answer(&mut self, question_id: &str, correct: bool, today: i64) {
        let record = self
            .questions
            .entry(question_id.to_string())
            .or_insert(QuestionRecord { seen: 0, correct: 0, review: None });
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

    /// Question ids due for review on `today`, most overdue first.
    pub fn due(&self, today: i64) -> Vec<String> {
        let mut due: Vec<(i64, &String)> = self
            .questions
            .iter()
            .filter_map(|(id, r)| r.review.filter(|rv| rv.due_day <= today).map(|rv| (rv.due_day, id)))
            .collect();
        due.sort();
        due.into_iter().map(|(_, id)| id.clone()).collect()
    }

    /// Keeps the best percentage per topic.
    pub fn record_best(&mut self, topic: &str, percent: u8) {
        let best = self.best_by_topic.entry(topic.to_string()).or_insert(0);
        *best = (*best).max(percent.min(100));
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

/// Reads saved progress; never fails.
pub fn load(raw: Option<&str>) -> Loaded {
    let mut loaded = Loaded { progress: Progress::default(), notices: Vec::new(), keep_backup: false, writable: true };
    let Some(raw) = raw else { return loaded };
    let object = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(object)) => object,
        _ => {
            loaded.notices.push("Your saved progress was damaged and could not be read, so it was reset. A copy of it was kept on this device.".into());
            loaded.keep_backup = true;
            return loaded;
        }
    };
    match object.get("version").and_then(Value::as_u64) {
        Some(SCHEMA_VERSION) => {}
        Some(newer) if newer > SCHEMA_VERSION => {
            loaded.notices.push("Your saved progress comes from a newer version of Open Door. It is left untouched, and what you do now will not be saved; reload to get the new version.".into());
            loaded.writable = false;
            return loaded;
        }
        _ => {
            loaded.notices.push("Your saved progress has no version this app knows, so it was reset. A copy of it was kept on this device.".into());
            loaded.keep_backup = true;
            return loaded;
        }
    }

    let mut dropped = 0;
    if let Some(Value::Object(records)) = object.get("questions") {
        for (id, value) in records {
            match serde_json::from_value::<QuestionRecord>(value.clone()) {
                Ok(record) => {
                    loaded.progress.questions.insert(id.clone(), record);
                }
                Err(_) => dropped += 1,
            }
        }
    } else if object.contains_key("questions") {
        loaded.notices.push("Your answer history could not be read and was reset.".into());
        loaded.keep_backup = true;
    }
    if dropped > 0 {
        loaded.notices.push(format!(
            "{dropped} damaged {} in your answer history {} dropped; the rest was kept.",
            if dropped == 1 { "entry" } else { "entries" },
            if dropped == 1 { "was" } else { "were" }
        ));
        loaded.keep_backup = true;
    }

    if let Some(Value::Object(best)) = object.get("best_by_topic") {
        for (topic, value) in best {
            if let Some(percent) = value.as_u64().filter(|p| *p <= 100) {
                loaded.progress.best_by_topic.insert(topic.clone(), percent as u8);
            }
        }
    }

    match object.get("in_progress") {
        None | Some(Value::Null) => {}
        Some(value) => match serde_json::from_value::<QuizSession>(value.clone()) {
            Ok(session) if session.responses.len() == session.items.len() => {
                loaded.progress.in_progress = Some(session);
            }
            _ => {
                loaded.notices.push("Your unfinished quiz could not be restored; your answer history was kept.".into());
                loaded.keep_backup = true;
            }
        },
    }
    loaded
}

/// The string to save.
pub fn save(progress: &Progress) -> String {
    serde_json::to_string(progress).unwrap_or_else(|_| String::from("{}"))
}
