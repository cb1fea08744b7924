//! Result files: what they carry, their verification codes, reading them in
//! JSON and CSV, and the bad inputs a teacher's folder can hold.

mod common;

use open_door_core::content::{Bundle, QuestionKind};
use open_door_core::progress::MAX_SAVED_QUIZZES;
use open_door_core::quiz::{prepare, Mode, QuizSession, QuizSpec, Selection};
use open_door_core::result::{
    check, clean_name, date_of_day, format_time, read, utc_time, verify, HandInNames, ResultRecord, SavedFile, SavedFiles, Verification,
    MAX_NAME_CHARS, MAX_RESULT_BYTES, SAVED_BY_A_SPREADSHEET,
};
use proptest::prelude::*;

fn finished_with(bank: &Bundle, spec: QuizSpec, answers: &[usize], seconds: u64) -> QuizSession {
    let (items, _) = prepare(bank, &spec);
    let mut session = QuizSession::new(spec, items, 0.0);
    for (index, choice) in answers.iter().enumerate() {
        session.submit(bank, index, vec![*choice]);
    }
    session.finish(seconds as f64 * 1000.0 + 400.0);
    session
}

fn five() -> QuizSpec {
    QuizSpec { selection: Selection::Filter { topics: vec![], articles: vec![], count: Some(5) }, seed: 5, mode: Mode::Test, minutes: None }
}

fn finished(answers: &[usize]) -> (Bundle, QuizSession) {
    let bank = common::bundle(12);
    let session = finished_with(&bank, five(), answers, 61);
    (bank, session)
}

fn result_of(name: &str) -> (Bundle, ResultRecord) {
    let (bank, session) = finished(&[0, 1, 0, 2, 0]);
    let record = ResultRecord::from_session(&session, &bank, name);
    (bank, record)
}

#[test]
fn a_result_says_who_which_quiz_and_how_it_went() {
    let (bank, record) = result_of("Maria");
    assert_eq!(record.name, "Maria");
    assert_eq!(record.version, 3);
    assert_eq!(record.quiz.questions.len(), 5);
    // finish(61 s + 0.4 s) on a clock that started at 0.
    assert_eq!(record.finished.as_deref(), Some("1970-01-01T00:01:01Z"));
    assert_eq!(record.quiz.link, format!("ids={}&seed=5&mode=test", record.quiz.questions.join(",")));
    assert_eq!(record.quiz.title, "Quiz on every topic");
    assert_eq!((record.correct, record.total, record.seconds), (3, 5, 61));
    assert_eq!(record.code.len(), 9);
    assert_eq!(verify(&record.to_json(), &bank), Verification::Matches { correct: 3, total: 5 });
}

#[test]
fn the_file_is_named_after_the_student_the_quiz_and_the_day() {
    let (_, mut record) = result_of("Maria");
    record.quiz.title = "Quiz on Article 5: what it promises".into();
    let day_2026_11_25 = 20_782;
    let cases = [
        ("Maria", "open-door-Maria-Article5WhatItPromises-2026-11-25"),
        ("", "open-door-Article5WhatItPromises-2026-11-25"),
        ("Ana María O'Neil", "open-door-AnaMaríaONeil-Article5WhatItPromises-2026-11-25"),
        ("../../etc/passwd", "open-door-etcpasswd-Article5WhatItPromises-2026-11-25"),
        ("<b>Bo</b>", "open-door-bBob-Article5WhatItPromises-2026-11-25"),
        ("a name far longer than any real name can be", "open-door-anamefarlongerthanany-Article5WhatItPromises-2026-11-25"),
        ("Wolfeschlegelsteinhausenbergerdorff", "open-door-Wolfeschlegelsteinhausen-Article5WhatItPromises-2026-11-25"),
    ];
    for (name, expected) in cases {
        record.name = clean_name(name);
        assert_eq!(record.file_name(day_2026_11_25, "json"), format!("{expected}-{}.json", record.code), "name {name:?}");
    }
    // A long title gives its first whole words, each with a capital.
    record.name = "Maria".into();
    for (title, part) in [
        ("Quiz on Ukraine's road to NATO, Finland and Sweden", "UkrainesRoadToNATO"),
        ("Quiz on How a country joins NATO and Article 5: what it promises", "HowACountryJoinsNATOAnd"),
        ("Quiz of 3 chosen questions", "QuizOf3ChosenQuestions"),
    ] {
        record.quiz.title = title.into();
        assert_eq!(
            record.file_name(day_2026_11_25, "csv"),
            format!("open-door-Maria-{part}-2026-11-25-{}.csv", record.code),
            "title {title:?}"
        );
    }
    // Two students who leave the name empty save files of different names.
    let bank = common::bundle(12);
    let [first, second] = [[0, 1, 0, 2, 0], [1, 1, 0, 2, 0]].map(|answers| {
        ResultRecord::from_session(&finished_with(&bank, five(), &answers, 61), &bank, "").file_name(day_2026_11_25, "json")
    });
    assert_ne!(first, second);
    assert_eq!(date_of_day(0), "1970-01-01");
    assert_eq!(date_of_day(11_016), "2000-02-29");
    assert_eq!(date_of_day(-1), "1969-12-31");
}

