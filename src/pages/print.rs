//! A worksheet and its answer key for the browser's print dialog: the same
//! quiz as the link; the print stylesheet drops navigation and buttons.

use leptos::prelude::*;
use open_door_core::content::QuestionKind;
use open_door_core::figures::format_date;
use open_door_core::link::QuizLink;
use open_door_core::quiz::{answer_in_letter_order, answer_letters, choice_letter, marking_key};

use crate::components::markup::article_label;
use crate::components::needs_pack::NeedsPack;
use crate::components::notices::{CutLink, LinkNotices};
use crate::components::title::{set_title, PageTitle};
use crate::content::bundle;
use crate::router::{use_location, A};

/// What the next print is of: copies for a class need the worksheet
/// without its key, the teacher the key alone.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PrintPart {
    Both,
    Worksheet,
    Key,
}

#[component]
pub fn PrintWorksheet() -> impl IntoView {
    let search = use_location().search;
    let part = RwSignal::new(PrintPart::Both);
    // Back to both once the dialog closes, so the browser's own Print
    // command prints everything, as the page says.
    let printed = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("afterprint"), move |_| part.set(PrintPart::Both));
    on_cleanup(move || printed.remove());
    // The page prints as it stands when the dialog opens, and the chosen
    // part's class reaches the page after this handler: the dialog opens
    // once it has.
    let print = move |chosen: PrintPart| {
        part.set(chosen);
        set_timeout(|| drop(window().print()), std::time::Duration::ZERO);
    };
    move || {
        let link = QuizLink::open(&search.get(), bundle());
        if link.is_cut() {
            return view! { <PageTitle text="Worksheet" /> <CutLink /> }.into_any();
        }
        if let Some(name) = link.needs_pack() {
            return view! { <PageTitle text="Worksheet" /> <NeedsPack name=name.to_string() /> }.into_any();
        }
        let items = link.items();
        let title = link.title(bundle());
        let quick_key = marking_key(items, bundle());
        let questions: Vec<_> = items.iter().filter_map(|item| bundle().question(&item.question_id).map(|q| (q, item))).collect();
        let sheet = questions
            .iter()
            .map(|(question, item)| {
                let hint = match question.kind {
                    QuestionKind::Order => "Number these from 1 (earliest or first) onwards.",
                    QuestionKind::Multiple => "Tick all that apply.",
                    _ => "Tick one.",
                };
                view! {
                    <li class="sheet-question">
                        <p class="sheet-prompt">{question.prompt.clone()}</p>
                        <p class="kind">{hint}</p>
                        <ul class="sheet-choices" class:numbered=question.kind == QuestionKind::Order>
                            {item.choice_order.iter().enumerate().map(|(place, &c)| view! {
                                <li><span class="letter">{choice_letter(place)}</span>" "<span class="box" aria-hidden="true">"☐"</span>" "{question.choices[c].clone()}</li>
                            }).collect_view()}
                        </ul>
                    </li>
                }
            })
            .collect_view();
        let key = questions
            .iter()
            .map(|(question, item)| {
                view! {
                    <li>
                        <p><strong class="key-letters">{answer_letters(question, item)}</strong>": "{answer_in_letter_order(question, item)}</p>
                        <blockquote><p>{question.evidence.clone()}</p></blockquote>
                        <p class="meta">"From "<cite>{article_label(&question.article)}</cite></p>
                        {question.since.as_ref().map(|s| view! { <p class="meta">{format!("Since then (as of {}): {}", format_date(&s.date), s.note)}</p> })}
                    </li>
                }
            })
            .collect_view();
        let count = questions.len();
        let minutes = link.spec().minutes;
        // The document's title heads each printed page (in the browser's
        // print header): the key printed alone is named the key.
        let worksheet_title = format!("Worksheet: {title}");
        let key_title = format!("Answer key: {title}");
        {
            let (worksheet_title, key_title) = (worksheet_title.clone(), key_title.clone());
            Effect::new(move |_| set_title(if part.get() == PrintPart::Key { &key_title } else { &worksheet_title }));
        }
        view! {
            <div class="print-job" class:print-worksheet=move || part.get() == PrintPart::Worksheet class:print-key=move || part.get() == PrintPart::Key>
                <div class="worksheet">
                    <PageTitle text=worksheet_title />
                    <LinkNotices link=Signal::stored(link.clone()) />
                    <p class="no-print">{format!("{count} questions. Print the worksheets for the class without the answer key, and the key for yourself; the browser's own Print command prints both, the key on a new page.")}</p>
                    <p class="no-print actions">
                        <button type="button" class="primary" on:click=move |_| print(PrintPart::Worksheet)>"Print worksheets (no key)"</button>
                        <button type="button" on:click=move |_| print(PrintPart::Key)>"Print the answer key"</button>
                        <button type="button" on:click=move |_| print(PrintPart::Both)>"Print both"</button>
                    </p>
                    <p class="no-print"><A href=super::quiz_setup::way_back() attr:class="goes-back" on:click=crate::router::back_when_opened_from>"Back to the Classroom page"</A></p>
                    <p class="sheet-name">"Name: ______________________   Date: ____________"</p>
                    // The link's time limit, for a class that takes the test on paper.
                    {minutes.map(|m| view! { <p class="sheet-time">{format!("Time allowed: {m} minute{}.", if m == 1 { "" } else { "s" })}</p> })}
                    <ol class="sheet">{sheet}</ol>
                </div>
                <section class="answer-key" aria-labelledby="key-heading">
                    <h2 id="key-heading">{key_title}</h2>
                    <p class="quick-key"><strong>"Quick marking: "</strong>{quick_key}</p>
                    <h3>"Answers with their evidence"</h3>
                    <ol>{key}</ol>
                </section>
            </div>
        }
        .into_any()
    }
}
