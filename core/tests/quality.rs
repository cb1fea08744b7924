//! Quality rules for the built-in question bank, beyond what the build
//! refuses: cues a student could game (the longest choice, the only quoted
//! choice, absolutes only in the wrong choices), repeated evidence, distractors of another kind, thin coverage,
//! and sources named in more than one way. Each failure names the file and
//! the question. Only the built-in bank is held to these; an imported pack
//! is not.

use std::collections::HashMap;

use open_door_core::content::{normalise_for_match, Bundle, Question, QuestionKind};
use open_door_core::files::load_content;

mod common;

/// The thresholds, in one place. With four choices the right one is the
/// longest about a quarter of the time by chance: far more, and "pick the
/// longest" wins; far less, and "cross out the longest" does (a content
/// audit found the right answer longest in 1 of 69 single-answer questions).
const MAX_LONGEST_ANSWER_SHARE: f64 = 0.35;
const MIN_LONGEST_ANSWER_SHARE: f64 = 0.15;
/// The largest share of true-false questions whose answer is the same
/// (issue 15's audit found "False" right in 12 of 16: always answering
/// "False" scored 75%).
const MAX_SAME_TRUE_FALSE_SHARE: f64 = 0.6;
const MIN_QUESTIONS: usize = 130;
const MIN_PER_ARTICLE: usize = 15;
const MIN_PER_FIRST_TOPIC: usize = 15;
const MIN_PER_KIND: [(QuestionKind, usize); 5] = [
    (QuestionKind::Order, 10),
    (QuestionKind::Multiple, 10),
    (QuestionKind::TrueFalse, 10),
    (QuestionKind::WhoSaid, 10),
    (QuestionKind::WhichSource, 10),
];
/// Marks that make a choice look like a quotation. The curly apostrophe
/// (’) is left out: it stands in ordinary words such as “Ukraine’s”.
const QUOTATION_MARKS: [char; 5] = ['"', '“', '”', '«', '»'];
/// Words that name a text in a prompt; each use must end a source's label.
const SOURCE_NOUNS: [&str; 3] = ["report", "article", "treaty"];
/// Words a prompt may use for a source it has already named by its label.
const BACK_REFERENCES: [&str; 3] = ["the report", "the article", "the treaty"];

fn bank() -> Bundle {
    load_content(common::content_dir()).unwrap_or_else(|errors| panic!("content does not validate: {} error(s)", errors.len()))
}

fn fail_listing(rule: &str, failures: &[String]) {
    assert!(failures.is_empty(), "{rule}: {} question(s):\n{}", failures.len(), failures.join("\n"));
}

fn right_answers(question: &Question) -> impl Iterator<Item = &String> {
    question.choices.iter().filter(|c| question.answer.contains(c))
}

/// Whether a question's choices can be compared with its answer: not an
/// order question (every choice is in the answer) nor a true-false one.
fn has_distractors(question: &Question) -> bool {
    !matches!(question.kind, QuestionKind::Order | QuestionKind::TrueFalse)
}

fn is_single_choice(kind: QuestionKind) -> bool {
    matches!(kind, QuestionKind::Single | QuestionKind::WhoSaid | QuestionKind::WhichSource)
}

/// Whether the one right answer is longer than every other choice.
fn answer_is_strictly_longest(question: &Question) -> bool {
    let Some(answer) = question.answer.first() else { return false };
    let length = answer.chars().count();
    question.choices.iter().filter(|c| *c != answer).all(|c| c.chars().count() < length)
}

#[test]
fn only_a_longer_answer_is_strictly_longest() {
    let mut question = common::question("t-01", QuestionKind::Single);
    for (choices, expected) in [(["abc", "ab", "a"], true), (["ab", "cd", "a"], false), (["a", "abc", "ab"], false)] {
        question.choices = choices.iter().map(|c| c.to_string()).collect();
        question.answer = vec![choices[0].to_string()];
        assert_eq!(answer_is_strictly_longest(&question), expected, "{choices:?}");
    }
}

#[test]
fn the_right_answer_is_the_longest_choice_about_as_often_as_chance_would_have_it() {
    let bank = bank();
    let single: Vec<&Question> = bank.questions.iter().filter(|q| is_single_choice(q.kind)).collect();
    let longest: Vec<String> =
        single.iter().filter(|q| answer_is_strictly_longest(q)).map(|q| format!("{}: {}", common::question_file(q), q.id)).collect();
    let share = longest.len() as f64 / single.len().max(1) as f64;
    eprintln!(
        "the right answer is the strictly longest choice in {} of {} single-answer questions ({:.0}%)",
        longest.len(),
        single.len(),
        share * 100.0
    );
    if share > MAX_LONGEST_ANSWER_SHARE {
        fail_listing(
            &format!(
                "the right answer is the strictly longest choice in {:.0}% of single-answer questions; at most {:.0}%",
                share * 100.0,
                MAX_LONGEST_ANSWER_SHARE * 100.0
            ),
            &longest,
        );
    }
    assert!(
        share >= MIN_LONGEST_ANSWER_SHARE,
        "the right answer is the strictly longest choice in only {:.0}% of single-answer questions (at least {:.0}%): the longest choice is almost always wrong, a cue to cross it out. Those where it is: {longest:?}",
        share * 100.0,
        MIN_LONGEST_ANSWER_SHARE * 100.0
    );
}

