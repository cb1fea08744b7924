//! The content bundle, validated by the build script and embedded in the
//! wasm so that the app has everything it teaches with no network.

use std::sync::OnceLock;

use open_door_core::content::{Bundle, Details, Question, ReadingContent};
use open_door_core::embedded;
use open_door_core::figures::Figures;
use open_door_core::link_pack;
use open_door_core::pack::{self, Pack};

use crate::lazy::NotLoaded;

/// A pack as read from its own key on the device: the pack and whether it
/// was stored checked against this very content, or why it cannot be read.
pub struct StoredPack {
    pub key: String,
    pub read: Result<(Pack, bool), String>,
}

/// What the device keeps for the library.
#[derive(Default)]
pub struct StoredPacks {
    pub packs: Vec<StoredPack>,
    /// Packs that class links brought to this device, kept so that a pack
    /// quiz resumes (and its questions come back for review) without its
    /// link; not shown as added packs, and never used for a question an
    /// added pack holds.
    pub carried: Vec<Pack>,
}

/// A stored pack that could not be loaded: it stays stored, and is shown
/// with the reason, until the teacher removes it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnloadedPack {
    pub key: String,
    /// `None` where the stored copy is too damaged to say.
    pub name: Option<String>,
    pub reason: String,
}

impl UnloadedPack {
    /// The reason in words for the teacher.
    pub fn describe(&self) -> String {
        match &self.name {
            Some(name) => format!("The question pack \"{name}\" was not loaded: {}", self.reason),
            None => format!("A stored question pack was not loaded: {}.", self.reason),
        }
    }
}

/// The quiz part of the built-in content (`QuizContent`, see build.rs), in
/// the form `open_door_core::embedded` reads without serde.
const QUIZ_CONTENT: &str = include_str!(concat!(env!("OUT_DIR"), "/quiz-content.txt"));
/// The rest (`ReadingContent`), in the same form, in two parts: the
/// explainers with the glossary, and the articles whole. Each is read only
/// by the pages that show it and by the pack checks, so wasm-split keeps
/// each (and its reading code) in their modules, out of the quiz's first
/// load, and the sources' module without the explainers.
const EXPLAINERS: &str = include_str!(concat!(env!("OUT_DIR"), "/explainers.txt"));
const ARTICLES: &str = include_str!(concat!(env!("OUT_DIR"), "/articles.txt"));

/// The built-in content as embedded, every part: what stored packs were
/// checked against (a pack may quote a built-in article's body).
pub fn built_in_text() -> String {
    format!("{QUIZ_CONTENT}\n{ALL_DETAILS}\n{EXPLAINERS}\n{ARTICLES}")
}

/// The built-in explainers and glossary.
fn explainers_part() -> ReadingContent {
    let (explainers, glossary) = embedded::decode_explainers(EXPLAINERS).expect("embedded content is written by build.rs");
    ReadingContent { explainers, glossary, articles: Vec::new() }
}

/// The built-in articles whole.
fn articles_part() -> ReadingContent {
    let articles = embedded::decode_articles(ARTICLES).expect("embedded content is written by build.rs");
    ReadingContent { articles, ..ReadingContent::default() }
}

/// The whole reading part, for the pack checks.
fn reading_part() -> ReadingContent {
    ReadingContent { articles: articles_part().articles, ..explainers_part() }
}

/// What became of the pack a class link carried.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkPackOutcome {
    /// Its questions were added, with those earlier links of the same pack
    /// brought (see `link_pack::join`); the caller keeps the pack on the
    /// device, in place of theirs.
    Added(Pack),
    /// This device already has every question in it.
    AlreadyHere,
    /// Refused as a whole, with the reasons.
    Refused(Vec<String>),
}

/// The content the app teaches from: the built-in bundle plus the packs a
/// teacher imported on this device.
pub struct Library {
    pub bundle: Bundle,
    pub packs: Vec<Pack>,
    /// Stored packs that cannot be read or no longer fit (say, an id the
    /// built-in bank now uses, or a topic of a pack removed since): left in
    /// storage, not loaded, and reported.
    pub unloaded: Vec<UnloadedPack>,
    /// The pack carried in the address this page was opened with, if any.
    pub link_pack: Option<LinkPackOutcome>,
    /// Stored packs that were just checked in full (after an update of the
    /// app): the caller stores them stamped, so the next start-up need not.
    pub newly_checked: Vec<Pack>,
    /// The ids of questions, texts and topics that came with class links,
    /// which a pack the teacher adds may replace.
    pub carried_ids: Vec<String>,
    /// The device keeps packs, but the module that reads them could not be
    /// downloaded (see src/packs.rs).
    pub packs_not_loaded: bool,
}

