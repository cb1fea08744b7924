//! A class's result files read together, bad files among them.

mod common;

use open_door_core::class_results::{
    add_new_files, ClassResults, CodeCheck, Duplicate, HandedFile, WrongAnswers, FOLLOW_UP_MAX, MAX_FILES,
};
use open_door_core::content::{Bundle, QuestionKind};
use open_door_core::link::{LinkLabels, QuizLink};
use open_door_core::quiz::{prepare, Mode, QuizSession, QuizSpec, Selection};
use open_door_core::result::{ResultRecord, SAVED_BY_A_SPREADSHEET};

fn spec(seed: u32) -> QuizSpec {
    QuizSpec { selection: Selection::Filter { topics: vec![], articles: vec![], count: Some(5) }, seed, mode: Mode::Test, minutes: None }
}

/// A quiz taken: `answers` are choice indices (0 is right in the test bank),
/// finished `seconds` after it started.
fn taken(bank: &Bundle, seed: u32, answers: &[usize], seconds: u64) -> QuizSession {
    let (items, _) = prepare(bank, &spec(seed));
    let mut session = QuizSession::new(spec(seed), items, 0.0);
    for (index, choice) in answers.iter().enumerate() {
        session.submit(bank, index, vec![*choice]);
    }
    session.finish(seconds as f64 * 1000.0);
    session
}

/// A student's result file of a quiz taken as [`taken`] says.
fn result(bank: &Bundle, seed: u32, name: &str, answers: &[usize], seconds: u64) -> ResultRecord {
    ResultRecord::from_session(&taken(bank, seed, answers, seconds), bank, name)
}

/// Each row's file, whether it is counted, and why not.
fn rows(class: &ClassResults) -> Vec<(&str, bool, Option<&str>)> {
    class.students.iter().map(|s| (s.file.as_str(), s.counted, s.duplicate.as_ref().map(|d| d.why.as_str()))).collect()
}

fn file(name: &str, text: String) -> HandedFile {
    (name.to_string(), Ok(text))
}

/// The class: three good files (one CSV), one edited, one handed in twice,
/// one name used twice, one of another quiz, one unreadable, one markup name.
fn class() -> (Bundle, ClassResults) {
    let bank = common::bundle(12);
    let maria = result(&bank, 5, "Maria", &[0, 0, 1, 0, 2], 90);
    let tom = result(&bank, 5, "Tom", &[0, 1, 1, 0, 0], 120);
    let ana = result(&bank, 5, "Ana", &[0, 0, 1, 1, 0], 75);
    let mut edited = result(&bank, 5, "Bo", &[1, 1, 1, 1, 1], 100);
    edited.answers = vec![Some(vec![0]); 5];
    edited.correct = 5;
    let tom_again = result(&bank, 5, "tom", &[0, 0, 0, 0, 0], 60);
    let other = result(&bank, 6, "Lee", &[0, 0, 0, 0, 0], 60);
    let markup = result(&bank, 5, "<img src=x onerror=alert(1)>\u{7}", &[2, 2, 2, 2, 2], 30);
    let files = vec![
        file("maria.json", maria.to_json()),
        file("tom.csv", tom.to_csv(&bank)),
        file("ana.json", format!("\u{FEFF}{}\n", ana.to_json())),
        file("bo.json", edited.to_json()),
        file("maria (1).json", maria.to_json()),
        file("tom-2.json", tom_again.to_json()),
        file("lee.json", other.to_json()),
        file("holiday.jpg", "\u{FFFD}PNG garbage".into()),
        file("markup.json", markup.to_json()),
    ];
    let class = ClassResults::gather(&files, &bank);
    (bank, class)
}

#[test]
fn one_row_per_student_sorted_by_name_with_every_problem_named() {
    let (_, class) = class();
    let rows: Vec<(&str, &str, bool, bool, bool)> = class
        .students
        .iter()
        .map(|s| {
            let check = match &s.check {
                CodeCheck::Matches => "matches",
                CodeCheck::DoesNotMatch(_) => "does not match",
                CodeCheck::OtherQuiz(_) => "other quiz",
                CodeCheck::NotMarkedHere(_) => "not marked here",
            };
            (s.file.as_str(), check, s.duplicate.is_some(), s.counted, s.time_checked)
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("markup.json", "matches", false, true, true),
            ("ana.json", "matches", false, true, true),
            ("bo.json", "does not match", false, false, true),
            ("lee.json", "other quiz", false, false, true),
            ("maria.json", "matches", false, true, true),
            ("maria (1).json", "matches", true, false, true),
            ("tom-2.json", "matches", false, true, true),
            ("tom.csv", "matches", true, false, true),
        ]
    );
    let maria = &class.students[5];
    assert_eq!((maria.name.as_str(), maria.correct, maria.total, maria.seconds), ("Maria", 3, 5, 90));
    // A copy of one result asks nothing of the teacher; two attempts under
    // one name may be two students.
    assert_eq!(maria.duplicate, Some(Duplicate { why: "The same result as maria.json.".into(), to_ask: false }));
    assert_eq!(class.students[7].duplicate, Some(Duplicate { why: "The same name as tom-2.json, counted instead. If this is another student's, ask them to download it again with a surname or initial.".into(), to_ask: true }));
    // A name with markup stays text (the page shows it as text); control characters are gone.
    assert_eq!(class.students[0].name, "<img src=x onerror=alert(1)>");
    assert_eq!(class.unreadable.len(), 1);
    assert_eq!(class.unreadable[0].file, "holiday.jpg");
    assert_eq!(class.unreadable[0].reason, "This is not an Open Door result file.");
    // Untitled on the same topics, it has the class quiz's title: the row
    // says what tells it apart.
    assert!(matches!(&class.students[3].check, CodeCheck::OtherQuiz(title) if title == "Quiz on every topic (other questions)"));
}

/// Number, right, asked, the wrong answers.
type QuestionFigures = (usize, usize, usize, WrongAnswers);

/// A bank whose questions are all of `kind` (common::question's choices).
fn bank_of(kind: QuestionKind) -> Bundle {
    let mut bank = common::bundle(5);
    for question in &mut bank.questions {
        *question = common::question(&question.id, kind);
    }
    bank
}

