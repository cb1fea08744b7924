//! Custom question packs: a teacher's own questions (and, optionally, their
//! own article texts), in JSON with the same schema as the built-in content,
//! checked by the same validator before anything is stored.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::content::{normalise_for_match, Article, Bundle, Question, Topic};
use crate::rng::fnv1a;
use crate::validate::{validate_bundle, ContentError, ItemKind, Minimums, Origins};

/// The largest pack accepted, checked before parsing anything.
pub const MAX_PACK_BYTES: usize = 1_000_000;
/// A term's worth of questions for one class; more is a question bank, not
/// a pack, and would make every check and every start-up slower.
pub const MAX_PACK_QUESTIONS: usize = 300;
/// Texts a pack may bring (each with its questions).
pub const MAX_PACK_ARTICLES: usize = 30;
pub const PACK_FORMAT: &str = "open-door-pack";
pub const PACK_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Always "open-door-pack".
    pub format: String,
    pub version: u64,
    /// A short name shown in the Classroom page, used as its id too.
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    pub questions: Vec<Question>,
}

impl Pack {
    /// Every id the pack brings into the bank: its questions', texts' and
    /// topics'.
    pub fn ids(&self) -> impl Iterator<Item = &String> {
        let questions = self.questions.iter().map(|q| &q.id);
        questions.chain(self.articles.iter().map(|a| &a.id)).chain(self.topics.iter().map(|t| &t.id))
    }
}

/// Why a pack was refused: every problem, each naming where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackRejected(pub Vec<String>);

/// Reads and checks a pack against the content it would join. Nothing is
/// changed: the caller stores the pack only on `Ok`.
///
/// A file is held to rules that came after packs were first kept and
/// carried by links: a pack kept on a device, or carried by a link made
/// before those rules, is read as it was accepted ([`read`]), not refused
/// on a student's device for a file they never had.
pub fn import(text: &str, existing: &Bundle) -> Result<Pack, PackRejected> {
    let refuse = |message: String| Err(PackRejected(vec![message]));
    if text.trim().is_empty() {
        return refuse("The file is empty.".into());
    }
    // The browser reads a file as UTF-8 and puts U+FFFD for each byte it
    // cannot: a file saved in another encoding (a Windows editor's "ANSI")
    // would otherwise be accepted with its accented letters garbled.
    if let Some(line) = text.lines().position(|line| line.contains('\u{FFFD}')) {
        return refuse(format!(
            "The file is not saved as UTF-8: line {} has letters that could not be read (shown as \u{FFFD}). Save it again with the encoding UTF-8 and add it again (or, if your own text has the sign \u{FFFD}, delete it).",
            line + 1
        ));
    }
    let pack = read(text, PACK_FORMAT, existing)?;
    let across = quotes_across_blocks(&pack, existing);
    if across.is_empty() {
        Ok(pack)
    } else {
        Err(PackRejected(across))
    }
}

/// A message for each question whose evidence, which its text holds, runs
/// on from one paragraph (or heading) into the next: a source page
/// highlights a quote within one, and showed such a one unmarked (found by
/// a teacher's walk). The built-in texts' test asks more (each quote in
/// just one paragraph).
fn quotes_across_blocks(pack: &Pack, existing: &Bundle) -> Vec<String> {
    // Each text the questions quote, normalised once, by block. Every quote
    // is in its whole text: `read`, which the pack has passed, refuses one
    // that is not.
    let mut texts: Vec<(&str, Vec<String>)> = Vec::new();
    let mut across = Vec::new();
    for question in &pack.questions {
        let Some(article) = pack.articles.iter().find(|a| a.id == question.article).or_else(|| existing.article(&question.article)) else {
            continue;
        };
        let at = texts.iter().position(|(id, _)| *id == article.id).unwrap_or_else(|| {
            texts.push((&article.id, article.blocks().map(|block| normalise_for_match(block.text())).collect()));
            texts.len() - 1
        });
        let evidence = normalise_for_match(&question.evidence);
        if !evidence.is_empty() && !texts[at].1.iter().any(|block| block.contains(&evidence)) {
            across.push(format!(
                "\"{}\": evidence runs on from one paragraph of article {} into the next; it must lie within one.",
                question.id, article.id
            ));
        }
    }
    across
}