#[test]
fn a_result_is_titled_as_the_teacher_titled_its_quiz() {
    let (bank, mut session) = finished(&[0, 1, 0, 2, 0]);
    let untitled = ResultRecord::from_session(&session, &bank, "Maria");
    session.labels.title = Some("9B: Article 5 check".into());
    let record = ResultRecord::from_session(&session, &bank, "Maria");
    assert_eq!(record.quiz.title, "9B: Article 5 check");
    assert_eq!(record.code, record.expected_code(), "the code covers the title");
    assert_eq!(record.file_name(0, "json"), format!("open-door-Maria-9BArticle5Check-1970-01-01-{}.json", record.code));
    // Without the teacher's title, what the quiz is about.
    assert_eq!(untitled.quiz.title, session.spec.title(&bank));
}

#[test]
fn the_time_taken_reads_in_seconds_minutes_hours_or_days() {
    for (seconds, shown) in [
        (0, "0 s"),
        (4, "4 s"),
        (59, "59 s"),
        (60, "1 min 00 s"),
        (65, "1 min 05 s"),
        (3_599, "59 min 59 s"),
        (3_600, "1 h 00 min"),
        (7_500, "2 h 05 min"),
        (86_399, "23 h 59 min"),
        (86_400, "1 day 0 h"),
        // An untimed quiz started in one lesson and finished a week later.
        (605_479, "7 days 0 h"),
    ] {
        assert_eq!(format_time(seconds), shown, "{seconds} s");
    }
}