static LIBRARY: OnceLock<Library> = OnceLock::new();

/// Builds the library once, at start-up, from the packs stored on the
/// device (the caller reads them, so content knows nothing of storage).
/// Only src/packs.rs calls it, from the module that checks packs: a device
/// with no packs never downloads that code.
pub fn init_library(stored_packs: StoredPacks) -> &'static Library {
    LIBRARY.get_or_init(|| Library::build(stored_packs))
}

/// The library built at start-up; the built-in content alone where the
/// device has no packs (or the app was not started: component tests mount
/// a view on its own).
pub fn library() -> &'static Library {
    LIBRARY.get_or_init(|| Library::built_in(false))
}

/// The built-in content alone, because the module that reads packs could
/// not be downloaded: said on screen, and the packs stay stored. A pack the
/// address carried is refused with the reason, so the quiz page says it.
pub fn init_library_without_packs() -> &'static Library {
    LIBRARY.get_or_init(|| {
        let mut library = Library::built_in(true);
        if crate::link_pack::received().is_some() {
            library.link_pack = Some(LinkPackOutcome::Refused(vec![PACK_CHECKER_NOT_LOADED.into()]));
        }
        library
    })
}

const PACK_CHECKER_NOT_LOADED: &str =
    "The part of Open Door that checks the questions the link carries did not download. Check the connection, then reload the page.";

/// Adds a pack a class link brought to `bundle`, and its ids to `carried_ids`.
fn carry(bundle: &mut Bundle, carried_ids: &mut Vec<String>, carried: &Pack) {
    pack::merge(bundle, carried);
    carried_ids.extend(carried.ids().cloned());
}

impl Library {
    fn built_in(packs_not_loaded: bool) -> Self {
        // The build script wrote this from the same types after validating
        // it, so it cannot fail to read unless the build is broken.
        let quiz = embedded::decode(QUIZ_CONTENT).expect("embedded content is written by build.rs");
        let mut bundle = Bundle::from_quiz(quiz).awaiting_details();
        for (id, details) in PREFETCHED_DETAILS.get().into_iter().flatten() {
            bundle.add_details(id, details.clone());
        }
        Library {
            bundle,
            packs: Vec::new(),
            unloaded: Vec::new(),
            link_pack: None,
            newly_checked: Vec::new(),
            carried_ids: Vec::new(),
            packs_not_loaded,
        }
    }

