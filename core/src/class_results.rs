//! A class's result files read together: one row per student, how each
//! question went, the class average per topic, and the questions to go
//! over again. Everything is worked out on the teacher's device.
//!
//! Only files that match their code, are for the class's quiz, are marked
//! here as on the student's device and are not a second file from the same
//! student are counted in the figures; every other file is still listed,
//! with the reason it is not counted. Of a student's files of the class's
//! quiz (the same name), the one finished first counts: a quiz
//! taken again after seeing the answers is not the class's result. One
//! quiz in files of two names counts under the name if the other file has
//! none (downloaded before the name was typed), and for neither if both
//! have one (a result left on a shared device): the teacher is told to ask.

use std::collections::BTreeMap;

use crate::content::{Bundle, Question, QuestionKind};
use crate::link::QuizLink;
use crate::quiz::{and_list, QuizSpec};
use crate::result::{
    check, clean_name, csv_file, csv_row, date_of_day, format_time, open_door_file_name, read, title_part, without_extension, QuizRef,
    ResultRecord, Verification, SAVED_BY_A_SPREADSHEET,
};
use crate::rng::fnv1a;

/// At most this many questions go into the follow-up quiz.
pub const FOLLOW_UP_MAX: usize = 5;
/// At most this many files are read at once (several classes' worth).
pub const MAX_FILES: usize = 200;

/// What the code check found for one student's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeCheck {
    Matches,
    DoesNotMatch(String),
    /// A result of another quiz than the one most of the class took.
    OtherQuiz(String),
    /// An unedited file that this device cannot mark as the student's did
    /// (see [`Verification::NotMarkedHere`]). The row keeps the score the
    /// student's device gave, which the code covers, and is not counted.
    NotMarkedHere(String),
}

