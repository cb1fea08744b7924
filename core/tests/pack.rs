//! Custom packs: the documented example imports, and every kind of bad pack
//! is refused with a message naming the field and the question.

use std::path::Path;

use open_door_core::files::load_content;
use open_door_core::pack::{declared_name, export, import, merge, read_stored, store, stored_key, PackRejected, MAX_PACK_QUESTIONS};
use proptest::prelude::*;

fn bank() -> open_door_core::content::Bundle {
    static BANK: std::sync::OnceLock<open_door_core::content::Bundle> = std::sync::OnceLock::new();
    BANK.get_or_init(|| load_content(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))).expect("content validates")).clone()
}

const EXAMPLE: &str = include_str!("../../docs/example-pack.json");

#[test]
fn the_example_pack_in_the_readme_imports_and_round_trips() {
    let bank = bank();
    let pack = import(EXAMPLE, &bank).expect("the documented example is valid");
    assert_eq!(pack.questions.len(), 2);
    assert_eq!(import(&export(&pack), &bank), Ok(pack.clone()));
    let mut joined = bank.clone();
    merge(&mut joined, &pack);
    assert!(joined.question("handout-1-01").is_some());
}

/// A change to the example pack.
type Breakage = fn(&mut serde_json::Value);

/// A change to the example, and words one of the messages must contain.
const BAD_PACKS: &[(&str, Breakage, &str)] = &[
    (
        "unknown top field",
        |p| {
            p["colour"] = "red".into();
        },
        "Unknown field \"colour\"",
    ),
    (
        "unknown question field",
        |p| {
            p["questions"][1]["hint"] = "x".into();
        },
        "In \"questions\", entry 2 (id \"handout-1-02\"): unknown field \"hint\"",
    ),
    (
        "wrong type",
        |p| {
            p["questions"][0]["choices"] = 3.into();
        },
        "In \"questions\", entry 1 (id \"handout-1-01\"): a value of the wrong kind: the number 3, where a list in square brackets ([\"…\"]) is needed",
    ),
    (
        "answer without its brackets",
        |p| {
            p["questions"][0]["answer"] = "By unanimous agreement".into();
        },
        "a value of the wrong kind: the text \"By unanimous agreement\", where a list in square brackets ([\"…\"]) is needed",
    ),
    (
        "difficulty in capitals",
        |p| {
            p["questions"][0]["difficulty"] = "Easy".into();
        },
        "unknown value \"Easy\", expected one of",
    ),
    (
        "questions not a list",
        |p| {
            p["questions"] = "none".into();
        },
        "The field \"questions\" must be a list",
    ),
    (
        "missing questions",
        |p| {
            p.as_object_mut().unwrap().remove("questions");
        },
        "The field \"questions\" is missing",
    ),
    (
        "wrong format",
        |p| {
            p["format"] = "quiz".into();
        },
        "The field \"format\" must be",
    ),
    (
        "duplicate id in the pack",
        |p| {
            p["questions"][1]["id"] = "handout-1-01".into();
        },
        "\"handout-1-01\": this id is already in use",
    ),
    (
        "id of a built-in question",
        |p| {
            p["questions"][0]["id"] = "002-01".into();
        },
        "\"002-01\": a question on this device already has this id (a built-in question, or another pack's)",
    ),
    (
        "quote missing from its article",
        |p| {
            p["questions"][0]["evidence"] = "by simple majority".into();
        },
        "\"handout-1-01\": evidence is not found verbatim in article handout-1",
    ),
    (
        // Where a long quote strays from its text, the message says.
        "quote with a slip",
        |p| {
            p["questions"][0]["evidence"] = "invite another European state to join, but only by unanimous consent".into();
        },
        "\"handout-1-01\": evidence is not found verbatim in article handout-1: the text has \"…to join, but only by unanimous\" but not what follows, \"consent\"",
    ),
    (
        // Found in the text, but the source page highlights evidence within
        // one paragraph (found by a teacher's walk: such a pack was added).
        "quote across two paragraphs",
        |p| {
            p["questions"][0]["evidence"] = "by twelve countries. Its Article 5 says".into();
        },
        "\"handout-1-01\": evidence runs on from one paragraph of article handout-1 into the next",
    ),
    (
        "answer not a choice",
        |p| {
            p["questions"][0]["answer"] = serde_json::json!(["Maybe"]);
        },
        "\"handout-1-01\": answer \"Maybe\" is not among the choices",
    ),
    (
        "unknown article",
        |p| {
            p["questions"][0]["article"] = "zzz".into();
        },
        "\"handout-1-01\": unknown article \"zzz\"",
    ),
    (
        "empty name",
        |p| {
            p["name"] = "".into();
        },
        "The field \"name\"",
    ),
];

