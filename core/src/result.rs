//! A finished quiz as a file a student hands in (JSON, or CSV for a
//! spreadsheet), with a short code that lets the teacher check, offline,
//! that nothing shown in the file was edited.
//!
//! What the code does and does not protect against is said on the Classroom
//! page: it catches a changed name, score, time or answer; it cannot stop a
//! student who knows how the code is made from making a matching one, since
//! everything runs on the student's own device.
//!
//! Versions: version 3 (written since a class's files are told apart by
//! when each was finished) carries the name, the quiz's title, link and
//! question ids, the time taken and the moment the quiz was finished, and
//! its code covers all of them. Version 2 files are the same without the
//! finish time, and are checked by their own rule. Version 1 files (JSON
//! only: no name, no title, no `version` field) are still read and checked
//! by version 1's rule, whose code covers the quiz, the answers and the
//! score but not the time: the checker says so.
//! Version 1 CSV files carried only the answers' words, so they cannot be
//! checked; the checker asks for the JSON file instead.

use serde::{Deserialize, Serialize};

use crate::content::Bundle;
use crate::link::{LinkLabels, QuizLink};
use crate::number::decimal;
use crate::quiz::{QuizSession, QuizSpec, Selection};
use crate::rng::{fnv1a, short_code};

pub const RESULT_FORMAT: &str = "open-door-result";
/// The version this app writes.
pub const RESULT_VERSION: u32 = 3;
/// No result file comes near this: 500 questions with long names stay far below.
pub const MAX_RESULT_BYTES: usize = 1_000_000;
/// A name or nickname is cut to this many characters.
pub const MAX_NAME_CHARS: usize = 40;

const CSV_TITLE: &str = "Open Door result";
const CSV_HEADER: &str = "number,question id,question,your answer,right answer,correct,choices given";

/// Which quiz a result is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizRef {
    /// What the quiz is about, as the app named it ("Article 5: what it promises").
    pub title: String,
    /// The query of the quiz's link (questions listed by id, seed, mode).
    pub link: String,
    /// The questions, in quiz order.
    pub questions: Vec<String>,
}

impl QuizRef {
    /// The quiz's link as the class was given it, as near as a result
    /// tells: with the ticked topics or sources its title names, or under
    /// the teacher's title, where the result's title is not the one the
    /// quiz has without them, so that it opens (and a student who missed
    /// the lesson hands it in) under the title the class knows. A result
    /// does not name a pack: the link opens a pack's quiz on a device that
    /// has the pack.
    pub fn class_link(&self, bank: &Bundle) -> QuizLink {
        let link = QuizLink::open(&self.link, bank);
        if self.title.is_empty() || self.title == link.spec().title(bank) {
            return link;
        }
        // The topics and sources the title names, in its order: the link
        // is the class's if they name it so.
        let mut named: Vec<(usize, &str)> = bank
            .topics
            .iter()
            .map(|t| (t.title.as_str(), t.id.as_str()))
            .chain(bank.articles.iter().map(|a| (a.label.as_str(), a.id.as_str())))
            .filter_map(|(name, id)| self.title.find(name).map(|at| (at, id)))
            .collect();
        crate::sort::sort_by(&mut named, |a, b| a.cmp(b));
        let about: Vec<&str> = named.into_iter().map(|(_, id)| id).collect();
        let ticked = link.with_labels(LinkLabels { about: Some(about.join(",")), ..LinkLabels::default() }, bank);
        if ticked.title(bank) == self.title {
            return ticked;
        }
        link.with_labels(LinkLabels { title: Some(self.title.clone()), ..LinkLabels::default() }, bank)
    }
}

/// A result as the student's device wrote it (version 2), or as read from
/// a version 1 file (then `name` and `quiz.title` are empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultRecord {
    pub format: String,
    pub version: u32,
    /// The student's name or nickname, as they typed it (cleaned); may be empty.
    pub name: String,
    pub quiz: QuizRef,
    /// Per question, the answer as indices into its choices (null: none).
    pub answers: Vec<Option<Vec<usize>>>,
    pub correct: usize,
    pub total: usize,
    pub seconds: u64,
    /// When the quiz was finished, in UTC ("2026-11-25T10:42:05Z"): version
    /// 3 on, where the code covers it (reading an older file that has one
    /// refuses it). The class table counts a student's first finished file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<String>,
    pub code: String,
}

