//! Pages whose code arrives when they are first opened.
//!
//! A class link opens `/quiz/play`, so the quiz is all a student's first
//! load carries; the home page, the reading pages, the quiz set-up with the
//! results screen, the teacher's tools and the pack checks are split into
//! modules of their own by `wasm-split` (see scripts/build-wasm.mjs; the
//! modules are named in src/lib.rs) and fetched the first time they are
//! shown. The service worker precaches every module, so after one visit
//! they load with no network; before that, a module that cannot be fetched
//! shows a message with "Try again" instead of a blank page.
//!
//! A split function returns the page's view function rather than the view:
//! a plain `fn` pointer, which the page keeps in a signal and calls again
//! whenever the route shows it. Parts of a page work the same way with the
//! part's inputs as the function's argument ([`LazyView`]): the quiz's
//! results screen is fetched once a question is answered.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::JsCast;

use crate::components::title::PageTitle;

/// A view as a split module hands it over, made from its inputs `P`.
pub type SplitView<P> = fn(P) -> AnyView;

/// A page's view: a page takes its inputs from the address and the context.
pub type PageView = SplitView<()>;

/// The module holding a page could not be fetched (offline before the
/// service worker had stored it, or the connection dropped).
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Declares a function whose code lives in a split module:
/// `lazy_fn!(module, fn name(args) -> Result<T, NotLoaded> { … })` makes
/// `async fn name(args) -> Result<T, NotLoaded>`, which fetches the module
/// the first time. Functions named with the same module share one download.
///
/// Only a build with the `split` feature (scripts/build-wasm.mjs) is cut
/// into modules; any other (the component tests, a plain `cargo build`)
/// has every function in one wasm, where the same `async fn` simply runs.
#[macro_export]
macro_rules! lazy_fn {
    ($module:ident, $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        // The split point's real function is `extern "C"`; its arguments
        // and result are Rust values all the same (one program on both sides).
        #[cfg(feature = "split")]
        #[allow(improper_ctypes_definitions, improper_ctypes)]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "split"))]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}

/// Declares a page that lives in a split module: `lazy_page!(module, name,
/// Component)` makes `async fn name() -> Result<PageView, NotLoaded>`.
#[macro_export]
macro_rules! lazy_page {
    ($module:ident, $name:ident, $component:path) => {
        $crate::lazy_fn!(
            $module,
            pub fn $name() -> Result<$crate::lazy::PageView, $crate::lazy::NotLoaded> {
                fn page(_: ()) -> ::leptos::prelude::AnyView {
                    ::leptos::prelude::IntoAny::into_any(::leptos::prelude::view! { <$component /> })
                }
                Ok(page)
            }
        );
    };
}

/// How long a page's module may take before the page says it is slow (the
/// download goes on: if it arrives, the page shows).
const SLOW: std::time::Duration = std::time::Duration::from_secs(10);

/// How far a view's download (with what it needs besides) has come.
#[derive(Clone, Copy, PartialEq)]
enum Loading {
    Waiting,
    Failed,
    Ready,
}

/// Shows the page `load` fetches: nothing but a short line while its module
/// downloads, then the page. Still on its way after [`SLOW`], it says it is
/// still trying (a "Try again" would only join the download under way); if
/// it cannot be fetched, it says so with a "Try again" button that asks for
/// it again, as the page does by itself when the connection comes back
/// ([`try_again_when_online`]).
///
/// A page that shows questions' words, explanations or evidence also waits
/// for their details (`details`), downloaded beside its module.
///
/// The page's styles come with its code ([`page_styles`]), unless it is the
/// quiz page (`quiz_page`), whose styles are the page's own.
#[component]
pub fn LazyPage<F, Fut>(load: F, #[prop(optional)] details: DetailsNeeded, #[prop(optional)] quiz_page: bool) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<PageView, NotLoaded>> + 'static,
{
    load_and_show(erase(load), (), Wording::PAGE, Needs { details, page_styles: !quiz_page })
}

/// Which questions' details a page waits for besides its code.
#[derive(Clone, Copy, Default)]
pub enum DetailsNeeded {
    #[default]
    None,
    /// Every question's (`content::complete_bundle`): a module of their own.
    Every,
    /// One question's (`content::details_of`): a source page opened from a
    /// question highlights its evidence. A question of the class link the
    /// app was opened with has them here or on their way, so a student who
    /// follows the evidence does without the module of every question's.
    Of(&'static str),
}

impl DetailsNeeded {
    /// Waits until the details are here, fetching what is missing.
    async fn arrived(self) -> Result<(), NotLoaded> {
        match self {
            DetailsNeeded::None => Ok(()),
            DetailsNeeded::Every => crate::content::complete_bundle().await.map(drop),
            DetailsNeeded::Of(id) => crate::content::details_of(&[id.to_string()]).await,
        }
    }
}

/// Shows a part of a page that `load` fetches, made from `props`, as
/// [`LazyPage`] does a page; `loading` and `failed` name the part ("Loading
/// your results…", "Your results did not load"). The failure's heading is
/// an `h2`, or an `h3` for a part inside a section with its own `h2`
/// (`in_section`).
#[component]
pub fn LazyView<F, Fut, P>(
    load: F,
    props: P,
    loading: &'static str,
    failed: &'static str,
    #[prop(optional)] in_section: bool,
) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<SplitView<P>, NotLoaded>> + 'static,
    P: Clone + Send + Sync + 'static,
{
    let heading = if in_section { Heading::H3 } else { Heading::H2 };
    load_and_show(erase(load), props, Wording { loading, failed, heading }, Needs { details: DetailsNeeded::None, page_styles: false })
}

/// What a view waits for besides its code.
#[derive(Clone, Copy)]
struct Needs {
    details: DetailsNeeded,
    /// The other pages' stylesheet ([`page_styles`]).
    page_styles: bool,
}

/// What the loading line and the failure say, and the failure's heading.
struct Wording {
    loading: &'static str,
    failed: &'static str,
    heading: Heading,
}

/// A page's failure is its `h1` and names the document; a part's is an
/// `h2` or `h3`, under the page's own title.
#[derive(Clone, Copy, PartialEq)]
enum Heading {
    Page,
    H2,
    H3,
}

impl Wording {
    const PAGE: Wording = Wording { loading: "Loading this page…", failed: "This page did not load", heading: Heading::Page };
}

fn erase<F, Fut, P>(load: F) -> StoredValue<Box<dyn Fn() -> Download<P>>, LocalStorage>
where
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = Result<SplitView<P>, NotLoaded>> + 'static,
    P: 'static,
{
    StoredValue::new_local(Box::new(move || Box::pin(load()) as Download<P>))
}

/// A split function's download with its type erased, so that one copy of
/// [`load_and_show`] serves every page, and one every part with the same
/// kind of inputs (a copy per page made the main module 5 KB larger before
/// compression).
type Download<P> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<SplitView<P>, NotLoaded>>>>;

/// A download that keeps the view it fetched, so that its inputs' type is
/// erased too and [`show_while_loading`] is one copy for every view (one
/// per kind of inputs, three, made the main module 6 KB larger before
/// compression, 0.2 KB gzipped).
type Fetching = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), NotLoaded>>>>;

fn load_and_show<P: Clone + Send + Sync + 'static>(
    load: StoredValue<Box<dyn Fn() -> Download<P>>, LocalStorage>,
    props: P,
    wording: Wording,
    needs: Needs,
) -> AnyView {
    let view = StoredValue::new(None::<SplitView<P>>);
    let fetching = StoredValue::new_local(Box::new(move || {
        let download = load.with_value(|load| load());
        Box::pin(async move {
            view.set_value(Some(download.await?));
            Ok(())
        }) as Fetching
    }) as Box<dyn Fn() -> Fetching>);
    let (state, waiting_or_failed) = show_while_loading(fetching, wording, needs);
    (move || match (state.get(), view.get_value()) {
        (Loading::Ready, Some(view)) => view(props.clone()),
        (shown, _) => waiting_or_failed(shown),
    })
    .into_any()
}

/// Starts `fetching` with what `needs` asks for besides; the view's state,
/// and what to show until it is ready: a loading line (which says after
/// [`SLOW`] that it is still trying), or the failure with "Try again".
fn show_while_loading(
    fetching: StoredValue<Box<dyn Fn() -> Fetching>, LocalStorage>,
    wording: Wording,
    needs: Needs,
) -> (RwSignal<Loading>, impl Fn(Loading) -> AnyView + Copy) {
    let Wording { loading, failed, heading } = wording;
    let state = RwSignal::new(Loading::Waiting);
    // Apart from `state`, so that the loading line, and the live region that
    // says it is slow, stay in place: one that comes with its words is often
    // not read out.
    let slow = RwSignal::new(false);
    let attempts = StoredValue::new(0u32);
    let fetch = move || {
        let attempt = attempts.get_value() + 1;
        attempts.set_value(attempt);
        state.set(Loading::Waiting);
        slow.set(false);
        let download = fetching.with_value(|fetching| fetching());
        // Started now, so that the downloads go at once; awaited again
        // below, which joins them.
        if !matches!(needs.details, DetailsNeeded::None) {
            spawn_local(async move {
                let _ = needs.details.arrived().await;
            });
        }
        let styles = needs.page_styles.then(page_styles).flatten();
        spawn_local(async move {
            let mut loaded = download.await;
            if loaded.is_ok() {
                loaded = needs.details.arrived().await;
            }
            if let (Ok(()), Some(styles)) = (loaded, styles) {
                loaded = styles.await.map(drop).map_err(|_| NotLoaded);
            }
            match loaded {
                // The view, whenever it comes (also after "Try again" was shown).
                Ok(()) => state.set(Loading::Ready),
                // A failure counts only for the latest attempt: an older
                // one's must not cover a download still under way.
                Err(NotLoaded) if attempts.try_get_value() == Some(attempt) => state.set(Loading::Failed),
                Err(NotLoaded) => {}
            }
        });
        // `try_`: the student may have left the page by then, which
        // disposes of its signals.
        set_timeout(
            move || {
                if attempts.try_get_value() == Some(attempt) && state.try_get_untracked() == Some(Loading::Waiting) {
                    slow.set(true);
                }
            },
            SLOW,
        );
    };
    fetch();
    let retry = NodeRef::<leptos::html::Button>::new();
    // A page that failed is all there is to act on, so focus goes to its
    // way out. A part of a page takes focus only from nothing (as after the
    // "See results" button went): the student may be reading the rest.
    // Once it comes after a Try again (pressed, or pressed for the student
    // when the connection came back), the button that had the focus is
    // gone: the focus goes to the content, as after a link, not to nothing.
    Effect::new(move |_| {
        let focus_lost = || document().active_element().is_none_or(|el| el.tag_name() == "BODY");
        match (state.get(), retry.get()) {
            (Loading::Failed, Some(button)) if heading == Heading::Page || focus_lost() => {
                let _ = button.focus();
            }
            (Loading::Ready, _) if attempts.get_value() > 1 && focus_lost() => crate::router::focus_main(),
            _ => {}
        }
    });
    let waiting_or_failed = move |shown: Loading| {
        match shown {
        Loading::Failed => view! {
            <div class="page-failed" role="alert">
                {match heading {
                    Heading::Page => view! { <PageTitle text=failed /> }.into_any(),
                    Heading::H2 => view! { <h2>{failed}</h2> }.into_any(),
                    Heading::H3 => view! { <h3>{failed}</h3> }.into_any(),
                }}
                // Pressed again in vain (offline, it fails at once), it says
                // so: the same words again would look like nothing happened.
                {(attempts.get_value() > 1).then(|| view! { <p>{format!("Still not downloaded after {} tries.", attempts.get_value())}</p> })}
                <p>"This part of Open Door could not be downloaded: the connection may have dropped. Check it, then try again; if nothing comes, reload the page once the connection is back. Your quizzes and answers are kept on this device."</p>
                <button type="button" node_ref=retry on:click=move |_| fetch()>"Try again"</button>
                {way_back(needs.details)}
            </div>
        }
        .into_any(),
        Loading::Waiting | Loading::Ready => view! {
            <p class="page-loading">{loading}</p>
            // The way back is in the live region, so that a screen reader
            // says it is there with the words. Drawn with the line, shown
            // with the words: a view that came with them cost the main
            // module 0.9 KB gzipped.
            <div role="status">
                <p>{move || slow.get().then_some("This is taking a long time: the connection may be slow or have dropped. Open Door is still trying, and shows it as soon as it comes; if nothing comes, reload the page once the connection is back. Your quizzes and answers are kept on this device.")}</p>
                <div hidden=move || !slow.get()>{way_back(needs.details)}</div>
            </div>
        }
        .into_any(),
    }
    };
    (state, waiting_or_failed)
}

/// The way back from the source page opened from a question (the one page
/// that waits for a question's details), offered while it fails or is slow
/// to come: an installed app has no Back button, and the menu's pages may
/// not load either (found by a walk on a line gone silent).
fn way_back(details: DetailsNeeded) -> Option<impl IntoView> {
    let DetailsNeeded::Of(question_id) = details else { return None };
    crate::components::question::back_from_unloaded_evidence(question_id).map(|link| view! { <p>{link}</p> })
}

/// The styles of every page but the quiz (public/pages.css), which
/// public/start.js fetches the first time they are asked for (index.html
/// links them disabled, which a browser does not fetch); they are waited
/// for as a page's code is, so that no page shows unstyled. A page built
/// without start.js (the component tests) has no such stylesheet.
fn page_styles() -> Option<wasm_bindgen_futures::JsFuture> {
    let loading = crate::start_script_function("openDoorPageStyles")?.call0(&wasm_bindgen::JsValue::NULL).ok()?;
    Some(wasm_bindgen_futures::JsFuture::from(loading.dyn_into::<js_sys::Promise>().ok()?))
}

/// Has a part of the page that did not load try again by itself, as its
/// "Try again" does, when the browser says the connection is back: a
/// student need not find the button. Set up once, when the app starts (one
/// listener, whatever the page shows).
pub fn try_again_when_online() {
    // Never removed: it lasts as long as the app.
    let _ = window_event_listener(leptos::ev::online, |_| {
        if let Some(button) = document().query_selector(".page-failed button").ok().flatten() {
            button.unchecked_into::<web_sys::HtmlElement>().click();
        }
    });
}

/// Starts `load` (a split function's download) once the browser is idle,
/// so that the module is here before it is needed. Starting the results
/// screen's dozen downloads took the main thread about 70 ms on the
/// benchmark's 4x slowed CPU: that must not come between a student's press
/// and what it shows, nor hold up the next press. Within two seconds in
/// any case; where the browser has no idle callbacks (Safari), after one.
pub fn prefetch_when_idle<F, Fut>(load: F)
where
    F: FnOnce() -> Fut + 'static,
    Fut: std::future::Future + 'static,
{
    let start = move || {
        spawn_local(async move {
            let _ = load().await;
        })
    };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(2000);
    let callback = wasm_bindgen::closure::Closure::once_into_js(start);
    if window().request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 1000);
    }
}
