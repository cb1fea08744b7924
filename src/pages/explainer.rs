use leptos::prelude::*;
use open_door_core::route::Page;

use crate::components::markup::{article_label, Blocks};
use crate::components::title::PageTitle;
use open_door_core::quiz::QuizSpec;

use crate::content::reading_bundle;
use crate::pages::not_found::NotFound;
use crate::router::{use_location, A};

#[component]
pub fn ExplainerPage() -> impl IntoView {
    let page = use_location().page;
    move || {
        let Page::Explainer(id) = page.get() else { return view! { <NotFound /> }.into_any() };
        crate::components::followed_link::return_to_followed_link();
        let Some(explainer) = reading_bundle().explainer(&id) else { return view! { <NotFound /> }.into_any() };
        let quiz = QuizSpec::on_topic(&explainer.topic, 0).unseeded_href();
        view! {
            <article class="explainer">
                <PageTitle text=explainer.title.clone() />
                <p class="lead">{explainer.summary.clone()}</p>
                <Blocks blocks=explainer.blocks.clone() />
                <section class="cited" aria-labelledby="sources-heading">
                    <h2 id="sources-heading">"Sources this page draws on"</h2>
                    <ul>
                        {explainer.sources.iter().map(|s| view! {
                            <li><A href=crate::paths::href(&format!("/sources/{s}"))>{article_label(s)}</A></li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="test-yourself" aria-labelledby="test-heading">
                    <h2 id="test-heading">"Test yourself"</h2>
                    <p><A href=crate::paths::href(&quiz) attr:class="button primary">"Start a 10-question quiz on this topic"</A></p>
                </section>
                // The Learn page says each builds on the ones before: the
                // page leads on to the next, as a reader of a booklet turns it.
                {reading_bundle().explainer_after(&explainer.id).map(|next| view! {
                    <p class="next-explainer">"Next: " <A href=crate::paths::href(&format!("/learn/{}", next.id))>{next.title.clone()}</A></p>
                })}
            </article>
        }
        .into_any()
    }
}
