//! The content's embedded form: what the build writes, the app reads back
//! unchanged (the questions, then their details, all at once or one
//! question's at a time; the reading part apart); what is damaged reads as
//! nothing, never as a panic.

mod common;

use std::path::Path;

use open_door_core::content::{
    Bundle, Details, Difficulty, Explainer, GlossaryTerm, Question, QuestionKind, QuizContent, ReadingContent, SinceThen,
};
use open_door_core::embedded::{
    decode, decode_all_details, decode_articles, decode_details, decode_explainers, encode, encode_reading, END,
};
use open_door_core::figures::FigureId;
use open_door_core::files::load_content;
use open_door_core::markup::{Block, Inline, LinkTarget};
use proptest::prelude::*;

const ALL_KINDS: [QuestionKind; 6] = {
    use QuestionKind::*;
    [Single, Multiple, TrueFalse, Order, WhoSaid, WhichSource]
};

/// Every kind and difficulty, an article with and without headline and
/// outlet, a question with and without a "since then" note, an empty list.
fn varied() -> QuizContent {
    let (mut quiz, _) = common::bundle(0).into_parts();
    for (i, kind) in ALL_KINDS.into_iter().enumerate() {
        let mut question = common::question(&format!("000-{i:02}"), kind);
        question.difficulty = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard][i % 3];
        question.since = (i % 2 == 0).then(|| SinceThen { date: "2024-03-07".into(), note: "Sweden joined on 7 March 2024.".into() });
        quiz.questions.push(question);
    }
    quiz.questions[0].topics.clear();
    let mut second = quiz.articles[0].clone();
    second.id = "001".into();
    second.headline = Some("NATO renews Ukraine’s membership vote".into());
    second.outlet = Some("AP".into());
    second.body = "Twó\n\nparagraphs “quoted”".into();
    quiz.articles.push(second);
    quiz
}

/// The bank as the app builds it from the embedded texts: the questions,
/// then every question's details added.
fn read_back(quiz: &QuizContent) -> Bundle {
    let embedded = encode(quiz).expect("no text holds the separator");
    let mut bundle = Bundle::from_quiz(decode(&embedded.quiz).expect("the questions read")).awaiting_details();
    assert_eq!(bundle.awaiting_details.len(), quiz.questions.len(), "every question awaits its details");
    for (id, details) in decode_all_details(&embedded.details).expect("the details read") {
        bundle.add_details(&id, details);
    }
    assert!(bundle.awaiting_details.is_empty(), "every question's details came: {:?}", bundle.awaiting_details);
    bundle
}

#[test]
fn the_built_in_quiz_content_reads_back_as_written() {
    let bundle = load_content(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))).expect("the content is valid");
    let (quiz, _) = bundle.into_parts();
    assert_eq!(read_back(&quiz), Bundle::from_quiz(quiz));
}

#[test]
fn every_kind_difficulty_and_optional_field_reads_back() {
    let quiz = varied();
    assert_eq!(read_back(&quiz), Bundle::from_quiz(quiz));
    let empty = QuizContent::default();
    assert_eq!(read_back(&empty), Bundle::from_quiz(empty));
}

#[test]
fn the_questions_alone_carry_no_words_or_feedback_but_their_number_of_choices() {
    let quiz = varied();
    let questions = decode(&encode(&quiz).unwrap().quiz).unwrap();
    for (read, written) in questions.questions.iter().zip(&quiz.questions) {
        assert_eq!(read.details(), Details { choices: vec![String::new(); written.choices.len()], ..Details::default() }, "{}", read.id);
        let kept = |q: &Question| (q.id.clone(), q.article.clone(), q.topics.clone(), q.difficulty, q.kind);
        assert_eq!(kept(read), kept(written));
    }
}

#[test]
fn each_questions_own_details_read_back_alone() {
    let quiz = varied();
    let embedded = encode(&quiz).unwrap();
    assert_eq!(embedded.details_by_question.len(), quiz.questions.len());
    for ((id, text), question) in embedded.details_by_question.iter().zip(&quiz.questions) {
        assert_eq!(id, &question.id);
        assert_eq!(decode_details(text), Some(question.details()), "{id}");
        // A file cut short, or a page of HTML where the file was, is not a
        // question's details.
        assert_eq!(decode_details(&text[..text.len() - 1]), None, "{id} cut");
        assert_eq!(decode_details(&format!("{text}{text}")), None, "{id} twice");
    }
    assert_eq!(decode_details("<!DOCTYPE html><html></html>"), None);
}