/// Reads a pack document whose `format` must be `format` (a pack file, or
/// the pack a class link carries) and applies every rule of [`check`].
pub(crate) fn read(text: &str, format: &str, existing: &Bundle) -> Result<Pack, PackRejected> {
    let refuse = |message: String| Err(PackRejected(vec![message]));
    if text.len() > MAX_PACK_BYTES {
        return refuse(format!("The file is {:.1} MB; a pack may be at most 1 MB.", text.len() as f64 / 1e6));
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return refuse(format!("The pack is not valid JSON: {e}.")),
    };
    let Value::Object(top) = &value else { return refuse("The pack must be a JSON object.".into()) };

    // Each part is read on its own so a problem can be named by field and
    // question, which one serde error for the whole file cannot do.
    let mut problems = Vec::new();
    const FIELDS: [&str; 6] = ["format", "version", "name", "topics", "articles", "questions"];
    for key in top.keys().filter(|k| !FIELDS.contains(&k.as_str())) {
        problems.push(format!("Unknown field \"{key}\" at the top of the pack (allowed: {}).", FIELDS.join(", ")));
    }
    if top.get("format").and_then(Value::as_str) != Some(format) {
        problems.push(format!("The field \"format\" must be \"{format}\"."));
    }
    if top.get("version").and_then(Value::as_u64) != Some(PACK_VERSION) {
        problems.push(format!("The field \"version\" must be {PACK_VERSION}."));
    }
    let name = top.get("name").and_then(Value::as_str).map(str::trim).unwrap_or_default().to_string();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        problems.push("The field \"name\" must be a text of 1 to 80 characters on one line.".into());
    }
    let topics: Vec<Topic> = read_list(top.get("topics"), "topics", &mut problems);
    let articles: Vec<Article> = read_list(top.get("articles"), "articles", &mut problems);
    let questions: Vec<Question> = match top.get("questions") {
        None => {
            problems.push("The field \"questions\" is missing.".into());
            Vec::new()
        }
        Some(list) => read_list(Some(list), "questions", &mut problems),
    };
    if !problems.is_empty() {
        return Err(PackRejected(problems));
    }
    check(Pack { format: PACK_FORMAT.into(), version: PACK_VERSION, name, topics, articles, questions }, existing)
}

/// The name a pack file gives itself, as [`import`] reads it, before any
/// check: a pack already added under that name is replaced, not checked
/// against itself.
pub fn declared_name(text: &str) -> Option<String> {
    let value: Value = serde_json::from_str(text).ok()?;
    Some(value.get("name")?.as_str()?.trim().to_string())
}

/// The number of questions and texts a pack may hold, as one message.
fn bounds(pack: &Pack) -> Option<String> {
    (pack.questions.len() > MAX_PACK_QUESTIONS || pack.articles.len() > MAX_PACK_ARTICLES).then(|| {
        format!(
            "The pack has {} questions and {} texts; a pack holds at most {MAX_PACK_QUESTIONS} questions and {MAX_PACK_ARTICLES} texts. Split it into smaller packs.",
            pack.questions.len(),
            pack.articles.len()
        )
    })
}

/// Applies the content rules to a pack already read, against the content it
/// would join. `import` ends here; so does loading a pack stored earlier,
/// since the built-in bank may have changed since it was added.
pub fn check(pack: Pack, existing: &Bundle) -> Result<Pack, PackRejected> {
    if pack.questions.is_empty() {
        return Err(PackRejected(vec!["The pack has no questions.".into()]));
    }
    if let Some(too_many) = bounds(&pack) {
        return Err(PackRejected(vec![too_many]));
    }
    let errors = check_against(&pack, existing);
    if errors.is_empty() {
        Ok(pack)
    } else {
        Err(PackRejected(errors.iter().map(|error| describe(error, existing)).collect()))
    }
}

/// The prefix of the keys packs are stored under on a device, one key a
/// pack, so that a damaged one never takes the others with it.
pub const STORED_PREFIX: &str = "open-door.pack.";

/// The key a pack of this name is stored under.
pub fn stored_key(name: &str) -> String {
    format!("{STORED_PREFIX}{:016x}", fnv1a(name.as_bytes()))
}

/// A pack as a device keeps it: in its checked form, with a stamp of the
/// built-in content it was checked against, so that a start-up of the same
/// version need not check it again (a large pack would slow every one).
#[derive(Serialize, Deserialize)]
struct StoredPack {
    stamp: String,
    pack: Pack,
}

/// What to store for a pack that was just checked against `built_in` (the
/// built-in content as the app embeds it).
pub fn store(pack: &Pack, built_in: &str) -> String {
    let stamp = stamp(pack, built_in);
    serde_json::to_string(&StoredPack { stamp, pack: pack.clone() }).unwrap_or_default()
}

/// Reads what [`store`] wrote: the pack, and whether it was checked against
/// this very content in exactly this form (if not, check it again).
pub fn read_stored(raw: &str, built_in: &str) -> Result<(Pack, bool), String> {
    match serde_json::from_str::<StoredPack>(raw) {
        Ok(stored) => {
            let checked = stored.stamp == stamp(&stored.pack, built_in);
            Ok((stored.pack, checked))
        }
        Err(_) => Err("the stored copy is damaged and could not be read".into()),
    }
}