impl CodeCheck {
    /// Whether the file is as its student's device wrote it, for the
    /// class's quiz: counted, or not only because this device cannot mark it.
    fn is_as_written(&self) -> bool {
        matches!(self, CodeCheck::Matches | CodeCheck::NotMarkedHere(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentRow {
    /// The file it came from, as the teacher's device names it.
    pub file: String,
    /// Cleaned: no control characters, at most 40 characters; may be empty.
    pub name: String,
    pub correct: usize,
    pub total: usize,
    /// Questions left without an answer: a timed quiz whose time ran out.
    /// Not the same as answered wrongly, which `total - correct` alone
    /// would say.
    pub unanswered: usize,
    pub seconds: u64,
    /// Whether the code covers the time (version 1 files' codes did not).
    pub time_checked: bool,
    /// When the quiz was finished (UTC, as the file writes it); files from
    /// before version 3 do not say.
    pub finished: Option<String>,
    pub check: CodeCheck,
    /// Why the row is not counted beside another: an earlier row has the
    /// same name or is the same result, or the row is the same quiz as one
    /// under another name.
    pub duplicate: Option<Duplicate>,
    /// Whether this row is in the class's figures.
    pub counted: bool,
}

impl StudentRow {
    /// Whether the score is only what the file claims: its code does not
    /// confirm it (the file was changed after the quiz, or its code cannot
    /// be checked). The table says so beside it, and the spreadsheet leaves
    /// it out, so that a teacher copying scores does not take an edited 9
    /// for a grade (the code check says why, and what the answers score
    /// where that is what differs). A result of another quiz keeps its
    /// score, the row saying which quiz it is; so does one this device
    /// cannot mark, its code covering the score the student's device gave.
    pub fn score_is_claimed(&self) -> bool {
        matches!(self.check, CodeCheck::DoesNotMatch(_))
    }
}

/// Why a row is not counted beside another row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub why: String,
    /// Whether the teacher has something to ask the class: one quiz handed
    /// in under two names, or two attempts under one name. A copy of one
    /// result (a student's JSON and CSV, an unnamed copy of a named file)
    /// asks nothing.
    pub to_ask: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionStats {
    pub id: String,
    /// The question's place in the quiz, from 1.
    pub number: usize,
    pub prompt: String,
    pub evidence: String,
    /// The text the evidence is quoted from ("the AP report from Bucharest").
    pub source: String,
    pub right: usize,
    /// The right answer in words, as a student's review gives it (the
    /// letters differ from student to student).
    pub answer: String,
    /// How many counted students were asked it.
    pub asked: usize,
    /// How many of them gave no answer (their time ran out first).
    pub unanswered: usize,
    /// What the students who answered it wrongly answered.
    pub wrong: WrongAnswers,
}

/// What the students who answered a question wrongly answered (those who
/// gave no answer are counted apart, in [`QuestionStats::unanswered`]).
/// A tie between
/// answers given once each is not named "the most chosen": the teacher
/// would take the first for the class's mistake when each student erred
/// their own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrongAnswers {
    /// No one answered it wrongly.
    None,
    /// The wrong answer given most often, in words, or the answers given
    /// equally often when more than one student gave each; and by how many
    /// students each.
    MostChosen { answers: Vec<String>, students: usize },
    /// Two or more students answered it wrongly, each in a way of their own.
    Spread { students: usize },
}

impl WrongAnswers {
    fn of(question: &Question, answers: &[&Vec<usize>]) -> WrongAnswers {
        let mut counts: BTreeMap<&Vec<usize>, usize> = BTreeMap::new();
        for answer in answers.iter().filter(|a| !question.is_correct(a)) {
            *counts.entry(answer).or_default() += 1;
        }
        let most = counts.values().copied().max().unwrap_or(0);
        match most {
            0 => WrongAnswers::None,
            1 if counts.len() > 1 => WrongAnswers::Spread { students: counts.len() },
            _ => WrongAnswers::MostChosen {
                answers: counts.iter().filter(|(_, n)| **n == most).map(|(answer, _)| wrong_answer_text(question, answer)).collect(),
                students: most,
            },
        }
    }

    /// Answers in words in one line, as the class table's CSV gives them:
    /// apart by " | ", since a choice's own words may have commas and
    /// "and" in them ("Finland and Sweden").
    pub fn in_one_line(answers: &[String]) -> String {
        answers.join(" | ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicAverage {
    pub title: String,
    pub right: usize,
    pub asked: usize,
}

impl TopicAverage {
    pub fn percent(&self) -> usize {
        crate::number::percent(self.right, self.asked)
    }
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClassResults {
    /// The quiz most of the files are for; `None` when no file could be read.
    pub quiz: Option<QuizRef>,
    /// Sorted by name (unnamed last), then by when each was finished
    /// (unknown last), then by file, the shorter name first.
    pub students: Vec<StudentRow>,
    pub unreadable: Vec<Unreadable>,
    /// Most missed first; empty when no file is counted.
    pub questions: Vec<QuestionStats>,
    /// In the bank's topic order; only topics the quiz asks about; empty
    /// when no file is counted.
    pub topics: Vec<TopicAverage>,
    /// The most-missed questions (missed by at least one student), for a follow-up quiz.
    pub follow_up: Vec<String>,
}

/// Whether two files are of one quiz taken once, whatever names they carry:
/// the same finish time (to the second), time taken and answers. Such as a
/// result downloaded before its name was typed and again after, or a result
/// left on a shared device and downloaded under the next student's name.
/// Files from before version 3 do not say when they were finished, so no
/// two of them are known to be one quiz.
/// Nor is a quiz whose time ran out (`limit_seconds`): its finish time is
/// the deadline, so two students who pressed Start in the same second and
/// gave the same answers before it (none, say) would look like one.
fn same_attempt(a: &ResultRecord, b: &ResultRecord, limit_seconds: Option<u64>) -> bool {
    a.finished.is_some()
        && a.finished == b.finished
        && a.quiz.link == b.quiz.link
        && a.seconds == b.seconds
        && a.answers == b.answers
        && limit_seconds.is_none_or(|limit| a.seconds < limit)
}

/// A student's name as files are matched by, from the name as the app
/// shows it (`clean_name`'s): in any case.
fn name_key(shown: &str) -> String {
    shown.to_lowercase()
}

/// Whether `name` is `shorter` with more words after it ("ana b" of "ana"),
/// both lowercased.
fn is_fuller_name(name: &str, shorter: &str) -> bool {
    !shorter.is_empty() && name.strip_prefix(shorter).is_some_and(|rest| rest.starts_with(' '))
}

/// A file handed in: its name, and its text or why it could not be had.
pub type HandedFile = (String, Result<String, String>);

/// Adds to `files` those of `given` it does not hold yet, and gives the
/// names of those it did: a file picked or dropped again (the same name and
/// the same text, as when the whole folder is picked after a few of its
/// files) is that one file, not a second result to flag. A file given
/// under the name of one that could not be read replaces it: the student's
/// download again, of a file that was cut short.
pub fn add_new_files(files: &mut Vec<HandedFile>, given: Vec<HandedFile>) -> Vec<String> {
    let mut already = Vec::new();
    for file in given {
        if files.contains(&file) {
            already.push(file.0);
        } else if let Some(unread) =
            files.iter_mut().find(|(name, text)| *name == file.0 && text.as_deref().map_or(true, |t| read(t).is_err()))
        {
            *unread = file;
        } else {
            files.push(file);
        }
    }
    already
}

impl ClassResults {
    /// Reads `(file name, its text or why it could not be had)` pairs.
    /// Files that cannot be read are listed with the reason; the rest are
    /// still shown.
    pub fn gather(files: &[HandedFile], bank: &Bundle) -> Self {
        let mut unreadable = Vec::new();
        let mut records: Vec<(String, ResultRecord)> = Vec::new();
        // The same file handed in again is not among them: see
        // [`add_new_files`].
        for (index, (file, text)) in files.iter().enumerate() {
            if index >= MAX_FILES {
                unreadable.push(Unreadable { file: file.clone(), reason: format!("Only {MAX_FILES} files are read at once.") });
                continue;
            }
            match text.as_deref().map_err(Clone::clone).and_then(read) {
                Ok(record) => records.push((file.clone(), record)),
                Err(reason) => unreadable.push(Unreadable { file: file.clone(), reason }),
            }
        }
        // Each file's quiz, opened once: what it asked tells the class's
        // quiz, then which files are of another.
        let mut records: Vec<(String, ResultRecord, String)> = records
            .into_iter()
            .map(|(file, record)| {
                let asked = quiz_asked(&record.quiz, bank);
                (file, record, asked)
            })
            .collect();
        let Some((quiz, class_asked)) = class_quiz(&records) else {
            return Self { unreadable, ..Self::default() };
        };
        records.sort_by_cached_key(|(file, record, _)| {
            let name = name_key(&clean_name(&record.name));
            let finished = record.finished.clone();
            // Of two files of one result, the one named as downloaded
            // counts, not a copy a computer named "… (1).json" or a student
            // renamed; of its JSON and CSV files, the JSON (which no
            // spreadsheet has saved); of two copies, the shorter name.
            let copy = !record.is_named_as_downloaded(file);
            let not_json = without_extension(file, ".json").is_none();
            (name.is_empty(), name, finished.is_none(), finished, copy, not_json, file.len(), file.clone())
        });

        let checks: Vec<CodeCheck> = records
            .iter()
            .map(|(file, record, asked)| {
                if *asked != class_asked {
                    CodeCheck::OtherQuiz(other_quiz_title(record, &quiz, bank))
                } else {
                    match check(record, bank) {
                        Verification::Matches { .. } => CodeCheck::Matches,
                        Verification::NotMarkedHere(why) => CodeCheck::NotMarkedHere(why),
                        Verification::DoesNotMatch(why) | Verification::Unreadable(why) => {
                            CodeCheck::DoesNotMatch(if without_extension(file, ".csv").is_some() {
                                format!("{why} {SAVED_BY_A_SPREADSHEET}")
                            } else {
                                why
                            })
                        }
                    }
                }
            })
            .collect();

        // Each file's name as shown, and as files are matched by.
        let names: Vec<(String, String)> = records
            .iter()
            .map(|(_, record, _)| {
                let name = clean_name(&record.name);
                let key = name_key(&name);
                (name, key)
            })
            .collect();

        let limit_seconds = QuizLink::open(&quiz.link, bank).spec().minutes.map(|minutes| u64::from(minutes) * 60);
        let mut students = Vec::new();
        let mut counted_records = Vec::new();
        let mut seen: Vec<(String, String, String, bool)> = Vec::new(); // (name key, code, file, marked here)
        for (index, (file, record, _)) in records.iter().enumerate() {
            let check = checks[index].clone();
            let (name, key) = names[index].clone();
            let code = record.code.trim().to_uppercase();
            // Other files, whose codes match, of this same quiz (see
            // [`same_attempt`]) under other names.
            let named_elsewhere: Vec<(&String, &String, &String)> = records
                .iter()
                .zip(&checks)
                .zip(&names)
                .enumerate()
                .filter(|(other, (((_, other_record, _), other_check), _))| {
                    *other != index
                        && check == CodeCheck::Matches
                        && **other_check == CodeCheck::Matches
                        && same_attempt(record, other_record, limit_seconds)
                })
                .map(|(_, (((other_file, ..), _), (other_name, other_key)))| (other_file, other_name, other_key))
                .filter(|(_, _, other_key)| !other_key.is_empty() && **other_key != key)
                .collect();
            // Whether another quiz than this one is handed in under a name.
            let another_quiz_named = |named_key: &str| {
                records.iter().zip(&checks).zip(&names).any(|(((_, other_record, _), other_check), (_, other_key))| {
                    *other_check == CodeCheck::Matches && !same_attempt(record, other_record, limit_seconds) && other_key == named_key
                })
            };
            // A student whose name a classmate's quiz also carries is asked
            // (a same-name row) to download again with more to it ("Ana",
            // then "Ana B"), and may hand in both files: the fuller name is
            // theirs. Without that classmate's quiz, a fuller name is only
            // another name (a result left on a shared tablet, downloaded by
            // "Lena M" after Lena).
            let as_asked = |shorter: &str, fuller: &str| is_fuller_name(fuller, shorter) && another_quiz_named(shorter);
            let fuller = named_elsewhere.iter().find(|(_, _, other_key)| as_asked(&key, other_key));
            // One quiz under two names otherwise is one student's: which
            // one, only the class can tell, so neither name counts it.
            let two_names = named_elsewhere.iter().find(|(_, _, other_key)| !as_asked(&key, other_key) && !as_asked(other_key, &key));
            let under_two_names = !key.is_empty() && two_names.is_some();
            let duplicate = if key.is_empty() {
                named_elsewhere.first().map(|(other_file, ..)| Duplicate {
                    why: format!("The same quiz as {other_file}, which carries a name."),
                    to_ask: false,
                })
            } else if let Some((other_file, other_name, _)) = two_names {
                Some(Duplicate {
                    why: format!("The same quiz as {other_file}, handed in under another name ({other_name}): ask whose it is."),
                    to_ask: true,
                })
            } else {
                fuller.map(|(other_file, other_name, _)| Duplicate {
                    why: format!("The same quiz as {other_file}, downloaded again as {other_name}."),
                    to_ask: false,
                })
            };
            // A copy of an earlier file (an edited one, to ask about) before
            // a file of the same name: a copy of a second Ana's file is hers.
            let duplicate = duplicate
                .or_else(|| {
                    seen.iter().find(|(_, earlier_code, ..)| *earlier_code == code).map(|(_, _, earlier_file, _)| Duplicate {
                        why: format!("The same result as {earlier_file}."),
                        to_ask: !check.is_as_written(),
                    })
                })
                .or_else(|| {
                    // That file was finished first (the rows' order): it is
                    // the one counted. A result of another quiz (the
                    // follow-up) is no second attempt at this one (found by
                    // a teacher's walk: it was said to be).
                    let attempt = !key.is_empty() && !matches!(check, CodeCheck::OtherQuiz(_));
                    seen.iter().find(|(earlier_key, ..)| attempt && *earlier_key == key).map(|(_, _, earlier_file, marked)| Duplicate {
                        why: format!(
                            "The same name as {earlier_file}, {}. If this is another student's, ask them to download it again with a surname or initial.",
                            if *marked { "counted instead" } else { "finished first (which this device cannot mark)" }
                        ),
                        to_ask: true,
                    })
                });
            let counted = check == CodeCheck::Matches && duplicate.is_none();
            // Only a file as its student's device wrote it can be the
            // original: an edited copy listed first must not make the real
            // one its duplicate. One this device cannot mark is: a later
            // attempt under its name, or its copy, is flagged as beside a
            // counted one. Nor can a quiz under two names: the student's
            // own file under that name still counts. A copy under a shorter
            // name is kept for its code only: the classmate of that name is
            // not its duplicate, but another copy of it is.
            if check.is_as_written() && !under_two_names {
                seen.push((if fuller.is_some() { String::new() } else { key }, code, file.clone(), check == CodeCheck::Matches));
            }
            if counted {
                counted_records.push(record);
            }
            students.push(StudentRow {
                file: file.clone(),
                name,
                correct: record.correct,
                total: record.total,
                unanswered: record.answers.iter().filter(|answer| answer.is_none()).count(),
                seconds: record.seconds,
                time_checked: record.time_is_covered(),
                finished: record.finished.clone(),
                check,
                duplicate,
                counted,
            });
        }

        // With no file counted there is nothing to average: "0 of 0" would
        // read as a class that got everything wrong.
        let (questions, topics) = if counted_records.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            (question_stats(&quiz, &counted_records, bank), topic_averages(&quiz, &counted_records, bank))
        };
        let follow_up = questions.iter().filter(|q| q.right < q.asked).take(FOLLOW_UP_MAX).map(|q| q.id.clone()).collect();
        Self { quiz: Some(quiz), students, unreadable, questions, topics, follow_up }
    }

    /// The table in a line, for the teacher who gave the files: how many
    /// results count, and why the others do not (each row says which).
    pub fn summary(&self) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let counted = self.students.iter().filter(|s| s.counted).count();
        let of_kind = |kind: fn(&StudentRow) -> bool| self.students.iter().filter(|s| !s.counted && kind(s)).count();
        let why_not: Vec<String> = [
            (of_kind(|s| matches!(s.check, CodeCheck::OtherQuiz(_))), "of another quiz", "of another quiz"),
            // As each row names them: a copy of one result asks nothing.
            (of_kind(|s| s.check.is_as_written() && s.duplicate.as_ref().is_some_and(|d| !d.to_ask)), "copy", "copies"),
            (of_kind(|s| s.check.is_as_written() && s.duplicate.as_ref().is_some_and(|d| d.to_ask)), "duplicate", "duplicates"),
            (of_kind(|s| matches!(s.check, CodeCheck::DoesNotMatch(_))), "whose code does not match", "whose code does not match"),
            (
                of_kind(|s| matches!(s.check, CodeCheck::NotMarkedHere(_)) && s.duplicate.is_none()),
                "this device cannot mark",
                "this device cannot mark",
            ),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        let results = count(self.students.len(), "result", "results");
        let mut text = match (counted, why_not.is_empty()) {
            (0, true) => format!("{results} read, none counted."),
            (0, false) => format!("{results} read, none counted: {}.", and_list(&why_not)),
            (_, true) => format!("{results} read: {counted} counted in the figures below."),
            (_, false) => format!("{results} read: {counted} counted in the figures below; not counted: {}.", and_list(&why_not)),
        };
        if !self.unreadable.is_empty() {
            text.push_str(&format!(" {} could not be read.", count(self.unreadable.len(), "file", "files")));
        }
        text
    }

    /// The follow-up quiz of the most-missed questions, in practice mode.
    /// Its shuffle comes from the class's quiz, so making it again from the
    /// same class gives the same link: a QR code the class already scanned
    /// still matches the one on the projector.
    pub fn follow_up_quiz(&self) -> Option<QuizSpec> {
        let class_quiz = self.quiz.as_ref().filter(|_| !self.follow_up.is_empty())?;
        let seed = fnv1a(class_quiz.link.as_bytes()) as u32;
        Some(QuizSpec::of_questions(self.follow_up.clone(), seed))
    }

    /// The follow-up quiz's title, after the class's quiz: two classes'
    /// follow-ups, and the result files handed in for them, then tell
    /// apart (one title for all, they did not).
    pub fn follow_up_title(&self) -> String {
        match self.quiz.as_ref().map(|quiz| quiz.title.trim()).filter(|title| !title.is_empty()) {
            // "Follow-up" first: a result file's name keeps a title's first
            // 24 letters, and must still say which class's follow-up it is.
            Some(title) => format!("Follow-up: {}", title.strip_prefix("Quiz on ").unwrap_or(title)),
            None => "Follow-up: the most-missed questions".into(),
        }
    }

    /// The spreadsheet's file name, `open-door-class-results-<quiz>-<yyyy-mm-dd>.csv`,
    /// the quiz's title made a file name as a result file's is: two
    /// classes' tables exported on one day stay apart when their quizzes'
    /// titles differ.
    pub fn file_name(&self, day: i64) -> String {
        let title = self.quiz.as_ref().map_or_else(String::new, |quiz| title_part(&quiz.title));
        open_door_file_name(&["class-results".into(), title, date_of_day(day)], "csv")
    }

    /// The class table and the per-question figures, for a spreadsheet.
    pub fn to_csv(&self) -> String {
        let mut rows = vec![csv_row(&[
            "name",
            "score",
            "out of",
            "not answered",
            "time",
            "seconds",
            "finished (UTC)",
            "code check",
            "duplicate",
            "counted",
            "file",
        ])];
        for s in &self.students {
            let check = match &s.check {
                CodeCheck::Matches => "matches".to_string(),
                CodeCheck::DoesNotMatch(why) => format!("does not match: {why}"),
                CodeCheck::OtherQuiz(title) => format!("other quiz: {title}"),
                CodeCheck::NotMarkedHere(why) => format!("not marked here: {why}"),
            };
            rows.push(csv_row(&[
                &s.name,
                &if s.score_is_claimed() { String::new() } else { s.correct.to_string() },
                &s.total.to_string(),
                &s.unanswered.to_string(),
                &format_time(s.seconds),
                &s.seconds.to_string(),
                s.finished.as_deref().unwrap_or(""),
                &check,
                s.duplicate.as_ref().map_or("", |d| d.why.as_str()),
                if s.counted { "yes" } else { "no" },
                &s.file,
            ]));
        }
        rows.push(String::new());
        // "chosen by" is a number in every row, so that a spreadsheet sorts
        // it: how many students gave each answer named (1 for a spread).
        rows.push(csv_row(&[
            "number",
            "question id",
            "question",
            "right answer",
            "right",
            "of",
            "not answered",
            "most chosen wrong answer",
            "chosen by (students)",
        ]));
        for q in &self.questions {
            let (wrong, by) = match &q.wrong {
                WrongAnswers::None => (String::new(), String::new()),
                WrongAnswers::MostChosen { answers, students } => (WrongAnswers::in_one_line(answers), students.to_string()),
                WrongAnswers::Spread { students } => (format!("none stood out ({students} different)"), 1.to_string()),
            };
            rows.push(csv_row(&[
                &q.number.to_string(),
                &q.id,
                &q.prompt,
                &q.answer,
                &q.right.to_string(),
                &q.asked.to_string(),
                &q.unanswered.to_string(),
                &wrong,
                &by,
            ]));
        }
        rows.push(String::new());
        rows.push(csv_row(&["topic", "class average (%)", "right", "of"]));
        for t in &self.topics {
            rows.push(csv_row(&[&t.title, &t.percent().to_string(), &t.right.to_string(), &t.asked.to_string()]));
        }
        csv_file(&rows)
    }
}

/// The quiz most files are for, and what it asked (see [`quiz_asked`]);
/// on a tie, the one that comes first.
fn class_quiz(records: &[(String, ResultRecord, String)]) -> Option<(QuizRef, String)> {
    let mut counts: Vec<(&String, &QuizRef, usize)> = Vec::new();
    for (_, record, asked) in records {
        match counts.iter_mut().find(|(other, _, _)| *other == asked) {
            Some((_, _, n)) => *n += 1,
            None => counts.push((asked, &record.quiz, 1)),
        }
    }
    let most = counts.iter().map(|(_, _, n)| *n).max()?;
    counts.into_iter().find(|(_, _, n)| *n == most).map(|(asked, quiz, _)| (quiz.clone(), asked.clone()))
}

/// What tells a file's quiz from another: its questions in their order,
/// its mode and time limit, not how each question's choices were shuffled
/// (see [`QuizSpec::unshuffled`]). A class given a link without a seed
/// took one quiz, each student shuffled their own way.
fn quiz_asked(quiz: &QuizRef, bank: &Bundle) -> String {
    QuizLink::open(&quiz.link, bank).spec().unshuffled().query()
}

/// The quiz of a file that is not the class's, by its title; under the
/// class quiz's own title (two links made under one title, or untitled on
/// the same topics), with what tells it apart.
fn other_quiz_title(record: &ResultRecord, class: &QuizRef, bank: &Bundle) -> String {
    let (theirs, ours) = (QuizLink::open(&record.quiz.link, bank), QuizLink::open(&class.link, bank));
    let title = |quiz: &QuizRef, link: &QuizLink| if quiz.title.is_empty() { link.spec().title(bank) } else { quiz.title.clone() };
    let title_of_theirs = title(&record.quiz, &theirs);
    if title_of_theirs != title(class, &ours) {
        return title_of_theirs;
    }
    let question_set = |quiz: &QuizRef| {
        let mut ids = quiz.questions.clone();
        crate::sort::sort_by(&mut ids, |a, b| a.cmp(b));
        ids
    };
    let how_theirs_runs = theirs.spec().how_it_runs();
    let apart = if how_theirs_runs != ours.spec().how_it_runs() {
        how_theirs_runs
    } else if question_set(&record.quiz) == question_set(class) {
        "the same questions in another order".to_string()
    } else {
        "other questions".to_string()
    };
    format!("{title_of_theirs} ({apart})")
}

fn question_stats(quiz: &QuizRef, records: &[&ResultRecord], bank: &Bundle) -> Vec<QuestionStats> {
    let mut stats: Vec<QuestionStats> = quiz
        .questions
        .iter()
        .enumerate()
        .filter_map(|(index, id)| {
            let question = bank.question(id)?;
            let answers: Vec<Option<&Vec<usize>>> = records.iter().map(|r| r.answers.get(index).and_then(Option::as_ref)).collect();
            let right = answers.iter().filter(|a| a.is_some_and(|a| question.is_correct(a))).count();
            let given: Vec<&Vec<usize>> = answers.iter().flatten().copied().collect();
            Some(QuestionStats {
                id: id.clone(),
                number: index + 1,
                prompt: question.prompt.clone(),
                evidence: question.evidence.clone(),
                source: bank.article(&question.article).map_or_else(String::new, |a| a.label.clone()),
                right,
                answer: question.right_answer_text(),
                asked: records.len(),
                unanswered: records.len() - given.len(),
                wrong: WrongAnswers::of(question, &given),
            })
        })
        .collect();
    stats.sort_by_key(|q| (q.asked - q.right, std::cmp::Reverse(q.number)));
    stats.reverse();
    stats
}

/// A wrong answer in words. A tick-all question's also says what it left
/// out and which ticks are not right: its ticks alone may all be right
/// ones ("“a” alone (missing “b”)"), which a teacher would read as a right
/// choice being the class's mistake. Its choices are quoted, so each one's
/// end is plain however long they are, and listed as a sentence lists
/// them, so that the "; " between what is wrong with it is the only one.
fn wrong_answer_text(question: &Question, answer: &[usize]) -> String {
    if question.kind != QuestionKind::Multiple {
        return question.choice_text(answer);
    }
    let quoted = |indices: &[usize]| {
        and_list(&indices.iter().filter_map(|&i| question.choices.get(i)).map(|choice| format!("“{choice}”")).collect::<Vec<_>>())
    };
    let right = question.correct_indices();
    let missing: Vec<usize> = right.iter().copied().filter(|i| !answer.contains(i)).collect();
    let not_right: Vec<usize> = answer.iter().copied().filter(|i| !right.contains(i)).collect();
    let mut ticked = match answer {
        [] => "nothing ticked".to_string(),
        [only] => format!("{} alone", quoted(&[*only])),
        _ => quoted(answer),
    };
    let mut faults = Vec::new();
    if !missing.is_empty() {
        faults.push(format!("missing {}", quoted(&missing)));
    }
    // Every tick wrong: said of them all, rather than naming them again.
    if !answer.is_empty() && not_right.len() == answer.len() {
        ticked.push_str(if answer.len() == 1 { ", which is not right" } else { ", none of them right" });
    } else if !not_right.is_empty() {
        let verb = if not_right.len() == 1 { "is" } else { "are" };
        faults.push(format!("{} {verb} not right", quoted(&not_right)));
    }
    format!("{ticked} ({})", faults.join("; "))
}

fn topic_averages(quiz: &QuizRef, records: &[&ResultRecord], bank: &Bundle) -> Vec<TopicAverage> {
    bank.topics
        .iter()
        .filter_map(|topic| {
            let indices: Vec<usize> = (0..quiz.questions.len())
                .filter(|&i| bank.question(&quiz.questions[i]).is_some_and(|q| q.topics.contains(&topic.id)))
                .collect();
            if indices.is_empty() {
                return None;
            }
            let right = records
                .iter()
                .map(|r| {
                    indices
                        .iter()
                        .filter(|&&i| {
                            let question = bank.question(&quiz.questions[i]);
                            r.answers.get(i).and_then(Option::as_ref).is_some_and(|a| question.is_some_and(|q| q.is_correct(a)))
                        })
                        .count()
                })
                .sum();
            Some(TopicAverage { title: topic.title.clone(), right, asked: indices.len() * records.len() })
        })
        .collect()
}
