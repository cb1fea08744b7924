mod common;

use open_door_core::content::QuestionKind;
use open_door_core::quiz::{choice_order, prepare, review_entry_id, time_left_text, Mode, QuizSession, QuizSpec, Selection, Submitted};

fn filter(count: Option<usize>, topics: &[&str]) -> QuizSpec {
    QuizSpec {
        selection: Selection::Filter { topics: topics.iter().map(|t| t.to_string()).collect(), articles: vec![], count },
        seed: 77,
        mode: Mode::Practice,
        minutes: None,
    }
}

#[test]
fn the_same_spec_gives_the_same_quiz() {
    let bank = common::bundle(30);
    assert_eq!(prepare(&bank, &filter(Some(10), &[])), prepare(&bank, &filter(Some(10), &[])));
    let other = QuizSpec { seed: 78, ..filter(Some(10), &[]) };
    assert_ne!(prepare(&bank, &filter(Some(10), &[])).0, prepare(&bank, &other).0);
}

#[test]
fn the_order_of_the_bank_does_not_change_a_quiz() {
    let bank = common::bundle(30);
    let mut reversed = bank.clone();
    reversed.questions.reverse();
    assert_eq!(prepare(&bank, &filter(Some(10), &[])), prepare(&reversed, &filter(Some(10), &[])));
}

#[test]
fn filters_counts_and_unknown_ids() {
    let bank = common::bundle(30);
    let (items, _) = prepare(&bank, &filter(None, &["article-5"]));
    assert_eq!(items.len(), 15);
    assert!(items.iter().all(|i| bank.question(&i.question_id).unwrap().topics == ["article-5"]));
    let ids = QuizSpec { selection: Selection::Ids(vec!["000-03".into(), "gone".into(), "000-01".into()]), ..filter(None, &[]) };
    let (items, unknown) = prepare(&bank, &ids);
    assert_eq!(items.iter().map(|i| i.question_id.as_str()).collect::<Vec<_>>(), ["000-03", "000-01"]);
    assert_eq!(unknown, ["gone"]);
}

#[test]
fn how_a_quiz_runs_reads_as_its_mode_and_time_limit_and_a_timed_one_waits_for_start() {
    assert_eq!(filter(None, &[]).how_it_runs(), "practice with no time limit");
    let timed_test = QuizSpec { mode: Mode::Test, minutes: Some(10), ..filter(None, &[]) };
    assert_eq!(timed_test.how_it_runs(), "a test with a 10-minute time limit");
    assert!(timed_test.waits_for_start() && !filter(None, &[]).waits_for_start());
}

#[test]
fn a_test_or_a_titled_quiz_is_set_by_a_teacher() {
    let bank = common::bundle(6);
    let session = |spec: QuizSpec| QuizSession::new(spec.clone(), prepare(&bank, &spec).0, 0.0);
    assert!(!session(filter(None, &[])).is_set_by_teacher());
    assert!(session(QuizSpec { mode: Mode::Test, ..filter(None, &[]) }).is_set_by_teacher());
    let mut titled = session(filter(None, &[]));
    titled.labels.title = Some("9B".into());
    assert!(titled.is_set_by_teacher());
}

#[test]
fn a_quiz_on_chosen_sources_asks_no_which_source_question() {
    // Such a question's answer is always its own source, so in a quiz on
    // chosen sources the choice of sources would give it away.
    let mut bank = common::bundle(6);
    for question in bank.questions.iter_mut().take(3) {
        question.kind = QuestionKind::WhichSource;
    }
    let on_sources =
        |articles: Vec<String>| QuizSpec { selection: Selection::Filter { topics: vec![], articles, count: None }, ..filter(None, &[]) };
    let kinds = |spec: &QuizSpec| prepare(&bank, spec).0.iter().map(|i| bank.question(&i.question_id).unwrap().kind).collect::<Vec<_>>();
    let chosen = on_sources(vec!["000".into()]);
    assert_eq!(kinds(&chosen), [QuestionKind::Single; 3]);
    assert_eq!(chosen.selection.size(&bank), 3);
    // With no source chosen, they are asked like any other.
    assert_eq!(kinds(&on_sources(vec![])).iter().filter(|&&k| k == QuestionKind::WhichSource).count(), 3);
}