#[test]
fn details_fill_only_the_questions_that_await_them() {
    let quiz = varied();
    let embedded = encode(&quiz).unwrap();
    let mut bundle = Bundle::from_quiz(decode(&embedded.quiz).unwrap()).awaiting_details();
    let (first, true_false) = (&quiz.questions[0], &quiz.questions[2]);
    // Another question's details, with another number of choices, do not fit.
    assert_ne!(first.choices.len(), true_false.choices.len(), "the questions this test needs");
    bundle.add_details(&true_false.id, first.details());
    assert!(!bundle.has_details(&true_false.id));
    assert!(!bundle.has_details(&first.id));
    bundle.add_details(&first.id, first.details());
    assert!(bundle.has_details(&first.id));
    assert_eq!(bundle.question(&first.id), Some(first));
    // Given again (or to a question that never awaited them), nothing changes.
    let mut other = first.details();
    other.explanation = "Another explanation.".into();
    bundle.add_details(&first.id, other.clone());
    bundle.add_details("no-such-question", other);
    assert_eq!(bundle.question(&first.id), Some(first));
    assert_eq!(bundle.awaiting_details.len(), quiz.questions.len() - 1);
}

#[test]
fn a_text_holding_the_separator_is_refused_by_its_id() {
    let mut quiz = varied();
    quiz.questions[3].explanation = format!("a{END}b");
    assert_eq!(encode(&quiz), Err("000-03: a text contains the control character U+001F".to_string()));
    let mut quiz = varied();
    quiz.questions[2].prompt = format!("a{END}b");
    assert_eq!(encode(&quiz), Err("000-02: a text contains the control character U+001F".to_string()));
}

#[test]
fn a_cut_or_lengthened_text_reads_as_nothing() {
    let text = encode(&varied()).unwrap().quiz;
    for (cut, _) in text.char_indices().filter(|&(i, c)| c == END && i + 1 < text.len()) {
        assert_eq!(decode(&text[..=cut]), None, "cut after byte {cut}");
    }
    assert_eq!(decode(&text[..text.len() - 1]), None, "the last END missing");
    assert_eq!(decode(&format!("{text}extra{END}")), None);
    assert_eq!(decode(""), None);
    let all = encode(&varied()).unwrap().details;
    for (cut, _) in all.char_indices().filter(|&(i, c)| c == END && i + 1 < all.len()) {
        assert_eq!(decode_all_details(&all[..=cut]), None, "details cut after byte {cut}");
    }
    assert_eq!(decode_all_details(""), None);
}

#[test]
fn an_out_of_range_or_non_canonical_number_reads_as_nothing() {
    let mut quiz = varied();
    quiz.questions = vec![quiz.questions[1].clone()];
    let text = encode(&quiz).unwrap().quiz;
    let fields: Vec<&str> = text.split(END).collect();
    // The question's difficulty and kind follow its id, article and one topic.
    let question = fields.iter().position(|f| *f == "000-01").unwrap();
    let (difficulty, kind) = (question + 4, question + 5);
    assert_eq!((fields[difficulty], fields[kind]), ("1", "1"), "the fields this test changes");
    for (at, value) in [(difficulty, "3"), (kind, "6"), (kind, "x"), (kind, "+1"), (kind, "01"), (kind, ""), (0, "18446744073709551615")] {
        let mut damaged = fields.clone();
        damaged[at] = value;
        assert_eq!(decode(&damaged.join(&END.to_string())), None, "field {at} as {value}");
    }
}

/// Every kind of block, inline, link and figure, a quotation with and
/// without its source, both kinds of list, an explainer with no sources.
fn varied_reading() -> ReadingContent {
    let text = |t: &str| Inline::Text(t.into());
    let link = |target: LinkTarget| Inline::Link { text: "a link".into(), target };
    let mut blocks = vec![
        Block::Heading { level: 2, text: vec![text("Who decides"), Inline::Emphasis("and how".into())] },
        Block::Heading { level: 3, text: vec![Inline::Strong("Article 4".into())] },
        Block::Paragraph(vec![
            link(LinkTarget::Glossary("unanimity".into())),
            link(LinkTarget::Source("002".into())),
            link(LinkTarget::Explainer("article-5".into())),
            link(LinkTarget::QuizOnTopic("joining".into())),
        ]),
        Block::List { numbered: true, items: vec![vec![text("one")], vec![], vec![text("three")]] },
        Block::List { numbered: false, items: Vec::new() },
        Block::Quote { text: vec![text("“an armed attack against one”")], cite: Some("Article 5".into()) },
        Block::Quote { text: vec![text("Twó\n\nlines")], cite: None },
    ];
    blocks.extend(FigureId::ALL.map(Block::Figure));
    let explainer = |id: &str, sources: &[&str], blocks: Vec<Block>| Explainer {
        id: id.into(),
        title: format!("About {id}"),
        topic: "joining".into(),
        summary: "What it says.".into(),
        sources: sources.iter().map(|s| s.to_string()).collect(),
        blocks,
    };
    let (quiz, mut reading) = common::bundle(0).into_parts();
    reading.explainers = vec![explainer("article-5", &["000", "treaty"], blocks), explainer("empty", &[], Vec::new())];
    reading.glossary = vec![GlossaryTerm { id: "unanimity".into(), term: "Unanimity".into(), definition: "Every ally agrees.".into() }];
    reading.articles.extend(varied().articles.into_iter().filter(|a| !quiz.articles.iter().any(|q| q.id == a.id)));
    reading
}