/// The class of `students`, each answering the bank's first questions as
/// listed (indices into each question's choices).
fn class_of(bank: &Bundle, students: &[(&str, [&[usize]; 3])]) -> ClassResults {
    let files: Vec<_> = students
        .iter()
        .map(|(name, answers)| {
            let (items, _) = prepare(bank, &spec(5));
            let mut session = QuizSession::new(spec(5), items, 0.0);
            for (index, answer) in answers.iter().enumerate() {
                session.submit(bank, index, answer.to_vec());
            }
            session.finish(60_000.0);
            file(&format!("{name}.json"), ResultRecord::from_session(&session, bank, name).to_json())
        })
        .collect();
    ClassResults::gather(&files, bank)
}

/// The wrong answers of the quiz's questions 1 to 3, in the order shown.
fn wrong_answers(class: &ClassResults) -> Vec<(usize, WrongAnswers)> {
    class.questions.iter().filter(|q| q.number <= 3).map(|q| (q.number, q.wrong.clone())).collect()
}

fn most_chosen(answers: &[&str], students: usize) -> WrongAnswers {
    WrongAnswers::MostChosen { answers: answers.iter().map(|a| a.to_string()).collect(), students }
}

#[test]
fn a_tick_all_questions_most_chosen_wrong_answer_says_what_it_missed_and_what_is_not_right() {
    // Every question: choices a, b, c; a and b are right.
    let bank = bank_of(QuestionKind::Multiple);
    let class = class_of(
        &bank,
        &[
            ("Ana", [&[0], &[0, 2], &[2]]),
            ("Bo", [&[0], &[0, 2], &[0, 1, 2]]),
            ("Cy", [&[0, 1, 2], &[1, 0], &[0, 1, 2]]),
            ("Di", [&[1, 0], &[1], &[0, 1, 2]]),
        ],
    );
    assert_eq!(
        wrong_answers(&class),
        vec![
            (3, most_chosen(&["“a”, “b” and “c” (“c” is not right)"], 3)),
            // Equally missed: in quiz order.
            (1, most_chosen(&["“a” alone (missing “b”)"], 2)),
            (2, most_chosen(&["“a” and “c” (missing “b”; “c” is not right)"], 2)),
        ]
    );
    // A tick alone, wrong or right.
    let class = class_of(&bank, &[("Ed", [&[2], &[1], &[0, 1]])]);
    assert_eq!(
        wrong_answers(&class),
        vec![
            (1, most_chosen(&["“c” alone, which is not right (missing “a” and “b”)"], 1)),
            (2, most_chosen(&["“b” alone (missing “a”)"], 1)),
            (3, WrongAnswers::None),
        ]
    );
}

#[test]
fn wrong_answers_given_equally_often_are_all_named_and_answers_given_once_each_are_not() {
    // Every question: choices a, b, c; a is right.
    let bank = bank_of(QuestionKind::Single);
    let class =
        class_of(&bank, &[("Ana", [&[1], &[1], &[1]]), ("Bo", [&[1], &[2], &[1]]), ("Cy", [&[2], &[0], &[2]]), ("Di", [&[2], &[0], &[0]])]);
    assert_eq!(
        wrong_answers(&class),
        vec![
            // Two mistakes, two students each: both named.
            (1, most_chosen(&["b", "c"], 2)),
            (3, most_chosen(&["b"], 2)),
            // Two students, an answer each: none named.
            (2, WrongAnswers::Spread { students: 2 }),
        ]
    );
    // Apart in one line, however many words a choice has.
    assert_eq!(WrongAnswers::in_one_line(&["Finland and Sweden".into(), "Finland".into()]), "Finland and Sweden | Finland");
    let csv = class.to_csv();
    assert!(csv.lines().any(|line| line.starts_with("1,") && line.ends_with(",0,4,0,b | c,2")), "{csv}");
    assert!(csv.lines().any(|line| line.starts_with("2,") && line.ends_with(",2,4,0,none stood out (2 different),1")), "{csv}");
}

#[test]
fn per_question_counts_most_missed_first_naming_a_wrong_answer_only_where_one_stands_out() {
    let (bank, class) = class();
    // Counted: markup (all "c"), Ana, Maria, tom-2 (all right).
    let quiz = class.quiz.clone().expect("a class quiz");
    let figures: Vec<QuestionFigures> = class.questions.iter().map(|q| (q.number, q.right, q.asked, q.wrong.clone())).collect();
    assert_eq!(
        figures,
        vec![
            (3, 1, 4, most_chosen(&["b"], 2)),
            // Equally missed: in quiz order. Two wrong answers, one student
            // each: neither is named the class's mistake.
            (4, 2, 4, WrongAnswers::Spread { students: 2 }),
            (5, 2, 4, most_chosen(&["c"], 2)),
            (1, 3, 4, most_chosen(&["c"], 1)),
            (2, 3, 4, most_chosen(&["c"], 1)),
        ]
    );
    let third = &class.questions[0];
    assert_eq!(third.id, quiz.questions[2]);
    assert_eq!(third.evidence, bank.question(&third.id).unwrap().evidence);
    assert_eq!(third.source, "the test text");
    // The right answer beside the wrong one most chosen, in words: each
    // student's letters were their own.
    assert_eq!((third.answer.as_str(), &third.wrong), ("a", &most_chosen(&["b"], 2)));
    assert_eq!(class.follow_up.len(), FOLLOW_UP_MAX);
    assert_eq!(class.follow_up[0], quiz.questions[2]);
}

#[test]
fn the_follow_up_quiz_is_the_same_each_time_it_is_made_from_the_same_class() {
    let (_, gathered) = class();
    let follow_up = gathered.follow_up_quiz().expect("questions were missed");
    assert_eq!((follow_up.selection.clone(), follow_up.mode), (Selection::Ids(gathered.follow_up.clone()), Mode::Practice));
    // The same files read again (the page after the projector, or a reload).
    assert_eq!(class().1.follow_up_quiz(), Some(follow_up.clone()));
    // Another class's quiz has its own shuffle.
    let bank = common::bundle(12);
    let other: Vec<_> = (0..2).map(|i| file(&format!("{i}.json"), result(&bank, 9, &format!("S{i}"), &[1; 5], 60).to_json())).collect();
    assert_ne!(ClassResults::gather(&other, &bank).follow_up_quiz().map(|quiz| quiz.seed), Some(follow_up.seed));
}