#[test]
fn names_lose_control_characters_and_are_bounded_but_markup_stays_text() {
    let cases = [
        ("  Maria  ", "Maria"),
        ("Ma\u{0}ria\u{7}", "Ma ria"),
        ("Bo\nb\r\tby", "Bo b by"),
        ("\u{202E}airaM", "airaM"),
        ("Zero\u{200B}width", "Zero width"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ];
    for (name, expected) in cases {
        assert_eq!(clean_name(name), expected, "{name:?}");
    }
    assert_eq!(clean_name(&"x".repeat(500)).chars().count(), MAX_NAME_CHARS);
    // Cut at a space: no trailing space left (found by the round-trip property).
    assert_eq!(clean_name(&format!("{} tail", "y".repeat(MAX_NAME_CHARS - 1))), "y".repeat(MAX_NAME_CHARS - 1));
    assert_eq!(clean_name(&"é".repeat(500)).chars().count(), MAX_NAME_CHARS);
}

/// What is edited, and the edit.
type Edit = (&'static str, fn(&mut ResultRecord));

#[test]
fn every_shown_field_is_covered_by_the_code() {
    let (bank, record) = result_of("Maria");
    let edits: [Edit; 10] = [
        ("finish time", |r| r.finished = Some("1970-01-01T00:00:30Z".into())),
        ("score", |r| r.correct = 5),
        ("answer", |r| r.answers[1] = Some(vec![0])),
        ("code", |r| r.code = "AAAA-AAAA".into()),
        ("link", |r| r.quiz.link = r.quiz.link.replace("seed=5", "seed=6")),
        ("time", |r| r.seconds = 20),
        ("name", |r| r.name = "Someone else".into()),
        ("title", |r| r.quiz.title = "Article 5".into()),
        ("question ids", |r| r.quiz.questions.swap(0, 1)),
        ("total", |r| r.total = 4),
    ];
    for (what, edit) in edits {
        let mut changed = record.clone();
        edit(&mut changed);
        assert!(matches!(verify(&changed.to_json(), &bank), Verification::DoesNotMatch(_)), "an edited {what} went unnoticed");
    }
    // The code is checked whatever its case or surrounding spaces.
    let mut relaxed = record.clone();
    relaxed.code = format!(" {} ", record.code.to_lowercase());
    assert_eq!(verify(&relaxed.to_json(), &bank), Verification::Matches { correct: 3, total: 5 });
}

/// The file of a quiz whose questions changed on the teacher's device since
/// (a corrected pack) is told apart from an edited one by its code.
#[test]
fn an_unedited_file_marked_otherwise_here_says_its_questions_changed() {
    let (bank, record) = result_of("Maria");
    let mut corrected = bank.clone();
    let first = record.quiz.questions[0].clone();
    corrected.questions.iter_mut().find(|q| q.id == first).unwrap().answer = vec!["b".into()];
    assert!(
        matches!(verify(&record.to_json(), &corrected), Verification::NotMarkedHere(why) if why.contains("here its answers score 2 of 5")),
        "{:?}",
        verify(&record.to_json(), &corrected)
    );
    let mut edited = record.clone();
    edited.correct = 4;
    assert!(matches!(verify(&edited.to_json(), &corrected), Verification::DoesNotMatch(why) if why.contains("claims 4 of 5")));
}

/// Found by a student's walk: a multiple-choice answer written "1.0" came
/// back from a spreadsheet that saved the file as the number 1, and the
/// honest file no longer matched its code.
#[test]
fn a_csv_keeps_its_answers_through_a_spreadsheet_and_older_ones_still_read() {
    let mut bank = common::bundle(12);
    for question in &mut bank.questions {
        *question = common::question(&question.id, QuestionKind::Multiple);
    }
    let (items, _) = prepare(&bank, &five());
    let mut session = QuizSession::new(five(), items, 0.0);
    for index in 0..5 {
        session.submit(&bank, index, vec![1, 0]);
    }
    session.finish(61_400.0);
    let record = ResultRecord::from_session(&session, &bank, "Maria");
    let csv = record.to_csv(&bank);
    let given: Vec<&str> = csv.lines().skip(10).map(|row| row.rsplit(',').next().unwrap()).collect();
    assert_eq!(given, ["1 0"; 5], "{csv}");
    assert_eq!(verify(&csv, &bank), Verification::Matches { correct: 5, total: 5 });
    // Written with dots before: read as they are.
    let with_dots = csv.replace(",1 0\n", ",1.0\n");
    assert!(with_dots != csv && !with_dots.contains(",1 0\n"));
    assert_eq!(verify(&with_dots, &bank), Verification::Matches { correct: 5, total: 5 });
    // A spreadsheet's change that cannot be undone says what may have
    // happened, and what to ask for.
    let Verification::Unreadable(why) = verify(&csv.replace("finished,1970-01-01T00:01:01Z", "finished,01/01/1970 00:01"), &bank) else {
        panic!("a finish time in another shape is refused");
    };
    assert!(why.ends_with(SAVED_BY_A_SPREADSHEET), "{why}");
    // Not for a newer app's file: reloading the page is the way.
    let Verification::Unreadable(why) = verify(&csv.replace("version 3", "version 9"), &bank) else { panic!("a newer version is refused") };
    assert!(why.contains("newer version") && !why.contains("spreadsheet"), "{why}");
}

#[test]
fn the_csv_students_download_is_read_back_and_checked() {
    let (bank, record) = result_of("Maria, \"Mimi\" =SUM(1)");
    let csv = record.to_csv(&bank);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{FEFF}Open Door result,version 3", "UTF-8 with its mark, for Excel");
    assert!(csv.contains("score,3 of 5"));
    assert!(csv.contains("finished,1970-01-01T00:01:01Z"));
    assert!(lines.contains(&"number,question id,question,your answer,right answer,correct,choices given"));
    assert_eq!(lines.len(), 10 + 5);
    assert_eq!(read(&csv), Ok(record.clone()));
    assert_eq!(verify(&csv, &bank), Verification::Matches { correct: 3, total: 5 });
    // A name that looks like a formula is written so that a spreadsheet shows it as text.
    let (bank, formula) = result_of("=HYPERLINK(\"x\")");
    let csv = formula.to_csv(&bank);
    assert!(csv.contains("name,\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    assert_eq!(verify(&csv, &bank), Verification::Matches { correct: 3, total: 5 });
    // Edited in the spreadsheet: caught.
    let edited = record.to_csv(&bank).replace("seconds,61", "seconds,20");
    assert!(matches!(verify(&edited, &bank), Verification::DoesNotMatch(_)));
}

#[test]
fn a_byte_order_mark_or_surrounding_whitespace_is_accepted() {
    let (bank, record) = result_of("Maria");
    for text in [record.to_json(), record.to_csv(&bank)] {
        for wrapped in [format!("\u{FEFF}{text}"), format!("\n\n  {text}\n\n\n"), format!("\u{FEFF}\r\n{}", text.replace('\n', "\r\n"))] {
            assert_eq!(verify(&wrapped, &bank), Verification::Matches { correct: 3, total: 5 }, "{wrapped:?}");
        }
    }
}

#[test]
fn a_version_1_file_is_still_read_and_checked_by_its_own_rule() {
    let bank = common::bundle(12);
    let v1 = include_str!("fixtures/result-v1.json");
    let record = read(v1).expect("a version 1 file is read");
    assert_eq!((record.version, record.name.as_str(), record.quiz.questions.len()), (1, "", 5));
    assert!(!record.time_is_covered());
    assert_eq!(verify(v1, &bank), Verification::Matches { correct: 3, total: 5 });
    // Version 1's code never covered the time, so an edited time still matches:
    // the class table marks that time as not checked.
    assert_eq!(verify(&v1.replace("\"seconds\": 61", "\"seconds\": 5"), &bank), Verification::Matches { correct: 3, total: 5 });
    let edited = v1.replace("\"correct\": 3", "\"correct\": 4");
    assert!(matches!(verify(&edited, &bank), Verification::DoesNotMatch(_)));
    // A version 1 spreadsheet only had the answers in words: refused, in words.
    let old_csv =
        "# Open Door result,3 of 5,code 43LW-V7W8,quiz ids=000-11&seed=5\nnumber,question id,question,your answer,right answer,correct\n";
    assert!(matches!(verify(old_csv, &bank), Verification::Unreadable(why) if why.contains("older version")));
}

#[test]
fn a_version_2_file_is_still_read_and_checked_by_its_own_rule() {
    // Written by the app before result files said when their quiz was
    // finished (frozen: every later version must still check them).
    let bank = common::bundle(12);
    for v2 in [include_str!("fixtures/result-v2.json"), include_str!("fixtures/result-v2.csv")] {
        let record = read(v2).expect("a version 2 file is read");
        assert_eq!((record.version, record.name.as_str(), record.finished.as_deref()), (2, "Maria", None));
        assert_eq!(verify(v2, &bank), Verification::Matches { correct: 3, total: 5 });
        assert!(matches!(verify(&v2.replace("61", "20"), &bank), Verification::DoesNotMatch(_)), "its time is covered");
    }
    // A finish time added to a version 2 file is one its code never covered.
    let added =
        include_str!("fixtures/result-v2.json").replace("\"seconds\": 61,", "\"seconds\": 61,\n  \"finished\": \"2026-01-01T08:00:00Z\",");
    assert!(matches!(verify(&added, &bank), Verification::Unreadable(why) if why.contains("not a finish time")));
}

#[test]
fn a_moment_is_written_in_utc_to_the_second() {
    assert_eq!(utc_time(0.0), "1970-01-01T00:00:00Z");
    assert_eq!(utc_time(1_795_603_325_999.0), "2026-11-25T10:42:05Z");
}

/// Each bad file, and the words the teacher sees (a part of them).
#[test]
fn bad_files_are_refused_with_a_reason_in_plain_words() {
    let (bank, record) = result_of("Maria");
    let json = record.to_json();
    let csv = record.to_csv(&bank);
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", String::new(), "empty: its download may have been cut short"),
        ("blank lines only", "\n\n".into(), "empty: its download may have been cut short"),
        ("a picture", "\u{89}PNG\r\n".into(), "not an Open Door result file"),
        ("over 1 MB", format!("{}{}", json, " ".repeat(MAX_RESULT_BYTES)), "at most 1 MB"),
        ("other JSON", "{\"score\": 10}".into(), "not an Open Door result file"),
        ("a question pack", "{\"format\": \"open-door-pack\", \"version\": 1, \"questions\": []}".into(), "not an Open Door result file"),
        ("cut off", json[..json.len() / 2].to_string(), "not complete"),
        ("unknown field", json.replacen('{', "{\"grade\": \"A\",", 1), "changed so that it cannot be read"),
        ("missing field", json.replace("\"seconds\": 61,", ""), "changed so that it cannot be read"),
        ("newer version", json.replace("\"version\": 3", "\"version\": 9"), "newer version"),
        ("version 0", json.replace("\"version\": 3", "\"version\": 0"), "not one Open Door ever wrote"),
        ("no finish time", json.replace("\"finished\": \"1970-01-01T00:01:01Z\",", ""), "lost the time its quiz was finished"),
        ("a finish time of another shape", json.replace("1970-01-01T00:01:01Z", "yesterday at 10"), "not a finish time"),
        ("CSV without its table", csv.lines().take(8).collect::<Vec<_>>().join("\n"), "lost its table"),
        ("CSV without a finish time", csv.replace("finished,1970-01-01T00:01:01Z\n", ""), "no \"finished\" row"),
        ("CSV without a score", csv.replace("score,3 of 5\n", ""), "no \"score\" row"),
        ("CSV with a bad score", csv.replace("score,3 of 5", "score,three"), "not written as"),
        ("CSV with a bad answer", csv.replacen(",no,", ",no,x", 1), "cannot be read"),
        ("CSV with an open quote", format!("{csv}\"unfinished"), "never ends"),
        ("CSV without a version", csv.replace("Open Door result,version 3", "Open Door result"), "does not say which version"),
    ];
    for (what, text, expected) in cases {
        match verify(&text, &bank) {
            Verification::Unreadable(why) => {
                assert!(why.contains(expected), "{what}: {why:?} does not say {expected:?}");
                assert!(!why.contains('`'), "{what}: {why:?} has backticks");
            }
            other => panic!("{what}: {other:?}"),
        }
    }
}

/// It says what to do, for a pack's questions most often: add the pack. An
/// unedited file is not called edited (found by a teacher's walk).
#[test]
fn a_result_for_questions_this_app_does_not_have_asks_for_its_pack() {
    let (_, record) = result_of("Maria");
    let smaller_bank = common::bundle(3);
    assert!(matches!(verify(&record.to_json(), &smaller_bank),
        Verification::NotMarkedHere(why) if why.starts_with("Its code matches") && why.contains("does not have") && why.contains("add the pack under \"Your own questions\"")));
    let mut edited = record.clone();
    edited.name = "Someone else".into();
    assert!(matches!(verify(&edited.to_json(), &smaller_bank),
        Verification::DoesNotMatch(why) if why.contains("does not have") && why.contains("add the pack under \"Your own questions\"")));
    // A file whose code matches but which does not hold together (a score
    // beyond its answers, or a total its code does not cover, as version
    // 1's does not) is not vouched for.
    let mut version_1 = record.clone();
    version_1.version = 1;
    let mut more = version_1.clone();
    more.total = 9;
    let mut beyond = record.clone();
    beyond.correct = 6;
    for file in [more, beyond] {
        let file = ResultRecord { code: file.expected_code(), ..file };
        assert!(matches!(check(&file, &smaller_bank), Verification::DoesNotMatch(_)), "{file:?}");
    }
    let version_1 = ResultRecord { code: version_1.expected_code(), ..version_1 };
    assert!(matches!(check(&version_1, &smaller_bank), Verification::NotMarkedHere(_)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_checker_never_panics(text in ".{0,300}") {
        let _ = verify(&text, &common::bundle(12));
    }

    #[test]
    fn the_checker_never_panics_on_a_damaged_csv(cut in 0usize..2000, junk in ".{0,20}") {
        let (bank, record) = result_of("Maria");
        let csv = record.to_csv(&bank);
        let at = csv.char_indices().map(|(i, _)| i).nth(cut % csv.chars().count()).unwrap_or(0);
        let _ = verify(&format!("{}{junk}{}", &csv[..at], &csv[at..]), &bank);
    }

    #[test]
    fn any_change_to_the_answers_is_caught(answers in proptest::collection::vec(0usize..3, 5), at in 0usize..5, to in 0usize..3) {
        let (bank, session) = finished(&answers);
        let mut record = ResultRecord::from_session(&session, &bank, "Sam");
        prop_assume!(record.answers[at] != Some(vec![to]));
        record.answers[at] = Some(vec![to]);
        prop_assert!(matches!(verify(&record.to_json(), &bank), Verification::DoesNotMatch(_)));
    }

    #[test]
    fn any_name_round_trips_through_both_files(name in "\\PC{0,60}") {
        let (bank, record) = result_of(&name);
        prop_assert_eq!(verify(&record.to_json(), &bank), Verification::Matches { correct: 3, total: 5 });
        prop_assert_eq!(verify(&record.to_csv(&bank), &bank), Verification::Matches { correct: 3, total: 5 });
    }
}

#[test]
fn each_result_keeps_the_name_it_was_handed_in_under_while_it_is_kept() {
    let kept: Vec<String> = ["quiz-a@1", "quiz-b@2"].map(String::from).to_vec();
    let mut names = HandInNames::default();
    names.set("quiz-a@1", "Lena", &kept);
    names.set("quiz-b@2", "Ben", &kept);
    let mut names = HandInNames::read(&names.write());
    assert_eq!((names.of("quiz-a@1"), names.of("quiz-b@2"), names.of("quiz-c@3")), (Some("Lena"), Some("Ben"), None));

    // Renamed, and cleaned as a result's name is; a name cleared is none.
    names.set("quiz-a@1", " Lena\tM. ", &kept);
    assert_eq!(names.of("quiz-a@1"), Some("Lena M."));
    names.set("quiz-b@2", "  ", &kept);
    assert_eq!(names.of("quiz-b@2"), None);

    // Found by a walk: a group's retakes of another quiz, each named,
    // pushed out Lena's name while her result was still kept. Only a
    // result that is no longer kept loses its name.
    for n in 0..(MAX_SAVED_QUIZZES * 2) {
        let retake = format!("warm-up@{}", 100 + n);
        names.set(&retake, "Student", &[kept[0].clone(), retake.clone()]);
    }
    let names = HandInNames::read(&names.write());
    assert_eq!(names.of("quiz-a@1"), Some("Lena M."));
    assert_eq!(names.of("warm-up@100"), None, "a result taken again since");
    assert_eq!(names.write().lines().count(), 2);

    // What is not a line of it reads as nothing.
    assert_eq!(HandInNames::read("no tab here\n\t\nquiz@1\t\n"), HandInNames::default());
}

/// The file last saved of each result is read back for that result, with
/// the name it carries, which a name typed since may or may not match.
#[test]
fn the_file_saved_of_each_result_is_kept_and_tells_a_name_changed_since() {
    let (_, record) = result_of("Lena M.");
    let kept = vec!["quiz-a@1".to_string(), "quiz-b@2".to_string()];
    let lena = SavedFile { result: "quiz-a@1".into(), file_name: record.file_name(19_000, "json"), name: record.name.clone() };
    let unnamed = SavedFile { result: "quiz-b@2".into(), file_name: "open-door-x.json".into(), name: String::new() };
    let mut files = SavedFiles::default();
    files.set(lena.clone(), &kept);
    files.set(unnamed.clone(), &kept);
    let mut files = SavedFiles::read(&files.write());
    assert_eq!((files.of("quiz-a@1"), files.of("quiz-b@2"), files.of("quiz-c@3")), (Some(&lena), Some(&unnamed), None));

    let file = files.of("quiz-a@1").unwrap();
    assert!(file.carries("Lena M."));
    assert!(file.carries("  Lena M. "), "a space added changes nothing in the file");
    assert!(!file.carries("Lena"));
    assert!(!file.carries(""));
    let file = files.of("quiz-b@2").unwrap();
    assert!(file.carries(" "));
    assert!(!file.carries("Ben"));

    // Saved again, the last file counts; a result no longer kept is forgotten.
    let csv = SavedFile { file_name: "open-door-x.csv".into(), ..unnamed.clone() };
    files.set(csv.clone(), &kept[1..]);
    assert_eq!((files.of("quiz-a@1"), files.of("quiz-b@2")), (None, Some(&csv)));
    files.forget("quiz-b@2");
    assert_eq!(files, SavedFiles::default());
    assert_eq!(SavedFiles::read("quiz-a@1\t\tLena\nnot a file\n"), SavedFiles::default(), "no file name, no file");
}
