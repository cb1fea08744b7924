mod common;

use open_door_core::content::Bundle;
use open_door_core::link::{earlier_links, LinkChoices, LinkLabels, QuizLink, Remade, EARLIER_LINKS_MAX, MAX_LABEL_CHARS, MAX_QUESTIONS};
use open_door_core::quiz::{Mode, QuizSpec, Selection};

#[test]
fn a_spec_survives_the_round_trip() {
    let bank = common::bundle(20);
    for spec in [
        QuizSpec { selection: Selection::Ids(vec!["000-04".into(), "000-01".into()]), seed: 9, mode: Mode::Test, minutes: Some(10) },
        QuizSpec {
            selection: Selection::Filter { topics: vec!["joining".into()], articles: vec!["000".into()], count: None },
            seed: u32::MAX,
            mode: Mode::Practice,
            minutes: None,
        },
        QuizSpec::quick(0),
    ] {
        let link = QuizLink::open(&spec.query(), &bank);
        assert_eq!(link.spec(), &spec);
        assert!(link.notices().is_empty(), "{:?}", link.notices());
        assert!(link.href().starts_with("/quiz/play?check=") && link.href().ends_with(&format!("&{}", spec.query())), "{}", link.href());
        let again = QuizLink::open(link.href().split_once('?').unwrap().1, &bank);
        assert!(!again.is_cut());
        assert_eq!((again.spec(), again.items(), again.notices()), (link.spec(), link.items(), link.notices()));
    }
}

/// Bad links, and what the student is told: (query, words a notice must hold).
const BAD_LINKS: &[(&str, &str)] = &[
    ("ids=000-01,zzz-99&seed=1", "1 of this link's questions is not in this app's question bank"),
    ("ids=nope&seed=1", "None of this link's questions"),
    ("topics=joining,cooking&seed=1", "1 topic this app does not have, left out: cooking"),
    ("articles=999&seed=1", "1 source this app does not have, left out: 999"),
    ("count=-3&seed=1", "\"-3\" questions"),
    ("count=99999999999999999999&seed=1", "this quiz has 10"),
    ("count=201&seed=1", "not 1 to 200"),
    ("seed=banana", "shuffle number is not a number"),
    ("mode=exam&seed=1", "Unknown mode \"exam\""),
    ("minutes=9000&seed=1", "no time limit"),
    ("ids=%E0%A4%A&seed=1", "garbled"),
    ("utm_source=x&seed=1", "(\"utm_source\") is not something a quiz link has"),
    ("ids=000-01,000-02&count=3&seed=1", "lists its questions, so its count is not used"),
    ("topics=joining&ids=000-01&count=1&articles=000&seed=1", "so its topics, count and articles are not used"),
];

#[test]
fn bad_links_give_the_nearest_quiz_and_say_why_in_plain_words() {
    let bank = common::bundle(20);
    for (query, expected) in BAD_LINKS {
        let link = QuizLink::open(query, &bank);
        assert!(
            link.notices().iter().any(|n| n.contains(expected)),
            "link `{query}`: expected a notice with `{expected}`, got {:?}",
            link.notices()
        );
        assert!(link.notices().iter().all(|n| !n.contains('`')), "link `{query}`: {:?}", link.notices());
    }
}

#[test]
fn a_link_whose_questions_are_all_unknown_asks_nothing_rather_than_something_else() {
    let bank = common::bundle(20);
    assert!(QuizLink::open("ids=pack-01,pack-02&seed=1", &bank).items().is_empty());
}

#[test]
fn a_link_that_repeats_a_question_asks_it_once() {
    let bank = common::bundle(20);
    let [first, second] = [&bank.questions[0].id, &bank.questions[1].id];
    let link = QuizLink::open(&format!("ids={first},{second},{first}&seed=1"), &bank);
    let asked: Vec<&str> = link.items().iter().map(|item| item.question_id.as_str()).collect();
    assert_eq!(asked, [first.as_str(), second.as_str()]);
}

