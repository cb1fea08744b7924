//! A finished quiz as a file a student can hand in, with a short code that
//! lets the teacher check, offline, that the file was not edited.
//!
//! What the code does and does not protect against is said on the Classroom
//! page: it catches a changed score or changed answers in the file; it
//! cannot stop a student who knows how the code is made from making a
//! matching one, since everything runs on the student's own device.

use serde::{Deserialize, Serialize};

use crate::content::{Bundle, QuestionKind};
use crate::link::QuizLink;
use crate::quiz::{QuizSession, QuizSpec, Selection};
use crate::rng::fnv1a;

pub const RESULT_FORMAT: &str = "open-door-result";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultRecord {
    pub format: String,
    /// The quiz, as the query of its share link (questions listed by id).
    pub quiz: String,
    /// Per question, the answer as indices into its choices (null: none).
    pub answers: Vec<Option<Vec<usize>>>,
    pub correct: usize,
    pub total: usize,
    pub seconds: u64,
    pub code: String,
}

impl ResultRecord {
    pub fn from_session(session: &QuizSession, bank: &Bundle) -> Self {
        let spec = QuizSpec {
            selection: Selection::Ids(session.items.iter().map(|i| i.question_id.clone()).collect()),
            ..session.spec.clone()
        };
        let quiz = spec.query();
        let score = session.score(bank);
        let seconds = session.elapsed_seconds(session.started_at_ms);
        let code = verification_code(&quiz, &session.responses, score.correct);
        Self {
            format: RESULT_FORMAT.into(),
            quiz,
            answers: session.responses.clone(),
            correct: score.correct,
            total: score.total,
            seconds,
            code,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// One row per question, for a spreadsheet.
    pub fn to_csv(&self, bank: &Bundle) -> String {
        let mut rows = vec![
            format!("# Open Door result,{} of {},code {},quiz {}", self.correct, self.total, self.code, csv_field(&self.quiz)),
            "number,question id,question,your answer,right answer,correct".to_string(),
        ];
        let link = QuizLink::open(&self.quiz, bank);
        for (number, (item, answer)) in link.items().iter().zip(&self.answers).enumerate() {
            let Some(question) = bank.question(&item.question_id) else { continue };
            let id = &item.question_id;
            let join = |indices: &[usize]| {
                let sep = if question.kind == QuestionKind::Order { " > " } else { "; " };
                indices.iter().filter_map(|&i| question.choices.get(i).map(String::as_str)).collect::<Vec<_>>().join(sep)
            };
            let given = answer.as_deref().map(join).unwrap_or_default();
            let right = join(&question.correct_indices());
            let correct = answer.as_deref().is_some_and(|a| question.is_correct(a));
            rows.push(
                [(number + 1).to_string(), id.clone(), question.prompt.clone(), given, right, if correct { "yes" } else { "no" }.into()]
                    .iter()
                    .map(|f| csv_field(f))
                    .collect::<Vec<_>>()
                    .join(","),
            );
        }
        rows.join("\n") + "\n"
    }
}

/// `ABCD-EFGH`: 40 bits of FNV-1a over the quiz, the answers and the score,
/// in letters and digits that cannot be mistaken for each other.
pub fn verification_code(quiz: &str, answers: &[Option<Vec<usize>>], correct: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let answers: Vec<String> = answers
        .iter()
        .map(|a| a.as_ref().map_or("-".into(), |a| a.iter().map(usize::to_string).collect::<Vec<_>>().join(".")))
        .collect();
    let mut hash = fnv1a(format!("open-door-result/1|{quiz}|{}|{correct}", answers.join(",")).as_bytes());
    let mut code = String::new();
    for i in 0..8 {
        if i == 4 {
            code.push('-');
        }
        code.push(ALPHABET[(hash & 31) as usize] as char);
        hash >>= 5;
    }
    code
}

/// What the teacher's check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Code, answers and score agree: the score is `correct` of `total`.
    Matches { correct: usize, total: usize },
    /// Something was changed after the quiz ended.
    DoesNotMatch(String),
    /// Not a result file this app can read.
    Unreadable(String),
}

/// Checks a result file offline: recomputes the score from the answers and
/// the code from everything, and compares.
pub fn verify(text: &str, bank: &Bundle) -> Verification {
    if text.len() > 200_000 {
        return Verification::Unreadable("This file is far larger than any result file.".into());
    }
    let record: ResultRecord = match serde_json::from_str(text) {
        Ok(record) => record,
        Err(e) => return Verification::Unreadable(format!("This is not an Open Door result file: {e}.")),
    };
    if record.format != RESULT_FORMAT {
        return Verification::Unreadable(format!("The `format` field must be \"{RESULT_FORMAT}\"."));
    }
    let link = QuizLink::open(&record.quiz, bank);
    let items = link.items();
    if !link.notices().is_empty() || items.len() != record.answers.len() {
        return Verification::DoesNotMatch("The quiz in the file does not match its answers or this app's questions.".into());
    }
    let correct = items
        .iter()
        .zip(&record.answers)
        .filter(|(item, answer)| {
            answer.as_deref().is_some_and(|a| bank.question(&item.question_id).is_some_and(|q| q.is_correct(a)))
        })
        .count();
    if correct != record.correct || items.len() != record.total {
        return Verification::DoesNotMatch(format!(
            "The file claims {} of {}, but its answers score {correct} of {}.",
            record.correct,
            record.total,
            items.len()
        ));
    }
    if verification_code(&record.quiz, &record.answers, correct) != record.code.trim().to_uppercase() {
        return Verification::DoesNotMatch("The code does not match the quiz and the answers in the file.".into());
    }
    Verification::Matches { correct, total: items.len() }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
