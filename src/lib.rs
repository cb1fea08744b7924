//! Open Door's user interface: a thin layer of views over
//! `open_door_core`, which holds every rule of the product.

use leptos::prelude::*;
use open_door_core::route::{query_value, Page};
use wasm_bindgen::JsCast;

pub mod components;
pub mod content;
pub mod lazy;
pub mod link_pack;
pub mod packs;
pub mod pages;
pub mod paths;
pub mod router;
pub mod storage;

use lazy::{DetailsNeeded, LazyPage};
use pages::{
    about::About,
    classroom::Classroom,
    explainer::ExplainerPage,
    glossary::Glossary,
    home::Home,
    learn::Learn,
    not_found::NotFound,
    play::Play,
    print::PrintWorksheet,
    projector::Projector,
    quiz_setup::QuizSetup,
    sources::{SourceList, SourceReader},
};
use router::{use_location, A};
use storage::ProgressStore;

// The quiz (`/quiz/play`, where a class link lands) is in the main module;
// every other page is in a module fetched when first shown (src/lazy.rs).
// Pages that a reader moves between share a module: `quiz` has the set-up
// and the results screen. Not many modules, as every set of modules that
// shares code gets a chunk of its own (with six, a teacher's page took 23
// downloads); the home page has its own all the same, since in `quiz` it
// took 100 KB gzipped of that module and the code it shares with the
// teacher's tools to the home page's first load (13 KB on its own). The
// sources have theirs, as a student in a quiz follows the evidence to one
// of them and back: with the explainers, the figures and the About page,
// it was 34 KB gzipped more on that path (71 against 37 KB); the Classroom
// page took 8 more files for it (31, 2.8 KB more, 40 ms later throttled).
lazy_page!(home, home_page, Home);
lazy_page!(reading, learn_page, Learn);
lazy_page!(reading, explainer_page, ExplainerPage);
lazy_page!(reading, glossary_page, Glossary);
lazy_page!(sources, source_list_page, SourceList);
lazy_page!(sources, source_reader_page, SourceReader);
lazy_page!(reading, about_page, About);
lazy_page!(quiz, quiz_setup_page, QuizSetup);
lazy_page!(teacher, classroom_page, Classroom);
lazy_page!(teacher, projector_page, Projector);
lazy_page!(teacher, print_page, PrintWorksheet);

/// The quiz page for [`PageView`] to wait with.
async fn play_page() -> Result<lazy::PageView, lazy::NotLoaded> {
    Ok(|_| view! { <Play /> }.into_any())
}

/// A function public/start.js, the page's script, offers the app (a
/// global named `name`), if the page was started by it.
pub fn start_script_function(name: &str) -> Option<js_sys::Function> {
    wasm_bindgen::JsCast::dyn_into(js_sys::Reflect::get(&js_sys::global(), &name.into()).ok()?).ok()
}

/// Whether every question the quiz link `search` asks has its words and
/// feedback here, or on their way in the class link's own files (the quiz
/// page's screens wait for those: src/pages/play/mod.rs).
fn has_details_for(search: &str) -> bool {
    content::has_all_details()
        || open_door_core::link::QuizLink::open(search, content::bundle())
            .items()
            .iter()
            .all(|item| content::details_here_or_coming(&item.question_id))
}

/// Moves focus to the page content. Done by hand because the router takes
/// over clicks on links, and a fragment link alone may not move focus.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    router::focus_main();
}

/// Closes the narrow-screen menu when the page changes by Back or Forward,
/// which no click in the menu sees.
#[component]
fn CloseMenuOnNavigation(open: RwSignal<bool>) -> impl IntoView {
    let path = use_location().pathname;
    Effect::new(move |_| {
        // Read, not only tracked: a memo nobody has read does not follow
        // its sources, so `track()` alone could miss every change.
        let _ = path.get();
        open.set(false);
    });
}

const PACKS_NOT_LOADED: &str = "The question packs kept on this device could not be loaded this time: the part of Open Door that reads them did not download in time. They are still stored, and so that no quiz using them is changed, your progress is not saved until they are back. Reload the page when the connection is back.";