#[test]
fn a_class_link_cut_short_or_changed_anywhere_is_refused() {
    let bank = common::bundle(20);
    let spec = QuizSpec {
        selection: Selection::Ids(vec!["000-01".into(), "000-02".into(), "000-03".into()]),
        seed: 3_105_781_230,
        mode: Mode::Test,
        minutes: Some(10),
    };
    let labels = LinkLabels { pack: None, title: Some("Lesson 4 check".into()), about: None };
    let link = QuizLink::from_spec(spec, &bank).with_labels(labels.clone(), &bank);
    let href = link.href();
    let query = href.strip_prefix("/quiz/play?").expect("a play link");
    let whole = QuizLink::open(query, &bank);
    assert!(!whole.is_cut() && whole.notices().is_empty());
    assert_eq!((whole.items(), whole.labels()), (link.items(), &labels));
    // Cut anywhere after the check's name, it no longer matches the rest.
    for end in "check=".len()..query.len() {
        let cut = QuizLink::open(&query[..end], &bank);
        assert!(cut.is_cut(), "cut after {end}: {}", &query[..end]);
        assert!(
            cut.items().is_empty() && cut.notices().is_empty() && cut.labels() == &LinkLabels::default(),
            "nothing of a cut link is used"
        );
    }
    // Changed by hand, or written another way for the same quiz.
    assert!(QuizLink::open(&query.replace("minutes=10", "minutes=11"), &bank).is_cut());
    assert!(!QuizLink::open(&query.replace(',', "%2C"), &bank).is_cut());
    // The projector's and the worksheet's links carry the same check.
    for other in [link.projector_href(), link.print_href()] {
        assert!(!QuizLink::open(other.split_once('?').expect("a query").1, &bank).is_cut(), "{other}");
    }
    // A link without one (put together by hand) is read as before.
    let unchecked = query.split_once('&').expect("the check comes first").1;
    assert!(!QuizLink::open(unchecked, &bank).is_cut());
}

#[test]
fn a_title_is_kept_as_the_link_reads_it_back_so_the_link_stays_whole() {
    let bank = common::bundle(20);
    let spec = QuizSpec { selection: Selection::Ids(vec!["000-01".into()]), seed: 1, mode: Mode::Practice, minutes: None };
    let pasted = format!(" Week 3\tquiz {}", "x".repeat(100));
    let link = QuizLink::from_spec(spec, &bank).with_labels(LinkLabels { pack: None, title: Some(pasted), about: None }, &bank);
    let opened = QuizLink::open(link.href().split_once('?').expect("a query").1, &bank);
    assert!(!opened.is_cut());
    assert_eq!(opened.labels(), link.labels());
    assert_eq!(
        opened.labels().title.as_ref().map(|t| t.chars().count()),
        Some(MAX_LABEL_CHARS - 1),
        "cut to the most a link keeps, then trimmed"
    );
}

#[test]
fn a_link_sums_up_its_quiz_in_one_line() {
    let bank = common::bundle(20);
    let timed = QuizLink::open("ids=000-01,000-02&seed=1&mode=test&minutes=10&title=9B", &bank);
    assert_eq!(timed.summary(&bank), "9B: 2 questions, a test with a 10-minute time limit.");
    assert_eq!(timed.outline(), "2 questions, a test with a 10-minute time limit.");
    // Told apart from a practice link of the same title.
    assert_eq!(timed.title_with_mode(&bank), "9B (a test with a 10-minute time limit)");
    let practice = QuizLink::open("ids=000-01,000-02&seed=1&title=9B", &bank);
    assert_eq!(practice.title_with_mode(&bank), "9B (practice with no time limit)");
    let one = QuizLink::open("ids=000-01&seed=1", &bank);
    assert_eq!(one.summary(&bank), format!("{}: 1 question, practice with no time limit.", one.spec().title(&bank)));
}