#[test]
fn a_selections_size_is_the_number_of_questions_its_quiz_asks() {
    let bank = common::bundle(30);
    let article_5 = |count| filter(count, &["article-5"]).selection;
    // Fewer match than asked: the quiz asks those that match.
    assert_eq!(article_5(Some(20)).size(&bank), 15);
    assert_eq!(article_5(Some(10)).size(&bank), 10);
    assert_eq!(article_5(None).size(&bank), 15);
    let nothing = Selection::Filter { topics: vec!["article-5".into()], articles: vec!["no-such-article".into()], count: Some(5) };
    assert_eq!(nothing.size(&bank), 0);
    let ids = Selection::Ids(vec!["000-03".into(), "gone".into(), "000-01".into()]);
    assert_eq!(ids.size(&bank), 2);
    for selection in [article_5(Some(20)), article_5(Some(10)), article_5(None), nothing, ids, filter(Some(10), &[]).selection] {
        let spec = QuizSpec { selection: selection.clone(), ..filter(None, &[]) };
        assert_eq!(selection.size(&bank), prepare(&bank, &spec).0.len(), "{selection:?}");
    }
}

#[test]
fn an_order_question_never_starts_solved() {
    let question = common::question("000-00", open_door_core::content::QuestionKind::Order);
    for seed in 0..500 {
        let order = choice_order(&question, seed);
        assert_ne!(order, [0, 1, 2], "seed {seed}");
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, [0, 1, 2]);
    }
}

#[test]
fn the_first_answer_counts_and_later_ones_change_nothing() {
    let bank = common::bundle(10);
    let (items, _) = prepare(&bank, &filter(Some(3), &[]));
    let mut session = QuizSession::new(filter(Some(3), &[]), items, 0.0);
    let right = bank.question(&session.items[0].question_id).unwrap().correct_indices();
    assert_eq!(session.submit(&bank, 0, right.clone()), Submitted::Scored { correct: true });
    assert_eq!(session.submit(&bank, 0, vec![1]), Submitted::AlreadyAnswered);
    assert_eq!(session.submit(&bank, 1, vec![9]), Submitted::Invalid);
    assert_eq!(session.submit(&bank, 1, vec![0, 1]), Submitted::Invalid, "one choice for a single question");
    assert_eq!(session.submit(&bank, 1, vec![1]), Submitted::Scored { correct: false });
    let score = session.score(&bank);
    assert_eq!((score.correct, score.answered, score.total), (1, 2, 3));
    assert_eq!(session.missed(&bank).len(), 2, "the wrong one and the unanswered one");
}

#[test]
fn advancing_past_the_last_question_finishes_once() {
    let bank = common::bundle(10);
    let (items, _) = prepare(&bank, &filter(Some(2), &[]));
    let mut session = QuizSession::new(filter(Some(2), &[]), items, 1_000.0);
    session.advance(2_000.0);
    assert!(!session.is_finished());
    session.advance(3_000.0);
    session.advance(9_000.0);
    assert_eq!(session.finished_at_ms, Some(3_000.0));
    assert_eq!(session.submit(&bank, 0, vec![0]), Submitted::AlreadyAnswered, "a finished quiz takes no answers");
}

#[test]
fn the_way_back_from_an_evidence_is_to_the_question_or_to_its_review() {
    let bank = common::bundle(10);
    let (items, _) = prepare(&bank, &filter(Some(3), &[]));
    let mut session = QuizSession::new(filter(Some(3), &[]), items, 0.0);
    let second = session.items[1].question_id.clone();
    assert_eq!(session.href_back_from(&second), session.href(), "unfinished, the quiz asks the question itself");
    session.finish(1_000.0);
    let back = session.href_back_from(&second);
    assert_eq!(back, format!("{}#{}", session.href(), review_entry_id(&second)), "finished, at the question in the review");
    assert_ne!(review_entry_id(&second), review_entry_id(&session.items[0].question_id));
}