#[component]
pub fn App() -> impl IntoView {
    // With the device's packs where it has any (main.rs builds that before
    // the app mounts); the built-in content alone otherwise.
    let library = content::library();
    let store = if library.packs_not_loaded && storage::has_packs() {
        let store = ProgressStore::load_without_saving(&library.bundle);
        store.notices.update(|n| n.push(PACKS_NOT_LOADED.into()));
        store
    } else {
        ProgressStore::load(&library.bundle)
    };
    store.notices.update(|n| n.extend(library.unloaded.iter().map(content::UnloadedPack::describe)));
    provide_context(store);
    lazy::try_again_when_online();
    // On a narrow screen the menu folds behind a button (style.css), so the
    // header stays one line and the quiz fits a phone's first screen.
    let menu_open = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    // Closed, the open menu hides its links, one of them perhaps focused:
    // the focus goes back to the button, where the next Tab goes on from
    // (a link followed then moves it on to the new page: the router's
    // `keep_focus_in_page`).
    let close_menu = move || {
        if menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close_menu();
        }
    };
    // Left by Tab or a tap elsewhere, the open menu closes: it would cover
    // the page's first links as the focus went on to them, and Escape,
    // heard only inside it, would no longer close it.
    let close_when_left = move |ev: leptos::ev::FocusEvent| {
        // Both are elements: the menu's own, and where the focus went, if anywhere.
        let (Some(nav), to) = (ev.current_target(), ev.related_target()) else { return };
        if !to.is_some_and(|to| nav.unchecked_into::<web_sys::Node>().contains(Some(to.unchecked_ref()))) {
            menu_open.set(false);
        }
    };
    router::provide_router();
    view! {
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <header class="site-header">
                <A href=paths::href("/") attr:class="brand">"Open Door"</A>
                <nav aria-label="Main" class="site-nav" class:open=move || menu_open.get() on:keydown=close_on_escape
                    on:focusout=close_when_left>
                    <button type="button" class="menu-button" node_ref=menu_button aria-controls="site-menu"
                        aria-expanded=move || menu_open.get().to_string() on:click=move |_| menu_open.update(|open| *open = !*open)>
                        <span aria-hidden="true">"☰ "</span>"Menu"
                    </button>
                    // A tapped link closes the menu, also the current page's.
                    <ul id="site-menu" on:click=move |_| close_menu()>
                        <li><A href=paths::href("/learn") section=true>"Learn"</A></li>
                        <li><A href=paths::href("/quiz") section=true>"Quiz"</A></li>
                        <li><A href=paths::href("/sources") section=true>"Sources"</A></li>
                        <li><A href=paths::href("/classroom") section=true>"Classroom"</A></li>
                    </ul>
                </nav>
            </header>
            <CloseMenuOnNavigation open=menu_open />
            <components::update::UpdatePrompt />
            <components::notices::StorageNotices />
            <main id="main" tabindex="-1">
                <PageView />
            </main>
            <footer class="site-footer">
                <p>
                    "No accounts, no tracking: nothing you do here leaves this device. "
                    <A href=paths::href("/about")>"About and privacy"</A>
                </p>
            </footer>
    }
}

/// The page the address shows. A new query (a quiz link) is not a new page.
#[component]
fn PageView() -> impl IntoView {
    let location = use_location();
    let page = location.page;
    // The quiz waits for its questions' details where the app was not
    // opened with them (any link but the class link it started on). Once
    // every question's have come it stays as it is while the quiz page is shown, so
    // a quiz is not built afresh when its address gains a seed.
    let play_waits = Memo::new(move |waited: Option<&bool>| {
        page.with(|p| *p == Page::Play)
            && (!has_details_for(&location.search.get()) || (waited == Some(&true) && content::has_all_details()))
    });
    move || match (page.get(), play_waits.get()) {
        (Page::Play, true) => view! { <LazyPage load=play_page details=DetailsNeeded::Every quiz_page=true /> }.into_any(),
        (page, _) => show(page),
    }
}

/// The view of a page that does not wait for the quiz's details here.
fn show(page: Page) -> AnyView {
    match page {
        Page::Home => view! { <LazyPage load=home_page /> }.into_any(),
        Page::Learn => view! { <LazyPage load=learn_page /> }.into_any(),
        Page::Explainer(_) => view! { <LazyPage load=explainer_page /> }.into_any(),
        Page::Glossary => view! { <LazyPage load=glossary_page /> }.into_any(),
        Page::QuizSetup => view! { <LazyPage load=quiz_setup_page /> }.into_any(),
        Page::Play => view! { <Play /> }.into_any(),
        Page::Sources => view! { <LazyPage load=source_list_page /> }.into_any(),
        Page::Source(_) => {
            // The question it was opened from, whose evidence it highlights.
            let question = use_location().search.with_untracked(|search| query_value(search, "q"));
            let details = question.and_then(|id| content::bundle().question(&id)).map_or(DetailsNeeded::None, |q| DetailsNeeded::Of(&q.id));
            view! { <LazyPage load=source_reader_page details /> }.into_any()
        }
        Page::Classroom => view! { <LazyPage load=classroom_page details=DetailsNeeded::Every /> }.into_any(),
        Page::Projector => view! { <LazyPage load=projector_page details=DetailsNeeded::Every /> }.into_any(),
        Page::Print => view! { <LazyPage load=print_page details=DetailsNeeded::Every /> }.into_any(),
        Page::About => view! { <LazyPage load=about_page /> }.into_any(),
        Page::NotFound => view! { <NotFound /> }.into_any(),
    }
}