#[test]
fn the_link_builders_choices_are_kept_as_made_and_a_title_or_time_limit_alone_keeps_the_questions() {
    let choices = LinkChoices {
        topics: vec!["article-5".into(), "joining".into()],
        articles: vec!["002".into()],
        count: Some(5),
        mode: Mode::Test,
        minutes: Some(10),
        picked: vec![],
        title: "9B: Article 5 & more, 100%".into(),
    };
    let all =
        LinkChoices { count: None, picked: vec!["000-01".into(), "treaty-03".into()], title: String::new(), ..LinkChoices::default() };
    for kept in [choices.clone(), all, LinkChoices::default()] {
        assert_eq!(LinkChoices::from_query(&kept.to_query()), Some(kept.clone()), "{}", kept.to_query());
    }
    let corrected = LinkChoices { title: "9B: Article 5 check".into(), ..choices.clone() };
    assert_eq!(corrected.remade_from(&choices), Remade::SameQuiz);
    // More time for the class: the printed worksheets still match.
    assert_eq!(LinkChoices { minutes: Some(20), ..corrected.clone() }.remade_from(&choices), Remade::OtherTimeLimit);
    assert_eq!(LinkChoices { minutes: None, ..choices.clone() }.remade_from(&choices), Remade::OtherTimeLimit);
    // A practice quiz beside the test draws other questions: on the
    // test's own, it would give its answers away.
    assert_eq!(LinkChoices { mode: Mode::Practice, ..choices.clone() }.remade_from(&choices), Remade::NewQuiz);
    assert_eq!(LinkChoices { count: Some(10), ..choices.clone() }.remade_from(&choices), Remade::NewQuiz);
    assert_eq!(LinkChoices { picked: vec!["000-01".into()], ..choices.clone() }.remade_from(&choices), Remade::NewQuiz);
    assert_eq!(LinkChoices { articles: vec![], minutes: None, ..choices.clone() }.remade_from(&choices), Remade::NewQuiz);
    // Picked questions are the quiz: the topics, texts and number ticked
    // beside them, and the order they were picked in, change nothing.
    let picks = LinkChoices { picked: vec!["000-01".into(), "treaty-03".into()], ..choices.clone() };
    for same in [
        LinkChoices { topics: vec![], articles: vec!["001".into()], count: Some(20), ..picks.clone() },
        LinkChoices { picked: vec!["treaty-03".into(), "000-01".into()], ..picks.clone() },
        LinkChoices { title: "9B picks".into(), ..picks.clone() },
    ] {
        assert_eq!(same.remade_from(&picks), Remade::SameQuiz, "{}", same.to_query());
    }
    assert_eq!(LinkChoices { minutes: None, topics: vec![], ..picks.clone() }.remade_from(&picks), Remade::OtherTimeLimit);
    for other in [
        LinkChoices { picked: vec!["000-01".into()], ..picks.clone() },
        LinkChoices { picked: vec!["000-01".into(), "treaty-04".into()], ..picks.clone() },
        LinkChoices { picked: vec!["000-01".into(), "treaty-03".into(), "treaty-04".into()], ..picks.clone() },
        LinkChoices { mode: Mode::Practice, ..picks.clone() },
        LinkChoices { picked: vec![], ..picks.clone() },
    ] {
        assert_eq!(other.remade_from(&picks), Remade::NewQuiz, "{}", other.to_query());
    }
    // A title typed for the quiz before and left in the form (the page
    // points it out for a new quiz), as the link shows it: trimmed.
    let practice = LinkChoices { mode: Mode::Practice, title: " 9B: Article 5 & more, 100%".into(), ..choices.clone() };
    assert_eq!(practice.same_title(&choices), Some("9B: Article 5 & more, 100%"));
    assert_eq!(LinkChoices { title: "9B practice".into(), ..practice.clone() }.same_title(&choices), None);
    // No title is no title to point out.
    assert_eq!(
        LinkChoices { title: " ".into(), ..practice.clone() }.same_title(&LinkChoices { title: String::new(), ..choices.clone() }),
        None
    );
    // Not what the page writes: nothing to refill the form with.
    for broken in ["", "ids=000-01&seed=1", "count=5&mode=test&picked=&title=%E", "count=5&mode=test&title=x"] {
        assert_eq!(LinkChoices::from_query(broken), None, "{broken:?}");
    }
}

#[test]
fn a_link_lists_at_most_max_questions() {
    let bank = common::bundle(MAX_QUESTIONS + 10);
    let ids: Vec<String> = (0..20_000).map(|i| format!("000-{:02}", i % (MAX_QUESTIONS + 10))).collect();
    let link = QuizLink::open(&format!("ids={}&seed=1", ids.join(",")), &bank);
    assert_eq!(link.items().len(), MAX_QUESTIONS);
    assert!(link.notices()[0].contains("20000 questions"), "{:?}", link.notices());
}

#[test]
fn a_quiz_of_all_questions_asks_at_most_max_questions_and_its_link_is_whole() {
    let bank = common::bundle(MAX_QUESTIONS + 50);
    let all = QuizSpec {
        selection: Selection::Filter { topics: Vec::new(), articles: Vec::new(), count: None },
        seed: 1,
        mode: Mode::Practice,
        minutes: None,
    };
    assert_eq!(all.selection.size(&bank), MAX_QUESTIONS);
    let link = QuizLink::from_spec(all, &bank);
    assert_eq!(link.items().len(), MAX_QUESTIONS);
    // The class link the Classroom page makes of those questions.
    let ids = link.items().iter().map(|item| item.question_id.clone()).collect();
    let class = QuizLink::from_spec(QuizSpec { selection: Selection::Ids(ids), ..link.spec().clone() }, &bank);
    let opened = QuizLink::open(class.href().split_once('?').expect("a query").1, &bank);
    assert!(!opened.is_cut() && opened.notices().is_empty(), "{:?}", opened.notices());
    assert_eq!(opened.items().len(), MAX_QUESTIONS);
}