/// Found by a teacher's walk: every follow-up was titled alike, so 9A's and
/// 9B's looked the same to the class and in the files handed in.
#[test]
fn the_follow_up_quiz_is_titled_after_the_class_s_quiz() {
    let (_, mut class) = class();
    let titled = |class: &ClassResults| class.follow_up_title();
    class.quiz.as_mut().unwrap().title = "9B: Article 5 check".into();
    assert_eq!(titled(&class), "Follow-up: 9B: Article 5 check");
    class.quiz.as_mut().unwrap().title = "Quiz on Article 5".into();
    assert_eq!(titled(&class), "Follow-up: Article 5");
    class.quiz.as_mut().unwrap().title = " ".into();
    assert_eq!(titled(&class), "Follow-up: the most-missed questions");
}

#[test]
fn per_topic_class_averages() {
    let (bank, class) = class();
    let quiz = class.quiz.clone().unwrap();
    let in_topic = |topic: &str| quiz.questions.iter().filter(|id| bank.question(id).unwrap().topics.contains(&topic.to_string())).count();
    let topics: Vec<(&str, usize)> = class.topics.iter().map(|t| (t.title.as_str(), t.asked)).collect();
    assert_eq!(topics, vec![("Joining", in_topic("joining") * 4), ("Article 5", in_topic("article-5") * 4)]);
    let right: usize = class.topics.iter().map(|t| t.right).sum();
    assert_eq!(right, 1 + 2 + 2 + 3 + 3);
    for t in &class.topics {
        assert_eq!(t.percent(), (t.right * 100 + t.asked / 2) / t.asked);
    }
}

#[test]
fn of_a_students_files_the_one_finished_first_counts() {
    let bank = common::bundle(12);
    let first = result(&bank, 5, "Sam", &[1, 1, 1, 1, 1], 300);
    // Taken again after seeing the answers, in a file whose name sorts first.
    let again = result(&bank, 5, "sam", &[0, 0, 0, 0, 0], 900);
    let class = ClassResults::gather(&[file("a-sam-again.json", again.to_json()), file("sam.json", first.to_json())], &bank);
    let rows: Vec<(&str, Option<&str>, bool, Option<&str>)> = class
        .students
        .iter()
        .map(|s| (s.file.as_str(), s.finished.as_deref(), s.counted, s.duplicate.as_ref().map(|d| d.why.as_str())))
        .collect();
    assert_eq!(
        rows,
        [
            ("sam.json", Some("1970-01-01T00:05:00Z"), true, None),
            ("a-sam-again.json", Some("1970-01-01T00:15:00Z"), false, Some("The same name as sam.json, counted instead. If this is another student's, ask them to download it again with a surname or initial.")),
        ]
    );
}

#[test]
fn the_class_table_exports_as_csv() {
    let (_, class) = class();
    let csv = class.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0], "\u{FEFF}name,score,out of,not answered,time,seconds,finished (UTC),code check,duplicate,counted,file",
        "UTF-8 with its mark, for Excel"
    );
    assert!(
        lines.contains(&"Maria,3,5,0,1 min 30 s,90,1970-01-01T00:01:30Z,matches,The same result as maria.json.,no,maria (1).json"),
        "{csv}"
    );
    // Bo's edited file: no score, for the 5 it claims is not his.
    assert!(lines.contains(&"Bo,,5,0,1 min 40 s,100,1970-01-01T00:01:40Z,\"does not match: The code does not match the name, quiz, time and answers in the file.\",,no,bo.json"), "{csv}");
    assert!(lines.contains(&"number,question id,question,right answer,right,of,not answered,most chosen wrong answer,chosen by (students)"));
    // Question 4's two wrong answers, one student each: neither is named.
    assert!(lines.iter().any(|line| line.starts_with("4,") && line.ends_with(",2,4,0,none stood out (2 different),1")), "{csv}");
    // With the right answer in words, as the page gives it (found by a
    // teacher's walk: the table alone did not say what was right).
    assert!(lines.iter().any(|line| line.starts_with("3,") && line.ends_with(",a,1,4,0,b,2")), "{csv}");
    assert!(lines.contains(&"topic,class average (%),right,of"));
    // Named after its quiz, as a result file is: two classes' tables
    // exported on one day stay apart.
    assert_eq!(class.file_name(0), "open-door-class-results-EveryTopic-1970-01-01.csv");
}

#[test]
fn a_folder_of_nothing_readable_shows_only_the_reasons() {
    let bank = common::bundle(12);
    let files = [
        file("notes.txt", "hello".into()),
        file("big.json", " ".repeat(1_000_001)),
        ("gone.json".to_string(), Err("The file could not be read.".to_string())),
    ];
    let class = ClassResults::gather(&files, &bank);
    assert_eq!(class.quiz, None);
    assert!(class.students.is_empty() && class.questions.is_empty() && class.follow_up.is_empty());
    let reasons: Vec<&str> = class.unreadable.iter().map(|u| u.reason.as_str()).collect();
    assert_eq!(reasons[0], "This is not an Open Door result file.");
    assert!(reasons[1].contains("at most 1 MB"), "{}", reasons[1]);
    assert_eq!(reasons[2], "The file could not be read.");
}

#[test]
fn a_version_1_file_joins_its_class_with_its_time_marked_unchecked() {
    let bank = common::bundle(12);
    let v1 = include_str!("fixtures/result-v1.json").to_string();
    let v2 = result(&bank, 5, "Maria", &[0, 0, 0, 0, 0], 50);
    let class = ClassResults::gather(&[file("old.json", v1), file("maria.json", v2.to_json())], &bank);
    let old = class.students.iter().find(|s| s.file == "old.json").unwrap();
    assert_eq!((old.name.as_str(), old.check.clone(), old.time_checked, old.counted), ("", CodeCheck::Matches, false, true));
    assert_eq!(class.questions.iter().map(|q| q.asked).max(), Some(2));
}

#[test]
fn a_whole_class_that_got_everything_right_needs_no_follow_up() {
    let bank = common::bundle(12);
    let files: Vec<_> = (0..3).map(|i| file(&format!("{i}.json"), result(&bank, 5, &format!("S{i}"), &[0; 5], 60).to_json())).collect();
    let class = ClassResults::gather(&files, &bank);
    assert!(class.follow_up.is_empty());
    assert_eq!(class.follow_up_quiz(), None);
    assert!(class.questions.iter().all(|q| q.right == 3 && q.wrong == WrongAnswers::None));
}

