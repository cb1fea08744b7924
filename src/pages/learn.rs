use leptos::prelude::*;

use crate::components::title::PageTitle;
use crate::content::reading_bundle;
use crate::router::A;

#[component]
pub fn Learn() -> impl IntoView {
    crate::components::followed_link::return_to_followed_link();
    view! {
        <PageTitle text="Learn" />
        <p>"Short explainers, each five minutes of reading, with a quiz at the end. They are in teaching order: each builds on the ones before it."</p>
        <p>"They quote five news texts from November 2022 to July 2023 by short names, such as “the AP report from Bucharest”, and the North Atlantic Treaty: all six are under " <A href=crate::paths::href("/sources")>"Sources"</A>", with what each says about itself."</p>
        <ul class="cards">
            {reading_bundle().explainers_in_teaching_order().into_iter().map(|e| view! {
                <li>
                    <h2><A href=crate::paths::href(&format!("/learn/{}", e.id))>{e.title.clone()}</A></h2>
                    <p>{e.summary.clone()}</p>
                </li>
            }).collect_view()}
        </ul>
        <p><A href=crate::paths::href("/glossary")>"Glossary of terms"</A></p>
    }
}
