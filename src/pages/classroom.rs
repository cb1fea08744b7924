//! The teacher's page: a class link with its QR code, projector and print
//! versions, class results, and custom question packs. No server, no
//! accounts: everything happens on this device.

use leptos::prelude::*;
use leptos::task::spawn_local;
use open_door_core::pack::{self, PackRejected};
use wasm_bindgen::JsCast;

use crate::components::class_results::ClassResultsSection;
use crate::components::download::download;
use crate::components::title::PageTitle;
use crate::content::{bundle, library};
use crate::pages::quiz_setup::{BuilderPurpose, QuizBuilder};
use crate::storage;

#[component]
pub fn Classroom() -> impl IntoView {
    view! {
        <PageTitle text="Classroom" />
        <p>"Build one quiz for the whole class and hand out its link. No accounts and no server: the link itself carries the quiz, and it works offline on any device that has opened Open Door before."</p>
        <h2>"Build a class quiz"</h2>
        <QuizBuilder purpose=BuilderPurpose::Share />
        <ClassResultsSection />
        <Packs />
    }
}

/// Reads the file chosen in a file input as text.
async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?;
    text.as_string()
}

fn input_of(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// Keeps the new list of packs and restarts the app on it, since the
/// question bank is built once at start-up; on failure nothing changes.
fn save_and_reload(packs: &[pack::Pack], messages: RwSignal<Vec<String>>) {
    match storage::save_packs(packs) {
        Ok(()) => {
            let _ = window().location().reload();
        }
        Err(why) => messages.set(vec![why]),
    }
}

#[component]
fn Packs() -> impl IntoView {
    let messages = RwSignal::new(Vec::<String>::new());
    let installed = library().packs.clone();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = input_of(&ev) else { return };
        spawn_local(async move {
            let Some(text) = read_chosen_file(&input).await else {
                messages.set(vec!["The file could not be read.".into()]);
                return;
            };
            match pack::import(&text, bundle()) {
                Err(PackRejected(problems)) => messages.set(
                    std::iter::once("The pack was not added. Nothing was changed. Problems found:".to_string()).chain(problems).collect(),
                ),
                Ok(new_pack) if library().packs.iter().any(|p| p.name == new_pack.name) => {
                    messages.set(vec![format!("A pack called \"{}\" is already added; remove it first.", new_pack.name)]);
                }
                Ok(new_pack) => {
                    let mut packs = library().packs.clone();
                    packs.push(new_pack);
                    save_and_reload(&packs, messages);
                }
            }
        });
    };
    let remove = move |name: String| {
        let packs: Vec<_> = library().packs.iter().filter(|p| p.name != name).cloned().collect();
        save_and_reload(&packs, messages);
    };
    view! {
        <section aria-labelledby="packs-heading">
            <h2 id="packs-heading">"Your own questions"</h2>
            <p>"Add a question pack: a JSON file with your own questions (and, if you like, your own texts), in the format the README describes. It is checked by the same rules as the built-in questions, kept on this device, and works offline."</p>
            <p>
                <label for="pack-file">"Add a pack (JSON, at most 1 MB) "</label>
                <input id="pack-file" type="file" accept=".json,application/json" on:change=on_file />
            </p>
            <div role="alert" class="pack-messages">
                <Show when=move || messages.with(|m| !m.is_empty())>
                    <ul>{move || messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </Show>
            </div>
            {if installed.is_empty() {
                view! { <p>"No packs added on this device."</p> }.into_any()
            } else {
                view! {
                    <ul class="packs">
                        {installed.into_iter().map(|p| {
                            let name = p.name.clone();
                            let file = format!("{}.json", p.name.to_lowercase().replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
                            let text = pack::export(&p);
                            view! {
                                <li>
                                    <strong>{p.name.clone()}</strong>{format!(" ({} questions) ", p.questions.len())}
                                    <button type="button" on:click=move |_| {
                                        if let Err(why) = download(&file, "application/json", &text) {
                                            messages.set(vec![format!("The export failed: {why}.")]);
                                        }
                                    }>"Export"</button>
                                    " "
                                    <button type="button" on:click=move |_| remove(name.clone())>"Remove"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
