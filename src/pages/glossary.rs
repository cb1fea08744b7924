use leptos::prelude::*;

use crate::components::title::PageTitle;
use crate::content::bundle;

#[component]
pub fn Glossary() -> impl IntoView {
    view! {
        <PageTitle text="Glossary" />
        <dl class="glossary">
            {bundle().glossary_in_reading_order().into_iter().map(|t| view! {
                <dt id=t.id.clone()>{t.term.clone()}</dt>
                <dd>{t.definition.clone()}</dd>
            }).collect_view()}
        </dl>
    }
}
