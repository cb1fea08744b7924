//! The unfinished quizzes, each with a link that resumes it: on the home
//! page, and on the quiz set-up, where the menu's "Quiz" leads a student
//! who left a quiz midway.

use leptos::prelude::*;

use crate::content::{bundle, now_ms};
use crate::router::A;
use crate::storage::use_progress;

#[component]
pub fn UnfinishedQuizzes() -> impl IntoView {
    let store = use_progress();
    // A timed quiz's time can run out while the list is on screen: a timer
    // at the next deadline reads it again then, so its link says where it
    // now leads.
    let deadline_passed = Trigger::new();
    Effect::new(move |_| {
        deadline_passed.track();
        let now = now_ms();
        let next_deadline = store
            .progress
            .with(|p| p.resumable().into_iter().filter_map(|(_, s)| s.deadline_ms()).filter(|&deadline| deadline > now).reduce(f64::min));
        if let Some(deadline) = next_deadline {
            let wait = std::time::Duration::from_millis((deadline - now).ceil() as u64);
            if let Ok(handle) = set_timeout_with_handle(move || deadline_passed.notify(), wait) {
                on_cleanup(move || handle.clear());
            }
        }
    });
    let resumable = move || {
        deadline_passed.track();
        let now = now_ms();
        store.progress.with(|p| {
            p.resumable()
                .into_iter()
                .map(|(_, s)| {
                    // Its time ran out while the student was away: the
                    // link leads to the results, which the page says.
                    let (action, state) = if s.is_out_of_time(now) {
                        ("See the results", "the time is up".to_string())
                    } else {
                        ("Resume", format!("{} of {} answered", s.answered(), s.items.len()))
                    };
                    (s.href(), format!("{action}: {}", s.title(bundle())), state)
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        let open = resumable();
        (!open.is_empty()).then(|| {
            view! {
                <section aria-labelledby="resume-heading">
                    <h2 id="resume-heading">"Unfinished quizzes"</h2>
                    <ul class="resume-list">
                        {open.into_iter().map(|(href, label, progress)| view! {
                            <li><A href=crate::paths::href(&href) attr:class="button">{label}</A>" "<span>{progress}</span></li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
