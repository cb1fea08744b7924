//! The unfinished quizzes, each with a link that resumes it: on the home
//! page, and on the quiz set-up, where the menu's "Quiz" leads a student
//! who left a quiz midway.

use leptos::prelude::*;

use crate::content::{bundle, now_ms};
use crate::router::A;
use crate::storage::use_progress;

/// An unfinished quiz's link: where it leads, what it says, how far it got.
pub struct ResumeLink {
    pub href: String,
    pub label: String,
    pub progress: String,
}

/// The unfinished quizzes' links, most recently played first. A timed
/// quiz's time can run out while they are on screen: a timer at the next
/// deadline reads them again then, so a link says where it now leads.
/// A plain reactive closure, not a `Memo`: the home page calls it twice
/// (its first button and the list), the list is short, and a `Memo` of
/// its type cost the page's module more code than it saves.
pub fn use_resume_links() -> impl Fn() -> Vec<ResumeLink> + Copy {
    let store = use_progress();
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
    move || {
        deadline_passed.track();
        let now = now_ms();
        store.progress.with(|p| {
            p.resumable()
                .into_iter()
                .map(|(_, s)| {
                    // Its time ran out while the student was away: the
                    // link leads to the results, which the page says.
                    let (action, progress) = if s.is_out_of_time(now) {
                        ("See the results", "the time is up".to_string())
                    } else {
                        ("Resume", format!("{} of {} answered", s.answered(), s.items.len()))
                    };
                    ResumeLink { href: s.href(), label: format!("{action}: {}", s.title(bundle())), progress }
                })
                .collect()
        })
    }
}

#[component]
pub fn UnfinishedQuizzes(links: impl Fn() -> Vec<ResumeLink> + Send + Sync + 'static) -> impl IntoView {
    move || {
        let open = links();
        (!open.is_empty()).then(|| {
            view! {
                <section aria-labelledby="resume-heading">
                    <h2 id="resume-heading">"Unfinished quizzes"</h2>
                    <ul class="resume-list">
                        {open.into_iter().map(|link| view! {
                            <li><A href=crate::paths::href(&link.href) attr:class="button">{link.label}</A>" "<span>{link.progress}</span></li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