#[test]
fn bad_packs_are_refused_naming_field_and_question() {
    let bank = bank();
    for (name, breakage, expected) in BAD_PACKS {
        let mut value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
        breakage(&mut value);
        match import(&value.to_string(), &bank) {
            Ok(_) => panic!("case `{name}`: accepted"),
            Err(PackRejected(messages)) => assert!(
                messages.iter().any(|m| m.contains(expected)),
                "case `{name}`: expected a message with `{expected}`, got {messages:?}"
            ),
        }
    }
}

/// The name a file gives itself is read before any check, as the check
/// reads it: a corrected copy of an added pack is named as that pack (and
/// told to replace it), not refused for every id it shares with itself.
#[test]
fn a_pack_file_s_own_name_is_read_before_it_is_checked() {
    let bank = bank();
    let mut joined = bank.clone();
    merge(&mut joined, &import(EXAMPLE, &bank).unwrap());
    let corrected = EXAMPLE.replace("\"name\": \"Class 9B", "\"name\": \"  Class 9B");
    assert_ne!(corrected, EXAMPLE);
    assert!(import(&corrected, &joined).unwrap_err().0.iter().any(|m| m.contains("a question on this device already has this id")));
    assert_eq!(declared_name(&corrected).as_deref(), Some("Class 9B: the Washington Treaty handout"));
    assert_eq!(declared_name(&corrected), import(&corrected, &bank).ok().map(|p| p.name));
    assert_eq!(declared_name("{\"name\": 7}"), None);
    assert_eq!(declared_name("not a pack"), None);
}

#[test]
fn oversized_and_malformed_packs_are_refused_before_parsing() {
    let bank = bank();
    let huge = format!("{{\"name\":\"{}\"}}", "x".repeat(1_000_001));
    assert!(import(&huge, &bank).unwrap_err().0[0].contains("a pack may be at most 1 MB"));
    assert!(import("{\"format\": ", &bank).unwrap_err().0[0].contains("not valid JSON"));
    assert!(import("[]", &bank).unwrap_err().0[0].contains("JSON object"));
    assert_eq!(import(" \r\n", &bank).unwrap_err().0, ["The file is empty."]);
}

/// Where a quote strays is shown from its fourth word on: a slip in its
/// first three words, or a quote of three words, gets the plain message.
#[test]
fn a_quote_is_placed_only_past_its_first_three_words() {
    let bank = bank();
    let refused = |evidence: &str| {
        let mut value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
        value["questions"][0]["evidence"] = evidence.into();
        import(&value.to_string(), &bank).unwrap_err().0
    };
    let plain = "\"handout-1-01\": evidence is not found verbatim in article handout-1.";
    assert_eq!(refused("Its Article 11 lets the members invite"), [plain]);
    assert_eq!(refused("Its Article 11"), [plain]);
    assert_eq!(refused("by unanimous consent"), [plain]);
    assert_eq!(
        refused("Its Article 10 lets all members invite"),
        ["\"handout-1-01\": evidence is not found verbatim in article handout-1: the text has \"Its Article 10 lets\" but not what follows, \"all members invite\"."]
    );
}

/// A quote of a heading lies within its block; one that runs on from a
/// paragraph into the next is refused for a new file, but a pack kept on a
/// device (or carried by a link) before that rule is still read.
#[test]
fn evidence_across_paragraphs_is_refused_only_in_a_new_file() {
    let bank = bank();
    let mut value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    let body = value["articles"][0]["body"].as_str().unwrap().to_string();
    value["articles"][0]["body"] = format!("The treaty in short\n\n{body}").into();
    value["questions"][0]["evidence"] = "The treaty in short".into();
    assert!(import(&value.to_string(), &bank).is_ok(), "a heading's words are a quote within one block");

    value["questions"][0]["evidence"] = "by twelve countries. Its Article 5 says".into();
    assert!(import(&value.to_string(), &bank).is_err());
    let kept: open_door_core::pack::Pack = serde_json::from_value(value).unwrap();
    assert!(open_door_core::pack::check(kept, &bank).is_ok(), "kept before the rule, it is still read");
}

