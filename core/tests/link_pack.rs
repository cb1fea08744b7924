//! Pack questions in a class link: only what the quiz needs travels, it is
//! read by the rules of an imported pack, and an altered or cut link is
//! refused whole. (The browser does the compressing; here the "compressed"
//! bytes are the text itself, which is all the core ever sees of them.)

use std::path::Path;

use open_door_core::content::Bundle;
use open_door_core::files::load_content;
use open_door_core::link::{LinkLabels, QuizLink};
use open_door_core::link_pack::{self, base64url_encode, build, link_with_fragment, open, read_fragment, LinkPack, MAX_LINK_CHARS};
use open_door_core::pack::{check, import, merge, Pack};
use open_door_core::quiz::{Mode, QuizSpec, Selection};

fn bank() -> Bundle {
    static BANK: std::sync::OnceLock<Bundle> = std::sync::OnceLock::new();
    BANK.get_or_init(|| load_content(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))).expect("content validates")).clone()
}

const EXAMPLE: &str = include_str!("../../docs/example-pack.json");

/// The teacher's device: the built-in bank with the example pack added.
fn teachers() -> (Bundle, Pack) {
    let mut bundle = bank();
    let pack = import(EXAMPLE, &bundle).expect("the example imports");
    merge(&mut bundle, &pack);
    (bundle, pack)
}

/// What the student's device reads back from a link pack.
fn carried(link_pack: &LinkPack) -> link_pack::Carried {
    read_fragment(&link_pack::fragment(link_pack, link_pack.text.as_bytes())).expect("a fragment").expect("well formed")
}

#[test]
fn a_link_carries_only_the_chosen_questions_their_topics_and_the_paragraphs_they_quote() {
    let (_, pack) = teachers();
    let ids = vec!["002-01".to_string(), "handout-1-01".to_string()];
    let link_pack = build(&[pack], &ids).unwrap().expect("a pack question was chosen");
    assert_eq!(link_pack.name, "Class 9B: the Washington Treaty handout");
    let carried: Pack = serde_json::from_str(&link_pack.text).unwrap();
    assert_eq!(carried.format, "open-door-link-pack");
    assert_eq!(carried.questions.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(), ["handout-1-01"]);
    assert_eq!(carried.topics.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["treaty-basics"]);
    // Article 10's paragraph, not the other two, each marked where it was.
    assert_eq!(
        carried.articles[0].body,
        "[…]\n\n[…]\n\nIts Article 10 lets the members invite another European state to join, but only by unanimous agreement."
    );
}

#[test]
fn a_student_with_no_pack_gets_the_same_quiz_from_the_link() {
    let (teacher, pack) = teachers();
    let spec = QuizSpec {
        selection: Selection::Ids(vec!["handout-1-02".into(), "002-01".into(), "handout-1-01".into()]),
        seed: 77,
        mode: Mode::Test,
        minutes: None,
    };
    let Selection::Ids(ids) = &spec.selection else { unreachable!() };
    let link_pack = build(&[pack], ids).unwrap().unwrap();
    let labels = LinkLabels { pack: Some(link_pack.name.clone()), title: None, about: None };
    let href = QuizLink::from_spec(spec, &teacher).with_labels(labels, &teacher).href();
    let query = href.split_once('?').unwrap().1;

    let mut student = bank();
    let without = QuizLink::open(query, &student);
    assert_eq!(without.needs_pack(), Some("Class 9B: the Washington Treaty handout"), "no quiz without the pack");
    assert!(without.items().is_empty(), "never a part of the quiz");
    let opened = open(&carried(&link_pack), &link_pack.text, &student).expect("valid").expect("new to this device");
    merge(&mut student, &opened);
    let with = QuizLink::open(query, &student);
    assert_eq!(with.needs_pack(), None);
    assert_eq!(with.notices(), &[] as &[String]);
    assert_eq!(with.items(), QuizLink::open(query, &teacher).items());
    assert_eq!(with.items().len(), 3);
    for item in with.items() {
        assert_eq!(student.question(&item.question_id), teacher.question(&item.question_id));
    }
}

#[test]
fn the_teachers_own_device_has_nothing_to_add() {
    let (teacher, pack) = teachers();
    let link_pack = build(&[pack], &["handout-1-01".to_string()]).unwrap().unwrap();
    assert_eq!(open(&carried(&link_pack), &link_pack.text, &teacher), Ok(None));
}

/// What a student's device makes of a link of `ids` from `pack`.
fn opened(pack: &Pack, ids: &[&str]) -> Pack {
    let ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    let link_pack = build(std::slice::from_ref(pack), &ids).unwrap().unwrap();
    open(&carried(&link_pack), &link_pack.text, &bank()).expect("valid").expect("new to a student's device")
}