/// The true-false questions whose answer is the more common of "True" and
/// "False", when that answer is right in more than the allowed share.
fn lopsided_true_false(questions: &[Question]) -> Option<(String, Vec<String>)> {
    let true_false: Vec<&Question> = questions.iter().filter(|q| q.kind == QuestionKind::TrueFalse).collect();
    let answering = |value: &str| true_false.iter().filter(|q| q.answer.iter().any(|a| a == value)).copied().collect::<Vec<_>>();
    let (trues, falses) = (answering("True"), answering("False"));
    let (value, common) = if trues.len() >= falses.len() { ("True", trues) } else { ("False", falses) };
    let share = common.len() as f64 / true_false.len().max(1) as f64;
    (share > MAX_SAME_TRUE_FALSE_SHARE).then(|| {
        (
            format!(
                "“{value}” is right in {} of {} true-false questions; at most {:.0}%",
                common.len(),
                true_false.len(),
                MAX_SAME_TRUE_FALSE_SHARE * 100.0
            ),
            common.iter().map(|q| format!("{}: {}", common::question_file(q), q.id)).collect(),
        )
    })
}

#[test]
fn a_lopsided_true_false_set_is_caught() {
    let true_false = |id: &str, answer: &str| Question {
        id: id.into(),
        article: "002".into(),
        topics: vec!["joining".into()],
        difficulty: open_door_core::content::Difficulty::Easy,
        kind: QuestionKind::TrueFalse,
        prompt: "True or false?".into(),
        choices: vec!["True".into(), "False".into()],
        answer: vec![answer.into()],
        explanation: "Because.".into(),
        evidence: "Because.".into(),
        since: None,
    };
    let three_false = [true_false("a", "False"), true_false("b", "False"), true_false("c", "False"), true_false("d", "True")];
    assert_eq!(lopsided_true_false(&three_false).map(|(_, ids)| ids.len()), Some(3));
    let even = [true_false("a", "False"), true_false("b", "True")];
    assert!(lopsided_true_false(&even).is_none());
}

#[test]
fn true_false_answers_are_balanced() {
    if let Some((rule, questions)) = lopsided_true_false(&bank().questions) {
        fail_listing(&format!("always answering the same scores too well: {rule}"), &questions);
    }
}

#[test]
fn no_right_answer_is_alone_in_quotation_marks() {
    let quoted = |choice: &String| choice.contains(QUOTATION_MARKS);
    let failures: Vec<String> = bank()
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::Order)
        .filter(|q| q.choices.iter().any(quoted) && q.choices.iter().filter(|c| quoted(c)).all(|c| q.answer.contains(c)))
        .map(|q| format!("{}: {}: only the right answer(s) carry quotation marks", common::question_file(q), q.id))
        .collect();
    fail_listing("a quotation mark gives the answer away", &failures);
}

/// Words that, opening a choice, make a claim absolute ("Only the
/// Secretary General", "Anywhere in the world"): test-wise students learn
/// that such choices are usually wrong.
const ABSOLUTES: [&str; 10] = ["only", "any", "all", "every", "always", "never", "anywhere", "everywhere", "none", "no"];

/// Whether `choice` opens with an absolute, after any opening quotation mark.
fn opens_absolute(choice: &str) -> bool {
    let first = choice.trim_start_matches(QUOTATION_MARKS).split_whitespace().next().unwrap_or_default();
    ABSOLUTES.contains(&first.to_lowercase().trim_end_matches(','))
}

/// Whether two or more wrong choices open with an absolute and no right
/// answer does: "cross out the absolutes" then finds the answer.
fn absolutes_give_it_away(question: &Question) -> bool {
    let wrong_absolutes = question.choices.iter().filter(|c| !question.answer.contains(c) && opens_absolute(c)).count();
    wrong_absolutes >= 2 && !right_answers(question).any(|a| opens_absolute(a))
}