/// A file saved in Latin-1 (a Windows editor's "ANSI") reaches the pack as
/// the browser reads it, each byte it cannot read as UTF-8 made U+FFFD:
/// refused, naming the line, rather than kept with its letters garbled.
#[test]
fn a_pack_not_saved_as_utf8_is_refused_with_its_line() {
    let bank = bank();
    let latin1: Vec<u8> =
        EXAMPLE.replacen("\"provenance\": \"", "\"provenance\": \"Ms Nov\u{e1}kov\u{e1}: ", 1).chars().map(|c| c as u8).collect();
    let as_read = String::from_utf8_lossy(&latin1);
    let line = as_read.lines().position(|line| line.contains("Ms Nov")).unwrap() + 1;
    let refused = import(&as_read, &bank).unwrap_err().0;
    assert_eq!(refused.len(), 1);
    assert!(refused[0].starts_with(&format!("The file is not saved as UTF-8: line {line} has letters")), "{}", refused[0]);
    // The same letters saved as UTF-8 are the pack's.
    let utf8 = EXAMPLE.replacen("\"provenance\": \"", "\"provenance\": \"Ms Nov\u{e1}kov\u{e1}: ", 1);
    assert!(import(&utf8, &bank).is_ok());
}

#[test]
fn messages_are_plain_words_with_no_code_quoting() {
    let bank = bank();
    for (name, breakage, _) in BAD_PACKS {
        let mut value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
        breakage(&mut value);
        for message in import(&value.to_string(), &bank).unwrap_err().0 {
            assert!(!message.contains('`'), "case `{name}`: {message}");
        }
    }
}

/// The example pack grown to `questions` questions (each quoting its own
/// paragraph of one long text).
fn pack_of(questions: usize) -> String {
    let mut value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    let template = value["questions"][0].clone();
    let paragraphs: Vec<String> =
        (0..questions).map(|n| format!("Paragraph {n} says that the members decide number {n} only by unanimous agreement.")).collect();
    value["articles"][0]["body"] = paragraphs.join("\n\n").into();
    value["questions"] = (0..questions)
        .map(|n| {
            let mut q = template.clone();
            q["id"] = format!("handout-1-{n:03}").into();
            q["evidence"] = format!("decide number {n} only").into();
            q
        })
        .collect::<Vec<_>>()
        .into();
    value.to_string()
}

#[test]
fn a_pack_holds_a_term_of_questions_and_no_more_and_checks_quickly() {
    let bank = bank();
    let largest = pack_of(MAX_PACK_QUESTIONS);
    assert_eq!(import(&largest, &bank).map(|p| p.questions.len()), Ok(MAX_PACK_QUESTIONS));
    let refused = import(&pack_of(MAX_PACK_QUESTIONS + 1), &bank).unwrap_err().0;
    assert!(refused[0].contains("at most 300 questions"), "{refused:?}");
}

#[test]
fn a_stored_pack_is_checked_again_only_when_the_app_or_the_pack_changed() {
    let pack = import(EXAMPLE, &bank()).expect("the example pack imports");
    let stored = store(&pack, "built-in v1");
    assert_eq!(read_stored(&stored, "built-in v1"), Ok((pack.clone(), true)));
    assert_eq!(read_stored(&stored, "built-in v2"), Ok((pack.clone(), false)), "a new version checks it again");
    let altered = stored.replacen(&pack.questions[0].prompt, "Altered?", 1);
    assert_eq!(read_stored(&altered, "built-in v1").map(|(_, checked)| checked), Ok(false), "an edited copy is checked again");
    let damaged = read_stored(&stored[..stored.len() / 2], "built-in v1").unwrap_err();
    assert!(damaged.contains("damaged"), "{damaged}");
}

#[test]
fn each_pack_has_its_own_key() {
    assert_eq!(stored_key("Class 9B"), stored_key("Class 9B"));
    assert_ne!(stored_key("Class 9B"), stored_key("Class 9C"));
    assert!(stored_key("Class 9B").starts_with("open-door.pack."));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_importer_never_panics(text in ".{0,400}") {
        let _ = import(&text, &open_door_core::content::Bundle::default());
    }

    #[test]
    fn the_importer_never_panics_on_mangled_examples(cut in 0usize..3000, junk in ".{0,20}") {
        let mut text = EXAMPLE.to_string();
        let at = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        text.insert_str(at, &junk);
        let _ = import(&text, &bank());
    }
}