/// The version 1 JSON file, read only.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordV1 {
    format: String,
    quiz: String,
    answers: Vec<Option<Vec<usize>>>,
    correct: usize,
    total: usize,
    seconds: u64,
    code: String,
}

impl ResultRecord {
    /// The result of a finished session, under the name the student gave,
    /// titled as the teacher titled the quiz's link, or by what the quiz is
    /// about.
    pub fn from_session(session: &QuizSession, bank: &Bundle, name: &str) -> Self {
        let questions: Vec<String> = session.items.iter().map(|i| i.question_id.clone()).collect();
        let link = QuizSpec { selection: Selection::Ids(questions.clone()), ..session.spec.clone() }.query();
        let score = session.score(bank);
        let seconds = session.elapsed_seconds(session.started_at_ms);
        let mut record = Self {
            format: RESULT_FORMAT.into(),
            version: RESULT_VERSION,
            name: clean_name(name),
            quiz: QuizRef { title: session.title(bank), link, questions },
            answers: session.responses.clone(),
            correct: score.correct,
            total: score.total,
            seconds,
            finished: session.finished_at_ms.map(utc_time),
            code: String::new(),
        };
        record.code = record.expected_code();
        record
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A spreadsheet of the result, one row per question, that the
    /// Classroom page reads back: the fields above the table are the same
    /// as the JSON file's, and `choices given` keeps each answer exactly:
    /// its choices' numbers apart by spaces, which a spreadsheet that saves
    /// the file keeps as they are (the code's "1.0" came back from one as
    /// the number 1, and an honest file no longer matched its code).
    pub fn to_csv(&self, bank: &Bundle) -> String {
        let mut rows = vec![
            csv_row(&[CSV_TITLE, &format!("version {}", self.version)]),
            csv_row(&["name", &self.name]),
            csv_row(&["quiz", &self.quiz.title]),
            csv_row(&["link", &self.quiz.link]),
            csv_row(&["score", &format!("{} of {}", self.correct, self.total)]),
            csv_row(&["seconds", &self.seconds.to_string()]),
        ];
        if let Some(finished) = &self.finished {
            rows.push(csv_row(&["finished", finished]));
        }
        rows.extend([csv_row(&["code", &self.code]), String::new(), CSV_HEADER.to_string()]);
        for (number, (id, answer)) in self.quiz.questions.iter().zip(&self.answers).enumerate() {
            let question = bank.question(id);
            let prompt = question.map_or("", |q| q.prompt.as_str());
            let given = match (question, answer) {
                (Some(q), Some(a)) => q.choice_text(a),
                _ => String::new(),
            };
            let right = question.map(|q| q.right_answer_text()).unwrap_or_default();
            let correct = answer.as_deref().is_some_and(|a| question.is_some_and(|q| q.is_correct(a)));
            rows.push(csv_row(&[
                &(number + 1).to_string(),
                id,
                prompt,
                &given,
                &right,
                if correct { "yes" } else { "no" },
                &answer_key(answer).replace('.', " "),
            ]));
        }
        csv_file(&rows)
    }

    /// `open-door-<name>-<quiz>-<yyyy-mm-dd>-<code>.json` (or `.csv`): only
    /// letters and digits of the name and the title, by whole words (the
    /// title's first words, each with a capital: "Quiz on Ukraine's road to
    /// NATO, Finland and Sweden" gives "UkrainesRoadToNATO", a teacher's
    /// "9B: Article 5 check" "9BArticle5Check"), so any name
    /// makes a safe file name that a teacher can still read in a folder of
    /// thirty; a result with no name leaves that part out. The code keeps
    /// two students' files apart in one folder, where students who left the
    /// name empty, or share one, would otherwise overwrite each other.
    pub fn file_name(&self, day: i64, extension: &str) -> String {
        let parts = [file_name_part(&self.name, false), title_part(&self.quiz.title), date_of_day(day), self.code.clone()];
        open_door_file_name(&parts, extension)
    }

    /// Whether `file` is the name this result was downloaded under
    /// ([`Self::file_name`], on whichever day): not a copy that a computer
    /// renamed ("… (1).json") or a student did ("Maria.json").
    pub fn is_named_as_downloaded(&self, file: &str) -> bool {
        let stem = without_extension(file, ".json").or_else(|| without_extension(file, ".csv"));
        stem.is_some_and(|stem| stem.starts_with("open-door-") && stem.ends_with(&format!("-{}", self.code)))
    }

    /// The code this record's fields call for, by its version's rule.
    pub fn expected_code(&self) -> String {
        let answers: Vec<String> = self.answers.iter().map(answer_key).collect();
        let answers = answers.join(",");
        let text = if self.version == 1 {
            format!("open-door-result/1|{}|{answers}|{}", self.quiz.link, self.correct)
        } else {
            // Every field the file shows, each length-prefixed so no field
            // can borrow characters from the next.
            let mut fields = vec![
                self.name.clone(),
                self.quiz.title.clone(),
                self.quiz.link.clone(),
                self.quiz.questions.join(","),
                answers,
                self.correct.to_string(),
                self.total.to_string(),
                self.seconds.to_string(),
            ];
            if self.version >= 3 {
                fields.push(self.finished.clone().unwrap_or_default());
            }
            let body: String = fields.iter().map(|f| format!("{}:{f}|", f.len())).collect();
            format!("open-door-result/{}|{body}", self.version)
        };
        code_of(fnv1a(text.as_bytes()))
    }

    /// Whether the code covers the time taken (version 1's did not).
    pub fn time_is_covered(&self) -> bool {
        self.version >= 2
    }
}

/// A moment as a result file writes it: `2026-11-25T10:42:05Z` (UTC), so
/// that two files' times sort as text.
pub fn utc_time(ms: f64) -> String {
    let seconds = (ms / 1000.0).floor() as i64;
    let (day, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    format!("{}T{:02}:{:02}:{:02}Z", date_of_day(day), second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60)
}

/// Whether `text` is written as [`utc_time`] writes a moment.
fn is_utc_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 20
        && bytes.iter().enumerate().all(|(at, &b)| match at {
            4 | 7 => b == b'-',
            10 => b == b'T',
            13 | 16 => b == b':',
            19 => b == b'Z',
            _ => b.is_ascii_digit(),
        })
}

/// A version 3 record has a finish time written as [`utc_time`] writes it;
/// an older one has none.
fn with_finish_time_checked(record: ResultRecord) -> Result<ResultRecord, String> {
    match (&record.finished, record.version >= 3) {
        (None, false) => Ok(record),
        (Some(finished), true) if is_utc_time(finished) => Ok(record),
        (None, true) => Err("This result file has lost the time its quiz was finished, so it cannot be checked.".into()),
        (Some(finished), _) => Err(format!("This result file has been changed: \"{finished}\" is not a finish time Open Door writes.")),
    }
}

/// `ABCD-EFGH`: 40 bits of a hash, in letters and digits that cannot be
/// mistaken for each other.
fn code_of(hash: u64) -> String {
    let code = short_code(hash, 8);
    format!("{}-{}", &code[..4], &code[4..])
}

/// An answer as the code and the CSV write it: `0.2`, or `-` for none.
fn answer_key(answer: &Option<Vec<usize>>) -> String {
    answer.as_ref().map_or("-".into(), |a| a.iter().map(usize::to_string).collect::<Vec<_>>().join("."))
}

/// An answer as [`answer_key`] writes it, or as the CSV does (spaces for
/// its dots).
fn parse_answer_key(text: &str) -> Option<Option<Vec<usize>>> {
    match text.trim() {
        "-" | "" => Some(None),
        key => key
            .split(|c: char| c == '.' || c.is_whitespace())
            .filter(|choice| !choice.is_empty())
            .map(|choice| usize::try_from(decimal(choice)?).ok())
            .collect::<Option<Vec<usize>>>()
            .map(Some),
    }
}

/// `file`'s name without `extension` (".json"), if it ends with it in any
/// case: a computer or a student may have changed the ending's case.
pub fn without_extension<'a>(file: &'a str, extension: &str) -> Option<&'a str> {
    let cut = file.len().checked_sub(extension.len())?;
    (file.is_char_boundary(cut) && file[cut..].eq_ignore_ascii_case(extension)).then(|| &file[..cut])
}

