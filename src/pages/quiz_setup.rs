//! Building a quiz: the student's set-up page and the teacher's link
//! builder share one form.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use open_door_core::link::QuizLink;
use open_door_core::quiz::{Mode, QuizSpec, Selection, DEFAULT_COUNT};

use leptos_router::components::A;

use crate::components::qr::QrImage;
use crate::components::title::PageTitle;
use crate::content::{bundle, random_seed};

/// What the form's button does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BuilderPurpose {
    /// Start the quiz here.
    Play,
    /// Show a link to hand out.
    Share,
}

#[component]
pub fn QuizSetup() -> impl IntoView {
    view! {
        <PageTitle text="Quiz" />
        <p>"Choose what to practise, or just press Start for ten questions on everything."</p>
        <QuizBuilder purpose=BuilderPurpose::Play />
    }
}

#[component]
pub fn QuizBuilder(purpose: BuilderPurpose) -> impl IntoView {
    let topics = RwSignal::new(Vec::<String>::new());
    let articles = RwSignal::new(Vec::<String>::new());
    let count = RwSignal::new(Some(DEFAULT_COUNT));
    let mode = RwSignal::new(Mode::Practice);
    let minutes = RwSignal::new(None::<u16>);
    let link = RwSignal::new(None::<QuizLink>);
    // Ticked single questions (Classroom only): when any are ticked, the quiz
    // is exactly those, whatever the topics and articles.
    let picked = RwSignal::new(Vec::<String>::new());
    let go = crate::paths::use_go();

    let toggle: fn(RwSignal<Vec<String>>, String) = |list, id| {
        list.update(|l| {
            if let Some(at) = l.iter().position(|x| *x == id) {
                l.remove(at);
            } else {
                l.push(id);
            }
        })
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let spec = QuizSpec {
            selection: Selection::Filter { topics: topics.get_untracked(), articles: articles.get_untracked(), count: count.get_untracked() },
            seed: random_seed(),
            mode: mode.get_untracked(),
            minutes: minutes.get_untracked(),
        };
        match purpose {
            BuilderPurpose::Play => go(&spec.href(), Default::default()),
            BuilderPurpose::Share => {
                // A shared link lists its questions, so every student gets
                // exactly these even if the bank grows later.
                let chosen = picked.get_untracked();
                let spec = if chosen.is_empty() { spec } else { QuizSpec { selection: Selection::Ids(chosen), ..spec } };
                let items = QuizLink::from_spec(spec.clone(), bundle()).items().iter().map(|i| i.question_id.clone()).collect();
                link.set(Some(QuizLink::from_spec(QuizSpec { selection: Selection::Ids(items), ..spec }, bundle())));
            }
        }
    };

    let bank = bundle();
    view! {
        <form class="builder" on:submit=submit>
            <fieldset>
                <legend>"Topics (none ticked: all)"</legend>
                {bank.topics.iter().map(|t| {
                    let id = t.id.clone();
                    let input_id = format!("topic-{}", t.id);
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=input_id.clone() on:change=move |_| toggle(topics, id.clone()) />
                            <label for=input_id>{t.title.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Articles (none ticked: all)"</legend>
                {bank.articles_by_date().into_iter().map(|a| {
                    let id = a.id.clone();
                    let input_id = format!("article-{}", a.id);
                    let label = format!("{} ({})", capitalise(&a.label), a.date_inferred.split(" (").next().unwrap_or_default());
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=input_id.clone() on:change=move |_| toggle(articles, id.clone()) />
                            <label for=input_id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Number of questions"</legend>
                {[Some(5), Some(10), Some(20), None].into_iter().map(|n| {
                    let input_id = format!("count-{}", n.map_or("all".to_string(), |n| n.to_string()));
                    view! {
                        <div class="choice">
                            <input type="radio" name="count" id=input_id.clone() prop:checked=move || count.get() == n on:change=move |_| count.set(n) />
                            <label for=input_id>{n.map_or("All".to_string(), |n| n.to_string())}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Mode"</legend>
                <div class="choice">
                    <input type="radio" name="mode" id="mode-practice" prop:checked=move || mode.get() == Mode::Practice on:change=move |_| mode.set(Mode::Practice) />
                    <label for="mode-practice">"Practice: see the answer after each question"</label>
                </div>
                <div class="choice">
                    <input type="radio" name="mode" id="mode-test" prop:checked=move || mode.get() == Mode::Test on:change=move |_| mode.set(Mode::Test) />
                    <label for="mode-test">"Test: see the answers at the end"</label>
                </div>
            </fieldset>
            <p>
                <label for="minutes">"Time limit "</label>
                <select id="minutes" on:change=move |ev| minutes.set(event_target_value(&ev).parse().ok())>
                    <option value="">"None"</option>
                    <option value="5">"5 minutes"</option>
                    <option value="10">"10 minutes"</option>
                    <option value="20">"20 minutes"</option>
                    <option value="30">"30 minutes"</option>
                </select>
            </p>
            {(purpose == BuilderPurpose::Share).then(|| view! { <SinglePicker picked=picked toggle=toggle /> })}
            <button type="submit" class="primary">
                {match purpose { BuilderPurpose::Play => "Start", BuilderPurpose::Share => "Make the class link" }}
            </button>
        </form>
        {move || link.get().map(|link| view! { <ShareLink link=link /> })}
    }
}

/// Single questions to build a quiz from, by article, folded away.
#[component]
fn SinglePicker(picked: RwSignal<Vec<String>>, toggle: fn(RwSignal<Vec<String>>, String)) -> impl IntoView {
    view! {
        <details class="single-picker">
            <summary>{move || format!("Or pick single questions ({} picked)", picked.with(Vec::len))}</summary>
            {bundle().articles_by_date().into_iter().map(|article| view! {
                <fieldset>
                    <legend>{capitalise(&article.label)}</legend>
                    {bundle().questions.iter().filter(|q| q.article == article.id).map(|q| {
                        let id = q.id.clone();
                        let input_id = format!("pick-{}", q.id);
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=input_id.clone() on:change=move |_| toggle(picked, id.clone()) />
                                <label for=input_id>{format!("{}: {}", q.id, q.prompt)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }).collect_view()}
        </details>
    }
}

/// A link to hand out, with a one-click copy, its QR code, and the same
/// quiz on the projector and on paper.
#[component]
fn ShareLink(link: QuizLink) -> impl IntoView {
    let copied = RwSignal::new("");
    let href = crate::paths::absolute(&link.href());
    let text = href.clone();
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&text);
        copied.set("Copying…");
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures_result(promise).await;
            copied.set(if done { "Copied." } else { "Could not copy: select the link and copy it by hand." });
        });
    };
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">"The class link"</h2>
            <p>"Everyone who opens this link gets the same questions in the same order, with the same choices."</p>
            <p><a class="share-link" href=href.clone()>{href.clone()}</a></p>
            <p>
                <button type="button" on:click=copy>"Copy link"</button>
                " "
                <span role="status">{move || copied.get()}</span>
            </p>
            <QrImage text=href.clone() label="QR code of the class link" />
            <p class="actions">
                <A href=crate::paths::href(&link.projector_href()) attr:class="button">"Show on the projector"</A>
                <A href=crate::paths::href(&link.print_href()) attr:class="button">"Print worksheet and answer key"</A>
            </p>
        </section>
    }
}

async fn wasm_bindgen_futures_result(promise: js_sys::Promise) -> bool {
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
