//! Writes a class's result files, as students' devices write them, for the
//! benchmark's "a class of 35 files loads in under a second".
//! `cargo run -q -p open-door-core --example class_files -- <dir> <students>`
//!
//! Every student takes the same ten-question test from the built-in bank and
//! answers each question with a choice drawn from their own seeded random
//! numbers, so the files differ as a real class's do; every fifth hands in
//! the CSV. Prints the file names, one a line.

use std::path::Path;

use open_door_core::quiz::{prepare, Mode, QuizSession, QuizSpec, Selection, Submitted};
use open_door_core::result::ResultRecord;
use open_door_core::rng::SeededRng;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(students)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: class_files <dir> <students>");
        std::process::exit(2);
    };
    let content = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"));
    let bank = open_door_core::files::load_content(content).unwrap_or_else(|errors| {
        errors.iter().for_each(|e| eprintln!("{e}"));
        std::process::exit(1);
    });
    let spec = QuizSpec {
        selection: Selection::Filter { topics: vec![], articles: vec![], count: Some(10) },
        seed: 1,
        mode: Mode::Test,
        minutes: None,
    };
    let (items, _) = prepare(&bank, &spec);
    for student in 0..students {
        let mut rng = SeededRng::new(student as u64);
        let mut session = QuizSession::new(spec.clone(), items.clone(), 0.0);
        for (index, item) in items.iter().enumerate() {
            // The order as shown for ordering questions, one shown choice otherwise.
            let shown = &item.choice_order;
            if session.submit(&bank, index, shown.clone()) == Submitted::Invalid {
                session.submit(&bank, index, vec![shown[rng.below(shown.len())]]);
            }
        }
        session.finish(60_000.0 + rng.below(600_000) as f64);
        let record = ResultRecord::from_session(&session, &bank, &format!("Student {}", student + 1));
        // Dated 2026-11-25 (day 20 782), so every run writes the same files.
        let (name, text) = if student % 5 == 4 {
            (record.file_name(20_782, "csv"), record.to_csv(&bank))
        } else {
            (record.file_name(20_782, "json"), record.to_json())
        };
        std::fs::write(Path::new(&dir).join(&name), text).unwrap_or_else(|e| {
            eprintln!("{dir}/{name}: {e}");
            std::process::exit(1);
        });
        println!("{name}");
    }
}