#[test]
fn more_files_than_several_classes_are_listed_not_read() {
    let bank = common::bundle(12);
    let text = result(&bank, 5, "Sam", &[0; 5], 60).to_json();
    let files: Vec<_> = (0..=MAX_FILES).map(|i| file(&format!("{i}.json"), text.clone())).collect();
    let class = ClassResults::gather(&files, &bank);
    assert_eq!(class.students.len(), MAX_FILES);
    assert_eq!(class.unreadable.len(), 1);
    assert_eq!(class.unreadable[0].reason, format!("Only {MAX_FILES} files are read at once."));
}

#[test]
fn a_result_downloaded_before_its_name_was_typed_counts_once_under_the_name() {
    let bank = common::bundle(12);
    let amelie = taken(&bank, 5, &[0, 1, 0, 0, 1], 200);
    let files = vec![
        file("open-door-result.json", ResultRecord::from_session(&amelie, &bank, "").to_json()),
        file("open-door-result.csv", ResultRecord::from_session(&amelie, &bank, "").to_csv(&bank)),
        file("amelie.json", ResultRecord::from_session(&amelie, &bank, "Amélie").to_json()),
        file("bo.json", result(&bank, 5, "Bo", &[1, 1, 1, 1, 1], 100).to_json()),
    ];
    let class = ClassResults::gather(&files, &bank);
    let without_name = Some("The same quiz as amelie.json, which carries a name.");
    assert_eq!(
        rows(&class),
        [
            ("amelie.json", true, None),
            ("bo.json", true, None),
            ("open-door-result.json", false, without_name),
            ("open-door-result.csv", false, without_name)
        ]
    );
    assert!(class.students.iter().filter_map(|s| s.duplicate.as_ref()).all(|d| !d.to_ask), "copies of one result ask nothing");
    assert_eq!(class.questions.iter().map(|q| q.asked).max(), Some(2));
}

#[test]
fn one_quiz_handed_in_under_two_names_counts_for_neither_and_says_so() {
    let bank = common::bundle(12);
    // Lena's result was left on a shared tablet, and Ben downloaded it under
    // his name before taking the quiz himself.
    let lenas = taken(&bank, 5, &[0, 1, 0, 0, 1], 200);
    let files = vec![
        file("lena.json", ResultRecord::from_session(&lenas, &bank, "Lena").to_json()),
        file("ben.json", ResultRecord::from_session(&lenas, &bank, "Ben").to_json()),
        file("ben-2.json", result(&bank, 5, "Ben", &[0, 0, 0, 1, 1], 500).to_json()),
    ];
    let class = ClassResults::gather(&files, &bank);
    assert_eq!(
        rows(&class),
        [
            ("ben.json", false, Some("The same quiz as lena.json, handed in under another name (Lena): ask whose it is.")),
            ("ben-2.json", true, None),
            ("lena.json", false, Some("The same quiz as ben.json, handed in under another name (Ben): ask whose it is.")),
        ]
    );
    assert!(class.students.iter().filter_map(|s| s.duplicate.as_ref()).all(|d| d.to_ask), "the teacher asks the class whose it is");
}

#[test]
fn a_student_who_downloads_again_with_an_initial_as_a_same_name_row_asks_counts_once() {
    let bank = common::bundle(12);
    // Two students called Ana; the table asks the one whose quiz was
    // finished later to download again with an initial, and the teacher
    // picks the whole folder, her first file still in it. Whichever of
    // them finished first, and whatever the letters' case.
    for (first_ana, second_ana) in [(100, 200), (200, 100)] {
        let hers = taken(&bank, 5, &[0, 1, 0, 0, 1], second_ana);
        let files = vec![
            file("ana.json", result(&bank, 5, "Ana", &[0, 0, 0, 0, 0], first_ana).to_json()),
            file("ana (1).json", ResultRecord::from_session(&hers, &bank, "ana").to_json()),
            file("ana b.json", ResultRecord::from_session(&hers, &bank, "ANA B").to_json()),
        ];
        let class = ClassResults::gather(&files, &bank);
        let copy = Some("The same quiz as ana b.json, downloaded again as ANA B.");
        let expected = if first_ana < second_ana {
            [("ana.json", true, None), ("ana (1).json", false, copy), ("ana b.json", true, None)]
        } else {
            [("ana (1).json", false, copy), ("ana.json", true, None), ("ana b.json", true, None)]
        };
        assert_eq!(rows(&class), expected, "the first Ana finished after {first_ana} s");
        assert!(class.students.iter().filter_map(|s| s.duplicate.as_ref()).all(|d| !d.to_ask), "nothing left to ask");
        assert!(class.summary().contains("2 counted"), "{}", class.summary());
    }

    let ana_s = result(&bank, 5, "Ana", &[0, 0, 0, 0, 0], 100);
    let hers = taken(&bank, 5, &[0, 1, 0, 0, 1], 200);
    let named = |name: &str| ResultRecord::from_session(&hers, &bank, name).to_json();
    let asks_all_of_hers = |files: Vec<HandedFile>, hers_files: &[&str]| {
        let class = ClassResults::gather(&files, &bank);
        for s in &class.students {
            let asks = s.duplicate.as_ref().is_some_and(|d| d.to_ask);
            assert_eq!(
                (s.counted, asks),
                (!hers_files.contains(&s.file.as_str()), hers_files.contains(&s.file.as_str())),
                "{:?}",
                rows(&class)
            );
        }
    };
    // Her quiz under a third name besides: whose it is, only the class can
    // tell.
    asks_all_of_hers(
        vec![
            file("ana.json", ana_s.to_json()),
            file("ana (1).json", named("Ana")),
            file("ana b.json", named("Ana B")),
            file("maria.json", named("Maria")),
        ],
        &["ana (1).json", "ana b.json", "maria.json"],
    );
    // A fuller name with no classmate of the shorter one was not asked
    // for: a result left on a shared tablet, downloaded by the next
    // student. Nor is a name that is not the other with more words.
    asks_all_of_hers(vec![file("lena.json", named("Lena")), file("lena m.json", named("Lena M"))], &["lena.json", "lena m.json"]);
    asks_all_of_hers(
        vec![file("ana.json", ana_s.to_json()), file("ana (1).json", named("Ana")), file("anabel.json", named("Anabel"))],
        &["ana (1).json", "anabel.json"],
    );

    // Her first file edited: a changed copy of it, not a second Ana.
    let mut edited = ResultRecord::from_session(&hers, &bank, "Ana");
    edited.correct = 5;
    let files = vec![
        file("ana.json", ana_s.to_json()),
        file("ana (1).json", named("Ana")),
        file("ana b.json", named("Ana B")),
        file("ana (2).json", edited.to_json()),
    ];
    let class = ClassResults::gather(&files, &bank);
    let edited_row = class.students.iter().find(|s| s.file == "ana (2).json").unwrap();
    assert_eq!(
        edited_row.duplicate.as_ref().map(|d| (d.why.as_str(), d.to_ask)),
        Some(("The same result as ana (1).json.", true)),
        "{:?}",
        rows(&class)
    );
}