#[test]
fn the_key_names_the_quiz_however_the_link_is_written() {
    let bank = common::bundle(20);
    let a = QuizLink::open("seed=4&topics=joining&count=5", &bank);
    let b = QuizLink::open("?topics=joining&count=5&seed=4&mode=practice", &bank);
    assert_eq!(a.key(), b.key());
    assert_ne!(a.key(), QuizLink::open("topics=joining&count=5&seed=5", &bank).key());
    // The key is what the link asks for, not what this bank could find.
    let smaller = common::bundle(2);
    assert_eq!(QuizLink::open("ids=000-01,000-13&seed=1", &bank).key(), QuizLink::open("ids=000-01,000-13&seed=1", &smaller).key());
}

#[test]
fn a_link_without_a_seed_is_marked_and_gets_one() {
    let bank = common::bundle(20);
    let unseeded = QuizLink::open("topics=joining&count=5", &bank);
    assert!(!unseeded.is_seeded());
    // Still the same quiz for everyone until a seed is fixed.
    assert_eq!(unseeded, QuizLink::open("topics=joining&count=5", &bank));
    let href = unseeded.href_with_seed(7);
    assert_eq!(href, "/quiz/play?topics=joining&count=5&seed=7");
    let seeded = QuizLink::open(href.split_once('?').unwrap().1, &bank);
    assert!(seeded.is_seeded());
    assert!(seeded.href().ends_with("&topics=joining&count=5&seed=7&mode=practice"), "{}", seeded.href());
    // What was adjusted in the rest of the link is still said after the seed is fixed.
    let garbled = QuizLink::open("count=-4&colour=red", &bank).href_with_seed(3);
    assert_eq!(QuizLink::open(garbled.split_once('?').unwrap().1, &bank).notices().len(), 2);
    assert_eq!(QuizLink::open("", &bank).href_with_seed(3), "/quiz/play?seed=3");
    assert!(QuizLink::open("seed=banana", &bank).is_seeded(), "a broken seed is not a missing one");
    assert_eq!(QuizSpec::quick(3).unseeded_href(), "/quiz/play?count=10&mode=practice");
}

#[test]
fn every_page_of_a_quiz_shares_the_key() {
    let bank = common::bundle(20);
    let link = QuizLink::open("ids=000-01&seed=1", &bank);
    let query = link.href().split_once('?').expect("a query").1.to_string();
    assert_eq!(link.projector_href(), format!("/classroom/projector?{query}"));
    assert_eq!(link.print_href(), format!("/classroom/print?{query}"));
    assert!(query.ends_with("&ids=000-01&seed=1&mode=practice"), "{query}");
}

#[test]
fn percent_encoded_commas_and_a_leading_question_mark_are_read() {
    let bank = common::bundle(20);
    let link = QuizLink::open("?ids=000-01%2C000-02&seed=3", &bank);
    assert_eq!(link.spec().selection, Selection::Ids(vec!["000-01".into(), "000-02".into()]));
}

#[test]
fn a_class_link_that_picked_up_punctuation_or_html_escaping_still_opens() {
    let bank = common::bundle(20);
    let spec = QuizSpec { selection: Selection::Ids(vec!["000-01".into(), "000-02".into()]), seed: 7, mode: Mode::Test, minutes: Some(10) };
    for title in [Some("8C: Article 5"), None] {
        let labels = LinkLabels { pack: None, title: title.map(String::from), about: None };
        let link = QuizLink::from_spec(spec.clone(), &bank).with_labels(labels.clone(), &bank);
        let query = link.href().split_once('?').expect("a query").1.to_string();
        // The end of a sentence or a bracket, as typed or as the address bar
        // encodes it; and a link copied out of an HTML page's source.
        let mangled = [".", ",", ")", ").", ";", ":", "!", "?", "'", "\"", "”", ">", "%22", "%E2%80%9D", "%3E", "%29.", "%27", "%27."]
            .iter()
            .map(|end| format!("{query}{end}"))
            .chain([query.replace('&', "&amp;")]);
        for written in mangled {
            let opened = QuizLink::open(&written, &bank);
            assert!(!opened.is_cut(), "{written}");
            assert_eq!((opened.items(), opened.labels(), opened.notices()), (link.items(), &labels, &[][..]), "{written}");
        }
    }
    // A title that ends in a full stop keeps it; a changed link is still refused.
    let labels = LinkLabels { pack: None, title: Some("Week 3.".into()), about: None };
    let link = QuizLink::from_spec(spec.clone(), &bank).with_labels(labels.clone(), &bank);
    let query = link.href().split_once('?').expect("a query").1.to_string();
    assert_eq!(QuizLink::open(&query, &bank).labels(), &labels);
    assert_eq!(QuizLink::open(&format!("{query})"), &bank).labels(), &labels);
    assert!(QuizLink::open(&format!("{}.", query.replace("minutes=10", "minutes=11")), &bank).is_cut());
}

