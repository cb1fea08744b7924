//! Renders parsed content markup as elements: content is never HTML.

use leptos::prelude::*;
use open_door_core::markup::{Block, Inline, LinkTarget};
use open_door_core::quiz::QuizSpec;

use crate::components::figures::Figure;
use crate::content::bundle;
use crate::router::A;

#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block).collect_view()
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Heading { level: 2, text } => view! { <h2>{inlines(text)}</h2> }.into_any(),
        Block::Heading { text, .. } => view! { <h3>{inlines(text)}</h3> }.into_any(),
        Block::Paragraph(text) => view! { <p>{inlines(text)}</p> }.into_any(),
        Block::List { numbered: true, items } => {
            view! { <ol>{items.into_iter().map(|i| view! { <li>{inlines(i)}</li> }).collect_view()}</ol> }.into_any()
        }
        Block::List { numbered: false, items } => {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{inlines(i)}</li> }).collect_view()}</ul> }.into_any()
        }
        Block::Quote { text, cite } => view! {
            <figure class="treaty-quote">
                <blockquote><p>{inlines(text)}</p></blockquote>
                {cite.map(|c| view! { <figcaption><cite>{c}</cite></figcaption> })}
            </figure>
        }
        .into_any(),
        Block::Figure(id) => view! { <Figure id=id /> }.into_any(),
    }
}

pub fn inlines(items: Vec<Inline>) -> impl IntoView {
    items
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(t) => t.into_any(),
            Inline::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
            Inline::Emphasis(t) => view! { <em>{t}</em> }.into_any(),
            Inline::Link { text, target } => view! { <A href=crate::paths::href(&app_path(&target))>{text}</A> }.into_any(),
        })
        .collect_view()
}

/// The app path a content link points to.
pub fn app_path(target: &LinkTarget) -> String {
    match target {
        LinkTarget::Glossary(id) => format!("/glossary#{id}"),
        LinkTarget::Source(id) => format!("/sources/{id}"),
        LinkTarget::Explainer(id) => format!("/learn/{id}"),
        // A fresh shuffle each time it is followed: the play page fixes it.
        LinkTarget::QuizOnTopic(id) => QuizSpec::on_topic(id, 0).unseeded_href(),
    }
}

/// An article's label, as questions name it ("the AP report from Bucharest").
pub fn article_label(id: &str) -> String {
    bundle().article(id).map_or_else(|| format!("article {id}"), |a| a.label.clone())
}