#[test]
fn two_students_whose_time_ran_out_with_the_same_answers_both_count() {
    let bank = common::bundle(12);
    // Both pressed Start in the same second, answered the first question
    // alike and ran out of time: the same finish time, time and answers.
    let timed = QuizSpec { minutes: Some(1), ..spec(5) };
    let (items, _) = prepare(&bank, &timed);
    let mut session = QuizSession::new(timed, items, 0.0);
    session.submit(&bank, 0, vec![0]);
    session.finish(60_000.0);
    let files = vec![
        file("ana.json", ResultRecord::from_session(&session, &bank, "Ana").to_json()),
        file("ben.json", ResultRecord::from_session(&session, &bank, "Ben").to_json()),
    ];
    let class = ClassResults::gather(&files, &bank);
    assert_eq!(rows(&class), [("ana.json", true, None), ("ben.json", true, None)]);
}

#[test]
fn an_edited_copy_listed_first_never_makes_the_real_result_a_duplicate() {
    let bank = common::bundle(12);
    let real = result(&bank, 5, "Ana", &[0, 0, 1, 1, 0], 75);
    let mut edited = real.clone();
    edited.correct = 5;
    // "a-copy.json" sorts before "b-real.json" under the same name.
    let files = vec![file("b-real.json", real.to_json()), file("a-copy.json", edited.to_json())];
    let class = ClassResults::gather(&files, &bank);
    let real_row = class.students.iter().find(|s| s.file == "b-real.json").unwrap();
    assert_eq!(real_row.check, CodeCheck::Matches);
    assert!(real_row.counted && real_row.duplicate.is_none(), "{real_row:?}");
    let copy_row = class.students.iter().find(|s| s.file == "a-copy.json").unwrap();
    assert!(!copy_row.counted);
    // Listed after the real one, it is said to be the same result: not a
    // harmless copy, but an edited one, to ask about.
    let class = ClassResults::gather(&[file("a-real.json", real.to_json()), file("b-copy.json", edited.to_json())], &bank);
    let copy_row = class.students.iter().find(|s| s.file == "b-copy.json").unwrap();
    assert_eq!(copy_row.duplicate, Some(Duplicate { why: "The same result as a-real.json.".into(), to_ask: true }));
}

#[test]
fn the_same_file_handed_in_again_is_read_once_and_named() {
    let bank = common::bundle(12);
    let maria = file("maria.json", result(&bank, 5, "Maria", &[0, 0, 1, 0, 2], 90).to_json());
    let tom = file("tom.json", result(&bank, 5, "Tom", &[0, 1, 1, 0, 0], 120).to_json());
    let broken = file("notes.txt", "not a result".into());
    // Picked twice: first two files, then the whole folder.
    let mut files = Vec::new();
    assert!(add_new_files(&mut files, vec![maria.clone(), broken.clone()]).is_empty());
    assert_eq!(add_new_files(&mut files, vec![maria.clone(), tom.clone(), broken]), ["maria.json", "notes.txt"]);
    let class = ClassResults::gather(&files, &bank);
    assert_eq!(rows(&class), [("maria.json", true, None), ("tom.json", true, None)]);
    assert_eq!(class.unreadable.len(), 1, "{:?}", class.unreadable);
    // The same name with other content is another file, kept: the table
    // says which of the two counts.
    let maria_again = file("maria.json", result(&bank, 5, "Maria", &[1, 1, 1, 1, 1], 200).to_json());
    assert!(add_new_files(&mut files, vec![maria_again]).is_empty());
    assert_eq!(files.len(), 4);
    // A copy under another name is still a second file, and flagged: the
    // copy, whichever is given first, as a computer names it "… (1)".
    let copy = file("maria (1).json", maria.1.clone().unwrap());
    for given in [[maria.clone(), copy.clone()], [copy, maria]] {
        assert_eq!(
            rows(&ClassResults::gather(&given, &bank)),
            [("maria.json", true, None), ("maria (1).json", false, Some("The same result as maria.json."))]
        );
    }
}

/// The file under the name Open Door gave it counts, whatever its copy is
/// called: a copy's shorter name must not make the original the copy.
#[test]
fn of_a_result_and_its_copy_the_file_named_as_downloaded_counts() {
    let bank = common::bundle(12);
    let maria = result(&bank, 5, "Maria", &[0, 0, 1, 0, 2], 90);
    let downloaded = maria.file_name(20_000, "json");
    assert!(maria.is_named_as_downloaded(&downloaded) && maria.is_named_as_downloaded(&maria.file_name(20_001, "csv")));
    // An ending whose case a computer changed is still the name given.
    assert!(maria.is_named_as_downloaded(&downloaded.replace(".json", ".JSON")));
    for copy_name in ["Maria (1).json", "m.json", &downloaded.replace(".json", " (1).json")] {
        assert!(!maria.is_named_as_downloaded(copy_name), "{copy_name}");
        let files = [file(copy_name, maria.to_json()), file(&downloaded, maria.to_json())];
        let why = format!("The same result as {downloaded}.");
        assert_eq!(rows(&ClassResults::gather(&files, &bank)), [(downloaded.as_str(), true, None), (copy_name, false, Some(why.as_str()))]);
    }
    // Its JSON and its CSV, both as downloaded: the JSON, which no
    // spreadsheet has saved, counts (the CSV's shorter name won).
    let csv = maria.file_name(20_000, "csv");
    let files = [file(&csv, maria.to_csv(&bank)), file(&downloaded, maria.to_json())];
    let why = format!("The same result as {downloaded}.");
    assert_eq!(rows(&ClassResults::gather(&files, &bank)), [(downloaded.as_str(), true, None), (csv.as_str(), false, Some(why.as_str()))]);
}

