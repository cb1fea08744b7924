//! The JSON that saved progress is read and written with, checked against
//! serde_json, which wrote every save before it and reads JSON to the letter.

use open_door_core::json::{parse, Json};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 512, ..ProptestConfig::default() }
}

/// Any JSON value, with texts of any characters (quotes, backslashes,
/// control characters, characters beyond the Basic Multilingual Plane) and
/// numbers whole and not.
/// Any text, or one made mostly of what JSON escapes.
fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[\u{0}-\u{1f}\"\\\\/a\u{7f}é😀]{0,12}"]
}

fn arb_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("JSON has no infinities", |f| f.is_finite()).prop_map(serde_json::Value::from),
        arb_text().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(arb_text(), inner, 0..5).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn what_serde_json_writes_reads_and_writes_back_the_same(value in arb_value()) {
        let compact = serde_json::to_string(&value).unwrap();
        let read = parse(&compact).expect("serde_json's output is JSON");
        // Compared as serde_json reads both texts (its float reading is not
        // exact, but a number is written back as the same digits).
        let as_serde = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        prop_assert_eq!(as_serde(&read.to_text()), as_serde(&compact));
        // Written back, it is serde_json's text to the byte (what saves
        // were before), escapes and all.
        prop_assert_eq!(read.to_text(), compact);
        // Spaces and line breaks between tokens change nothing.
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(parse(&pretty), Some(read));
    }

    /// Text made of JSON's own characters, mostly not JSON: read exactly
    /// when serde_json reads it, and never a panic.
    #[test]
    fn json_shaped_noise_is_read_exactly_when_serde_json_reads_it(text in r#"[\[\]{}",: 0-9eE.+\-tfnrulas\\/]{0,24}"#) {
        read_alike(&text)?;
    }

    /// A save damaged by one lost character: read exactly when serde_json
    /// reads it.
    #[test]
    fn json_cut_anywhere_is_read_exactly_when_serde_json_reads_it(value in arb_value(), cut: prop::sample::Index) {
        let mut text = serde_json::to_string(&value).unwrap();
        let (at, _) = text.char_indices().nth(cut.index(text.chars().count())).unwrap();
        text.remove(at);
        read_alike(&text)?;
    }

    #[test]
    fn any_text_reads_without_a_panic(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn whole_numbers_read_as_themselves(n: i64, u: u64) {
        prop_assert_eq!(parse(&n.to_string()).and_then(|j| j.as_i64()), Some(n));
        prop_assert_eq!(parse(&u.to_string()).and_then(|j| j.as_u64()), Some(u));
        prop_assert_eq!(Json::from(u).to_text(), u.to_string());
    }
}

#[test]
fn escapes_read_as_the_characters_they_stand_for() {
    let read = parse(r#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#).unwrap();
    assert_eq!(read.as_str(), Some("a\"b\\c/d\u{8}\u{c}\n\r\té😀"));
    // Written back, what must be escaped is, and serde_json reads the same text.
    let written = read.to_text();
    assert_eq!(serde_json::from_str::<String>(&written).unwrap(), "a\"b\\c/d\u{8}\u{c}\n\r\té😀");
    assert!(!written.chars().any(|c| c < ' '), "{written}");
}

#[test]
fn what_is_not_json_is_refused() {
    for text in [
        "",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "{'a':1}",
        "{a:1}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "NaN",
        "Infinity",
        "nul",
        "\"unterminated",
        "\"tab\there\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "[1] [2]",
        "{\"a\" 1}",
        "[1 2]",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
}

#[test]
fn nesting_deeper_than_saved_progress_is_refused_not_recursed_into() {
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&deep(30)).is_some());
    assert_eq!(parse(&deep(100_000)), None);
}

#[test]
fn numbers_read_only_as_what_they_can_be() {
    // Read, though serde_json refuses it: see `read_alike`.
    assert!(parse("[1e999]").is_some() && serde_json::from_str::<serde_json::Value>("[1e999]").is_err());
    let number = |text: &str| parse(text).unwrap();
    assert_eq!(number("3").as_u64(), Some(3));
    assert_eq!(number("-3").as_u64(), None);
    assert_eq!(number("-3").as_i64(), Some(-3));
    // A count is a whole number, written as one (as serde_json required).
    assert_eq!(number("3.0").as_u64(), None);
    assert_eq!(number("3e0").as_u64(), None);
    assert_eq!(number("18446744073709551616").as_u64(), None);
    // A time is whole milliseconds, with or without a fraction.
    assert_eq!(number("1700000000000.0").as_whole_ms(), Some(1_700_000_000_000.0));
    assert_eq!(number("1700000000000").as_whole_ms(), Some(1_700_000_000_000.0));
    assert_eq!(number("1700000000000.4999").as_whole_ms(), Some(1_700_000_000_000.0));
    assert_eq!(number("1700000000000.5").as_whole_ms(), Some(1_700_000_000_001.0));
    assert_eq!(number("-0.5").as_whole_ms(), Some(-1.0));
    assert_eq!(number("-2.25").as_whole_ms(), Some(-2.0));
    assert_eq!(number("1.7e12").as_whole_ms(), None);
    assert_eq!(number("9007199254740992").as_whole_ms(), None);
    assert_eq!(number("1e400").as_whole_ms(), None);
    // A number keeps the text it was written as.
    assert_eq!(number("1.50E+2").to_text(), "1.50E+2");
}

#[test]
fn a_repeated_name_keeps_its_first_place_and_last_value() {
    let read = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
    assert_eq!(read.get("a").and_then(Json::as_u64), Some(3));
    assert_eq!(read.to_text(), r#"{"a":3,"b":2}"#);
}

/// Fails unless `text` is read exactly when serde_json reads it, with one
/// difference on purpose: a number too large for an `f64` (a lost decimal
/// point can make one) is still read, as text; only that field then fails
/// to read as a number, not the whole save.
fn read_alike(text: &str) -> Result<(), TestCaseError> {
    match (parse(text), serde_json::from_str::<serde_json::Value>(text)) {
        (Some(_), Ok(_)) | (None, Err(_)) => {}
        (Some(read), Err(error)) => {
            prop_assert!(error.to_string().starts_with("number out of range") && has_number_out_of_range(&read), "{:?}: {}", text, error)
        }
        (None, Ok(_)) => prop_assert!(false, "refused what serde_json reads: {:?}", text),
    }
    Ok(())
}

fn has_number_out_of_range(value: &Json) -> bool {
    match value {
        Json::Number(text) => !text.parse::<f64>().is_ok_and(f64::is_finite),
        Json::Array(items) => items.iter().any(has_number_out_of_range),
        Json::Object(members) => members.iter().any(|(_, v)| has_number_out_of_range(v)),
        _ => false,
    }
}