fn stamp(pack: &Pack, built_in: &str) -> String {
    let text = serde_json::to_string(pack).unwrap_or_default();
    format!("{:016x}", fnv1a(built_in.as_bytes()) ^ fnv1a(text.as_bytes()).rotate_left(29))
}

/// Adds a pack's content to a bundle (after [`import`] accepted it).
pub fn merge(bundle: &mut Bundle, pack: &Pack) {
    bundle.topics.extend(pack.topics.iter().cloned());
    bundle.articles.extend(pack.articles.iter().cloned());
    bundle.questions.extend(pack.questions.iter().cloned());
}

/// The pack as a file to share.
pub fn export(pack: &Pack) -> String {
    serde_json::to_string_pretty(pack).unwrap_or_default()
}

/// The rules of the built-in bank, applied to the pack joined with it; only
/// the problems of the pack's own items are reported (and ids it reuses).
fn check_against(pack: &Pack, existing: &Bundle) -> Vec<ContentError> {
    let mut joined = existing.clone();
    merge(&mut joined, pack);
    let own: HashSet<(ItemKind, &str)> = pack
        .questions
        .iter()
        .map(|q| (ItemKind::Question, q.id.as_str()))
        .chain(pack.articles.iter().map(|a| (ItemKind::Article, a.id.as_str())))
        .chain(pack.topics.iter().map(|t| (ItemKind::Topic, t.id.as_str())))
        .collect();
    let mut origins = Origins::single_file("pack");
    for question in &existing.questions {
        origins.record(ItemKind::Question, &question.id, "built-in");
    }
    validate_bundle(&joined, &origins, Minimums::PACK)
        .into_iter()
        .filter(|e| e.file == "pack" || own.iter().any(|(_, id)| *id == e.id))
        .collect()
}

/// A content error in the words a teacher reads: the id they wrote, the
/// rule, and no code-style quoting.
fn describe(error: &ContentError, existing: &Bundle) -> String {
    match error.rule.as_str() {
        // Said apart from a clash within the pack (found by a teacher's
        // walk: a pack reusing "000-01" was told only "already in use").
        "duplicate id" if existing.question(&error.id).is_some() => format!(
            "\"{}\": a question on this device already has this id (a built-in question, or another pack's); give yours a new one.",
            error.id
        ),
        "duplicate id" => format!("\"{}\": this id is already in use; give the question or text a new one.", error.id),
        rule => format!("\"{}\": {}.", error.id, plain(rule)),
    }
}

/// Backticks (from the content rules and from serde's messages) as quotes.
fn plain(text: &str) -> String {
    text.replace('`', "\"")
}

/// A serde message in a teacher's words (found by a teacher's walk:
/// "invalid type: string, expected a sequence" for an answer written
/// without its brackets): JSON's kinds of value as a teacher knows them,
/// and a variant as one of a field's fixed values.
fn in_plain_words(serde_message: &str) -> String {
    let Some((got, expected)) = serde_message.strip_prefix("invalid type: ").and_then(|rest| rest.split_once(", expected ")) else {
        return plain(&serde_message.replace("unknown variant", "unknown value"));
    };
    let value = |kind: &str| got.strip_prefix(kind).map(|value| value.trim_matches(|c| c == ' ' || c == '`'));
    let got = if let Some(text) = value("string") {
        format!("the text {text}")
    } else if let Some(number) = value("integer").or_else(|| value("floating point")) {
        format!("the number {number}")
    } else if let Some(yes_or_no) = value("boolean") {
        format!("the value {yes_or_no}")
    } else {
        match got {
            "map" => "a { } block".to_string(),
            "sequence" => "a list".to_string(),
            other => other.to_string(),
        }
    };
    let expected = match expected {
        "a sequence" => "a list in square brackets ([\"…\"])",
        "a string" => "a text in quotes",
        other if other.starts_with("struct ") => "a { } block",
        other => other,
    };
    plain(&format!("a value of the wrong kind: {got}, where {expected} is needed"))
}

/// Reads a list entry by entry, naming the entry (and its id) that fails.
fn read_list<T: serde::de::DeserializeOwned>(value: Option<&Value>, field: &str, problems: &mut Vec<String>) -> Vec<T> {
    let Some(value) = value else { return Vec::new() };
    let Value::Array(entries) = value else {
        problems.push(format!("The field \"{field}\" must be a list."));
        return Vec::new();
    };
    entries
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| {
            serde_json::from_value::<T>(entry.clone())
                .map_err(|e| {
                    let id = entry.get("id").and_then(Value::as_str).map(|id| format!(" (id \"{id}\")")).unwrap_or_default();
                    problems.push(format!("In \"{field}\", entry {}{id}: {}.", index + 1, in_plain_words(&e.to_string())));
                })
                .ok()
        })
        .collect()
}