    fn build(stored: StoredPacks) -> Self {
        // Packs are checked against the whole built-in content: a pack
        // question may quote a built-in article.
        let mut bundle = with_every_question_details(Self::built_in(false).bundle).with_reading(reading_part());
        let mut packs = Vec::new();
        let mut unloaded = Vec::new();
        let mut to_check = Vec::new();
        for StoredPack { key, read } in stored.packs {
            match read {
                // Checked at import against this very content: nothing to redo.
                Ok((stored_pack, true)) => {
                    pack::merge(&mut bundle, &stored_pack);
                    packs.push(stored_pack);
                }
                Ok((stored_pack, false)) => to_check.push((key, stored_pack)),
                Err(reason) => unloaded.push(UnloadedPack { key, name: None, reason }),
            }
        }
        // A pack may use another pack's topic or text, and keys carry no
        // order: check in rounds until a round adds nothing.
        let mut newly_checked = Vec::new();
        loop {
            let before = newly_checked.len();
            let mut refused = Vec::new();
            for (key, stored_pack) in std::mem::take(&mut to_check) {
                match pack::check(stored_pack.clone(), &bundle) {
                    Ok(checked) => {
                        pack::merge(&mut bundle, &checked);
                        newly_checked.push(checked.clone());
                        packs.push(checked);
                    }
                    Err(rejected) => refused.push((key, stored_pack, rejected)),
                }
            }
            if refused.is_empty() || newly_checked.len() == before {
                unloaded.extend(refused.into_iter().map(|(key, stored_pack, rejected)| UnloadedPack {
                    key,
                    name: Some(stored_pack.name),
                    reason: format!("it no longer fits this version of Open Door: {}", rejected.0.join(" ")),
                }));
                break;
            }
            to_check = refused.into_iter().map(|(key, stored_pack, _)| (key, stored_pack)).collect();
        }
        let mut carried_ids = Vec::new();
        let mut kept = stored.carried;
        // The link's pack before those earlier links left: a second link of
        // a teacher's pack brings the same topic and text, and a mended
        // question the same id, which a kept copy would refuse or shadow.
        let link_pack = crate::link_pack::received().map(|received| {
            let opened = received
                .as_ref()
                .map_err(|r| r.0.clone())
                .and_then(|(carried, text)| link_pack::open(carried, text, &bundle).map_err(|r| r.0));
            match opened {
                Ok(Some(carried_pack)) => {
                    // Joined with what earlier links of the pack brought, so
                    // that their quizzes keep their questions.
                    let earlier = kept.iter().position(|k| k.name == carried_pack.name).map(|at| kept.remove(at));
                    let joined = earlier.and_then(|earlier| pack::check(link_pack::join(&earlier, &carried_pack), &bundle).ok());
                    let carried_pack = joined.unwrap_or(carried_pack);
                    carry(&mut bundle, &mut carried_ids, &carried_pack);
                    LinkPackOutcome::Added(carried_pack)
                }
                Ok(None) => LinkPackOutcome::AlreadyHere,
                Err(reasons) => LinkPackOutcome::Refused(reasons),
            }
        });
        // Newest first: of two that use the same ids, the one the student
        // met last is kept.
        for kept in kept.into_iter().rev() {
            // A pack added since holds them: its questions stand.
            let held = |q: &Question| bundle.question(&q.id).is_some() && !carried_ids.contains(&q.id);
            if kept.questions.iter().all(held) {
                continue;
            }
            // Checked again (they are small): one that no longer fits (a
            // link of another pack brought the same ids) is left out this
            // time, and its saved quizzes wait, hidden, for its link.
            let name = kept.name.clone();
            match pack::check(kept, &bundle) {
                Ok(checked) => carry(&mut bundle, &mut carried_ids, &checked),
                Err(_) => bundle.left_out.push(name),
            }
        }
        Library { bundle, packs, unloaded, link_pack, newly_checked, carried_ids, packs_not_loaded: false }
    }

    /// The content a pack the teacher adds is checked against: everything
    /// but what class links brought, which the added pack replaces, and
    /// the added pack named `replacing`, which a corrected copy replaces.
    pub fn bundle_for_import(&self, replacing: Option<&str>) -> Bundle {
        let mut bundle = with_every_question_details(self.bundle.clone()).with_reading(reading_part());
        let mut gone: Vec<&String> = self.carried_ids.iter().collect();
        gone.extend(self.packs.iter().filter(|p| Some(p.name.as_str()) == replacing).flat_map(Pack::ids));
        bundle.questions.retain(|q| !gone.contains(&&q.id));
        bundle.articles.retain(|a| !gone.contains(&&a.id));
        bundle.topics.retain(|t| !gone.contains(&&t.id));
        bundle
    }
}

/// The data of the explainers' figures, which the build script writes as
/// Rust code (see build.rs).
pub fn figures() -> &'static Figures {
    static FIGURES: OnceLock<Figures> = OnceLock::new();
    FIGURES.get_or_init(|| {
        use open_door_core::figures::*;
        include!(concat!(env!("OUT_DIR"), "/figures.rs"))
    })
}

/// Everything a quiz can use: built-in content and imported packs. Its
/// built-in articles have only what a quiz names them by (no bodies, no
/// provenance), and it has no explainers or glossary:
/// those are in [`reading_bundle`]. Until [`complete_bundle`] has run, only
/// the questions of the class link the app was opened with have their
/// words and feedback (see [`Bundle::has_details`]): the first from the
/// start, the others once [`receive_other_details`] has them.
pub fn bundle() -> &'static Bundle {
    COMPLETE.get().or_else(|| WITH_OTHER_DETAILS.get()).unwrap_or(&library().bundle)
}

/// The library's bundle with every question's details.
static COMPLETE: OnceLock<Bundle> = OnceLock::new();