/// A name as the app keeps and shows it: no control or direction-changing
/// characters, spaces collapsed, at most [`MAX_NAME_CHARS`] characters.
/// Markup is kept as the literal text it is: the app only ever shows a name
/// as text, never as HTML.
pub fn clean_name(name: &str) -> String {
    let visible: String = name.chars().map(|c| if c.is_control() || is_invisible_format(c) { ' ' } else { c }).collect();
    let bounded: String = visible.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_NAME_CHARS).collect();
    // The cut can end on a space, which a spreadsheet would not keep.
    bounded.trim_end().to_string()
}

/// The name each result on this device was handed in under, so that a
/// result opened again (its student back for the file after the next
/// student typed theirs) still carries its own. Kept as lines of
/// "result\tname" (see [`crate::progress::result_key`]), for the results
/// still kept and no others.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HandInNames(Vec<(String, String)>);

impl HandInNames {
    /// What [`write`](Self::write) wrote; a line that is not a result and
    /// a name is left out.
    pub fn read(text: &str) -> Self {
        Self(
            text.lines()
                .filter_map(|line| line.split_once('\t'))
                .map(|(result, name)| (result.to_string(), clean_name(name)))
                .filter(|(_, name)| !name.is_empty())
                .collect(),
        )
    }

    pub fn of(&self, result: &str) -> Option<&str> {
        self.0.iter().find(|(kept, _)| kept == result).map(|(_, name)| name.as_str())
    }

