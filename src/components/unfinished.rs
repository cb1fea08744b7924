//! The unfinished quizzes, each with a link that resumes it: on the home
//! page, and on the quiz set-up, where the menu's "Quiz" leads a student
//! who left a quiz midway.

use leptos::prelude::*;

use crate::content::bundle;
use crate::router::A;
use crate::storage::use_progress;

#[component]
pub fn UnfinishedQuizzes() -> impl IntoView {
    let store = use_progress();
    let resumable = move || {
        store.progress.with(|p| {
            p.resumable()
                .into_iter()
                .map(|(_, s)| (s.href(), s.title(bundle()), format!("{} of {} answered", s.answered(), s.items.len())))
                .collect::<Vec<_>>()
        })
    };
    move || {
        let open = resumable();
        (!open.is_empty()).then(|| view! {
            <section aria-labelledby="resume-heading">
                <h2 id="resume-heading">"Unfinished quizzes"</h2>
                <ul class="resume-list">
                    {open.into_iter().map(|(href, title, progress)| view! {
                        <li><A href=crate::paths::href(&href) attr:class="button">{format!("Resume: {title}")}</A>" "<span>{progress}</span></li>
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}
