//! The teacher's page: a class link with its QR code, projector and print
//! versions, class results, and custom question packs. No server, no
//! accounts: everything happens on this device.

use leptos::prelude::*;
use open_door_core::pack::{self, MAX_PACK_ARTICLES, MAX_PACK_QUESTIONS};

use crate::components::class_results::ClassResultsSection;
use crate::components::download::download;
use crate::components::pack_file::{change_and_restart, message_after_restart, AddPack, Message, MessageView, PackChange};
use crate::components::title::PageTitle;
use crate::content::{bundle, library};
use crate::pages::quiz_setup::{BuilderPurpose, QuizBuilder};

/// The example pack of the README, offered as a file to start from.
const EXAMPLE_PACK: &str = include_str!("../../docs/example-pack.json");

#[component]
pub fn Classroom() -> impl IntoView {
    crate::pages::quiz_setup::take_the_way_back();
    view! {
        <PageTitle text="Classroom" />
        <p>"Build one quiz for the whole class and hand out its link. No accounts and no server: the link itself carries the quiz, and it works offline on any device that has opened Open Door before."</p>
        <h2>"Build a class quiz"</h2>
        <QuizBuilder purpose=BuilderPurpose::Share />
        <ClassResultsSection />
        <Packs />
    }
}

#[component]
fn Packs() -> impl IntoView {
    let message = RwSignal::new(message_after_restart());
    // The page was reloaded on a change of packs: the teacher is taken back
    // to this section and its message, not left at the top of the page
    // with the focus nowhere.
    if message.with_untracked(Option::is_some) {
        crate::components::bring_into_focus("packs-heading");
    }
    let installed = library().packs.clone();
    let remove = move |name: String| {
        change_and_restart(
            PackChange::Remove(&pack::stored_key(&name)),
            Some(&format!("The pack \"{name}\" was removed from this device.")),
            message,
        );
    };
    // A pack that cannot be loaded stays stored until the teacher removes it.
    let unloaded = library().unloaded.clone();
    view! {
        <section aria-labelledby="packs-heading">
            <h2 id="packs-heading" tabindex="-1">"Your own questions"</h2>
            <p>"Add a question pack: a file with your own questions and, if you like, your own texts for them to quote. It is checked by the same rules as the built-in questions, kept on this device, and works offline. A class link made with its questions carries them to your students' devices."</p>
            <p>
                <AddPack id="pack-file" label="Add a pack (JSON, at most 1 MB)" message=message />
                " "
                <button type="button" on:click=move |_| {
                    match download("open-door-example-pack.json", "application/json", EXAMPLE_PACK) {
                        Ok(()) => message.set(Some(Message::Done("The example pack was saved to your downloads: open it in a text editor to make your own.".into()))),
                        Err(why) => message.set(Some(Message::Problem(vec![format!("The example could not be saved: {why}.")]))),
                    }
                }>"Download an example pack"</button>
            </p>
            <div class="pack-messages"><MessageView message=message /></div>
            <PackFormat />
            {(!unloaded.is_empty()).then(|| view! {
                <ul class="unloaded-packs">
                    {unloaded.into_iter().map(|u| {
                        let key = u.key.clone();
                        let done = match &u.name {
                            Some(name) => format!("The pack \"{name}\" was removed from this device."),
                            None => "The damaged pack was removed from this device.".to_string(),
                        };
                        view! {
                            <li>
                                {u.describe()}" "
                                <button type="button" on:click=move |_| change_and_restart(PackChange::Remove(&key), Some(&done), message)>"Remove"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {if installed.is_empty() {
                view! { <p>"No packs added on this device."</p> }.into_any()
            } else {
                view! {
                    <ul class="packs">
                        {installed.into_iter().map(|p| {
                            let name = p.name.clone();
                            let file = pack_file_name(&p.name);
                            let text = pack::export(&p);
                            view! {
                                <li>
                                    <strong>{p.name.clone()}</strong>{format!(" ({} questions) ", p.questions.len())}
                                    <button type="button" on:click=move |_| {
                                        match download(&file, "application/json", &text) {
                                            Ok(()) => message.set(Some(Message::Done(format!("Saved to your downloads as {file}.")))),
                                            Err(why) => message.set(Some(Message::Problem(vec![format!("The export failed: {why}.")]))),
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

/// The file name a pack is exported under (and handed to students as).
pub fn pack_file_name(name: &str) -> String {
    let slug: String = name.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let slug: Vec<&str> = slug.split('-').filter(|part| !part.is_empty()).collect();
    format!("{}.json", if slug.is_empty() { "question-pack".to_string() } else { slug.join("-") })
}

/// The pack format, in the app: what a teacher needs to write one.
#[component]
fn PackFormat() -> impl IntoView {
    view! {
        <details class="pack-format">
            <summary>"How to write a pack"</summary>
            <p>"A pack is a JSON file. The easiest start is the example pack: download it, change its texts and questions in a text editor, and add it here. It holds:"</p>
            <ul>
                <li><strong>"format"</strong>" and "<strong>"version"</strong>": always \"open-door-pack\" and 1."</li>
                <li><strong>"name"</strong>": the pack's name, as your students will see it (up to 80 characters)."</li>
                <li><strong>"topics"</strong>" (optional): new topics, each with an id and a title. A question may also use the built-in topics: "{bundle().topics.iter().filter(|t| !library().packs.iter().any(|p| p.topics.contains(t))).map(|t| format!("{} ({})", t.id, t.title)).collect::<Vec<_>>().join(", ")}"."</li>
                <li><strong>"articles"</strong>" (optional): your own texts, each with an id, a label (how questions name it, such as \"the class handout\"), where it comes from, its date as the text gives it, the place, and the body: paragraphs separated by a blank line."</li>
                <li><strong>"questions"</strong>": each with an id, the text it quotes, its topics, a difficulty (easy, medium or hard), a type (single, multiple, true-false, order, who-said or which-source), the prompt, 2 to 8 choices, the right answer or answers copied from the choices (order questions list their choices in the right order and have no answer), an explanation, and the evidence: words copied exactly from the text."</li>
            </ul>
            <p>{format!("Ids use only small letters, digits and hyphens, and must not repeat the built-in ones. A pack holds at most {MAX_PACK_QUESTIONS} questions and {MAX_PACK_ARTICLES} texts in at most 1 MB. A pack that breaks a rule is not added, and the message says which question and what to fix.")}</p>
        </details>
    }
}