#[test]
fn a_replaced_class_link_is_listed_first_once_and_the_list_is_bounded() {
    let links = |hrefs: &[&str]| hrefs.iter().map(|h| h.to_string()).collect::<Vec<_>>();
    assert_eq!(earlier_links(&[], "/quiz/play?a"), links(&["/quiz/play?a"]));
    assert_eq!(earlier_links(&links(&["/quiz/play?a"]), "/quiz/play?b"), links(&["/quiz/play?b", "/quiz/play?a"]));
    // Made again and replaced again: moved to the front, not listed twice.
    assert_eq!(earlier_links(&links(&["/quiz/play?b", "/quiz/play?a"]), "/quiz/play?a"), links(&["/quiz/play?a", "/quiz/play?b"]));
    let many: Vec<String> = (0..EARLIER_LINKS_MAX).map(|n| format!("/quiz/play?{n}")).collect();
    let kept = earlier_links(&many, "/quiz/play?new");
    assert_eq!(kept.len(), EARLIER_LINKS_MAX);
    assert_eq!(kept[0], "/quiz/play?new");
    assert!(!kept.contains(&many[EARLIER_LINKS_MAX - 1]), "the oldest goes");
}

/// A class link as the Classroom page makes it: the questions `filter`
/// draws, listed, with `about` (the ticked topics or sources) as a label.
/// Gives the listed link, the link made, and the link as a student opens it.
fn class_link_as_made(bank: &Bundle, filter: Selection, seed: u32, about: &str) -> (QuizLink, QuizLink, QuizLink) {
    let drawn = QuizLink::from_spec(QuizSpec { selection: filter, seed, mode: Mode::Practice, minutes: None }, bank);
    let ids: Vec<String> = drawn.items().iter().map(|i| i.question_id.clone()).collect();
    let listed = QuizLink::from_spec(QuizSpec { selection: Selection::Ids(ids), ..drawn.spec().clone() }, bank);
    let made = listed.with_labels(LinkLabels { about: Some(about.to_string()), ..LinkLabels::default() }, bank);
    let opened = QuizLink::open(made.href().split_once('?').unwrap().1, bank);
    assert!(!opened.is_cut() && opened.notices().is_empty(), "{}", made.href());
    (listed, made, opened)
}

/// The app's own content, as the build embeds it.
fn real_bank() -> Bundle {
    open_door_core::files::load_content(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))).unwrap()
}

#[test]
fn a_class_link_on_ticked_topics_is_named_after_those_of_them_its_questions_are_on_and_no_other() {
    // The real bank: its questions are often on a topic besides the ticked
    // one, which named a quiz on the fewest topics covering its questions.
    let bank = real_bank();
    let topics: Vec<&str> = bank.topics.iter().map(|t| t.id.as_str()).collect();
    let (mut named_otherwise, mut links) = (0, 0);
    for (first, a) in topics.iter().enumerate() {
        for ticked in topics[first..].iter().map(|b| if a == b { vec![*a] } else { vec![*a, *b] }) {
            for (seed, count) in (0..60).flat_map(|seed| [(seed, 5), (seed, 10)]) {
                let ticked: Vec<String> = ticked.iter().map(|t| t.to_string()).collect();
                let filter = Selection::Filter { topics: ticked.clone(), articles: Vec::new(), count: Some(count) };
                let (listed, made, opened) = class_link_as_made(&bank, filter, seed, &ticked.join(","));

                let on_a_question: Vec<&str> = ticked
                    .iter()
                    .filter(|t| opened.items().iter().any(|i| bank.question(&i.question_id).unwrap().topics.contains(t)))
                    .map(|t| bank.topic(t).unwrap().title.as_str())
                    .collect();
                // In either order: the questions' own name lists the topic
                // most of them are on first.
                let named = [on_a_question.join(" and "), on_a_question.iter().rev().copied().collect::<Vec<_>>().join(" and ")]
                    .map(|topics| format!("Quiz on {topics}"));
                assert!(named.contains(&opened.title(&bank)), "{} for {}", opened.title(&bank), made.href());
                links += 1;
                // Only a link its questions would name otherwise carries the topics.
                let otherwise = !named.contains(&listed.title(&bank));
                assert_eq!(made.href().contains("&about="), otherwise, "{}", made.href());
                named_otherwise += usize::from(otherwise);
            }
        }
    }
    assert!(named_otherwise > 0 && named_otherwise < links / 4, "{named_otherwise} of {links} links named otherwise by their questions");
}

