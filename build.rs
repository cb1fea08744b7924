//! Validates `content/` and embeds it: a content file with any error stops
//! the build with the file, the id and the rule, so the app never ships
//! half-valid content. It is written in parts (`QuizContent`, embedded in
//! the main module in the compact form of `open_door_core::embedded`, its
//! questions' details (words and feedback) in a module of their own and a
//! file per question, and `ReadingContent`, in the same form, its
//! explainers and glossary in the reading pages' module and its articles in
//! the sources': see src/content.rs).
//!
//! The figures' data is written as Rust code (figures.rs) instead of JSON:
//! constructing it costs the wasm far less than a serde deserialiser for
//! its dozen types would.

use std::path::Path;

use open_door_core::figures::{Accession, DecisionPath, Enlargement, Figures, Invocation, PathStep, TimelineEvent};

/// The folder of OUT_DIR with each question's details (the name
/// scripts/build-wasm.mjs and public/start.js use too).
const QUESTIONS_DIR: &str = "questions";

fn main() {
    let content = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    match open_door_core::files::load_content(content) {
        Ok(bundle) => {
            let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
            let write = |name: &str, text: String| {
                let out = Path::new(&out_dir).join(name);
                std::fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
            };
            write("figures.rs", figures_code(&bundle.figures));
            let (quiz, reading) = bundle.into_parts();
            let embedded = open_door_core::embedded::encode(&quiz).unwrap_or_else(|error| {
                eprintln!("\ncontent error: {error}");
                std::process::exit(1);
            });
            write("quiz-content.txt", embedded.quiz);
            write("details.txt", embedded.details);
            // One file per question, which scripts/build-wasm.mjs copies
            // beside the app for a class link's first load to fetch.
            let by_question = Path::new(&out_dir).join(QUESTIONS_DIR);
            let _ = std::fs::remove_dir_all(&by_question);
            std::fs::create_dir_all(&by_question).unwrap_or_else(|e| panic!("cannot create {}: {e}", by_question.display()));
            for (id, text) in embedded.details_by_question {
                write(&format!("{QUESTIONS_DIR}/{id}.txt"), text);
            }
            let reading = open_door_core::embedded::encode_reading(&reading).unwrap_or_else(|error| {
                eprintln!("\ncontent error: {error}");
                std::process::exit(1);
            });
            write("explainers.txt", reading.explainers);
            write("articles.txt", reading.articles);
        }
        Err(errors) => {
            for error in &errors {
                println!("cargo:warning=content error: {error}");
            }
            eprintln!("\n{} content error(s):", errors.len());
            for error in &errors {
                eprintln!("  {error}");
            }
            std::process::exit(1);
        }
    }
}

/// The figures as one Rust expression of the core's types. The map's
/// `map_shapes` are left out: only the build's map drawing uses them.
fn figures_code(figures: &Figures) -> String {
    let Figures { enlargement, accession, article_5, ukraine_road } = figures;
    let Enlargement { map_note, map_shapes: _, rounds } = enlargement;
    let rounds = list(rounds, |r| {
        format!(
            "EnlargementRound {{ date: {}, members: {}, shown_as: {}, ordinal: {:?}, note: {}, sources: {} }}",
            text(&r.date),
            texts(&r.members),
            optional(&r.shown_as),
            r.ordinal,
            optional(&r.note),
            texts(&r.sources)
        )
    });
    let Accession { steps, examples } = accession;
    let steps = list(steps, |s| {
        format!("AccessionStep {{ title: {}, text: {}, one_ally_can_delay: {} }}", text(&s.title), text(&s.text), s.one_ally_can_delay)
    });
    let examples = list(examples, |x| {
        let events = list(&x.events, |e| {
            format!(
                "ExampleEvent {{ step: {}, date: {}, text: {}, sources: {} }}",
                e.step,
                optional(&e.date),
                text(&e.text),
                texts(&e.sources)
            )
        });
        format!("AccessionExample {{ country: {}, events: {events} }}", text(&x.country))
    });
    let DecisionPath { steps: path_steps, beside, invocation } = article_5;
    let path_step = |s: &PathStep| format!("PathStep {{ title: {}, text: {} }}", text(&s.title), text(&s.text));
    let Invocation { date, text: invocation_text, sources } = invocation;
    let events = list(ukraine_road, |e: &TimelineEvent| {
        format!(
            "TimelineEvent {{ date: {}, end: {}, title: {}, text: {}, sources: {} }}",
            text(&e.date),
            optional(&e.end),
            text(&e.title),
            text(&e.text),
            texts(&e.sources)
        )
    });
    format!(
        "Figures {{ enlargement: Enlargement {{ map_note: {}, map_shapes: Default::default(), rounds: {rounds} }}, \
         accession: Accession {{ steps: {steps}, examples: {examples} }}, \
         article_5: DecisionPath {{ steps: {}, beside: {}, invocation: Invocation {{ date: {}, text: {}, sources: {} }} }}, \
         ukraine_road: {events} }}",
        text(map_note),
        list(path_steps, path_step),
        path_step(beside),
        text(date),
        text(invocation_text),
        texts(sources),
    )
}

/// A Rust string expression (`Debug` of a str is a valid literal).
fn text(value: &str) -> String {
    format!("String::from({value:?})")
}

fn texts(values: &[String]) -> String {
    list(values, |v| text(v))
}

fn optional(value: &Option<String>) -> String {
    value.as_ref().map_or_else(|| "None".into(), |v| format!("Some({})", text(v)))
}

fn list<T>(items: &[T], item: impl Fn(&T) -> String) -> String {
    format!("vec![{}]", items.iter().map(item).collect::<Vec<_>>().join(", "))
}
