//! Reads the `content/` folder (TOML and text files a teacher edits) into a
//! validated [`Bundle`]. Used by the build script, which embeds the result in
//! the app, and by the native tests.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::content::{Article, Bundle, Explainer, GlossaryTerm, Question, Topic};
use crate::figures::{self, Accession, DecisionPath, Enlargement, TimelineEvent};
use crate::markup;
use crate::validate::{validate_bundle, ContentError, ItemKind, Minimums, Origins};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    topic: Vec<Topic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    term: Vec<GlossaryTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    question: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UkraineRoadFile {
    event: Vec<TimelineEvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplainerHead {
    id: String,
    title: String,
    topic: String,
    summary: String,
    sources: Vec<String>,
}

/// Loads and validates the content folder. Errors name file, id and rule.
pub fn load_content(dir: &Path) -> Result<Bundle, Vec<ContentError>> {
    let mut origins = Origins::single_file(&dir.display().to_string());
    let mut errors = Vec::new();
    let mut bundle = Bundle::default();

    let topics_path = dir.join("topics.toml");
    match read_toml::<TopicsFile>(&topics_path) {
        Ok(file) => bundle.topics = file.topic,
        Err(e) => errors.push(e),
    }
    let glossary_path = dir.join("glossary.toml");
    match read_toml::<GlossaryFile>(&glossary_path) {
        Ok(file) => bundle.glossary = file.term,
        Err(e) => errors.push(e),
    }

    for path in files_in(&dir.join("articles"), "toml", &mut errors) {
        let body_path = path.with_extension("txt");
        let loaded = read_toml::<Article>(&path).and_then(|article| {
            let body = read_text(&body_path)?;
            Ok(Article { body, ..article })
        });
        match loaded {
            Ok(article) => {
                origins.record(ItemKind::Article, &article.id, &shown(&path));
                bundle.articles.push(article);
            }
            Err(e) => errors.push(e),
        }
    }

    for path in files_in(&dir.join("explainers"), "md", &mut errors) {
        match read_text(&path).and_then(|text| parse_explainer(&path, &text)) {
            Ok(explainer) => {
                origins.record(ItemKind::Explainer, &explainer.id, &shown(&path));
                bundle.explainers.push(explainer);
            }
            Err(e) => errors.push(e),
        }
    }

    for path in files_in(&dir.join("questions"), "toml", &mut errors) {
        match read_toml::<QuestionsFile>(&path) {
            Ok(file) => {
                for question in file.question {
                    origins.record(ItemKind::Question, &question.id, &shown(&path));
                    bundle.questions.push(question);
                }
            }
            Err(e) => errors.push(e),
        }
    }

    let figures_dir = dir.join("figures");
    match read_toml::<Enlargement>(&figures_dir.join("enlargement.toml")) {
        Ok(file) => bundle.figures.enlargement = file,
        Err(e) => errors.push(e),
    }
    match read_toml::<Accession>(&figures_dir.join("accession.toml")) {
        Ok(file) => bundle.figures.accession = file,
        Err(e) => errors.push(e),
    }
    match read_toml::<DecisionPath>(&figures_dir.join("article-5.toml")) {
        Ok(file) => bundle.figures.article_5 = file,
        Err(e) => errors.push(e),
    }
    match read_toml::<UkraineRoadFile>(&figures_dir.join("ukraine-road.toml")) {
        Ok(file) => bundle.figures.ukraine_road = file.event,
        Err(e) => errors.push(e),
    }

    for topic in &bundle.topics {
        origins.record(ItemKind::Topic, &topic.id, &shown(&topics_path));
    }
    for term in &bundle.glossary {
        origins.record(ItemKind::Term, &term.id, &shown(&glossary_path));
    }

    if errors.is_empty() {
        errors = validate_bundle(&bundle, &origins, Minimums::BUILT_IN);
        errors.extend(figures::validate(&bundle.figures, &bundle));
    }
    if errors.is_empty() {
        Ok(bundle)
    } else {
        Err(errors)
    }
}

/// An explainer file: TOML front matter between `+++` lines, then markup.
fn parse_explainer(path: &Path, text: &str) -> Result<Explainer, ContentError> {
    let rest = text.strip_prefix("+++\n").ok_or_else(|| file_error(path, "an explainer starts with a `+++` line".into()))?;
    let (head, body) =
        rest.split_once("\n+++\n").ok_or_else(|| file_error(path, "the front matter is not closed with a `+++` line".into()))?;
    let head: ExplainerHead = parse_toml(path, head)?;
    let blocks = markup::parse_document(body).map_err(|rule| ContentError {
        file: shown(path),
        id: head.id.clone(),
        rule: format!("markup after the front matter: {rule}"),
    })?;
    Ok(Explainer { id: head.id, title: head.title, topic: head.topic, summary: head.summary, sources: head.sources, blocks })
}

fn read_text(path: &Path) -> Result<String, ContentError> {
    fs::read_to_string(path).map_err(|e| file_error(path, format!("cannot read: {e}")))
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ContentError> {
    parse_toml(path, &read_text(path)?)
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| file_error(path, format!("TOML: {}", e.to_string().trim())))
}

/// Sorted files with the extension: the bank's order never depends on the
/// file system.
fn files_in(dir: &Path, extension: &str, errors: &mut Vec<ContentError>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(file_error(dir, format!("cannot list: {e}")));
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|entry| entry.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == extension)).collect();
    paths.sort();
    paths
}

fn file_error(path: &Path, rule: String) -> ContentError {
    ContentError { file: shown(path), id: "-".into(), rule }
}

/// Paths as a teacher sees them, from `content/` on.
fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    match text.find("content/") {
        Some(at) => text[at..].to_string(),
        None => text,
    }
}
