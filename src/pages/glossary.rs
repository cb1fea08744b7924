use leptos::prelude::*;

use crate::components::title::PageTitle;
use crate::content::bundle;

#[component]
pub fn Glossary() -> impl IntoView {
    let mut terms: Vec<_> = bundle().glossary.iter().collect();
    terms.sort_by_key(|t| t.term.to_lowercase());
    view! {
        <PageTitle text="Glossary" />
        <dl class="glossary">
            {terms.into_iter().map(|t| view! {
                <dt id=t.id.clone()>{t.term.clone()}</dt>
                <dd>{t.definition.clone()}</dd>
            }).collect_view()}
        </dl>
    }
}
