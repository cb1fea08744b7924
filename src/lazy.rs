//! Pages whose code arrives when they are first opened.
//!
//! A class link opens `/quiz/play`, so the quiz is all a student's first
//! load carries; the reading pages, the quiz set-up and the teacher's tools
//! are split into modules of their own by `wasm-split` (see
//! scripts/build-wasm.mjs) and fetched the first time one of their pages is
//! shown. The service worker precaches every module, so after one visit
//! they load with no network; before that, a module that cannot be fetched
//! shows a message with "Try again" instead of a blank page.
//!
//! A split function returns the page's view function rather than the view:
//! a plain `fn` pointer, which the page keeps in a signal and calls again
//! whenever the route shows it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use crate::components::title::PageTitle;

/// A page's view, as a split module hands it over.
pub type PageView = fn() -> AnyView;

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
        $crate::lazy_fn!($module, pub fn $name() -> Result<$crate::lazy::PageView, $crate::lazy::NotLoaded> {
            fn page() -> ::leptos::prelude::AnyView {
                ::leptos::prelude::IntoAny::into_any(::leptos::prelude::view! { <$component /> })
            }
            Ok(page)
        });
    };
}

/// How long a page's module may take before the page offers "Try again"
/// (the download goes on: if it arrives, the page shows).
const SLOW: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Clone, Copy)]
enum Loading {
    Waiting,
    Failed,
    Ready(PageView),
}

/// Shows the page `load` fetches: nothing but a short line while its module
/// downloads, then the page; if it cannot be fetched, or is still on its way
/// after [`SLOW`], says so with a "Try again" button that asks for it again
/// (joining a download still under way, or starting a new one).
#[component]
pub fn LazyPage<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<PageView, NotLoaded>> + 'static,
{
    let state = RwSignal::new(Loading::Waiting);
    let attempts = StoredValue::new(0u32);
    let fetch = move || {
        let attempt = attempts.get_value() + 1;
        attempts.set_value(attempt);
        state.set(Loading::Waiting);
        spawn_local(async move {
            match load().await {
                // The page, whenever it comes (also after "Try again" was shown).
                Ok(page) => state.set(Loading::Ready(page)),
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
                if attempts.try_get_value() == Some(attempt) && matches!(state.try_get_untracked(), Some(Loading::Waiting)) {
                    state.set(Loading::Failed);
                }
            },
            SLOW,
        );
    };
    fetch();
    let retry = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let (Loading::Failed, Some(button)) = (state.get(), retry.get()) {
            let _ = button.focus();
        }
    });
    move || match state.get() {
        Loading::Ready(page) => page(),
        Loading::Waiting => view! { <p class="page-loading">"Loading this page…"</p> }.into_any(),
        Loading::Failed => view! {
            <div class="page-failed" role="alert">
                <PageTitle text="This page did not load" />
                <p>"Its part of Open Door could not be downloaded: the connection may have dropped. Check it, then try again. Your quizzes and answers are kept on this device."</p>
                <button type="button" node_ref=retry on:click=move |_| fetch()>"Try again"</button>
            </div>
        }
        .into_any(),
    }
}