#[test]
fn a_file_that_could_not_be_read_is_replaced_by_the_one_given_again_under_its_name() {
    let bank = common::bundle(12);
    let whole = result(&bank, 5, "Li", &[0, 0, 1, 0, 2], 90).to_json();
    let cut = file("li.json", whole[..whole.len() / 2].to_string());
    let mut files = vec![cut, file("notes.txt", "not a result".into())];
    assert_eq!(ClassResults::gather(&files, &bank).unreadable.len(), 2);
    assert!(add_new_files(&mut files, vec![file("li.json", whole)]).is_empty());
    let class = ClassResults::gather(&files, &bank);
    assert_eq!(rows(&class), [("li.json", true, None)]);
    assert_eq!(class.unreadable.iter().map(|u| u.file.as_str()).collect::<Vec<_>>(), ["notes.txt"]);
    // A file that was read stays, and one of the same name is a second file.
    let other = file("li.json", result(&bank, 5, "Li", &[1, 1, 1, 1, 1], 200).to_json());
    add_new_files(&mut files, vec![other]);
    assert_eq!(ClassResults::gather(&files, &bank).students.len(), 2);
}

#[test]
fn the_status_line_says_how_many_results_count_and_why_the_others_do_not() {
    let (_, class) = class();
    assert_eq!(
        class.summary(),
        "8 results read: 4 counted in the figures below; not counted: 1 of another quiz, 1 copy, 1 duplicate and 1 whose code does not match. 1 file could not be read."
    );
    let bank = common::bundle(12);
    let ana = file("ana.json", result(&bank, 5, "Ana", &[0, 0, 1, 0, 2], 90).to_json());
    assert_eq!(ClassResults::gather(std::slice::from_ref(&ana), &bank).summary(), "1 result read: 1 counted in the figures below.");
    let edited = file("ana.json", ana.1.unwrap().replace("\"Ana\"", "\"Bo\""));
    assert_eq!(ClassResults::gather(&[edited], &bank).summary(), "1 result read, none counted: 1 whose code does not match.");
}

/// Found by teachers' walks: a pack corrected after the lesson moved a right
/// answer, or was not added on the device reading the files, and the
/// honest files read as edited ones ("The file claims 3 of 5, but its
/// answers score 2 of 5").
#[test]
fn an_unedited_file_this_device_cannot_mark_is_not_taken_for_an_edited_one() {
    let bank = common::bundle(12);
    let maria = result(&bank, 5, "Maria", &[0, 0, 1, 0, 2], 90);
    let tom = result(&bank, 5, "Tom", &[1, 1, 1, 1, 1], 120);
    let mut bo = result(&bank, 5, "Bo", &[1, 1, 1, 1, 1], 100);
    bo.correct = 5;
    // The teacher's copy since: the first question's right answer is "b".
    let mut corrected = bank.clone();
    let first = maria.quiz.questions[0].clone();
    corrected.questions.iter_mut().find(|q| q.id == first).unwrap().answer = vec!["b".into()];
    let files = [file("maria.json", maria.to_json()), file("tom.json", tom.to_json()), file("bo.json", bo.to_json())];
    let class = ClassResults::gather(&files, &corrected);
    let row = |class: &ClassResults, name: &str| class.students.iter().find(|s| s.name == name).unwrap().clone();
    // Maria's "a" was right on her device and is wrong here; Tom's "b" the
    // other way round: each keeps the score the code covers, not counted.
    for (name, score, here) in [("Maria", 3, 2), ("Tom", 0, 1)] {
        let student = row(&class, name);
        assert!(
            matches!(&student.check, CodeCheck::NotMarkedHere(why) if why.starts_with("Its code matches") && why.contains("changed on this device") && why.contains(&format!("here its answers score {here} of 5"))),
            "{name}: {:?}",
            student.check
        );
        assert_eq!((student.correct, student.counted, student.score_is_claimed()), (score, false, false), "{name}");
    }
    // An edited file is still one, whatever this device's copy.
    assert!(
        matches!(&row(&class, "Bo").check, CodeCheck::DoesNotMatch(why) if why.contains("claims 5 of 5")),
        "{:?}",
        row(&class, "Bo").check
    );
    assert_eq!(class.summary(), "3 results read, none counted: 1 whose code does not match and 2 this device cannot mark.");
    assert!(class.to_csv().contains("Maria,3,5,"), "{}", class.to_csv());
    // The copy the class took marks them as their devices did.
    assert_eq!(ClassResults::gather(&files, &bank).students.iter().filter(|s| s.counted).count(), 2);

    // Maria's copy is a copy, and her attempt on the corrected link, after
    // seeing the answers, is a second one: the first, though this device
    // cannot mark it, is still hers.
    let again = ResultRecord::from_session(&taken(&corrected, 5, &[1, 0, 1, 0, 0], 300), &corrected, "Maria");
    let more = [file("maria (1).json", maria.to_json()), file("maria-again.json", again.to_json())];
    let class = ClassResults::gather(&[files.as_slice(), &more].concat(), &corrected);
    let duplicate = |file: &str| class.students.iter().find(|s| s.file == file).and_then(|s| s.duplicate.clone());
    assert_eq!(duplicate("maria.json"), None);
    assert_eq!(duplicate("maria (1).json"), Some(Duplicate { why: "The same result as maria.json.".into(), to_ask: false }));
    assert_eq!(
        duplicate("maria-again.json").map(|d| (d.why, d.to_ask)),
        Some(("The same name as maria.json, finished first (which this device cannot mark). If this is another student's, ask them to download it again with a surname or initial.".into(), true))
    );
    assert_eq!(
        class.summary(),
        "5 results read, none counted: 1 copy, 1 duplicate, 1 whose code does not match and 2 this device cannot mark."
    );

    // Read where the first question is not (its pack not added here): the
    // honest file asks for the pack, the edited one is still edited.
    let mut without = bank.clone();
    without.questions.retain(|q| q.id != first);
    let class = ClassResults::gather(&files, &without);
    let maria = row(&class, "Maria");
    assert!(
        matches!(&maria.check, CodeCheck::NotMarkedHere(why) if why.starts_with("Its code matches") && why.contains("questions this device does not have") && why.contains("add the pack")),
        "{:?}",
        maria.check
    );
    assert_eq!((maria.correct, maria.counted, maria.score_is_claimed()), (3, false, false));
    assert!(
        matches!(&row(&class, "Bo").check, CodeCheck::DoesNotMatch(why) if why.contains("add the pack")),
        "{:?}",
        row(&class, "Bo").check
    );
}