#[test]
fn absolutes_that_give_the_answer_away_are_caught() {
    let mut question = common::question("t-01", QuestionKind::Single);
    for (choices, expected) in [
        (["In Europe or North America", "Anywhere in the world", "Only in the North Atlantic Ocean"], true),
        (["In Europe or North America", "Anywhere in the world", "In the North Atlantic Ocean"], false),
        (["Any member state", "Only a majority", "Only the Secretary General"], false),
        (["In Europe", "Wherever an ally has territory", "Against them all, everywhere"], false),
        (["A vote", "“Only by consensus”", "No ally at all"], true),
    ] {
        question.choices = choices.iter().map(|c| c.to_string()).collect();
        question.answer = vec![choices[0].to_string()];
        assert_eq!(absolutes_give_it_away(&question), expected, "{choices:?}");
    }
}

#[test]
fn no_answer_is_given_away_by_absolutes_in_the_other_choices() {
    let failures: Vec<String> = bank()
        .questions
        .iter()
        .filter(|q| has_distractors(q) && absolutes_give_it_away(q))
        .map(|q| format!("{}: {}: wrong choices open with “only”, “any” and the like, the answer does not", common::question_file(q), q.id))
        .collect();
    fail_listing("absolutes give the answer away", &failures);
}

#[test]
fn no_two_questions_share_an_evidence_quote() {
    let bank = bank();
    let mut first_use: HashMap<String, &Question> = HashMap::new();
    let mut failures = Vec::new();
    for question in &bank.questions {
        let quote = normalise_for_match(&question.evidence).to_lowercase();
        match first_use.get(&quote) {
            Some(earlier) => {
                failures.push(format!("{}: {}: same evidence as {}", common::question_file(question), question.id, earlier.id))
            }
            None => {
                first_use.insert(quote, question);
            }
        }
    }
    fail_listing("shared evidence", &failures);
}

/// What kind of thing a choice is, where a machine can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Year,
    Date,
    Number,
    Other,
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/// Words that may stand before an amount ("About 1,300 km").
const APPROXIMATIONS: [&str; 5] = ["about", "some", "over", "more than", "less than"];

fn shape(choice: &str) -> Shape {
    let text = choice.trim().trim_end_matches('.').to_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    if words.len() == 1 && words[0].len() == 4 && is_digits(words[0]) {
        return Shape::Year;
    }
    if words.iter().any(|w| MONTHS.contains(&w.trim_end_matches(',')))
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            MONTHS.contains(&w) || is_digits(w)
        })
    {
        return Shape::Date;
    }
    let amount = APPROXIMATIONS.iter().find_map(|a| text.strip_prefix(a).map(str::trim_start)).unwrap_or(&text);
    if amount.starts_with(|c: char| c.is_ascii_digit() || c == '$' || c == '€' || c == '£') {
        return Shape::Number;
    }
    Shape::Other
}

#[test]
fn choice_shapes_are_recognised() {
    for (choice, expected) in [
        ("1949", Shape::Year),
        ("4 April 2023", Shape::Date),
        ("April 2023", Shape::Date),
        ("12 September, 2001", Shape::Date),
        ("About 1,300 km added to about 1,215 km", Shape::Number),
        ("$53 million", Shape::Number),
        ("Nine Central and Eastern European allies", Shape::Other),
        ("May", Shape::Date),
        ("Any member state", Shape::Other),
    ] {
        assert_eq!(shape(choice), expected, "{choice}");
    }
}

#[test]
fn distractors_are_the_same_kind_of_thing_as_the_answer() {
    let failures: Vec<String> = bank()
        .questions
        .iter()
        .filter(|q| has_distractors(q))
        .filter_map(|q| {
            let answer_shape = shape(right_answers(q).next()?);
            if answer_shape == Shape::Other || right_answers(q).any(|a| shape(a) != answer_shape) {
                return None;
            }
            let odd: Vec<&String> = q.choices.iter().filter(|c| shape(c) != answer_shape).collect();
            (!odd.is_empty()).then(|| format!("{}: {}: the answer is a {answer_shape:?}, but not {odd:?}", common::question_file(q), q.id))
        })
        .collect();
    fail_listing("distractors of another kind", &failures);
}

#[test]
fn the_bank_is_large_enough() {
    let bank = bank();
    assert!(bank.questions.len() >= MIN_QUESTIONS, "{} questions; the bank needs at least {MIN_QUESTIONS}", bank.questions.len());
}

#[test]
fn every_article_has_enough_questions() {
    let bank = bank();
    let failures: Vec<String> = bank
        .articles
        .iter()
        .filter_map(|article| {
            let count = bank.questions.iter().filter(|q| q.article == article.id).count();
            (count < MIN_PER_ARTICLE).then(|| format!("article {} ({}): {count} questions", article.id, article.label))
        })
        .collect();
    fail_listing(&format!("articles with fewer than {MIN_PER_ARTICLE} questions"), &failures);
}

