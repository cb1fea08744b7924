//! Open Door's user interface: a thin layer of views over
//! `open_door_core`, which holds every rule of the product.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

pub mod components;
pub mod content;
pub mod link_pack;
pub mod pages;
pub mod paths;
pub mod storage;

use pages::{
    about::About, classroom::Classroom, explainer::ExplainerPage, glossary::Glossary, home::Home, learn::Learn,
    not_found::NotFound, play::Play, print::PrintWorksheet, projector::Projector, quiz_setup::QuizSetup, sources::{SourceList, SourceReader},
};
use storage::ProgressStore;

/// Moves focus to the page content. Done by hand because the router takes
/// over clicks on links, and a fragment link alone may not move focus.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

/// Closes the narrow-screen menu when the page changes by Back or Forward,
/// which no click in the menu sees.
#[component]
fn CloseMenuOnNavigation(open: RwSignal<bool>) -> impl IntoView {
    let path = use_location().pathname;
    Effect::new(move |_| {
        path.track();
        open.set(false);
    });
}

#[component]
pub fn App() -> impl IntoView {
    let library = content::init_library(storage::stored_packs());
    for checked in &library.newly_checked {
        // Stamped, so the next start-up need not check it again.
        let _ = storage::save_pack(checked);
    }
    if let Some(content::LinkPackOutcome::Added(carried)) = &library.link_pack {
        storage::keep_carried_pack(carried);
    }
    let store = ProgressStore::load(&library.bundle);
    store.notices.update(|n| n.extend(library.unloaded.iter().map(content::UnloadedPack::describe)));
    provide_context(store);
    // On a narrow screen the menu folds behind a button (style.css), so the
    // header stays one line and the quiz fits a phone's first screen.
    let menu_open = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <Router base=paths::base()>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <header class="site-header">
                <A href=paths::href("/") attr:class="brand">"Open Door"</A>
                <nav aria-label="Main" class="site-nav" class:open=move || menu_open.get() on:keydown=close_on_escape>
                    <button type="button" class="menu-button" node_ref=menu_button aria-controls="site-menu"
                        aria-expanded=move || menu_open.get().to_string() on:click=move |_| menu_open.update(|open| *open = !*open)>
                        <span aria-hidden="true">"☰ "</span>"Menu"
                    </button>
                    // A tapped link closes the menu, also the current page's.
                    <ul id="site-menu" on:click=move |_| menu_open.set(false)>
                        <li><A href=paths::href("/learn")>"Learn"</A></li>
                        <li><A href=paths::href("/quiz")>"Quiz"</A></li>
                        <li><A href=paths::href("/sources")>"Sources"</A></li>
                        <li><A href=paths::href("/classroom")>"Classroom"</A></li>
                    </ul>
                </nav>
            </header>
            <CloseMenuOnNavigation open=menu_open />
            <components::update::UpdatePrompt />
            <components::notices::StorageNotices />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/learn") view=Learn />
                    <Route path=path!("/learn/:id") view=ExplainerPage />
                    <Route path=path!("/glossary") view=Glossary />
                    <Route path=path!("/quiz") view=QuizSetup />
                    <Route path=path!("/quiz/play") view=Play />
                    <Route path=path!("/sources") view=SourceList />
                    <Route path=path!("/sources/:id") view=SourceReader />
                    <Route path=path!("/classroom") view=Classroom />
                    <Route path=path!("/classroom/projector") view=Projector />
                    <Route path=path!("/classroom/print") view=PrintWorksheet />
                    <Route path=path!("/about") view=About />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "No accounts, no tracking: nothing you do here leaves this device. "
                    <A href=paths::href("/about")>"About and privacy"</A>
                </p>
            </footer>
        </Router>
    }
}