    /// Gives `result` the name `name` (none, if it is empty once cleaned),
    /// and forgets the names of results no longer among `kept`: a result
    /// taken again, or dropped to make room, takes its student's name with
    /// it. A count of names alone let a group's retakes push out the name
    /// of a result still kept.
    pub fn set(&mut self, result: &str, name: &str, kept: &[String]) {
        self.0.retain(|(named, _)| named != result && kept.contains(named));
        let name = clean_name(name);
        if !name.is_empty() {
            self.0.push((result.to_string(), name));
        }
    }

    pub fn write(&self) -> String {
        self.0.iter().map(|(result, name)| format!("{result}\t{name}\n")).collect()
    }
}

/// A result's file as saved: its file name and the name it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedFile {
    /// The result it is of (see [`crate::progress::result_key`]).
    pub result: String,
    pub file_name: String,
    /// The name in the file, cleaned ("" for none).
    pub name: String,
}

impl SavedFile {
    /// Whether the file carries the name now typed (as the result would
    /// carry it, cleaned): if not, it has the old name, or none, and
    /// another code than the one shown.
    pub fn carries(&self, typed: &str) -> bool {
        clean_name(typed) == self.name
    }
}

/// The file last saved of each result, so that what the hand-in said of
/// it, that it has no name or an old one, is still said after a reload or
/// after reading the evidence and coming Back (found by a student's walk:
/// the words went, and the file without a name was the one handed in).
/// Kept as lines of "result\tfile name\tname", for the results still
/// kept and no others, as [`HandInNames`] is.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SavedFiles(Vec<SavedFile>);

impl SavedFiles {
    /// What [`write`](Self::write) wrote; a line that is not a result, a
    /// file name and a name is left out.
    pub fn read(text: &str) -> Self {
        Self(
            text.lines()
                .filter_map(|line| {
                    let mut fields = line.splitn(3, '\t');
                    let (result, file_name, name) = (fields.next()?, fields.next()?, fields.next()?);
                    (!file_name.is_empty()).then(|| SavedFile {
                        result: result.to_string(),
                        file_name: file_name.to_string(),
                        name: clean_name(name),
                    })
                })
                .collect(),
        )
    }

    pub fn of(&self, result: &str) -> Option<&SavedFile> {
        self.0.iter().find(|file| file.result == result)
    }

    /// Keeps `file` as its result's last, and forgets the files of results
    /// no longer among `kept`.
    pub fn set(&mut self, file: SavedFile, kept: &[String]) {
        self.forget(&file.result);
        self.0.retain(|saved| kept.contains(&saved.result));
        self.0.push(file);
    }

    /// Forgets the file of `result`: its student has handed the device on,
    /// and the next one's page must not say what theirs was called.
    pub fn forget(&mut self, result: &str) {
        self.0.retain(|saved| saved.result != result);
    }

    pub fn write(&self) -> String {
        self.0.iter().map(|file| format!("{}\t{}\t{}\n", file.result, file.file_name, file.name)).collect()
    }
}

/// Bidirectional overrides and zero-width characters, which could make a
/// name look like another in the class table.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// `open-door-<parts>.<extension>`, the parts joined by "-", the empty
/// ones left out.
pub(crate) fn open_door_file_name(parts: &[String], extension: &str) -> String {
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
    format!("open-door-{}.{extension}", parts.join("-"))
}

/// A quiz's title as part of a file name, without the "Quiz on " that
/// every topic quiz's title starts with.
pub(crate) fn title_part(title: &str) -> String {
    file_name_part(title.strip_prefix("Quiz on ").unwrap_or(title), true)
}