/// A student's device keeps what each link of a teacher's pack brought, as
/// one pack: a second link from the same pack (the same topic and text,
/// other paragraphs of it) adds its questions, and the first link's quiz
/// keeps every question it asks.
#[test]
fn links_of_one_pack_join_paragraph_by_paragraph_and_both_quizzes_run() {
    let (_, pack) = teachers();
    let first = opened(&pack, &["handout-1-01"]);
    let second = opened(&pack, &["handout-1-02"]);
    let joined = link_pack::join(&first, &second);
    let body = &joined.articles[0].body;
    assert!(body.starts_with("The North Atlantic Treaty was signed") && body.ends_with("only by unanimous agreement."), "{body}");
    assert_eq!(body.matches("[…]").count(), 1, "the paragraph neither link quotes: {body}");
    assert_eq!(joined.topics.len(), 1);
    let joined = check(joined, &bank()).expect("the joined pack passes every rule");
    let mut student = bank();
    merge(&mut student, &joined);
    for ids in ["handout-1-01", "handout-1-02", "handout-1-01,handout-1-02"] {
        let link = QuizLink::open(&format!("ids={ids}&seed=1&pack=x"), &student);
        assert_eq!((link.items().len(), link.needs_pack()), (ids.split(',').count(), None), "{ids}");
    }
    // Joined again with either link, nothing is lost.
    assert_eq!(link_pack::join(&joined, &first).questions.len(), 2);
    assert_eq!(link_pack::join(&joined, &second).articles[0].body, joined.articles[0].body);
}

/// A teacher who mends a question (same id) sends a new link: the mended
/// one is what runs; a question whose quoted paragraph the teacher changed
/// since is left out, not run against a text that no longer holds its quote.
#[test]
fn a_later_link_s_mended_question_and_text_replace_the_kept_ones() {
    let (_, pack) = teachers();
    let kept = link_pack::join(&opened(&pack, &["handout-1-01"]), &opened(&pack, &["handout-1-02"]));
    let mut mended = pack.clone();
    mended.questions[0].choices[1] = "By a simple majority".into();
    let joined = link_pack::join(&kept, &opened(&mended, &["handout-1-01"]));
    assert_eq!(joined.questions.iter().find(|q| q.id == "handout-1-01").unwrap().choices[1], "By a simple majority");
    assert_eq!(joined.questions.len(), 2, "the other link's question stays");

    let mut rewritten = pack.clone();
    rewritten.articles[0].body = rewritten.articles[0].body.replace("signed in Washington on 4 April 1949", "signed in 1949");
    rewritten.questions[1].evidence = "The North Atlantic Treaty was signed in 1949 by twelve countries.".into();
    let joined = link_pack::join(&kept, &opened(&rewritten, &["handout-1-02"]));
    assert_eq!(joined.questions.len(), 2);
    assert!(check(joined, &bank()).is_ok());
    // A pack kept from a link made before each left-out paragraph had its
    // own mark: its paragraphs follow the newer text's, and its question stays.
    let mut old_format = opened(&pack, &["handout-1-01"]);
    old_format.articles[0].body = old_format.articles[0].body.replacen("[…]\n\n", "", 1);
    let joined = link_pack::join(&old_format, &opened(&pack, &["handout-1-02"]));
    assert_eq!(joined.questions.len(), 2);
    assert!(joined.articles[0]
        .body
        .ends_with("[…]\n\nIts Article 10 lets the members invite another European state to join, but only by unanimous agreement."));
    assert!(check(joined, &bank()).is_ok());
    // The teacher rewrote the paragraph a kept question quotes, and a new
    // link carries it: that question no longer has its quote, and goes.
    let mut reworded = pack.clone();
    reworded.articles[0].body = reworded.articles[0].body.replace("but only by unanimous agreement.", "by the agreement of all.");
    let mut added = reworded.questions[0].clone();
    added.id = "handout-1-03".into();
    added.evidence = "by the agreement of all".into();
    reworded.questions = vec![added];
    let joined = link_pack::join(&kept, &opened(&reworded, &["handout-1-03"]));
    let ids: Vec<&str> = joined.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["handout-1-03", "handout-1-02"], "handout-1-01's quote is gone from the text");
    assert!(check(joined, &bank()).is_ok());
}

/// The Classroom page keeps the class link it made; once the pack has been
/// replaced by a corrected copy, that link carries the old one.
#[test]
fn a_link_made_before_its_pack_was_replaced_no_longer_carries_it() {
    let (_, pack) = teachers();
    let ids = ["handout-1-01".to_string()];
    let made = build(std::slice::from_ref(&pack), &ids).unwrap().unwrap();
    let fragment = link_pack::fragment(&made, made.text.as_bytes());
    assert!(link_pack::carries(&fragment, &made));
    assert!(link_pack::carries(&format!("#{fragment}"), &made));
    let mut corrected = pack.clone();
    corrected.questions[0].choices[1] = "By a simple majority".into();
    let now = build(&[corrected], &ids).unwrap().unwrap();
    assert!(!link_pack::carries(&fragment, &now));
    assert!(!link_pack::carries("review-1", &made));
}

