//! Which page an address shows. The app's routes as a plain function, so the
//! rule is tested natively and the UI's router only renders what it says.

use crate::link::{percent_decode, PLAY_PATH};

/// A page of the app, with the id an address names where it names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Learn,
    /// `/learn/:id`
    Explainer(String),
    Glossary,
    QuizSetup,
    /// `/quiz/play`: where a class link lands.
    Play,
    Sources,
    /// `/sources/:id`
    Source(String),
    Classroom,
    Projector,
    Print,
    About,
    NotFound,
}

impl Page {
    /// The page at `app_path` (the path within the app, without the public
    /// URL, query or fragment). A trailing slash is ignored, as hosts and
    /// people add one.
    pub fn at(app_path: &str) -> Page {
        let path = match app_path.trim_end_matches('/') {
            "" => "/",
            trimmed => trimmed,
        };
        let id = |prefix: &str| path.strip_prefix(prefix).filter(|id| !id.is_empty() && !id.contains('/'));
        match path {
            "/" => Page::Home,
            "/learn" => Page::Learn,
            "/glossary" => Page::Glossary,
            "/quiz" => Page::QuizSetup,
            PLAY_PATH => Page::Play,
            "/sources" => Page::Sources,
            "/classroom" => Page::Classroom,
            "/classroom/projector" => Page::Projector,
            "/classroom/print" => Page::Print,
            "/about" => Page::About,
            _ => match (id("/learn/"), id("/sources/")) {
                (Some(id), _) => Page::Explainer(decoded(id)),
                (_, Some(id)) => Page::Source(decoded(id)),
                _ => Page::NotFound,
            },
        }
    }
}

fn decoded(id: &str) -> String {
    percent_decode(id).unwrap_or_else(|| id.to_string())
}

/// Whether a link to `to` leads back to the address `from` (both as
/// "/path?query#fragment"): the same path and query fields, in any order
/// and with or without a quiz link's check (a checksum of the others, which
/// the app's own links to a quiz add), and the same fragment where both
/// name one. The router then goes back, as the browser's Back does, to a
/// page a history entry was opened from, rather than adding an entry.
///
/// A fragment that only `to` names is where the link goes in a page
/// opened afresh (a new tab); going back puts the reader where they were,
/// which is where it points: "Back to your results" from the evidence of
/// a question in the review leads to that question's entry, from which
/// the evidence was followed. A new entry there had the phone's Back open
/// the evidence again.
pub fn leads_back(to: &str, from: &str) -> bool {
    // No sort and no new strings: a version that sorted the fields cost
    // 2 KB gzipped in the app's first load, where the router had it.
    let parts = |address| {
        let (rest, fragment) = split_off(address, '#');
        let (path, query) = split_off(rest, '?');
        let fields = move || {
            query
                .unwrap_or_default()
                .split('&')
                .filter(|field| !field.is_empty() && field.split('=').next() != Some(crate::link::CHECK_KEY))
        };
        (path, fields, fragment)
    };
    let ((to_path, to_fields, to_fragment), (from_path, from_fields, from_fragment)) = (parts(to), parts(from));
    to_path == from_path
        && to_fields().count() == from_fields().count()
        && to_fields().all(|field| from_fields().any(|other| other == field))
        && from_fields().all(|field| to_fields().any(|other| other == field))
        && (to_fragment.is_none() || from_fragment.is_none() || to_fragment == from_fragment)
}

/// `text` before the first `mark`, and what follows it, if it is there.
fn split_off(text: &str, mark: char) -> (&str, Option<&str>) {
    text.split_once(mark).map_or((text, None), |(before, after)| (before, Some(after)))
}

/// The value of `key` in a query ("?q=003-02&x=1" or without the "?"),
/// decoded; the first where it repeats.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').find_map(|pair| {
        let (k, value) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| percent_decode(value)).flatten()
    })
}