/// The reading part as the app reads its two texts back.
fn read_back_reading(reading: &ReadingContent) -> Option<ReadingContent> {
    let embedded = encode_reading(reading).expect("no text holds the separator");
    let (explainers, glossary) = decode_explainers(&embedded.explainers)?;
    Some(ReadingContent { explainers, glossary, articles: decode_articles(&embedded.articles)? })
}

#[test]
fn the_built_in_reading_content_reads_back_as_written() {
    let bundle = load_content(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))).expect("the content is valid");
    let (_, reading) = bundle.into_parts();
    assert!(!reading.explainers.is_empty() && !reading.glossary.is_empty() && !reading.articles.is_empty(), "the content this test needs");
    assert_eq!(read_back_reading(&reading), Some(reading));
}

#[test]
fn every_kind_of_block_inline_link_and_figure_reads_back() {
    let reading = varied_reading();
    assert_eq!(read_back_reading(&reading), Some(reading));
    let empty = ReadingContent::default();
    assert_eq!(read_back_reading(&empty), Some(empty));
}

#[test]
fn a_reading_text_holding_the_separator_is_refused_by_its_id() {
    let mut reading = varied_reading();
    reading.explainers[0].blocks[2] = Block::Paragraph(vec![Inline::Strong(format!("a{END}b"))]);
    assert_eq!(encode_reading(&reading), Err("article-5: a text contains the control character U+001F".to_string()));
    let mut reading = varied_reading();
    reading.glossary[0].definition = format!("a{END}b");
    assert_eq!(encode_reading(&reading), Err("unanimity: a text contains the control character U+001F".to_string()));
    let mut reading = varied_reading();
    let last = reading.articles.len() - 1;
    reading.articles[last].body = format!("a{END}b");
    assert_eq!(encode_reading(&reading), Err(format!("{}: a text contains the control character U+001F", reading.articles[last].id)));
}

#[test]
fn a_cut_lengthened_or_out_of_range_reading_text_reads_as_nothing() {
    let embedded = encode_reading(&varied_reading()).unwrap();
    let text = embedded.explainers;
    for (cut, _) in text.char_indices().filter(|&(i, c)| c == END && i + 1 < text.len()) {
        assert_eq!(decode_explainers(&text[..=cut]), None, "cut after byte {cut}");
    }
    assert_eq!(decode_explainers(&format!("{text}extra{END}")), None);
    assert_eq!(decode_explainers(""), None);
    let articles = embedded.articles;
    for (cut, _) in articles.char_indices().filter(|&(i, c)| c == END && i + 1 < articles.len()) {
        assert_eq!(decode_articles(&articles[..=cut]), None, "articles cut after byte {cut}");
    }
    assert_eq!(decode_articles(&format!("{articles}extra{END}")), None);
    assert_eq!(decode_articles(""), None);
    // The first explainer's first block (after its title, topic, summary,
    // two sources and the count of blocks): its variant, the heading's level.
    let fields: Vec<&str> = text.split(END).collect();
    let first_block = fields.iter().position(|f| *f == "About article-5").unwrap() + 7;
    assert_eq!((fields[first_block], fields[first_block + 1]), ("0", "2"), "the fields this test changes");
    for (at, value) in [(first_block, "5"), (first_block, "x"), (first_block + 1, "256")] {
        let mut damaged = fields.clone();
        damaged[at] = value;
        assert_eq!(decode_explainers(&damaged.join(&END.to_string())), None, "field {at} as {value}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_texts_without_the_separator_read_back(
        prompt in "[^\u{1f}]{0,40}",
        choices in proptest::collection::vec("[^\u{1f}]{0,20}", 0..6),
        headline in proptest::option::of("[^\u{1f}]{0,20}"),
        explanation in "[^\u{1f}]{0,40}",
    ) {
        let mut quiz = varied();
        quiz.questions[1].prompt = prompt;
        quiz.questions[1].choices = choices;
        quiz.articles[0].headline = headline;
        quiz.questions[2].explanation = explanation;
        prop_assert_eq!(read_back(&quiz), Bundle::from_quiz(quiz));
    }

    #[test]
    fn any_reading_texts_without_the_separator_read_back(
        inline in "[^\u{1f}]{0,40}",
        cite in proptest::option::of("[^\u{1f}]{0,20}"),
        definition in "[^\u{1f}]{0,40}",
        body in "[^\u{1f}]{0,80}",
    ) {
        let mut reading = varied_reading();
        reading.explainers[0].blocks[0] = Block::Quote { text: vec![Inline::Emphasis(inline)], cite };
        reading.glossary[0].definition = definition;
        reading.articles[0].body = body;
        prop_assert_eq!(read_back_reading(&reading), Some(reading));
    }
}
