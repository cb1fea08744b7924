use leptos::prelude::*;
use open_door_core::link::QuizLink;

use crate::router::A;
use crate::storage::use_progress;

/// Tells the student what happened to saved progress (reset, read-only, not
/// saved, erased), once, above every page.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let store = use_progress();
    // The button goes with the notice: the page's content takes the focus,
    // not nothing.
    let dismiss = move |_| {
        store.notices.set(Vec::new());
        crate::router::focus_main();
    };
    view! {
        // A live region that is always there, so that a notice that comes
        // later (storage full mid-quiz, the data erased) is read out: one
        // that comes with its words often is not.
        <div role="status" class="notices">
            <Show when=move || store.notices.with(|n| !n.is_empty())>
                <section class="notice" aria-label="About your saved progress">
                    <ul>
                        {move || store.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                    <button type="button" id=DISMISS_NOTICES on:click=dismiss>"OK, hide this"</button>
                </section>
            </Show>
        </div>
    }
}

/// The storage notices' "OK, hide this", which takes the focus where a
/// notice answers what the student did (erasing their data).
pub const DISMISS_NOTICES: &str = "dismiss-notices";

/// Says what had to be changed to run a quiz link (a part garbled, a
/// question no longer in the bank), on every page that opens one.
#[component]
pub fn LinkNotices(#[prop(into)] link: Signal<QuizLink>) -> impl IntoView {
    view! {
        <Show when=move || link.with(|l| !l.notices().is_empty())>
            <section class="notice" aria-label="About this link">
                <p>"This link was not quite right, so the quiz was adjusted:"</p>
                <ul>{move || link.with(|l| l.notices().iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}</ul>
            </section>
        </Show>
    }
}

/// A link cut short or changed since the app made it (see
/// [`QuizLink::is_cut`]): refused, rather than run as a quiz nobody made,
/// whose result would not count with the class's.
#[component]
pub fn CutLink() -> impl IntoView {
    view! {
        <section class="cut-link" aria-labelledby="cut-link-heading">
            <h2 id="cut-link-heading">"This link is not whole"</h2>
            <p>"Part of it was lost or changed on the way, perhaps when it was copied, so it would not give the quiz it was made for."</p>
            <p>"Ask for the whole link again, or scan its QR code."</p>
            <p><A href=crate::paths::href("/quiz")>"Or choose another quiz"</A></p>
        </section>
    }
}
