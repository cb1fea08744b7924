//! One question on screen: real form controls in a fieldset whose legend is
//! the prompt, and feedback with its evidence.

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use open_door_core::content::{ChoiceMark, Question, QuestionKind};
use open_door_core::figures::format_date;
use open_door_core::progress::Progress;
use open_door_core::quiz::{choice_letter, choice_place, is_possible_answer, QuizItem, QuizSession};

use crate::components::markup::article_label;
use crate::router::A;

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
    /// What the student has picked and not yet submitted (an order once
    /// moved): shown as picked when the form is drawn, and kept as it
    /// changes.
    #[prop(optional)]
    picked: RwSignal<Option<Vec<usize>>>,
) -> impl IntoView {
    let is_order = question.kind == QuestionKind::Order;
    let earlier = picked.get_untracked().filter(|response| is_possible_answer(question, response));
    let selected = RwSignal::new(earlier.clone().filter(|_| !is_order).unwrap_or_default());
    let arrangement = RwSignal::new(earlier.filter(|_| is_order).unwrap_or_else(|| item.choice_order.clone()));
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
        picked.set(selected.with_untracked(|s| (!s.is_empty()).then(|| s.clone())));
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
        // The answer locks the fieldset. A choice that has the focus then
        // would be disabled under it, and the browser would restyle the
        // page at once to find where the focus goes: moved off it first,
        // that waits for the answer's own restyle. The feedback, or the
        // next question, takes the focus after.
        if let Some(focused) = document().active_element().filter(|el| el.closest("fieldset").ok().flatten().is_some()) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(focused).blur();
        }
        on_answer.run(response);
    };

    // Letter keys pick the choice lettered so, and Enter submits, wherever
    // the focus is but on another control (after a new question it is on
    // its heading, not in the form, where Enter would do nothing): as the
    // form's hint says.
    let order = item.choice_order.clone();
    let key_group = group.clone();
    let form_ref = NodeRef::<html::Form>::new();
    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if typing_in_a_field() {
            return;
        }
        note_keyboard();
        if is_order || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if ev.key() == "Enter" {
            // A control handles Enter itself (a choice submits the form).
            if let Some(form) = form_ref.get_untracked().filter(|_| !focus_on_control() && !answered.with_untracked(Option::is_some)) {
                ev.prevent_default();
                let _ = form.request_submit();
            }
            return;
        }
        // Not on a control outside the form (the menu's, a link): a letter
        // pressed there must neither pick a choice nor pull the focus away
        // (WCAG 2.1.4, found by a keyboard walk).
        let on_other_control =
            || focus_on_control() && !form_ref.get_untracked().is_some_and(|form| form.contains(document().active_element().as_deref()));
        if let Some(&choice) = choice_place(&ev.key()).and_then(|place| order.get(place)).filter(|_| !on_other_control()) {
            ev.prevent_default();
            choose(choice);
            focus_choice(&format!("{key_group}-{choice}"));
        }
    });
    on_cleanup(move || keys.remove());

    let controls = if is_order {
        order_list(question, arrangement, answered, picked).into_any()
    } else {
        choice_list(question, &item, selected, answered, choose).into_any()
    };

    view! {
        <form class="question" on:submit=submit node_ref=form_ref>
            <fieldset disabled=locked>
                <legend>{question.prompt.clone()}</legend>
                <p class="kind">
                    {question.kind.label()}
                    {(!is_order).then(|| view! { <span class="key-hint">" Letter keys choose; Enter submits."</span> })}
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

/// Marks the page as used with a keyboard, which shows the keyboard hints
/// (style.css shows them anyway where the pointer is fine, as with a mouse;
/// a tablet with a keyboard has a coarse pointer but still sends keys).
fn note_keyboard() {
    super::mark_root("data-keyboard", true);
}

/// Whether focus is on a control that handles Enter itself.
pub fn focus_on_control() -> bool {
    document().active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A" | "INPUT" | "SELECT" | "SUMMARY"))
}

/// Whether the key goes to a text field or a list box, which own their keys.
pub fn typing_in_a_field() -> bool {
    document().active_element().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
            && el.get_attribute("type").is_none_or(|t| !matches!(t.as_str(), "radio" | "checkbox"))
    })
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
            let checked =
                move || answered.with(|a| a.as_ref().map_or_else(|| selected.with(|s| s.contains(&choice)), |a| a.contains(&choice)));
            let mark = move || answered.with(|a| a.as_ref().map(|response| question.choice_marks(response)[choice]));
            view! {
                <div
                    class="choice"
                    class:chosen-right=move || mark().is_some_and(|m| m.chosen && m.right)
                    class:chosen-wrong=move || mark().is_some_and(|m| m.chosen && !m.right)
                    class:missed=move || mark().is_some_and(|m| !m.chosen && m.right)
                >
                    <input
                        type=input_type
                        id=id.clone()
                        name=group.clone()
                        value=choice.to_string()
                        prop:checked=checked
                        on:change=move |_| choose(choice)
                    />
                    <label for=id>
                        <span class="key" aria-hidden="true">{choice_letter(place)}</span>
                        {question.choices[choice].clone()}
                        {move || mark().map(choice_badges)}
                    </label>
                </div>
            }
        })
        .collect_view()
}

