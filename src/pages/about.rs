use leptos::prelude::*;

use open_door_core::number::decimal;
use open_door_core::progress::BACKUP_PREFIX;
use wasm_bindgen::JsCast;

use crate::components::download::download;
use crate::components::title::PageTitle;
use crate::storage::{self, use_progress};

#[component]
pub fn About() -> impl IntoView {
    crate::components::followed_link::return_to_followed_link();
    let store = use_progress();
    view! {
        <PageTitle text="About and privacy" />
        <p>"Open Door teaches how a country joins NATO and what Article 5 promises, from five news texts of 2022 and 2023 and the treaty itself."</p>
        <h2>"Privacy"</h2>
        <ul>
            <li>"No accounts, no sign-in, no cookies."</li>
            <li>"No analytics, no tracking, no advertising, no fonts or scripts from other sites."</li>
            <li>"Your answers and progress are kept only in this browser, on this device. Nothing is sent anywhere."</li>
        </ul>
        <p><button type="button" on:click=move |_| {
            // Progress, backups, the hand-in name and a teacher's packs go
            // at once and cannot come back: ask first.
            let sure = window()
                .confirm_with_message("Erase everything Open Door saved on this device: progress, unfinished quizzes and results, backups, your name, any question packs, the quiz forms as you left them, and the Classroom page's class link and class results? This cannot be undone.")
                .unwrap_or(false);
            if sure {
                store.erase();
                // The notice that says what was erased comes at the page's
                // top, which pushed this button off a phone's screen: the
                // page goes back to its top, where the notice is read, and
                // the notice's button takes the focus (brought into view
                // alone, it left the notice's words above the screen).
                request_animation_frame(|| {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                    let button = document().get_element_by_id(crate::components::notices::DISMISS_NOTICES);
                    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                        crate::components::focus_in_place(&button);
                    }
                });
            }
        }>"Erase my data on this device"</button></p>
        <Backups />
        <h2>"The sources"</h2>
        <p>"The texts are shown as they were handed to us, with page furniture such as share buttons and link lists removed. Where a text names no outlet or prints no headline, the app says so rather than guessing. Facts that changed after a text was written carry a dated note."</p>
    }
}

/// Copies of saved data that could not be read, kept so that nothing is
/// lost for good: listed, and downloadable for a teacher or a developer.
#[component]
fn Backups() -> impl IntoView {
    let store = use_progress();
    let problem = RwSignal::new(None::<String>);
    // Read again whenever progress changes (a backup is made while loading it).
    let backups = move || {
        store.progress.track();
        storage::backups()
    };
    view! {
        <h2>"Copies of damaged saves"</h2>
        {move || {
            let found = backups();
            if found.is_empty() {
                return view! { <p>"None: everything saved on this device could be read."</p> }.into_any();
            }
            view! {
                <p>"When saved progress could not be read, Open Door kept a copy here (the newest few) instead of throwing it away."</p>
                <ul>
                    {found.into_iter().map(|(key, text)| {
                        let made = key.strip_prefix(BACKUP_PREFIX).and_then(decimal).map(|ms| ms as f64).map_or_else(
                            || "from an earlier version".to_string(),
                            |ms| format!("made {}", String::from(js_sys::Date::new(&ms.into()).to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))),
                        );
                        let name = format!("{}.json", key.replace('.', "-"));
                        view! {
                            <li>
                                {format!("A copy {made}, {} characters. ", text.len())}
                                <button type="button" on:click=move |_| problem.set(download(&name, "application/json", &text).err())>"Download it"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <p role="alert">{move || problem.get()}</p>
    }
}
