//! One question on screen: real form controls in a fieldset whose legend is
//! the prompt, and feedback with its evidence.

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use open_door_core::content::{Question, QuestionKind};
use open_door_core::quiz::QuizItem;

use crate::components::markup::article_label;

/// The choices, in this quiz's order, with their controls. `answered` is
/// `Some` once an answer counts: the controls lock and show it.
#[component]
pub fn QuestionForm(
    question: &'static Question,
    item: QuizItem,
    answered: Signal<Option<Vec<usize>>>,
    /// Called with the answer as indices into `question.choices`.
    on_answer: Callback<Vec<usize>>,
    #[prop(into)] submit_label: String,
) -> impl IntoView {
    let is_order = question.kind == QuestionKind::Order;
    let selected = RwSignal::new(Vec::<usize>::new());
    let arrangement = RwSignal::new(item.choice_order.clone());
    let problem = RwSignal::new(None::<&'static str>);
    let locked = move || answered.with(Option::is_some);
    let group = format!("q-{}", question.id);

    let choose = move |choice: usize| {
        if locked() {
            return;
        }
        problem.set(None);
        selected.update(|s| {
            if question.kind == QuestionKind::Multiple {
                if let Some(at) = s.iter().position(|c| *c == choice) {
                    s.remove(at);
                } else {
                    s.push(choice);
                }
            } else {
                *s = vec![choice];
            }
        });
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if locked() {
            return;
        }
        let response = if is_order { arrangement.get_untracked() } else { selected.get_untracked() };
        if response.is_empty() {
            problem.set(Some("Choose an answer first."));
            return;
        }
        on_answer.run(response);
    };

    // Number keys pick the choice shown in that place, wherever focus is
    // (after a new question it is on its heading, not in the form).
    let order = item.choice_order.clone();
    let key_group = group.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if is_order || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_a_field() {
            return;
        }
        if let Some(place) = ev.key().parse::<usize>().ok().filter(|n| (1..=order.len()).contains(n)) {
            ev.prevent_default();
            choose(order[place - 1]);
            focus_choice(&format!("{key_group}-{}", order[place - 1]));
        }
    });
    on_cleanup(move || keys.remove());

    let controls = if is_order {
        order_list(question, arrangement, Signal::derive(locked)).into_any()
    } else {
        choice_list(question, &item, selected, answered, choose).into_any()
    };

    view! {
        <form class="question" on:submit=submit>
            <fieldset disabled=locked>
                <legend>{question.prompt.clone()}</legend>
                <p class="kind">
                    {question.kind.label()}
                    {(!is_order).then_some(" Number keys choose; Enter submits.")}
                </p>
                {controls}
            </fieldset>
            <p class="problem" role="alert">{move || problem.get()}</p>
            <Show when=move || !locked()>
                <button type="submit" class="primary">{submit_label.clone()}</button>
            </Show>
        </form>
    }
}

/// Whether the key goes to a text field or a list box, which own their keys.
pub fn typing_in_a_field() -> bool {
    document().active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") && el.get_attribute("type").is_none_or(|t| !matches!(t.as_str(), "radio" | "checkbox")))
}

fn focus_choice(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

fn choice_list(
    question: &'static Question,
    item: &QuizItem,
    selected: RwSignal<Vec<usize>>,
    answered: Signal<Option<Vec<usize>>>,
    choose: impl Fn(usize) + Copy + 'static,
) -> impl IntoView {
    let input_type = if question.kind == QuestionKind::Multiple { "checkbox" } else { "radio" };
    let group = format!("q-{}", question.id);
    item.choice_order
        .iter()
        .enumerate()
        .map(|(place, &choice)| {
            let id = format!("{group}-{choice}");
            let checked = move || {
                answered.with(|a| a.as_ref().map_or_else(|| selected.with(|s| s.contains(&choice)), |a| a.contains(&choice)))
            };
            view! {
                <div class="choice">
                    <input
                        type=input_type
                        id=id.clone()
                        name=group.clone()
                        value=choice.to_string()
                        prop:checked=checked
                        on:change=move |_| choose(choice)
                    />
                    <label for=id>
                        <span class="key" aria-hidden="true">{place + 1}</span>
                        {question.choices[choice].clone()}
                    </label>
                </div>
            }
        })
        .collect_view()
}

/// An ordering list: each item moves with its own buttons, so it works by
/// keyboard and screen reader without drag and drop.
fn order_list(question: &'static Question, arrangement: RwSignal<Vec<usize>>, locked: Signal<bool>) -> impl IntoView {
    let shift = move |place: usize, up: bool| {
        arrangement.update(|a| {
            let other = if up { place.checked_sub(1) } else { Some(place + 1).filter(|p| *p < a.len()) };
            if let Some(other) = other {
                a.swap(place, other);
            }
        });
    };
    view! {
        <ol class="order-list">
            {move || {
                let current = arrangement.get();
                let last = current.len() - 1;
                current
                    .into_iter()
                    .enumerate()
                    .map(|(place, choice)| {
                        let text = question.choices[choice].clone();
                        view! {
                            <li>
                                <span class="order-text">{text.clone()}</span>
                                <span class="order-buttons">
                                    <button type="button" disabled=move || locked.get() || place == 0
                                        aria-label=format!("Move up: {text}") on:click=move |_| shift(place, true)>"↑"</button>
                                    <button type="button" disabled=move || locked.get() || place == last
                                        aria-label=format!("Move down: {text}") on:click=move |_| shift(place, false)>"↓"</button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}

/// Right or wrong in words and an icon, the explanation, and the evidence
/// quote linked to its place in the article.
#[component]
pub fn Feedback(question: &'static Question, response: Vec<usize>, node_ref: NodeRef<html::Div>) -> impl IntoView {
    let correct = question.is_correct(&response);
    let right_answer = question.right_answer_text();
    view! {
        <div class="feedback" class:right=correct class:wrong=!correct tabindex="-1" node_ref=node_ref>
            <p class="verdict">
                <span class="icon" aria-hidden="true">{if correct { "✓" } else { "✗" }}</span>
                {if correct { " Right." } else { " Not quite." }}
            </p>
            {(!correct).then(|| view! { <p><strong>"The answer: "</strong>{right_answer}</p> })}
            <p>{question.explanation.clone()}</p>
            <Evidence question=question />
        </div>
    }
}

/// The evidence quote, cited and linked to the highlighted passage.
#[component]
pub fn Evidence(question: &'static Question) -> impl IntoView {
    let href = crate::paths::href(&format!("/sources/{}?q={}#evidence", question.article, question.id));
    view! {
        <figure class="evidence">
            <blockquote>
                <p>{question.evidence.clone()}</p>
            </blockquote>
            <figcaption>
                "From "
                <cite><A href=href>{article_label(&question.article)}</A></cite>
            </figcaption>
        </figure>
        {question.since.as_ref().map(|since| view! {
            <aside class="since" aria-label="Since the article">
                <p><strong>{format!("Since then ({}): ", human_date(&since.date))}</strong>{since.note.clone()}</p>
            </aside>
        })}
    }
}

/// "2024-03-07" -> "7 March 2024".
pub fn human_date(iso: &str) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u8>()) {
            (Ok(m), Ok(d)) if (1..=12).contains(&m) => format!("{d} {} {y}", MONTHS[m - 1]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}
