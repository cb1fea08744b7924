//! The figure data in `content/figures/`: the facts the pictures show, and
//! that a bad entry stops the build naming the file and the entry.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use open_door_core::figures::FigureId;
use open_door_core::files::load_content;
use open_door_core::markup::Block;

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))
}

#[test]
fn the_enlargement_rounds_add_up_to_the_reference() {
    let bundle = load_content(content_dir()).expect("content validates");
    let enlargement = &bundle.figures.enlargement;
    let at = |year: &str| enlargement.rounds.iter().position(|r| r.date.starts_with(year)).expect("a round that year");
    assert_eq!(enlargement.members_after(at("1949")), 12, "twelve founders");
    assert_eq!(enlargement.summary(at("1982")), "16 members in 1982");
    assert_eq!(enlargement.summary(at("2023")), "31 members in 2023");
    assert_eq!(enlargement.summary(at("2024")), "32 members in 2024");
    assert_eq!(enlargement.rounds.len(), 11);
    // The reference counts the founders but does not name them, so the
    // app's text does not either; a later round is named.
    assert_eq!(enlargement.rounds[at("1949")].members_text(), "the twelve founding members");
    assert_eq!(enlargement.rounds[at("2009")].members_text(), "Albania, Croatia");
}

#[test]
fn every_figure_appears_in_an_explainer() {
    let bundle = load_content(content_dir()).expect("content validates");
    for figure in FigureId::ALL {
        let shown = bundle.explainers.iter().any(|e| e.blocks.contains(&Block::Figure(figure)));
        assert!(shown, "no explainer shows `::figure {}`", figure.name());
    }
}

/// A copy of the content folder with one figure file replaced.
fn content_with(file: &str, edit: impl Fn(String) -> String) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    // One folder per call: the tests run in parallel.
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("open-door-figures-{}-{call}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let content = dir.join("content");
    copy(content_dir(), &content);
    let path = content.join("figures").join(file);
    fs::write(&path, edit(fs::read_to_string(&path).unwrap())).unwrap();
    content
}

fn errors_for(file: &str, edit: impl Fn(String) -> String) -> Vec<String> {
    let dir = content_with(file, edit);
    let result = load_content(&dir);
    fs::remove_dir_all(dir.parent().unwrap()).unwrap();
    result.expect_err("the edit must be refused").iter().map(ToString::to_string).collect()
}

#[test]
fn a_bad_date_fails_naming_file_and_entry() {
    let errors = errors_for("enlargement.toml", |t| t.replace("date = \"2024-03-07\"", "date = \"2024-02-30\""));
    assert_eq!(errors, ["content/figures/enlargement.toml: 2024-02-30: date `2024-02-30` is not a year or a date like 2023-04-04"]);
    let errors = errors_for("ukraine-road.toml", |t| t.replace("date = \"2023-04-20\"", "date = \"2021-04-20\""));
    assert_eq!(errors, ["content/figures/ukraine-road.toml: 2021-04-20: events must be in date order"]);
}

#[test]
fn a_miscount_or_a_repeated_member_fails() {
    let errors = errors_for("enlargement.toml", |t| t.replace("members = [\"Spain\"]", "members = [\"Spain\", \"Poland\"]"));
    assert!(errors.contains(&"content/figures/enlargement.toml: 1999: `Poland` joined in an earlier round".into()), "{errors:?}");
    assert!(
        errors.contains(&"content/figures/enlargement.toml: 2023-04-04: ordinal 31, but the rounds so far add up to 32 members".into()),
        "{errors:?}"
    );
}

#[test]
fn an_empty_stand_in_for_the_names_fails() {
    let errors = errors_for("enlargement.toml", |t| t.replace("shown_as = \"the twelve founding members\"", "shown_as = \" \""));
    assert_eq!(errors, ["content/figures/enlargement.toml: 1949: empty shown_as"]);
}

#[test]
fn an_unknown_source_or_step_fails() {
    let errors =
        errors_for("accession.toml", |t| t.replacen("step = 5", "step = 6", 1).replace("sources = [\"002\"]", "sources = [\"009\"]"));
    assert!(
        errors
            .contains(&"content/figures/accession.toml: Finland step 4: unknown source `009`: give \"reference\" or an article id".into()),
        "{errors:?}"
    );
    assert!(errors.contains(&"content/figures/accession.toml: Finland step 6: there are 5 steps".into()), "{errors:?}");
}

#[test]
fn an_unknown_figure_in_an_explainer_fails_naming_file_and_explainer() {
    let dir = content_with("enlargement.toml", |t| t);
    let explainer = dir.join("explainers/joining.md");
    let text = fs::read_to_string(&explainer).unwrap();
    fs::write(&explainer, format!("{text}\n::figure enlargment-map\n")).unwrap();
    let result = load_content(&dir);
    fs::remove_dir_all(dir.parent().unwrap()).unwrap();
    let errors: Vec<String> = result.expect_err("refused").iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("content/explainers/joining.md: joining: markup after the front matter: line "), "{errors:?}");
    assert!(errors[0].contains("unknown figure `enlargment-map`"), "{errors:?}");
}