#[test]
fn the_review_opens_on_the_mistakes_unless_opened_out_or_arrived_at_a_right_answer() {
    let bank = common::bundle(10);
    let (items, _) = prepare(&bank, &filter(Some(3), &[]));
    let mut session = QuizSession::new(filter(Some(3), &[]), items, 0.0);
    let [right, wrong, unanswered] = [0, 1, 2].map(|i| session.items[i].question_id.clone());
    session.submit(&bank, 0, bank.question(&right).unwrap().correct_indices());
    session.submit(&bank, 1, vec![1]);
    session.finish(1_000.0);
    assert!(session.review_opens_on_mistakes(&bank, false, ""), "with mistakes, on them alone");
    assert!(!session.review_opens_on_mistakes(&bank, true, ""), "opened out by the student, whole");
    assert!(
        !session.review_opens_on_mistakes(&bank, false, &review_entry_id(&right)),
        "back at a right answer, whole, or it would be hidden"
    );
    for missed in [&wrong, &unanswered] {
        assert!(session.review_opens_on_mistakes(&bank, false, &review_entry_id(missed)), "back at a mistake, on the mistakes");
    }
    assert!(session.review_opens_on_mistakes(&bank, false, &review_entry_id("999-99")), "a fragment of no entry changes nothing");

    let (items, _) = prepare(&bank, &filter(Some(1), &[]));
    let mut all_right = QuizSession::new(filter(Some(1), &[]), items, 0.0);
    let only = all_right.items[0].question_id.clone();
    all_right.submit(&bank, 0, bank.question(&only).unwrap().correct_indices());
    all_right.finish(1_000.0);
    assert!(!all_right.review_opens_on_mistakes(&bank, false, ""), "no mistakes, the whole review");
}

#[test]
fn a_result_finished_since_the_page_was_opened_is_of_this_visit() {
    let bank = common::bundle(10);
    let spec = QuizSpec { minutes: Some(1), ..filter(Some(2), &[]) };
    let (items, _) = prepare(&bank, &spec);
    let mut session = QuizSession::new(spec, items, 1_000.0);
    assert!(!session.finished_since(0.0), "not finished yet");
    session.finish(5_000.0);
    assert!(session.finished_since(5_000.0) && session.finished_since(4_000.0));
    assert!(!session.finished_since(5_001.0), "finished before the page was opened");

    // The time ran out while the page was closed: it ended at its
    // deadline, before the page opened again.
    let mut timed = QuizSession::new(session.spec.clone(), session.items.clone(), 1_000.0);
    assert!(timed.end_if_out_of_time(90_000.0));
    assert!(!timed.finished_since(90_000.0) && timed.finished_since(61_000.0));
}

#[test]
fn scores_by_topic() {
    let bank = common::bundle(10);
    let spec = QuizSpec { selection: Selection::Ids(vec!["000-00".into(), "000-01".into(), "000-02".into()]), ..filter(None, &[]) };
    let (items, _) = prepare(&bank, &spec);
    let mut session = QuizSession::new(spec, items, 0.0);
    for i in 0..3 {
        let right = bank.question(&session.items[i].question_id).unwrap().correct_indices();
        session.submit(&bank, i, right);
    }
    let topics = session.by_topic(&bank);
    assert_eq!(topics.iter().map(|t| (t.topic.as_str(), t.correct, t.total)).collect::<Vec<_>>(), [("joining", 2, 2), ("article-5", 1, 1)]);
}

mod letters {
    use open_door_core::content::QuestionKind;
    use open_door_core::quiz::{answer_in_letter_order, answer_letters, choice_letter, choice_place, marking_key, QuizItem};

    use super::common;

    #[test]
    fn a_letter_key_names_the_choice_lettered_so() {
        for place in 0..26 {
            let letter = choice_letter(place);
            assert_eq!(choice_place(&letter.to_string()), Some(place));
            assert_eq!(choice_place(&letter.to_ascii_lowercase().to_string()), Some(place));
        }
        for other in ["1", "Enter", " ", "", "ab", "é", "Ä", "["] {
            assert_eq!(choice_place(other), None, "{other:?}");
        }
    }

