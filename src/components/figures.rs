//! The explainers' figures (`::figure id` in content). Each is a `<figure>`
//! with a caption and the facts as text: the diagrams are ordered lists laid
//! out by the stylesheet, so the picture and its text are one; the map is a
//! static SVG per round (drawn at build time by scripts/figures.mjs from the
//! same data) beside a table of the rounds.

use leptos::prelude::*;
use open_door_core::figures::{format_date, year_of, FigureId, REFERENCE};
use open_door_core::number::decimal;

use crate::components::markup::article_label;
use crate::components::tab_stop_while_scrolling;
use crate::content::figures;
use crate::router::A;

#[component]
pub fn Figure(id: FigureId) -> impl IntoView {
    match id {
        FigureId::EnlargementMap => view! { <EnlargementMap /> }.into_any(),
        FigureId::AccessionSteps => view! { <AccessionSteps /> }.into_any(),
        FigureId::Article5Path => view! { <Article5Path /> }.into_any(),
        FigureId::UkraineRoad => view! { <UkraineRoad /> }.into_any(),
    }
}

/// "Sources: the Kyiv visit report, reference facts": articles link to the
/// Sources reader.
#[component]
fn Sources(sources: Vec<String>) -> impl IntoView {
    let count = sources.len();
    let items = sources
        .into_iter()
        .enumerate()
        .map(|(i, source)| {
            let separator = if i + 1 < count { ", " } else { "" };
            let item = if source == REFERENCE {
                view! { <span>"the reference facts"</span> }.into_any()
            } else {
                view! { <A href=crate::paths::href(&format!("/sources/{source}"))>{article_label(&source)}</A> }.into_any()
            };
            view! { {item}{separator} }
        })
        .collect_view();
    view! { <span class="figure-sources">{if count == 1 { "Source: " } else { "Sources: " }}{items}</span> }
}

fn year_text(date: &str) -> String {
    year_of(date).map_or_else(|| date.to_string(), |y| y.to_string())
}

/// ", 1949 to 2024" for a caption, from the first and last dates shown.
fn year_span(first: Option<&String>, last: Option<&String>) -> String {
    match (first, last) {
        (Some(first), Some(last)) => format!(", {} to {}", year_text(first), year_text(last)),
        _ => String::new(),
    }
}