/// Letters and digits only, words run together ("Article 5" -> "Article5";
/// each starting with a capital if `capitalised`), as many whole words as
/// fit in 24 characters; a first word longer than that is cut. An
/// apostrophe does not end a word ("O'Neil" -> "ONeil").
fn file_name_part(text: &str, capitalised: bool) -> String {
    const MAX_CHARS: usize = 24;
    let mut part = String::new();
    let mut length = 0;
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let mut letters = word.chars().filter(|c| c.is_alphanumeric());
        let Some(first) = letters.next() else { continue };
        let word: String =
            if capitalised { first.to_uppercase().chain(letters).collect() } else { std::iter::once(first).chain(letters).collect() };
        let word_length = word.chars().count();
        if length + word_length > MAX_CHARS {
            if length == 0 {
                part = word.chars().take(MAX_CHARS).collect();
            }
            break;
        }
        part.push_str(&word);
        length += word_length;
    }
    part
}

/// `yyyy-mm-dd` of a day counted from 1970-01-01 (the civil calendar).
pub fn date_of_day(day: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// "45 s" under a minute, "1 min 05 s" from one minute, "2 h 05 min"
/// from an hour and "7 days 3 h" from a day on: an untimed quiz left and
/// finished in a later lesson counts the days between, and "10091 min"
/// told no one that.
pub fn format_time(seconds: u64) -> String {
    let (minutes, hours, days) = (seconds / 60, seconds / 3_600, seconds / 86_400);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds} s"),
        (0, 0, _) => format!("{minutes} min {:02} s", seconds % 60),
        (0, _, _) => format!("{hours} h {:02} min", minutes % 60),
        (1, _, _) => format!("1 day {} h", hours % 24),
        _ => format!("{days} days {} h", hours % 24),
    }
}

/// What the teacher's check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Code, answers and score agree: the score is `correct` of `total`.
    Matches { correct: usize, total: usize },
    /// Something was changed after the quiz ended.
    DoesNotMatch(String),
    /// The file is as the student's device wrote it (its code matches), but
    /// this device cannot mark it as that one did: its quiz's questions are
    /// not all here (a pack not added), or have changed here since (a pack
    /// corrected after the quiz, or a newer Open Door) and mark its answers
    /// otherwise. Says which, and what to do.
    NotMarkedHere(String),
    /// Not a result file this app can read.
    Unreadable(String),
}

/// A result file read, before its check: either the record or why it
/// cannot be read, in plain words.
pub fn read(text: &str) -> Result<ResultRecord, String> {
    if let Some(why) = size_problem(text.len()) {
        return Err(why);
    }
    // Spreadsheets and some editors add a byte-order mark or blank lines.
    let text = text.trim_start_matches(|c: char| c == '\u{FEFF}' || c.is_whitespace()).trim_end();
    if text.is_empty() {
        // What a download cut short, or a save that never happened, leaves.
        Err("This file is empty: its download may have been cut short. Ask the student to download the result again.".into())
    } else if text.starts_with('{') {
        read_json(text)
    } else if text.starts_with(CSV_TITLE) {
        read_csv(text)
    } else if text.starts_with(&format!("# {CSV_TITLE}")) {
        Err("This is a spreadsheet file from an older version of Open Door, which cannot be checked. Ask for the JSON file instead.".into())
    } else {
        Err("This is not an Open Door result file.".into())
    }
}

const MADE_BY_A_NEWER_VERSION: &str = "This result file was made by a newer version of Open Door. Reload this page to update it.";

/// Said of a result's CSV file that cannot be read or checked: opened and
/// saved in a spreadsheet, it may come back changed (its times, say), with
/// nothing changed by the student.
pub const SAVED_BY_A_SPREADSHEET: &str = "A spreadsheet that saved this file may have changed it: ask for the student's JSON file instead.";

/// Why a file of this size is not read (checked before reading it, too).
pub fn size_problem(bytes: usize) -> Option<String> {
    (bytes > MAX_RESULT_BYTES).then(|| format!("This file is {} KB; a result file is far smaller (at most 1 MB).", bytes / 1000))
}

