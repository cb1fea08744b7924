use leptos::prelude::*;

use crate::storage::use_progress;

/// Tells the student what happened to saved progress (reset, read-only, not
/// saved), once, above every page.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let store = use_progress();
    let dismiss = move |_| store.notices.set(Vec::new());
    view! {
        <Show when=move || store.notices.with(|n| !n.is_empty())>
            <section class="notice" aria-label="About your saved progress">
                <ul>
                    {move || store.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" on:click=dismiss>"OK, hide this"</button>
            </section>
        </Show>
    }
}