#[test]
fn a_class_with_no_file_counted_has_no_figures_of_nothing() {
    let bank = common::bundle(12);
    let mut edited = result(&bank, 5, "Bo", &[1, 1, 1, 1, 1], 100);
    edited.correct = 5;
    let class = ClassResults::gather(&[file("bo.json", edited.to_json())], &bank);
    assert_eq!(class.students.len(), 1);
    assert!(!class.students[0].counted);
    // "0 of 0 answered right" and "0% (0 of 0)" would read as a class that
    // got everything wrong.
    assert!(class.questions.is_empty() && class.topics.is_empty() && class.follow_up.is_empty(), "{class:?}");
    assert!(class.to_csv().lines().all(|line| !line.contains(",0,0")), "{}", class.to_csv());
}

#[test]
fn questions_a_students_time_ran_out_on_are_counted_apart_from_wrong_answers() {
    // Every question: choices a, b, c; a is right.
    let bank = bank_of(QuestionKind::Single);
    let timed = QuizSpec { minutes: Some(5), ..spec(5) };
    let (items, _) = prepare(&bank, &timed);
    let took = |name: &str, answers: &[usize]| {
        let mut session = QuizSession::new(timed.clone(), items.clone(), 0.0);
        for (index, choice) in answers.iter().enumerate() {
            session.submit(&bank, index, vec![*choice]);
        }
        assert!(session.end_if_out_of_time(5.0 * 60_000.0), "{name}'s time ran out");
        file(&format!("{name}.json"), ResultRecord::from_session(&session, &bank, name).to_json())
    };
    // Ana answered all five, Bo two, Cy one: all wrongly but Ana's first.
    let class = ClassResults::gather(&[took("Ana", &[0, 1, 2, 1, 1]), took("Bo", &[2, 2]), took("Cy", &[1])], &bank);

    let scores: Vec<(&str, usize, usize, usize)> =
        class.students.iter().map(|s| (s.name.as_str(), s.correct, s.total, s.unanswered)).collect();
    assert_eq!(scores, [("Ana", 1, 5, 0), ("Bo", 0, 5, 3), ("Cy", 0, 5, 4)]);
    let second = class.questions.iter().find(|q| q.number == 2).expect("question 2");
    // Two answered it wrongly, each their own way; Cy gave no answer.
    assert_eq!((second.right, second.asked, second.unanswered, &second.wrong), (0, 3, 1, &WrongAnswers::Spread { students: 2 }));
    let fifth = class.questions.iter().find(|q| q.number == 5).expect("question 5");
    assert_eq!((fifth.right, fifth.asked, fifth.unanswered, &fifth.wrong), (0, 3, 2, &most_chosen(&["b"], 1)));

    let csv = class.to_csv();
    assert!(csv.lines().any(|line| line.starts_with("Bo,0,5,3,5 min 00 s,300,")), "{csv}");
    assert!(csv.lines().any(|line| line.starts_with("5,") && line.ends_with(",0,3,2,b,1")), "{csv}");
}

#[test]
fn the_class_quiz_opens_under_the_teachers_title_as_the_class_was_given_it() {
    let bank = common::bundle(12);
    // As the Classroom makes a class quiz: its questions listed.
    let (items, _) = prepare(&bank, &spec(5));
    let class_spec = QuizSpec { selection: Selection::Ids(items.iter().map(|item| item.question_id.clone()).collect()), ..spec(5) };
    let labels = LinkLabels { pack: None, title: Some("9B: Article 5 check".into()), about: None };
    let mut titled = QuizSession::new(class_spec.clone(), items.clone(), 0.0);
    titled.labels = labels.clone();
    titled.finish(60_000.0);
    let record = ResultRecord::from_session(&titled, &bank, "Ana");
    let class_link = QuizLink::open(&QuizLink::from_spec(titled.spec.clone(), &bank).with_labels(labels, &bank).href(), &bank);

    let opened = record.quiz.class_link(&bank);
    assert_eq!(opened.href(), class_link.href(), "the class link, title and check as given");
    assert_eq!(opened.labels().title.as_deref(), Some("9B: Article 5 check"));
    assert_eq!(opened.key(), class_link.key(), "the same quiz, so a saved one is found");

    // Untitled, it is the quiz's own link.
    let mut untitled = QuizSession::new(class_spec, items, 0.0);
    untitled.finish(60_000.0);
    let opened = ResultRecord::from_session(&untitled, &bank, "Bo").quiz.class_link(&bank);
    assert_eq!(opened.labels().title, None);
    assert_eq!(opened.href(), QuizLink::from_spec(untitled.spec.clone(), &bank).href());

    // Named after the topic the teacher ticked: with it, not as a title,
    // which would make it a teacher's quiz.
    let listed = QuizLink::open("ids=000-01,000-02&seed=1&mode=test", &bank);
    let class_link = listed.with_labels(LinkLabels { about: Some("joining".into()), ..LinkLabels::default() }, &bank);
    let mut on_joining = QuizSession::new(class_link.spec().clone(), class_link.items().to_vec(), 0.0);
    on_joining.labels = class_link.labels().clone();
    on_joining.finish(60_000.0);
    let record = ResultRecord::from_session(&on_joining, &bank, "Cy");
    assert_eq!(record.quiz.title, "Quiz on Joining");
    let opened = record.quiz.class_link(&bank);
    assert_eq!((opened.labels().title.as_deref(), opened.labels().about.as_deref()), (None, Some("joining")));
    assert_eq!(opened.href(), class_link.href());
}