fn read_json(text: &str) -> Result<ResultRecord, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| "This file is not complete or not valid JSON, so it cannot be read.".to_string())?;
    if value.get("format").and_then(|f| f.as_str()) != Some(RESULT_FORMAT) {
        return Err("This JSON file is not an Open Door result file.".into());
    }
    let damaged = |e: serde_json::Error| {
        let what = e.to_string().replace('`', "\"");
        format!("This result file has been changed so that it cannot be read ({what}).")
    };
    match value.get("version").map(|v| v.as_u64()) {
        None => {
            let v1: RecordV1 = serde_json::from_value(value).map_err(damaged)?;
            let questions = link_ids(&v1.quiz);
            Ok(ResultRecord {
                format: v1.format,
                version: 1,
                name: String::new(),
                quiz: QuizRef { title: String::new(), link: v1.quiz, questions },
                answers: v1.answers,
                correct: v1.correct,
                total: v1.total,
                seconds: v1.seconds,
                finished: None,
                code: v1.code,
            })
        }
        Some(Some(2 | 3)) => with_finish_time_checked(serde_json::from_value(value).map_err(damaged)?),
        Some(Some(v)) if v > u64::from(RESULT_VERSION) => Err(MADE_BY_A_NEWER_VERSION.into()),
        Some(_) => Err("This result file's version is not one Open Door ever wrote.".into()),
    }
}

/// The ids a link lists, without the question bank (a version 1 file
/// names its questions only in its link).
fn link_ids(link: &str) -> Vec<String> {
    link.trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("ids="))
        .map(|ids| ids.split(',').filter(|s| !s.is_empty()).map(String::from).collect())
        .unwrap_or_default()
}

/// A result's CSV file read; what cannot be read says a spreadsheet may
/// have changed it, but for a newer app's file, which is no spreadsheet's
/// doing.
fn read_csv(text: &str) -> Result<ResultRecord, String> {
    let saved_by_a_spreadsheet = |why: String| format!("{why} {SAVED_BY_A_SPREADSHEET}");
    let rows =
        parse_csv(text).ok_or_else(|| saved_by_a_spreadsheet("This spreadsheet file is damaged: a quoted field never ends.".into()))?;
    let version = rows[0].get(1).and_then(|v| v.trim().strip_prefix("version ")).and_then(decimal).and_then(|v| u32::try_from(v).ok());
    match version {
        Some(version @ (2 | 3)) => read_csv_rows(&rows, version).map_err(saved_by_a_spreadsheet),
        Some(version) if version > RESULT_VERSION => Err(MADE_BY_A_NEWER_VERSION.into()),
        _ => Err(saved_by_a_spreadsheet("This spreadsheet file does not say which version of Open Door made it.".into())),
    }
}

/// The rows of a CSV file of a version this app reads.
fn read_csv_rows(rows: &[Vec<String>], version: u32) -> Result<ResultRecord, String> {
    let field = |key: &str| -> Result<String, String> {
        rows.iter()
            .find(|row| row.first().map(|f| f.trim()) == Some(key))
            .and_then(|row| row.get(1))
            .map(|v| v.trim().to_string())
            .ok_or_else(|| format!("This spreadsheet file has no \"{key}\" row, so it cannot be checked."))
    };
    let score = field("score")?;
    let (correct, total) = score
        .split_once(" of ")
        .and_then(|(c, t)| Some((usize::try_from(decimal(c.trim())?).ok()?, usize::try_from(decimal(t.trim())?).ok()?)))
        .ok_or_else(|| format!("The score \"{score}\" is not written as \"3 of 10\"."))?;
    let seconds = field("seconds")?;
    let seconds = decimal(&seconds).ok_or_else(|| format!("The time \"{seconds}\" is not a number of seconds."))?;
    let header = rows
        .iter()
        .position(|row| row.join(",") == CSV_HEADER)
        .ok_or("This spreadsheet file has lost its table of answers, so it cannot be checked.")?;
    let mut questions = Vec::new();
    let mut answers = Vec::new();
    for row in rows[header + 1..].iter().filter(|row| row.iter().any(|f| !f.trim().is_empty())) {
        let (Some(id), Some(key)) = (row.get(1), row.get(6)) else {
            return Err(format!("Row {} of the answers is incomplete.", questions.len() + 1));
        };
        let answer =
            parse_answer_key(key).ok_or_else(|| format!("The answer to question {} (\"{key}\") cannot be read.", questions.len() + 1))?;
        questions.push(id.trim().to_string());
        answers.push(answer);
    }
    let finished = if version >= 3 { Some(field("finished")?) } else { None };
    with_finish_time_checked(ResultRecord {
        format: RESULT_FORMAT.into(),
        version,
        name: field("name")?,
        quiz: QuizRef { title: field("quiz")?, link: field("link")?, questions },
        answers,
        correct,
        total,
        seconds,
        finished,
        code: field("code")?,
    })
}

