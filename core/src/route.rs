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

/// The value of `key` in a query ("?q=003-02&x=1" or without the "?"),
/// decoded; the first where it repeats.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').find_map(|pair| {
        let (k, value) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| percent_decode(value)).flatten()
    })
}