    #[test]
    fn the_key_letters_the_right_choices_where_they_are_shown() {
        let mut bank = common::bundle(0);
        bank.questions = vec![
            common::question("000-01", QuestionKind::Single),
            common::question("000-02", QuestionKind::Multiple),
            common::question("000-03", QuestionKind::Order),
        ];
        let items = vec![
            // "a" (the answer) shown third.
            QuizItem { question_id: "000-01".into(), choice_order: vec![2, 1, 0] },
            // "a" and "b" shown second and first.
            QuizItem { question_id: "000-02".into(), choice_order: vec![1, 0, 2] },
            // first, second, third shown as B, C, A.
            QuizItem { question_id: "000-03".into(), choice_order: vec![2, 0, 1] },
        ];
        assert_eq!((0..4).map(choice_letter).collect::<String>(), "ABCD");
        assert_eq!(answer_letters(&bank.questions[0], &items[0]), "C");
        assert_eq!(answer_letters(&bank.questions[1], &items[1]), "A B");
        // The worksheet asks for a number beside each letter of an order
        // question: "third" is shown as A, so A is 3.
        assert_eq!(answer_letters(&bank.questions[2], &items[2]), "A3 B1 C2");
        assert_eq!(marking_key(&items, &bank), "1 C, 2 A B, 3 A3 B1 C2");
        // The words follow the letters: A is "b", B is "a".
        assert_eq!(answer_in_letter_order(&bank.questions[1], &items[1]), "b; a");
        assert_eq!(answer_in_letter_order(&bank.questions[2], &items[2]), "first → second → third");
    }
}

#[test]
fn a_quiz_is_titled_by_what_it_asks() {
    let bank = common::bundle(10);
    assert_eq!(QuizSpec::quick(1).title(&bank), "Quiz on every topic");
    assert_eq!(QuizSpec::on_topic("article-5", 1).title(&bank), "Quiz on Article 5");
    assert_eq!(filter(None, &["joining", "article-5"]).title(&bank), "Quiz on Joining and Article 5");
    let articles =
        QuizSpec { selection: Selection::Filter { topics: vec![], articles: vec!["000".into()], count: None }, ..filter(None, &[]) };
    assert_eq!(articles.title(&bank), "Quiz on the test text");
    // Past three named, a count that fits sources as well as topics.
    let mut many = bank.clone();
    for (id, title) in [("a", "A"), ("b", "B"), ("c", "C")] {
        many.topics.push(open_door_core::content::Topic { id: id.into(), title: title.into() });
    }
    assert_eq!(filter(None, &["joining", "article-5", "a", "b", "c"]).title(&many), "Quiz on Joining, Article 5, A and 2 more");
    // Questions 000-00 and 000-02 are on joining; 000-01 on Article 5.
    assert_eq!(QuizSpec::of_questions(vec!["000-00".into(), "000-02".into()], 1).title(&bank), "Quiz on Joining");
    assert_eq!(QuizSpec::of_questions(vec!["000-01".into(), "000-00".into()], 1).title(&bank), "Quiz on Article 5 and Joining");
}

#[test]
fn a_class_link_is_titled_by_the_topic_its_questions_share_not_each_ones_first() {
    // As the Classroom page makes it from the one topic "Article 5" ticked:
    // a question on two topics, the other first, does not name it too.
    let mut bank = common::bundle(4);
    bank.questions[0].topics = vec!["joining".into(), "article-5".into()];
    let ids = |list: &[&str]| QuizSpec::of_questions(list.iter().map(|id| id.to_string()).collect(), 1);
    assert_eq!(ids(&["000-00", "000-01", "000-03"]).title(&bank), "Quiz on Article 5");
    // A question on the shared topic alone, and one on the other alone:
    // both named, the one more questions are on first.
    assert_eq!(ids(&["000-02", "000-00", "000-01", "000-03"]).title(&bank), "Quiz on Article 5 and Joining");
    // Two topics each question is on: the first met in quiz order.
    assert_eq!(ids(&["000-00"]).title(&bank), "Quiz on Joining");
}

#[test]
fn the_time_left_reads_0_00_only_once_the_time_has_run_out() {
    assert_eq!(time_left_text(600_000.0), "Time left: 10:00");
    assert_eq!(time_left_text(59_001.0), "Time left: 1:00");
    assert_eq!(time_left_text(300.0), "Time left: 0:01", "the last second still counts");
    assert_eq!(time_left_text(0.0), "Time left: 0:00");
    assert_eq!(time_left_text(-800.0), "Time left: 0:00");
}

#[test]
fn a_quiz_of_questions_unknown_here_is_titled_by_their_number() {
    let bank = common::bundle(20);
    let title = |ids: &[&str]| {
        QuizSpec { selection: Selection::Ids(ids.iter().map(|id| id.to_string()).collect()), seed: 1, mode: Mode::Practice, minutes: None }
            .title(&bank)
    };
    assert_eq!(title(&["pack-01"]), "Quiz of 1 chosen question");
    assert_eq!(title(&["pack-01", "pack-02"]), "Quiz of 2 chosen questions");
}