#[component]
fn EnlargementMap() -> impl IntoView {
    let data = &figures().enlargement;
    let last = data.rounds.len().saturating_sub(1);
    let (index, set_index) = signal(last);
    let year = move || year_text(&data.rounds[index.get()].date);
    let summary = move || data.summary(index.get());
    let joined = move || data.rounds[index.get()].members_text();
    let step = move |by: isize| set_index.update(|i| *i = i.saturating_add_signed(by).min(last));
    let caption = year_span(data.rounds.first().map(|r| &r.date), data.rounds.last().map(|r| &r.date));
    let scroller = NodeRef::new();
    tab_stop_while_scrolling(scroller);
    view! {
        <figure class="explainer-figure enlargement" id=FigureId::EnlargementMap.name() aria-labelledby="enlargement-caption">
            <figcaption id="enlargement-caption">{format!("NATO's members by the year they joined{caption}")}</figcaption>
            <div class="year-control">
                <label for="enlargement-year">"Year"</label>
                <input
                    id="enlargement-year"
                    type="range"
                    min="0"
                    max=last.to_string()
                    step="1"
                    prop:value=move || index.get().to_string()
                    // The year alone: the status below says the count and
                    // who joined, and said it twice with the count here too
                    // (found by a screen-reader walk).
                    aria-valuetext=year
                    on:input=move |ev| {
                        if let Some(i) = decimal(&event_target_value(&ev)) {
                            set_index.set(usize::try_from(i).unwrap_or(last).min(last));
                        }
                    }
                />
                // The two steps wrap together, under the slider on a phone:
                // apart, "Later" went under "Earlier", far from the slider's end.
                <span class="year-steps">
                    // Not `disabled`: a disabled button drops the focus of a student
                    // who pressed it to reach the first or last year.
                    <button type="button" class="button" on:click=move |_| step(-1) aria-disabled=move || (index.get() == 0).then_some("true")>
                        "Earlier"
                    </button>
                    <button type="button" class="button" on:click=move |_| step(1) aria-disabled=move || (index.get() == last).then_some("true")>
                        "Later"
                    </button>
                </span>
            </div>
            <p class="year-status" role="status">
                <strong>{summary}</strong>
                ". Joined in "{year}": "{joined}"."
            </p>
            <img
                class="map"
                src=move || crate::paths::href(&format!("/figures/enlargement-{}.svg", year()))
                width="640"
                height="560"
                alt=move || format!("Map of Europe in {}: members hatched, the year's new members dotted. The table below says who joined when.", year())
            />
            <ul class="legend">
                <li><span class="swatch joined" aria-hidden="true"></span>"Joined in "{year}" (dotted)"</li>
                <li><span class="swatch member" aria-hidden="true"></span>"Member before then (hatched)"</li>
                <li><span class="swatch other" aria-hidden="true"></span>"Not a member (plain)"</li>
            </ul>
            <p class="map-note">{data.map_note.clone()}</p>
            <div class="table-scroll" role="region" node_ref=scroller aria-labelledby="rounds-caption">
                <table class="rounds">
                    <caption id="rounds-caption">"Who joined when"</caption>
                    <thead>
                        <tr><th scope="col">"Joined"</th><th scope="col">"Countries"</th><th scope="col">"Total"</th></tr>
                    </thead>
                    <tbody>
                        {data.rounds.iter().enumerate().map(|(i, round)| view! {
                            <tr class:current=move || index.get() == i>
                                <th scope="row"><time datetime=round.date.clone()>{format_date(&round.date)}</time></th>
                                <td>
                                    <span class="members">{round.members_text()}</span>
                                    {round.note.clone().map(|note| view! { <span class="round-note">" "{note}</span> })}
                                    " "<Sources sources=round.sources.clone() />
                                </td>
                                <td>{data.members_after(i)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

/// One box of a step-by-step figure: the accession steps, the Article 5
/// path and the Ukraine road share this one shape and so one view.
struct Step {
    number: Option<usize>,
    /// A dated step: (machine-readable date, as people read it).
    when: Option<(String, String)>,
    title: String,
    text: String,
    one_ally_can_delay: bool,
    sources: Vec<String>,
    /// Worked examples: (country, date, what happened, sources).
    examples: Vec<(String, Option<String>, String, Vec<String>)>,
}

impl Step {
    fn new(title: &str, text: &str) -> Self {
        Self {
            number: None,
            when: None,
            title: title.to_string(),
            text: text.to_string(),
            one_ally_can_delay: false,
            sources: Vec::new(),
            examples: Vec::new(),
        }
    }
}

/// A figure whose picture is its list: `<ol>` boxes joined by arrows (or a
/// timeline line), drawn by the stylesheet; `after` follows the list.
fn step_figure(id: FigureId, caption: String, list_class: &'static str, steps: Vec<Step>, after: AnyView) -> impl IntoView {
    let caption_id = format!("{}-caption", id.name());
    let labelled_by = caption_id.clone();
    let items = steps
        .into_iter()
        .map(|step| {
            let examples = step
                .examples
                .into_iter()
                .map(|(country, date, text, sources)| {
                    view! {
                        <li>
                            <strong>{country}</strong>": "
                            {date.map(|d| view! { <time datetime=d.clone()>{format_date(&d)}</time>": " })}
                            {text}" "<Sources sources=sources />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class:delay=step.one_ally_can_delay>
                    {step.when.map(|(datetime, text)| view! { <p class="when"><time datetime=datetime>{text}</time></p> })}
                    <p class="step-title">
                        {step.number.map(|n| view! { <span class="step-number">{format!("Step {n}: ")}</span> })}
                        {step.title}
                    </p>
                    <p>
                        {step.text}
                        {(!step.sources.is_empty()).then(|| view! { " "<Sources sources=step.sources /> })}
                    </p>
                    {step.one_ally_can_delay.then(|| view! { <p class="delay-badge">"One ally can delay or block this step."</p> })}
                    <ul class="worked">{examples}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="explainer-figure" id=id.name() aria-labelledby=labelled_by>
            <figcaption id=caption_id>{caption}</figcaption>
            <ol class=list_class>{items}</ol>
            {after}
        </figure>
    }
}

#[component]
fn AccessionSteps() -> impl IntoView {
    let data = &figures().accession;
    let steps = data
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let number = i + 1;
            let examples = data
                .examples
                .iter()
                .flat_map(|x| x.events.iter().filter(move |e| e.step == number).map(move |e| (x, e)))
                .map(|(x, e)| (x.country.clone(), e.date.clone(), e.text.clone(), e.sources.clone()))
                .collect();
            Step { number: Some(number), one_ally_can_delay: step.one_ally_can_delay, examples, ..Step::new(&step.title, &step.text) }
        })
        .collect();
    let caption = "From invitation to membership: the five steps, with Finland and Sweden as worked examples".to_string();
    step_figure(FigureId::AccessionSteps, caption, "flow-steps", steps, ().into_any())
}

#[component]
fn Article5Path() -> impl IntoView {
    let data = &figures().article_5;
    let steps = data.steps.iter().enumerate().map(|(i, step)| Step { number: Some(i + 1), ..Step::new(&step.title, &step.text) }).collect();
    let after = view! {
        <div class="beside">
            <p class="step-title">{data.beside.title.clone()}</p>
            <p>{data.beside.text.clone()}</p>
        </div>
        <p class="invocation">
            <strong>"Article 5 invoked: "<time datetime=data.invocation.date.clone()>{format_date(&data.invocation.date)}</time>". "</strong>
            {data.invocation.text.clone()}" "
            <Sources sources=data.invocation.sources.clone() />
        </p>
    };
    let caption = "The Article 5 decision path, with Article 4 beside it".to_string();
    step_figure(FigureId::Article5Path, caption, "flow-steps", steps, after.into_any())
}

#[component]
fn UkraineRoad() -> impl IntoView {
    let events = &figures().ukraine_road;
    let span = year_span(events.first().map(|e| &e.date), events.last().map(|e| &e.date));
    let steps = events
        .iter()
        .map(|e| Step { when: Some((e.date.clone(), e.when())), sources: e.sources.clone(), ..Step::new(&e.title, &e.text) })
        .collect();
    step_figure(FigureId::UkraineRoad, format!("Ukraine's road to NATO{span}"), "timeline-events", steps, ().into_any())
}
