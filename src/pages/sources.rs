use leptos::prelude::*;
use open_door_core::content::{locate_quote, Article, TextBlock, GAP};
use open_door_core::route::Page;

use crate::components::bring_into_focus;
use crate::components::question::back_from_evidence;
use crate::components::title::PageTitle;
use crate::content::{bundle, sources_bundle};
use crate::pages::not_found::NotFound;
use crate::pages::quiz_setup::capitalise;
use crate::router::{use_location, use_query_value, A};

#[component]
pub fn SourceList() -> impl IntoView {
    view! {
        <PageTitle text="Sources" />
        <p>"The five news texts and the treaty the quiz is drawn from, oldest first. Each shows only what the text itself says about where it comes from."</p>
        <ul class="cards">
            {sources_bundle().articles_by_date().into_iter().map(|a| view! {
                <li>
                    <h2><A href=crate::paths::href(&format!("/sources/{}", a.id))>{capitalise(&a.label)}</A></h2>
                    <p>{a.headline.clone().unwrap_or_else(|| "No headline in the text.".into())}</p>
                    <p class="meta">{format!("{} · {}", a.place, a.date_inferred)}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn SourceReader() -> impl IntoView {
    let page = use_location().page;
    let question = use_query_value("q");
    move || {
        let Page::Source(id) = page.get() else { return view! { <NotFound /> }.into_any() };
        // The article's body is in the reading part of the content.
        let Some(article) = sources_bundle().article(&id) else { return view! { <NotFound /> }.into_any() };
        let evidence = question.get().and_then(|q| bundle().question(q.as_str())).filter(|q| q.article == article.id);
        let highlight = evidence.map(|q| q.evidence.clone());
        view! { <Reader article=article highlight=highlight from_question=evidence.map(|q| q.id.as_str()) /> }.into_any()
    }
}

#[component]
fn Reader(article: &'static Article, highlight: Option<String>, from_question: Option<&'static str>) -> impl IntoView {
    let back_link = move || from_question.and_then(back_from_evidence);
    // Marked once, where it first stands (a pack's text may hold it twice).
    let mut marked = false;
    let blocks = article
        .blocks()
        .map(|block| {
            let found = highlight.as_deref().filter(|_| !marked).and_then(|h| locate_quote(block.text(), h));
            marked |= found.is_some();
            match (block, found) {
                // The evidence, in the paragraph that holds it (core's content
                // tests keep each within one), and the way back again right
                // after it, which the page opens on: on a phone the link above
                // it is off the screen. Together in a box, which on a phone
                // holds the way back at the foot of the screen while the
                // paragraph is read (pages.css).
                (block, Some(range)) => {
                    let p = block.text();
                    view! {
                        <div class="evidence-paragraph">
                            <p>
                                {p[..range.start].to_string()}
                                <mark id="evidence" tabindex="-1">{p[range.clone()].to_string()}</mark>
                                {p[range.end..].to_string()}
                            </p>
                            {back_link().map(|link| view! { <p class="evidence-back">{link}</p> })}
                        </div>
                    }
                    .into_any()
                }
                (TextBlock::Heading(heading), None) => view! { <h2>{heading.to_string()}</h2> }.into_any(),
                (TextBlock::Paragraph(p), None) => view! { <p>{p.to_string()}</p> }.into_any(),
            }
        })
        .collect_view();
    if highlight.is_some() {
        bring_into_focus("evidence");
    }
    // The way back goes back where the quiz opened this page: the
    // article's own listener runs before the router's, on the window,
    // which then leaves the click alone (Leptos's event delegation, which
    // would run them the other way round, is off).
    view! {
        <article class="source" on:click=crate::router::back_when_opened_from>
            <PageTitle text=capitalise(&article.label) />
            <dl class="meta">
                <dt>"Headline"</dt>
                <dd>{article.headline.clone().unwrap_or_else(|| "The text prints no headline.".into())}</dd>
                <dt>"Outlet"</dt>
                <dd>{article.outlet.clone().unwrap_or_else(|| "The text names no outlet.".into())}</dd>
                <dt>"Date"</dt>
                <dd>{format!("The text says {}; {}.", article.date_cue, article.date_inferred)}</dd>
                <dt>"Place"</dt>
                <dd>{article.place.clone()}</dd>
                <dt>"About this copy"</dt>
                <dd>{article.provenance.clone()}</dd>
                {(!article.record_notes.is_empty()).then(|| view! {
                    <dt>"Checked against the record"</dt>
                    <dd><ul class="record-notes">{article.record_notes.iter().map(|note| view! { <li>{note.clone()}</li> }).collect_view()}</ul></dd>
                })}
            </dl>
            {highlight.is_some().then(|| view! {
                <p class="hint">
                    "The highlighted passage is the evidence for the question you came from."
                    {back_link().map(|link| view! { " " {link} })}
                </p>
            })}
            {article.paragraphs().any(|p| p == GAP).then(|| view! {
                <p class="hint">"This copy came with a class link, which carries only the paragraphs its questions quote: “[…]” marks what was left out."</p>
            })}
            <div class="article-text">{blocks}</div>
        </article>
    }
}