/// A quiz on a topic draws on every question tagged with it, but a topic
/// only has real coverage from questions that are mainly about it: their
/// first topic.
#[test]
fn every_topic_is_the_first_topic_of_enough_questions() {
    let bank = bank();
    let failures: Vec<String> = bank
        .topics
        .iter()
        .filter_map(|topic| {
            let count = bank.questions.iter().filter(|q| q.topics.first() == Some(&topic.id)).count();
            (count < MIN_PER_FIRST_TOPIC).then(|| format!("topic {}: first topic of {count} questions", topic.id))
        })
        .collect();
    fail_listing(&format!("topics first in fewer than {MIN_PER_FIRST_TOPIC} questions"), &failures);
}

#[test]
fn every_kind_has_enough_questions() {
    let bank = bank();
    let failures: Vec<String> = MIN_PER_KIND
        .iter()
        .filter_map(|&(kind, least)| {
            let count = bank.questions.iter().filter(|q| q.kind == kind).count();
            (count < least).then(|| format!("{kind:?}: {count} questions; at least {least}"))
        })
        .collect();
    fail_listing("question kinds", &failures);
}

/// Where a prompt says "report", "article" or "treaty", the word must stand
/// inside a source's label ("the AP report from Bucharest", not "the AP
/// report"), or a plain back reference ("the report") to a label the prompt
/// has already given.
fn misnamed_sources(prompt: &str, labels: &[String]) -> Vec<String> {
    let lower = prompt.to_lowercase();
    let mut problems = Vec::new();
    for noun in SOURCE_NOUNS {
        for (at, _) in lower.match_indices(noun) {
            let end = at + noun.len();
            let word_starts = !lower[..at].ends_with(|c: char| c.is_alphabetic());
            let word_ends = !lower[end..].starts_with(|c: char| c.is_alphabetic());
            // "Article 5" names a clause of the treaty, not a source.
            let clause = noun == "article" && prompt.get(at..).is_some_and(|rest| rest.starts_with('A'));
            if !word_starts || !word_ends || clause || (noun == "report" && is_a_verb(&lower[..at])) {
                continue;
            }
            let labelled =
                labels.iter().any(|label| lower.match_indices(label.as_str()).any(|(from, _)| from <= at && end <= from + label.len()));
            let back_reference = BACK_REFERENCES.iter().any(|r| lower[..end].ends_with(r))
                && labels.iter().any(|label| lower[..at].contains(label.as_str()));
            if !labelled && !back_reference {
                let start = lower[..at].rmatch_indices(' ').nth(4).map_or(0, |(i, _)| i + 1);
                problems.push(prompt.get(start..end).unwrap_or(&lower[start..end]).to_string());
            }
        }
    }
    problems
}

/// "Two texts report…" uses "report" as a verb: no determiner before it, or
/// a plural subject right before it.
fn is_a_verb(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let determiner = words.iter().any(|w| DETERMINERS.contains(w));
    let plural_subject = words.first().is_some_and(|w| w.ends_with('s'));
    !determiner || plural_subject
}

const DETERMINERS: [&str; 5] = ["the", "this", "that", "a", "an"];

#[test]
fn sources_are_named_by_their_labels() {
    let labels =
        vec!["the ap report from bucharest".to_string(), "the “fine line” article".to_string(), "the north atlantic treaty".to_string()];
    assert!(misnamed_sources("According to the AP report from Bucharest, what?", &labels).is_empty());
    assert!(misnamed_sources("The “fine line” article quotes a minister. According to the article, who?", &labels).is_empty());
    assert!(misnamed_sources("Under Article 10 of the North Atlantic Treaty, who?", &labels).is_empty());
    assert_eq!(misnamed_sources("According to the AP report, what?", &labels), ["According to the AP report"]);
    assert_eq!(misnamed_sources("According to the article, who?", &labels), ["According to the article"]);
    assert!(misnamed_sources("Two texts report the accession. Which one?", &labels).is_empty());
    assert_eq!(
        misnamed_sources("The AP report from Bucharest says so. What does the AP report add?", &labels),
        ["What does the AP report"]
    );
}

#[test]
fn every_prompt_names_sources_by_their_one_label() {
    let bank = bank();
    let labels: Vec<String> = bank.articles.iter().map(|a| normalise_for_match(&a.label).to_lowercase()).collect();
    let mut failures = Vec::new();
    for question in &bank.questions {
        let prompt = normalise_for_match(&question.prompt);
        for misnamed in misnamed_sources(&prompt, &labels) {
            failures.push(format!("{}: {}: `{misnamed}` is not a source's label", common::question_file(question), question.id));
        }
        if question.kind == QuestionKind::WhichSource {
            for choice in &question.choices {
                if !labels.contains(&normalise_for_match(choice).to_lowercase()) {
                    failures.push(format!(
                        "{}: {}: choice `{choice}` is not a source's label",
                        common::question_file(question),
                        question.id
                    ));
                }
            }
        }
    }
    fail_listing("sources named otherwise than by their label", &failures);
}
