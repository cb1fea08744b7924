//! Adding a question pack from a file: a file input styled as a button, the
//! pack checked by `open_door_core::pack`, stored, and the app restarted on
//! it (the question bank is built once, at start-up). Used on the Classroom
//! page and on a pack quiz's "this quiz needs the pack" screen.

use leptos::prelude::*;
use leptos::task::spawn_local;
use open_door_core::pack::{self, PackRejected};
use wasm_bindgen::JsCast;

use crate::content::library;
use crate::lazy::NotLoaded;
use crate::storage;

/// A message for the teacher or student: good news, or a problem with its
/// details.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Done(String),
    /// What happened, then what to fix, if there is a list of it.
    Problem(Vec<String>),
}

/// Shows a message: a success as a status, a problem as an alert.
#[component]
pub fn MessageView(message: RwSignal<Option<Message>>) -> impl IntoView {
    view! {
        <div role="status" class="message-done">
            {move || match message.get() {
                Some(Message::Done(text)) => Some(view! { <p class="right"><span aria-hidden="true">"✓ "</span>{text}</p> }),
                _ => None,
            }}
        </div>
        <div role="alert" class="message-problem">
            {move || match message.get() {
                // The first line says what happened; the others, if any, list
                // what to fix.
                Some(Message::Problem(lines)) => {
                    let mut lines = lines.into_iter();
                    let what_happened = lines.next();
                    let to_fix: Vec<String> = lines.collect();
                    Some(view! {
                        <p>{what_happened}</p>
                        {(!to_fix.is_empty()).then(|| view! {
                            <ul>{to_fix.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        })}
                    })
                }
                _ => None,
            }}
        </div>
    }
}

/// Reads the file chosen in a file input as text.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?;
    text.as_string()
}

pub fn input_of(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// A file input shown as a button: the input stays in the tab order (it is
/// only made invisible), and its focus ring is drawn on the button.
#[component]
pub fn FileButton(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] accept: String,
    #[prop(optional)] multiple: bool,
    on_change: impl Fn(leptos::ev::Event) + 'static,
) -> impl IntoView {
    view! {
        <span class="file-button">
            <input id=id.clone() type="file" accept=accept multiple=multiple on:change=on_change />
            <label for=id class="button">{label}</label>
        </span>
    }
}

/// The key of a message kept across the restart after a change of packs.
const AFTER_RESTART: &str = "open-door.packs.message";

/// A change to the packs stored on this device.
pub enum PackChange<'a> {
    Add(&'a pack::Pack),
    /// Removes what is stored under this key (a pack, or a damaged copy).
    Remove(&'a str),
}

/// Makes the change and restarts the app on it (the library is built once,
/// at start-up); on failure nothing changes and the reason is shown. `done`
/// is shown after the restart, by the Classroom page.
pub fn change_and_restart(change: PackChange, done: Option<&str>, message: RwSignal<Option<Message>>) {
    if library().packs_not_loaded {
        // The stored packs are not known this time: a change could replace
        // one of them unseen.
        message.set(Some(Message::Problem(vec![PACKS_NOT_LOADED.into()])));
        return;
    }
    let changed = match change {
        PackChange::Add(added) => storage::save_pack(added),
        PackChange::Remove(key) => storage::remove_pack(key),
    };
    match changed {
        Ok(()) => {
            if let (Some(done), Ok(Some(session))) = (done, window().session_storage()) {
                let _ = session.set_item(AFTER_RESTART, done);
            }
            let _ = window().location().reload();
        }
        Err(why) => message.set(Some(Message::Problem(vec![why]))),
    }
}

/// The success message of the change made before the restart, once.
pub fn message_after_restart() -> Option<Message> {
    let session = window().session_storage().ok()??;
    let text = session.get_item(AFTER_RESTART).ok()??;
    let _ = session.remove_item(AFTER_RESTART);
    Some(Message::Done(text))
}

/// The button that adds a pack. With `expected`, only the pack of that name
/// is accepted (a pack quiz asks for its own pack).
#[component]
pub fn AddPack(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    message: RwSignal<Option<Message>>,
    #[prop(optional)] expected: Option<String>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = input_of(&ev) else { return };
        let expected = expected.clone();
        // Named in a refusal: a teacher may have a folder of packs.
        let file_name = input.files().and_then(|files| files.get(0)).map(|file| file.name()).unwrap_or_default();
        spawn_local(async move {
            let Some(text) = read_chosen_file(&input).await else {
                message.set(Some(Message::Problem(vec!["The file could not be read.".into()])));
                return;
            };
            // Choosing the same file again after fixing it must fire again.
            input.set_value("");
            if add_checked(text, file_name, expected, message).await.is_err() {
                message.set(Some(Message::Problem(vec![CHECKER_NOT_LOADED.into()])));
            }
        });
    };
    view! { <FileButton id=id label=label accept=".json,application/json" on_change=on_change /> }
}

const PACKS_NOT_LOADED: &str = "The packs kept on this device were not loaded this time, so no pack can be added or removed now. Reload the page when the connection is back, then try again.";

const CHECKER_NOT_LOADED: &str = "The part of Open Door that checks packs could not be downloaded, so nothing was added. Check the connection, then choose the file again.";

crate::lazy_fn!(
    packs,
    /// Checks a chosen pack and, if it passes, stores it and restarts the app.
    /// In the packs' own module (src/packs.rs), with the rest of the checking
    /// code, so a quiz's first load does without it.
    fn add_checked(text: String, file_name: String, expected: Option<String>, message: RwSignal<Option<Message>>) -> Result<(), NotLoaded> {
        // A corrected copy of an added pack replaces it: it is not checked
        // against the ids it shares with itself.
        let replacing = pack::declared_name(&text).filter(|name| library().packs.iter().any(|p| p.name == *name));
        match pack::import(&text, &library().bundle_for_import(replacing.as_deref())) {
            Err(PackRejected(problems)) => message.set(Some(Message::Problem(
                std::iter::once(format!("The pack file \"{file_name}\" was not added, and nothing was changed. What to fix:"))
                    .chain(problems)
                    .collect(),
            ))),
            Ok(new_pack) if expected.as_ref().is_some_and(|name| *name != new_pack.name) => {
                message.set(Some(Message::Problem(vec![format!(
                    "This file is the pack \"{}\"; the quiz needs the pack \"{}\". Nothing was added.",
                    new_pack.name,
                    expected.clone().unwrap_or_default()
                )])));
            }
            // The very same pack again: "replaced" would send the teacher to
            // make its class links again for nothing (found by a teacher's
            // walk). A quiz asking for its pack restarts on the file, as
            // before.
            Ok(new_pack) if expected.is_none() && library().packs.contains(&new_pack) => {
                message.set(Some(Message::Done(format!(
                    "The pack \"{}\" is on this device already, the same as this file: nothing was changed, and its class links stay as they are.",
                    new_pack.name
                ))));
            }
            Ok(new_pack) => {
                let (name, count) = (&new_pack.name, new_pack.questions.len());
                let done = match replacing {
                    Some(_) => format!(
                        "The pack \"{name}\" was replaced by the file's copy ({count} questions). Make its class links again: those made before carry the old copy. Results handed in from them are read against this copy: the class table does not count one that this copy marks otherwise."
                    ),
                    None => format!("The pack \"{name}\" was added ({count} questions)."),
                };
                // The quiz that asked for the pack starts: no message waits
                // for the Classroom page.
                change_and_restart(PackChange::Add(&new_pack), expected.is_none().then_some(done.as_str()), message);
            }
        }
        Ok(())
    }
);