/// Checks a record offline: recomputes the score from the answers and the
/// code from every field, and compares.
pub fn check(record: &ResultRecord, bank: &Bundle) -> Verification {
    let link = QuizLink::open(&record.quiz.link, bank);
    let items = link.items();
    let ids: Vec<&String> = items.iter().map(|i| &i.question_id).collect();
    let code_matches = record.expected_code() == record.code.trim().to_uppercase();
    // A file whose code matches and which holds together (its answers one a
    // question, its score within them: version 1's code does not cover the
    // total) is as the student's device wrote it, whatever this device
    // makes of its answers: one this device cannot mark, not an edited one
    // (found by teachers' walks, for a pack not added here or corrected
    // since). The code is no lock, as the Classroom page says.
    let unmarkable = code_matches
        && record.total == record.quiz.questions.len()
        && record.answers.len() == record.total
        && record.correct <= record.total;
    if record.quiz.questions.iter().any(|id| bank.question(id).is_none()) {
        // Most often a teacher's pack not added on this device.
        let add_the_pack = "If they come from a question pack, add the pack under \"Your own questions\" on the Classroom page, then choose the files again.";
        return if unmarkable {
            Verification::NotMarkedHere(format!("Its code matches, but its quiz uses questions this device does not have. {add_the_pack}"))
        } else {
            Verification::DoesNotMatch(format!("The quiz in the file uses questions this app does not have. {add_the_pack}"))
        };
    }
    if ids != record.quiz.questions.iter().collect::<Vec<_>>() || items.len() != record.answers.len() {
        return Verification::DoesNotMatch("The file's questions or answers do not match its quiz link.".into());
    }
    let correct = items
        .iter()
        .zip(&record.answers)
        .filter(|(item, answer)| answer.as_deref().is_some_and(|a| bank.question(&item.question_id).is_some_and(|q| q.is_correct(a))))
        .count();
    if correct != record.correct || items.len() != record.total {
        if unmarkable && items.len() == record.total {
            return Verification::NotMarkedHere(format!(
                "Its code matches, but its questions have changed on this device since the quiz (a pack corrected, or a newer Open Door): here its answers score {correct} of {}. The score shown is the student's device's.",
                record.total
            ));
        }
        return Verification::DoesNotMatch(format!(
            "The file claims {} of {}, but its answers score {correct} of {}.",
            record.correct,
            record.total,
            items.len()
        ));
    }
    if !code_matches {
        let what = if record.time_is_covered() { "name, quiz, time and answers" } else { "quiz and answers" };
        return Verification::DoesNotMatch(format!("The code does not match the {what} in the file."));
    }
    Verification::Matches { correct, total: items.len() }
}

/// Reads and checks a result file in one go (the single-file check).
pub fn verify(text: &str, bank: &Bundle) -> Verification {
    match read(text) {
        Ok(record) => check(&record, bank),
        Err(why) => Verification::Unreadable(why),
    }
}

fn csv_field(text: &str) -> String {
    // A leading = + @ would make a spreadsheet run the text as a formula; a
    // leading ' marks such text, so a ' of the text's own is doubled too.
    let text = if text.starts_with(['=', '+', '@', '\'']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A CSV file's text from its rows, with the UTF-8 byte-order mark: without
/// it, Excel on Windows opens "Léa" as "LÃ©a". Every reader here skips it.
pub fn csv_file(rows: &[String]) -> String {
    format!("\u{FEFF}{}\n", rows.join("\n"))
}

pub fn csv_row(fields: &[&str]) -> String {
    fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",")
}

/// RFC 4180 rows: quoted fields may hold commas, quotes and line breaks.
/// `None` when a quoted field never ends.
fn parse_csv(text: &str) -> Option<Vec<Vec<String>>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(unmark(std::mem::take(&mut field))),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(unmark(std::mem::take(&mut field)));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return None;
    }
    row.push(unmark(field));
    rows.push(row);
    Some(rows)
}

/// Undoes [`csv_field`]'s formula mark.
fn unmark(field: String) -> String {
    match field.strip_prefix('\'') {
        Some(rest) => rest.to_string(),
        None => field,
    }
}