#[test]
fn a_class_link_on_ticked_sources_is_named_after_them() {
    let bank = real_bank();
    for article in &bank.articles {
        for seed in 0..20 {
            let filter = Selection::Filter { topics: Vec::new(), articles: vec![article.id.clone()], count: Some(5) };
            let (_, made, opened) = class_link_as_made(&bank, filter, seed, &article.id);
            assert_eq!(opened.title(&bank), format!("Quiz on {}", article.label), "{}", made.href());
        }
    }
}

/// Chat, mail and social platforms add their own tags to a link they pass
/// on (found by a student's walk: a notice on every question, half a
/// phone's screen): a class link is the class's quiz all the same, under
/// the same key, and says nothing. A link with no check still says it
/// ignored a part (BAD_LINKS), as a teacher may have mistyped one.
#[test]
fn a_class_link_with_a_platforms_tags_added_is_the_same_quiz_without_a_notice() {
    let bank = common::bundle(20);
    let labels = LinkLabels { pack: None, title: Some("10A: NATO check".into()), about: None };
    let spec = QuizSpec { selection: Selection::Ids(vec!["000-01".into(), "000-02".into()]), seed: 7, mode: Mode::Test, minutes: None };
    let link = QuizLink::from_spec(spec, &bank).with_labels(labels.clone(), &bank);
    let query = link.href().split_once('?').expect("a query").1.to_string();
    for tagged in [
        format!("{query}&fbclid=IwAR3xYz"),
        format!("{query}&utm_source=classroom&utm_medium=share"),
        format!("utm_campaign=week4&{query}"),
        format!("{query}&utm_campaign=50%off&ref=%E9t%E9"),
    ] {
        let opened = QuizLink::open(&tagged, &bank);
        assert!(!opened.is_cut(), "{tagged}");
        assert_eq!(
            (opened.key(), opened.items(), opened.labels(), opened.notices()),
            (link.key(), link.items(), &labels, &[][..]),
            "{tagged}"
        );
    }
}

#[test]
fn the_ticked_topics_are_outside_the_links_check_so_a_version_before_them_runs_the_quiz() {
    let bank = common::bundle(10);
    let about = LinkLabels { about: Some("joining".into()), ..LinkLabels::default() };
    let href = QuizLink::open("ids=000-01,000-02&seed=1", &bank).with_labels(about, &bank).href();
    assert!(href.ends_with("&about=joining"), "{href}");
    // A version that does not know `about` checks the rest: as this one
    // does with the part gone.
    let without = href.split_once('?').unwrap().1.replace("&about=joining", "");
    let older = QuizLink::open(&without, &bank);
    assert!(!older.is_cut() && older.notices().is_empty());
    assert_eq!(older.items().len(), 2);
    // Pasted before a full stop, the link keeps its title.
    let pasted = QuizLink::open(&format!("{}.", href.split_once('?').unwrap().1), &bank);
    assert_eq!((pasted.is_cut(), pasted.title(&bank)), (false, "Quiz on Joining".to_string()));
}

#[test]
fn a_teachers_title_names_the_quiz_and_the_ticked_topics_are_then_left_out() {
    let bank = common::bundle(10);
    let link = QuizLink::open("ids=000-01,000-02&seed=1", &bank);
    let about = LinkLabels { about: Some("joining".into()), ..LinkLabels::default() };
    assert_eq!(link.with_labels(about.clone(), &bank).title(&bank), "Quiz on Joining");
    let made = link.with_labels(LinkLabels { title: Some("9B".into()), ..about }, &bank);
    assert_eq!(made.title(&bank), "9B");
    assert!(!made.href().contains("about"), "{}", made.href());
}