#[test]
fn students_each_shuffling_a_link_without_a_seed_took_the_class_quiz() {
    let bank = common::bundle(12);
    let listed: Vec<String> = bank.questions.iter().take(4).map(|q| q.id.clone()).collect();
    let took = |name: &str, ids: &[String], seed: u32, answers: &[usize]| {
        let spec = QuizSpec { selection: Selection::Ids(ids.to_vec()), seed, mode: Mode::Test, minutes: None };
        let (items, _) = prepare(&bank, &spec);
        let mut session = QuizSession::new(spec, items, 0.0);
        for (index, choice) in answers.iter().enumerate() {
            session.submit(&bank, index, vec![*choice]);
        }
        session.finish(60_000.0);
        file(&format!("{name}.json"), ResultRecord::from_session(&session, &bank, name).to_json())
    };
    let mut reordered = listed.clone();
    reordered.swap(0, 1);
    let files = [
        took("Ana", &listed, 11, &[0, 0, 0, 0]),
        took("Bo", &listed, 22, &[1, 0, 0, 0]),
        took("Cy", &listed, 33, &[1, 0, 2, 0]),
        // The same questions in another order: another quiz.
        took("Di", &reordered, 11, &[0, 0, 0, 0]),
    ];
    let class = ClassResults::gather(&files, &bank);
    let rows: Vec<(&str, bool, bool)> =
        class.students.iter().map(|s| (s.name.as_str(), matches!(s.check, CodeCheck::OtherQuiz(_)), s.counted)).collect();
    assert_eq!(rows, [("Ana", false, true), ("Bo", false, true), ("Cy", false, true), ("Di", true, false)]);
    let first = class.questions.iter().find(|q| q.number == 1).expect("question 1");
    assert_eq!(
        (first.right, first.asked, &first.wrong),
        (1, 3, &most_chosen(&["b"], 2)),
        "answers counted by choice, whatever each student's shuffle"
    );
}

#[test]
fn a_file_of_another_quiz_under_the_class_quizs_title_says_what_tells_it_apart() {
    let bank = common::bundle(12);
    let titled = |name: &str, spec: QuizSpec| {
        let (items, _) = prepare(&bank, &spec);
        let mut session = QuizSession::new(spec, items, 0.0);
        session.labels = LinkLabels { pack: None, title: Some("Week 3".into()), about: None };
        session.finish(60_000.0);
        file(&format!("{name}.json"), ResultRecord::from_session(&session, &bank, name).to_json())
    };
    let files =
        [titled("Ana", spec(5)), titled("Bo", spec(5)), titled("Cy", QuizSpec { mode: Mode::Practice, ..spec(5) }), titled("Di", spec(6))];
    let class = ClassResults::gather(&files, &bank);
    let other: Vec<(&str, &str)> = class
        .students
        .iter()
        .filter_map(|s| match &s.check {
            CodeCheck::OtherQuiz(title) => Some((s.name.as_str(), title.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(other, [("Cy", "Week 3 (practice with no time limit)"), ("Di", "Week 3 (other questions)")]);

    // The same questions in another order, under one title.
    let listed = |ids: &[&str]| QuizSpec { selection: Selection::Ids(ids.iter().map(|id| id.to_string()).collect()), ..spec(5) };
    let first: Vec<&str> = bank.questions.iter().take(3).map(|q| q.id.as_str()).collect();
    let reordered = [first[1], first[0], first[2]];
    let files = [titled("Ana", listed(&first)), titled("Bo", listed(&first)), titled("Cy", listed(&reordered))];
    let class = ClassResults::gather(&files, &bank);
    assert!(matches!(&class.students[2].check, CodeCheck::OtherQuiz(title) if title == "Week 3 (the same questions in another order)"));
}

/// Found by a teacher's walk: a student's result of the follow-up quiz,
/// read with the class's files, was said to be a second attempt under her
/// name ("ask them to download it again with a surname").
#[test]
fn a_students_result_of_another_quiz_is_no_second_attempt_at_the_class_quiz() {
    let bank = common::bundle(12);
    let class_quiz = |name: &str, seconds| file(&format!("{name}.json"), result(&bank, 5, name, &[0, 0, 1, 0, 2], seconds).to_json());
    let follow_up = file("maria-follow-up.json", result(&bank, 6, "Maria", &[0, 0, 0, 0, 0], 200).to_json());
    let class = ClassResults::gather(&[class_quiz("Maria", 90), class_quiz("Tom", 80), follow_up], &bank);
    let maria: Vec<(&CodeCheck, bool, Option<&Duplicate>)> =
        class.students.iter().filter(|s| s.name == "Maria").map(|s| (&s.check, s.counted, s.duplicate.as_ref())).collect();
    assert_eq!(maria.len(), 2);
    assert_eq!((maria[0].0, maria[0].1, maria[0].2), (&CodeCheck::Matches, true, None));
    assert!(matches!(maria[1].0, CodeCheck::OtherQuiz(_)) && !maria[1].1 && maria[1].2.is_none(), "{:?}", maria[1]);
    assert_eq!(class.summary(), "3 results read: 2 counted in the figures below; not counted: 1 of another quiz.");
}

/// A CSV file that does not match its code may have been saved by a
/// spreadsheet, not edited by the student: its check says so, and what to
/// ask for; a JSON file, which no spreadsheet saves, is not excused.
#[test]
fn a_csv_that_does_not_match_says_a_spreadsheet_may_have_changed_it() {
    let bank = common::bundle(12);
    let tom = result(&bank, 5, "Tom", &[0, 1, 1, 0, 0], 120);
    let csv = tom.to_csv(&bank).replace("seconds,120", "seconds,12");
    let json = tom.to_json().replace("\"seconds\": 120", "\"seconds\": 12");
    for (file_name, text, excused) in [("tom.csv", csv.clone(), true), ("TOM.CSV", csv, true), ("tom.json", json, false)] {
        let class = ClassResults::gather(&[file(file_name, text)], &bank);
        let CodeCheck::DoesNotMatch(why) = &class.students[0].check else { panic!("{file_name}: {:?}", class.students[0].check) };
        assert_eq!(why.ends_with(SAVED_BY_A_SPREADSHEET), excused, "{file_name}: {why}");
    }
}
