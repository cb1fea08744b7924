//! A worksheet and its answer key for the browser's print dialog: the same
//! quiz as the link; the print stylesheet drops navigation and buttons.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use open_door_core::content::QuestionKind;
use open_door_core::link::QuizLink;

use crate::components::markup::article_label;
use crate::components::notices::LinkNotices;
use crate::components::title::PageTitle;
use crate::content::bundle;

#[component]
pub fn PrintWorksheet() -> impl IntoView {
    let search = use_location().search;
    move || {
        let link = QuizLink::open(&search.get(), bundle());
        let questions: Vec<_> = link.items().iter().filter_map(|item| bundle().question(&item.question_id).map(|q| (q, item.choice_order.clone()))).collect();
        let sheet = questions
            .iter()
            .map(|(question, order)| {
                let hint = match question.kind {
                    QuestionKind::Order => "Number these from 1 (earliest or first) onwards.",
                    QuestionKind::Multiple => "Tick all that apply.",
                    _ => "Tick one.",
                };
                view! {
                    <li class="sheet-question">
                        <p class="sheet-prompt">{question.prompt.clone()}</p>
                        <p class="kind">{hint}</p>
                        <ul class="sheet-choices">
                            {order.iter().map(|&c| view! {
                                <li><span class="box" aria-hidden="true">"☐"</span>" "{question.choices[c].clone()}</li>
                            }).collect_view()}
                        </ul>
                    </li>
                }
            })
            .collect_view();
        let key = questions
            .iter()
            .map(|(question, _)| {
                let answer = question.right_answer_text();
                view! {
                    <li>
                        <p><strong>{answer}</strong></p>
                        <blockquote><p>{question.evidence.clone()}</p></blockquote>
                        <p class="meta">"From "<cite>{article_label(&question.article)}</cite></p>
                        {question.since.as_ref().map(|s| view! { <p class="meta">{format!("Since then ({}): {}", s.date, s.note)}</p> })}
                    </li>
                }
            })
            .collect_view();
        let count = questions.len();
        view! {
            <PageTitle text=format!("Worksheet: {count} questions") />
            <LinkNotices link=Signal::stored(link.clone()) />
            <p class="no-print">
                <button type="button" class="primary" on:click=|_| { let _ = window().print(); }>"Print"</button>
                " The printout has the worksheet, then the answer key on a new page."
            </p>
            <p class="sheet-name">"Name: ______________________   Date: ____________"</p>
            <ol class="sheet">{sheet}</ol>
            <section class="answer-key" aria-labelledby="key-heading">
                <h2 id="key-heading">"Answer key"</h2>
                <ol>{key}</ol>
            </section>
        }
    }
}
