//! "A new version is ready: reload". The service worker installs a new
//! build beside the old one; the app changes only when the student says so,
//! never under them mid-quiz (public/register-sw.js does the worker side).

use leptos::prelude::*;

const READY_EVENT: &str = "open-door-update-ready";
const APPLY_EVENT: &str = "open-door-apply-update";

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let already_waiting =
        document().document_element().and_then(|root| root.get_attribute("data-update-ready")).is_some_and(|v| v == "true");
    let ready = RwSignal::new(already_waiting);
    let listener = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new(READY_EVENT), move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    // Where nothing is saved (storage blocked or full), the reload would
    // lose the answers: said before it, not "Your progress is kept".
    let store = crate::storage::use_progress();
    let saved = move || store.persistence.get() == crate::storage::Persistence::Device;
    let apply = move |_| {
        if let Ok(event) = web_sys::Event::new(APPLY_EVENT) {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <div role="status" class="update-status">
            <Show when=move || ready.get()>
                <p class="notice update">
                    {move || if saved() {
                        "A new version of Open Door is ready. Your progress is kept. "
                    } else {
                        "A new version of Open Door is ready. This browser is not saving your progress, so reloading loses it: finish and hand in first. "
                    }}
                    <button type="button" on:click=apply>"Reload to update"</button>
                </p>
            </Show>
        </div>
    }
}