/// Every built-in question's details (words and feedback), in a module of
/// their own: they were about 23 KB gzipped of a class link's first load,
/// which needs its own questions' only.
const ALL_DETAILS: &str = include_str!(concat!(env!("OUT_DIR"), "/details.txt"));

/// `bundle` with every built-in question's details. Called only from split
/// modules (the one below, and the packs' checks), so the details and their
/// reading stay out of the main module.
fn with_every_question_details(mut bundle: Bundle) -> Bundle {
    for (id, details) in embedded::decode_all_details(ALL_DETAILS).expect("embedded content is written by build.rs") {
        bundle.add_details(&id, details);
    }
    bundle
}

// Two callers may wait for the module at once; the second finds the bank
// made.
crate::lazy_fn!(
    details,
    fn with_all_details(partial: &'static Bundle) -> Result<&'static Bundle, NotLoaded> {
        Ok(COMPLETE.get_or_init(|| with_every_question_details(partial.clone())))
    }
);

/// [`bundle`] with every question's details, fetching the module that holds
/// them the first time they are needed. Pages that show any question's
/// words, explanation or evidence wait for this (see src/lib.rs).
pub async fn complete_bundle() -> Result<&'static Bundle, NotLoaded> {
    let partial = bundle();
    match COMPLETE.get() {
        Some(complete) => Ok(complete),
        None if partial.awaiting_details.is_empty() => Ok(partial),
        None => with_all_details(partial).await,
    }
}

/// Whether [`bundle`] has every question's details.
pub fn has_all_details() -> bool {
    bundle().awaiting_details.is_empty()
}

/// Waits until every question of `ids` has its details here: from the class
/// link's other files where they are on their way, and from the module of
/// every question's for the rest (or if those files did not come).
pub async fn details_of(ids: &[String]) -> Result<(), NotLoaded> {
    let all_here = || ids.iter().all(|id| bundle().has_details(id));
    if !all_here() && ids.iter().all(|id| details_here_or_coming(id)) {
        receive_other_details(ids).await;
    }
    if all_here() {
        return Ok(());
    }
    complete_bundle().await.map(drop)
}

/// The details of the class link's first question as public/start.js
/// fetched them beside the app: (id, details) for each file that arrived
/// and read.
static PREFETCHED_DETAILS: OnceLock<Vec<(String, Details)>> = OnceLock::new();

/// The class link's other questions' files: the function of
/// public/start.js that gives those that have come, the ids of those still
/// on their way, and the details of those that came.
struct OtherDetails {
    fetching: js_sys::Function,
    coming: Vec<String>,
    came: Vec<(String, Details)>,
}

thread_local! {
    static OTHER_DETAILS: std::cell::RefCell<Option<OtherDetails>> = const { std::cell::RefCell::new(None) };
    /// The library's bundle with the details of the class link's other
    /// questions that have come. Made again when a late file comes; the one
    /// before is kept, as a screen may still show its questions.
    static WITH_OTHER_DETAILS: std::cell::Cell<Option<&'static Bundle>> = const { std::cell::Cell::new(None) };
}

/// What public/start.js is fetching for the address, if anything: a
/// function for the first question's file, which the app waits for before
/// it starts. The others' come later (see [`receive_other_details`]).
pub fn prefetched_details() -> Option<js_sys::Function> {
    let others = crate::start_script_function("openDoorOtherQuestions").map(|fetching| {
        let ids = js_sys::Reflect::get(&fetching, &"ids".into()).ok().and_then(|ids| ids.as_string()).unwrap_or_default();
        OtherDetails { coming: ids.split(' ').map(str::to_string).collect(), came: Vec::new(), fetching }
    });
    OTHER_DETAILS.set(others);
    crate::start_script_function("openDoorFirstQuestion")
}

/// Whether question `id` has its details here, or its file is on its way
/// (one of the class link's others), so that its quiz need not wait for the
/// module of every question's details.
pub fn details_here_or_coming(id: &str) -> bool {
    bundle().has_details(id)
        || OTHER_DETAILS.with_borrow(|others| others.as_ref().is_some_and(|others| others.coming.iter().any(|other| other == id)))
}

