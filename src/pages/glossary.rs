use leptos::prelude::*;

use crate::components::bring_into_focus;
use crate::components::title::PageTitle;
use crate::content::reading_bundle;
use crate::router::use_location;

#[component]
pub fn Glossary() -> impl IntoView {
    // The term a link points to (`/glossary#veto`). The router changes the
    // URL without the browser's fragment navigation, so neither `:target`
    // nor the scroll to the term happen on their own: the page does both,
    // on a fresh load and on every link followed within the app.
    let hash = use_location().hash;
    let wanted = Memo::new(move |_| hash.with(|h| h.trim_start_matches('#').to_string()));
    Effect::new(move |_| {
        let id = wanted.get();
        if id.is_empty() {
            return;
        }
        // After the router's own scroll, which runs when it has changed the URL.
        bring_into_focus(id);
    });
    view! {
        <PageTitle text="Glossary" />
        <dl class="glossary">
            {reading_bundle().glossary_in_reading_order().into_iter().map(|t| {
                let id = t.id.clone();
                view! {
                    <dt id=t.id.clone() tabindex="-1" class:wanted=move || wanted.with(|w| *w == id)>{t.term.clone()}</dt>
                    <dd>{t.definition.clone()}</dd>
                }
            }).collect_view()}
        </dl>
    }
}