/// The words on a checked choice, inside its label so screen readers read
/// them with it. A tick means "the right answer", a cross "a wrong pick";
/// colour only repeats them.
fn choice_badges(mark: ChoiceMark) -> impl IntoView {
    view! {
        <span class="marks">
            {mark.chosen.then(|| view! {
                <span class="badge yours" class:wrong-pick=!mark.right>
                    {(!mark.right).then(|| view! { <span class="icon" aria-hidden="true">"✗ "</span> })}
                    "Your answer"
                </span>
            })}
            {mark.right.then(|| view! {
                <span class="badge right-answer"><span class="icon" aria-hidden="true">"✓ "</span>"Right answer"</span>
            })}
        </span>
    }
}

/// An ordering list: each item moves with its own buttons, so it works by
/// keyboard and screen reader without drag and drop. Once answered it shows
/// the order given, each place marked right or with the place it belongs in.
fn order_list(
    question: &'static Question,
    arrangement: RwSignal<Vec<usize>>,
    answered: Signal<Option<Vec<usize>>>,
    picked: RwSignal<Option<Vec<usize>>>,
) -> impl IntoView {
    let list = NodeRef::<html::Ol>::new();
    let moved = RwSignal::new(String::new());
    let shift = move |place: usize, up: bool| {
        let len = arrangement.with_untracked(Vec::len);
        let Some(to) = (if up { place.checked_sub(1) } else { Some(place + 1).filter(|p| *p < len) }) else { return };
        arrangement.update(|a| a.swap(place, to));
        picked.set(Some(arrangement.get_untracked()));
        let text = arrangement.with_untracked(|a| question.choices[a[to]].clone());
        moved.set(format!("{text}: now in place {} of {len}.", to + 1));
        // The rows are drawn again in place, so the focus would stay in
        // this row, on the item that took its place: it follows the moved
        // item instead, to the same button unless that end is reached, so
        // pressing again moves it on.
        request_animation_frame(move || {
            let Some(list) = list.try_get_untracked().flatten() else { return };
            let at_end = if up { to == 0 } else { to + 1 == len };
            // The row's buttons: 1 moves up, 2 moves down.
            let button = if up != at_end { 1 } else { 2 };
            let selector = format!("li:nth-child({}) .order-buttons button:nth-child({button})", to + 1);
            if let Some(button) =
                list.query_selector(&selector).ok().flatten().and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
            {
                let _ = button.focus();
            }
        });
    };
    view! {
        <p role="status" aria-live="polite" class="visually-hidden order-status">{move || moved.get()}</p>
        <ol class="order-list" node_ref=list>
            {move || {
                if let Some(response) = answered.get() {
                    let misplacements = question.misplacements(&response);
                    return response
                        .into_iter()
                        .zip(misplacements)
                        .map(|(choice, misplaced)| {
                            view! {
                                <li class:chosen-right=misplaced.is_none() class:chosen-wrong=misplaced.is_some()>
                                    <span class="order-text">{question.choices[choice].clone()}</span>
                                    <span class="marks">
                                        {match misplaced {
                                            None => view! { <span class="badge right-answer"><span class="icon" aria-hidden="true">"✓ "</span>"Right place"</span> }.into_any(),
                                            Some(belongs) => view! {
                                                <span class="badge wrong-pick"><span class="icon" aria-hidden="true">"✗ "</span>{format!("Belongs in place {}", belongs + 1)}</span>
                                            }.into_any(),
                                        }}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any();
                }
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
                                    <button type="button" disabled=place == 0
                                        aria-label=format!("Move up: {text}") on:click=move |_| shift(place, true)>"↑"</button>
                                    <button type="button" disabled=place == last
                                        aria-label=format!("Move down: {text}") on:click=move |_| shift(place, false)>"↓"</button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </ol>
    }
}

/// Right or wrong in words and an icon, the explanation, and the evidence
/// quote linked to its place in the article. When it appears it takes focus
/// and is scrolled into view with the control that follows it (Next).
#[component]
pub fn Feedback(question: &'static Question, response: Vec<usize>, node_ref: NodeRef<html::Div>) -> impl IntoView {
    let correct = question.is_correct(&response);
    let right_answer = question.right_answer_text();
    // Deferred work finds the screen gone when another tab moved the quiz
    // on meanwhile: hence `try_get`.
    request_animation_frame(move || {
        if let Some(feedback) = node_ref.try_get_untracked().flatten() {
            bring_into_view(&feedback);
        }
    });
    view! {
        <div class="feedback" class:right=correct class:wrong=!correct tabindex="-1" node_ref=node_ref>
            <p class="verdict" id="feedback-verdict">
                <span class="icon" aria-hidden="true">{if correct { "✓" } else { "✗" }}</span>
                {if correct { " Right." } else { " Not quite." }}
            </p>
            {(!correct).then(|| view! { <p><strong>"The answer: "</strong>{right_answer}</p> })}
            <p id="feedback-explanation">{question.explanation.clone()}</p>
            <Evidence question=question />
        </div>
    }
}

/// Focuses the feedback and scrolls it into view with the element after it
/// (the button that moves on): on a phone they are below the choices, out
/// of sight. If both do not fit, the feedback's start is shown (on a phone
/// the button then stays at the screen's foot, style.css).
fn bring_into_view(feedback: &web_sys::HtmlElement) {
    const MARGIN: f64 = 8.0;
    // Named by its verdict and described by the right answer, where it was
    // missed (an explanation need not name it: found by a screen-reader
    // walk), and the explanation, so that a screen reader says them as it
    // takes focus, whatever it does with a focused element of no role. Set
    // here rather than in the view, where three more attributes cost a
    // further 0.1 KB of the first load, and the right answer's id 0.3 KB:
    // it is the paragraph between the verdict and the explanation.
    let missed = feedback.query_selector("#feedback-verdict + p:not(#feedback-explanation)").ok().flatten();
    if let Some(right_answer) = &missed {
        right_answer.set_id("feedback-answer");
    }
    let described_by = if missed.is_some() { "feedback-answer feedback-explanation" } else { "feedback-explanation" };
    for (name, value) in [("role", "group"), ("aria-labelledby", "feedback-verdict"), ("aria-describedby", described_by)] {
        let _ = feedback.set_attribute(name, value);
    }
    super::focus_in_place(feedback);
    let window = window();
    let Some(viewport) = window.inner_height().ok().and_then(|height| height.as_f64()) else { return };
    // Room kept above it (style.css: more when a sticky time limit is shown).
    let room_above = super::computed_px(feedback, "scroll-margin-top").unwrap_or(MARGIN);
    let frame = feedback.get_bounding_client_rect();
    // The button's own place, whether or not it is stuck to the screen.
    let after = feedback.next_element_sibling().map_or(0.0, |next| next.get_bounding_client_rect().height() + 2.0 * MARGIN);
    let (top, bottom) = (frame.top() - room_above, frame.bottom() + after + MARGIN);
    let by = if bottom - top > viewport || top < 0.0 {
        top
    } else if bottom > viewport {
        bottom - viewport
    } else {
        return;
    };
    // At once, not gliding (the stylesheet sets no smooth scrolling): a
    // glide carried "Next question" away from under a press made while it
    // ran (seen on a slowed CPU), and that press was lost. Scrolled before
    // the first paint of the feedback, nothing the student can see moves
    // under their finger.
    window.scroll_by_with_x_and_y(0.0, by);
}

/// The way back from a question's evidence to the quiz on this device that
/// asks it ("Back to the question", or to the results once it is done), for
/// an installed app has no Back button; none where no quiz asks it. Shown
/// by the source page: to the quiz it was opened from, if that asks it,
/// else to the one changed last.
pub fn back_from_evidence(question_id: &str) -> Option<impl IntoView> {
    let opened_from = crate::router::opened_from();
    back_to_quiz(question_id, &|p| p.quiz_asking(question_id, opened_from.as_deref()))
}

/// [`back_from_evidence`] while the source page fails or is slow to load, a
/// dead end without it (see `lazy::way_back`): to the quiz changed
/// last, for what the page was opened from is read in its module (the
/// rule's code, in the first load, would make it larger).
pub fn back_from_unloaded_evidence(question_id: &str) -> Option<impl IntoView> {
    back_to_quiz(question_id, &|p| p.quiz_changed_last_asking(question_id))
}

/// A link back to `question_id` in the quiz `quiz` picks from the saved
/// progress, if any.
fn back_to_quiz(question_id: &str, quiz: &dyn Fn(&Progress) -> Option<&QuizSession>) -> Option<impl IntoView> {
    let (href, finished) =
        crate::storage::use_progress().progress.with_untracked(|p| quiz(p).map(|s| (s.href_back_from(question_id), s.is_finished())))?;
    // A button's size: on a phone, the one way back is a thumb's press.
    Some(view! {
        <A href=crate::paths::href(&href) attr:class="button goes-back">
            {if finished { "Back to your results" } else { "Back to the question" }}
        </A>
    })
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
            // A note, not a landmark: the review shows one per question, and
            // a landmark list of a dozen alike would help no one.
            <div class="since" role="note">
                <p><strong>{format!("Since then (as of {}): ", format_date(&since.date))}</strong>{since.note.clone()}</p>
            </div>
        })}
    }
}