/// Waits for the first question's file (at most 3 s from now: start.js
/// says why) and keeps what arrived, for the library (built after this).
pub async fn receive_details(fetching: js_sys::Function) {
    let came = fetched_details(&fetching, &[]).await;
    let _ = PREFETCHED_DETAILS.set(came.into_iter().filter_map(|(id, details)| Some((id, details?))).collect());
}

/// Waits for the files of the class link's other questions among `wanted`
/// that are on their way (at most 3 s from now), and adds to [`bundle`]
/// every one that has come. Called when a screen needs one of them:
/// start.js asks for them once the first question is drawn (or at this
/// call, if sooner), and reading them any earlier would only delay the
/// first question.
pub async fn receive_other_details(wanted: &[String]) {
    let Some(fetching) = OTHER_DETAILS.with_borrow(|others| others.as_ref().map(|others| others.fetching.clone())) else { return };
    let files = fetched_details(&fetching, wanted).await;
    // Two callers may wait at once: each takes only the files the other
    // has not.
    let any_came = OTHER_DETAILS.with_borrow_mut(|others| {
        let Some(others) = others.as_mut() else { return false };
        let before = others.came.len();
        for (id, details) in files {
            if let Some(at) = others.coming.iter().position(|coming| *coming == id) {
                others.coming.swap_remove(at);
                others.came.extend(details.map(|details| (id, details)));
            }
        }
        others.came.len() > before
    });
    // A library that still awaits details is the built-in content alone
    // (one with packs has every question's), so it is made again rather
    // than cloned: cloning a bundle took about 5 KB of code (before
    // compression) that the main module has no other use for.
    if any_came && !library().bundle.awaiting_details.is_empty() {
        let mut with_others = Library::built_in(false).bundle;
        OTHER_DETAILS.with_borrow(|others| {
            for (id, details) in others.iter().flat_map(|others| &others.came) {
                with_others.add_details(id, details.clone());
            }
        });
        WITH_OTHER_DETAILS.set(Some(Box::leak(Box::new(with_others))));
    }
}

/// What `fetching` (a function of public/start.js) gives when asked for the
/// files of `wanted`: each file that has come, read, or `None` for one that
/// is missing or is not a question's details (a host's error page).
async fn fetched_details(fetching: &js_sys::Function, wanted: &[String]) -> Vec<(String, Option<Details>)> {
    use wasm_bindgen::JsCast;
    let asked = fetching.call1(&wasm_bindgen::JsValue::NULL, &wanted.join(" ").into());
    let Some(arriving) = asked.ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else { return Vec::new() };
    let arrived = wasm_bindgen_futures::JsFuture::from(arriving).await;
    let Some(pairs) = arrived.ok().and_then(|pairs| pairs.dyn_into::<js_sys::Array>().ok()) else { return Vec::new() };
    pairs
        .iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<js_sys::Array>().ok()?;
            let id = pair.get(0).as_string()?;
            let details = pair.get(1).as_string().and_then(|text| embedded::decode_details(&text));
            Some((id, details))
        })
        .collect()
}

/// [`bundle`] with the explainers and the glossary, for the reading pages;
/// its articles are as [`bundle`] has them (by what a quiz names them).
/// For a question's words or feedback, read [`bundle`]: this copy may have
/// been made before they all came.
pub fn reading_bundle() -> &'static Bundle {
    static READING: OnceLock<Bundle> = OnceLock::new();
    READING.get_or_init(|| bundle().clone().with_reading(explainers_part()))
}

/// [`bundle`] with the articles whole, for the sources' pages, which show
/// no explainer or glossary term (it has none); as with [`reading_bundle`],
/// a question's words or feedback are [`bundle`]'s.
pub fn sources_bundle() -> &'static Bundle {
    static SOURCES: OnceLock<Bundle> = OnceLock::new();
    SOURCES.get_or_init(|| bundle().clone().with_reading(articles_part()))
}

/// Today as a day number (days since 1970-01-01), for review scheduling.
pub fn today() -> i64 {
    open_door_core::progress::day_of(js_sys::Date::now())
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// When this page was opened, on the clock of [`now_ms`] (what quizzes
/// record). Leaving for another page of the app and coming back keeps it;
/// a reload does not.
pub fn page_opened_ms() -> f64 {
    let now = now_ms();
    leptos::prelude::window().performance().map_or(now, |performance| now - performance.now())
}

/// A fresh seed for a new quiz.
pub fn random_seed() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}