#[test]
fn a_quiz_of_built_in_questions_carries_no_pack_and_two_packs_are_refused() {
    let (_, pack) = teachers();
    assert_eq!(build(std::slice::from_ref(&pack), &["002-01".to_string()]), Ok(None));
    let mut other = pack.clone();
    other.name = "Another pack".into();
    other.questions[0].id = "other-01".into();
    let refused = build(&[pack, other], &["handout-1-02".to_string(), "other-01".to_string()]).unwrap_err();
    assert!(refused.contains("\"Class 9B: the Washington Treaty handout\" and \"Another pack\""), "{refused}");
}

#[test]
fn an_altered_link_pack_is_refused_whole() {
    let (_, pack) = teachers();
    let link_pack = build(&[pack], &["handout-1-01".to_string(), "handout-1-02".to_string()]).unwrap().unwrap();
    let carried = carried(&link_pack);
    let student = bank();

    // Changed on the way: the checksum no longer matches.
    let edited = link_pack.text.replace("By unanimous agreement", "By a show of hands");
    let refused = open(&carried, &edited, &student).unwrap_err().0;
    assert!(refused[0].contains("changed or cut short"), "{refused:?}");
    let cut = &link_pack.text[..link_pack.text.len() / 2];
    assert!(open(&carried, cut, &student).is_err());

    // Altered with a matching checksum: the rules of an imported pack.
    let mut value: serde_json::Value = serde_json::from_str(&link_pack.text).unwrap();
    value["questions"][0]["evidence"] = "by a show of hands".into();
    value["questions"][1]["hint"] = "x".into();
    let forged = LinkPack { name: link_pack.name.clone(), text: value.to_string() };
    let refused = open(&self::carried(&forged), &forged.text, &student).unwrap_err().0;
    assert!(refused.iter().any(|m| m.contains("entry 2 (id \"handout-1-02\"): unknown field \"hint\"")), "{refused:?}");

    // A pack file is not a link pack: the format is checked as well.
    let file = LinkPack { name: link_pack.name, text: EXAMPLE.to_string() };
    let refused = open(&self::carried(&file), &file.text, &student).unwrap_err().0;
    assert!(refused.iter().any(|m| m.contains("\"open-door-link-pack\"")), "{refused:?}");
}

#[test]
fn a_damaged_fragment_is_refused_and_a_plain_one_is_no_pack() {
    assert_eq!(read_fragment(""), None);
    assert_eq!(read_fragment("#section"), None);
    for damaged in ["#pack=", "#pack=zz.AAAA", "#pack=0123456789abcdef.A", "#pack=0123456789abcdef.A*AA", "#pack=0123456789abcdef"] {
        let outcome = read_fragment(damaged).expect("it claims a pack");
        assert!(outcome.unwrap_err().0[0].contains("changed or cut short"), "{damaged}");
    }
    let long = format!("#pack=0123456789abcdef.{}", base64url_encode(&vec![7; MAX_LINK_CHARS]));
    assert!(read_fragment(&long).unwrap().is_err());
}

#[test]
fn a_link_longer_than_the_limit_carries_no_pack() {
    let base = "https://example.org/quiz/play?ids=a&seed=1";
    let fits = "x".repeat(MAX_LINK_CHARS - base.len() - 1);
    assert_eq!(link_with_fragment(base, &fits).map(|l| l.len()), Some(MAX_LINK_CHARS));
    assert_eq!(link_with_fragment(base, &format!("{fits}x")), None);
}

#[test]
fn labels_survive_the_link_and_a_pack_link_never_becomes_another_quiz() {
    let bank = bank();
    let labels = LinkLabels {
        pack: Some("Klasse 9b: Nordatlantikvertrag & Co, 100%".into()),
        title: Some("Article 5 — week 3".into()),
        about: None,
    };
    let link = QuizLink::open("ids=002-01&seed=1&mode=practice", &bank).with_labels(labels.clone(), &bank);
    for href in [link.href(), link.projector_href(), link.print_href()] {
        let reopened = QuizLink::open(href.split_once('?').unwrap().1, &bank);
        assert_eq!(reopened.labels(), &labels, "{href}");
        assert_eq!(reopened.key(), link.key(), "labels are not part of the key");
        assert_eq!(reopened.needs_pack(), None, "every question is here");
        assert_eq!(reopened.notices(), &[] as &[String]);
    }
    assert_eq!(link.title(&bank), "Article 5 — week 3");

    let query = format!("ids=002-01,mine-01&seed=1&pack={}", "My%20pack");
    let missing = QuizLink::open(&query, &bank);
    assert_eq!(missing.needs_pack(), Some("My pack"));
    assert!(missing.items().is_empty() && missing.notices().is_empty(), "{:?}", missing.notices());

    let hostile = QuizLink::open("ids=002-01&seed=1&title=%3Cb%3Eone%0Aline%3C%2Fb%3E", &bank);
    assert_eq!(hostile.labels().title.as_deref(), Some("<b>oneline</b>"), "control characters go; text stays text");
}
