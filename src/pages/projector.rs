//! Projector mode: the same quiz as the link, one question at a time in
//! large type, the answer and its evidence revealed on command.

use leptos::prelude::*;
use open_door_core::content::{Question, QuestionKind};
use open_door_core::link::QuizLink;
use open_door_core::quiz::{answer_in_letter_order, answer_letters, choice_letter, QuizItem};
use wasm_bindgen::JsCast;

use crate::components::needs_pack::NeedsPack;
use crate::components::notices::{CutLink, LinkNotices};
use crate::components::qr::QrFullScreen;
use crate::components::question::{typing_in_a_field, Evidence};
use crate::components::title::set_title;
use crate::components::{computed_px, computed_style};
use crate::content::bundle;
use crate::router::use_location;
use crate::router::A;

/// The student's link of the quiz a teacher's page shows (projector, print):
/// the same query and the pack the address carries.
pub fn student_link() -> String {
    let location = window().location();
    format!(
        "{}{}{}",
        crate::paths::absolute(open_door_core::link::PLAY_PATH),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    )
}

#[component]
pub fn Projector() -> impl IntoView {
    set_title("Projector");
    let search = use_location().search;
    let link = Memo::new(move |_| QuizLink::open(&search.get(), bundle()));
    let items = Memo::new(move |_| link.with(|l| l.items().to_vec()));
    let title = Memo::new(move |_| link.with(|l| l.title(bundle())));
    let count = move || items.with(Vec::len);
    // Where this tab's projector was, after a reload mid-lesson.
    let kept = link.with_untracked(|l| crate::storage::projector_at(&l.key()));
    let index = RwSignal::new(if kept < items.with_untracked(Vec::len) { kept } else { 0 });
    // On each step only: leaving for another page changes the address
    // before this page goes, and its link would be kept as this one's.
    Effect::new(move |_| crate::storage::keep_projector_at(&link.with_untracked(QuizLink::key), index.get()));
    let revealed = RwSignal::new(false);
    // Said to a screen reader on each step: see below.
    let step_said = RwSignal::new(String::new());
    let go = move |step: isize| {
        let next = index.get_untracked() as isize + step;
        if next >= 0 && (next as usize) < count() {
            index.set(next as usize);
            revealed.set(false);
        } else {
            // A clicker's press past either end is said, not met with silence.
            step_said.set(if step > 0 { "That was the last question." } else { "This is the first question." }.into());
        }
    };
    // Each slide, and each reveal, fits the screen as it is (a window made
    // full screen or moved to the projector fits again).
    Effect::new(move |_| {
        let shows_answer = revealed.get();
        index.track();
        request_animation_frame(move || {
            // The next question, or one hidden again, from its top,
            // wherever the last answer left the page.
            if !shows_answer {
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
            fit_slide(shows_answer)
        });
    });
    // Said to a screen reader on each step, as the slide changes without
    // the focus moving: the new question, or the answer revealed or hidden.
    // Not at the first slide, which the page's heading introduces.
    Effect::new(move |was_drawn: Option<()>| {
        let (at, shows_answer) = (index.get(), revealed.get());
        if was_drawn.is_none() {
            return;
        }
        let item = items.with_untracked(|all| all.get(at).cloned());
        let Some((item, question)) = item.and_then(|item| bundle().question(&item.question_id).map(|q| (item, q))) else { return };
        step_said.set(if shows_answer {
            format!("{} {}", answer_label(question), answer_line(question, &item))
        } else {
            format!("Question {} of {}: {} {}", at + 1, count(), question.prompt, question.kind.label())
        });
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| fit_slide(revealed.get_untracked()));
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        // The full-screen QR code is over the slide: the keys wait for it.
        let qr_shown = document().query_selector(".qr-full").ok().flatten().is_some();
        if qr_shown || typing_in_a_field() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "n" | "N" => go(1),
            "ArrowLeft" | "p" | "P" => go(-1),
            "r" | "R" => revealed.update(|r| *r = !*r),
            // A presenter's clicker sends Page Down and Page Up, and has
            // no R: forward shows the answer first (and the rest of a long
            // one), then the next question; back first hides an answer
            // shown (too soon, by one press too many), then goes to the
            // question before.
            "PageDown" if !revealed.get_untracked() => revealed.set(true),
            "PageDown" if show_more_of_answer() => {}
            "PageDown" => go(1),
            "PageUp" if revealed.get_untracked() => revealed.set(false),
            "PageUp" => go(-1),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || {
        keys.remove();
        resized.remove();
    });

    let slide = move || {
        let all = items.get();
        let Some(item) = all.get(index.get()) else {
            return view! { <p>"This quiz has no questions."</p> }.into_any();
        };
        let Some(question) = bundle().question(&item.question_id) else { return ().into_any() };
        let shown: Vec<usize> = item.choice_order.clone();
        let right = question.correct_indices();
        let answer = answer_line(question, item);
        view! {
            // What the class is asked to do, as the student's screen and
            // the worksheet say it: without it, a class argues for one
            // letter where two are right.
            <p class="projector-head">
                <span class="projector-count">{format!("Question {} of {}", index.get() + 1, all.len())}</span>
                <span class="projector-kind">{question.kind.label()}</span>
            </p>
            <h2 class="projector-prompt">{question.prompt.clone()}</h2>
            <ol class="projector-choices">
                {shown.iter().enumerate().map(|(place, &choice)| {
                    let is_right = question.kind != QuestionKind::Order && right.contains(&choice);
                    view! {
                        <li class:right=move || revealed.get() && is_right>
                            <span class="letter">{choice_letter(place)}</span>" "
                            {question.choices[choice].clone()}
                            {move || (revealed.get() && is_right).then_some(" ✓ (answer)")}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <Show when=move || revealed.get()>
                // Focusable where it scrolls in a box of its own (`fit_slide`).
                <div class="projector-answer" on:scroll=mark_answer_end>
                    // Said in words too: scrolled to the explanation, the
                    // marked choice may be above the screen.
                    // With the letters as the worksheet's answer key gives
                    // them, for a class marking its own papers.
                    <p>
                        <strong>{answer_label(question)}</strong>" "
                        {answer.clone()}
                    </p>
                    <p>{question.explanation.clone()}</p>
                    <Evidence question=question />
                    // Shown while a box too small for the answer has more
                    // below (public/pages.css): cut mid-line, the box gave
                    // no sign of it, and the evidence went unseen.
                    <p class="projector-more" aria-hidden="true">"▼ More below: Page Down"</p>
                </div>
            </Show>
        }
        .into_any()
    };

    view! {
        <div class="projector">
            <h1 class="projector-title">{move || title.get()}</h1>
            <LinkNotices link=link />
            <p role="status" class="visually-hidden">{move || step_said.get()}</p>
            {move || match link.with(|l| l.needs_pack().map(str::to_string)) {
                _ if link.with(QuizLink::is_cut) => view! { <CutLink /> }.into_any(),
                Some(name) => view! { <NeedsPack name=name /> }.into_any(),
                None => slide().into_any(),
            }}
            // A link with no question to show has nothing to step through
            // or hand out. The way back is with the controls, at the foot
            // of every slide (public/pages.css).
            <Show when=move || count() != 0 fallback=move || view! { <p>{back_to_classroom()}</p> }>
                <p class="projector-controls">
                    // Not `disabled`: a disabled button drops the focus
                    // of a teacher who pressed it to get here.
                    <button type="button" aria-disabled=move || (index.get() == 0).then_some("true") on:click=move |_| go(-1)>"← Previous (P)"</button>
                    <button type="button" class="primary" on:click=move |_| revealed.update(|r| *r = !*r)>
                        {move || if revealed.get() { "Hide answer (R)" } else { "Reveal answer (R)" }}
                    </button>
                    <button type="button" aria-disabled=move || (index.get() + 1 >= count()).then_some("true") on:click=move |_| go(1)>"Next (N) →"</button>
                    <QrFullScreen text=student_link() title=link.with_untracked(|l| l.title_with_mode(bundle())) />
                    {back_to_classroom()}
                </p>
            </Show>
        </div>
    }
}

fn back_to_classroom() -> impl IntoView {
    view! {
        <A href=super::quiz_setup::way_back() attr:class="projector-back goes-back" on:click=crate::router::back_when_opened_from>
            "Back to the Classroom page"
        </A>
    }
}

/// How a revealed answer is introduced, on the slide and to a screen reader.
fn answer_label(question: &Question) -> &'static str {
    if question.kind == QuestionKind::Order {
        "Right order:"
    } else {
        "The answer:"
    }
}

/// The answer with the letters the worksheet's key gives: "B, D: …".
fn answer_line(question: &Question, item: &QuizItem) -> String {
    format!("{}: {}", answer_letters(question, item), answer_in_letter_order(question, item))
}

/// The most a slide's type is scaled down to fit the screen; style.css
/// also keeps it at 1.75rem or more, where the back row still reads the
/// explanation (set at 0.65em).
const SMALLEST_FIT: f64 = 0.7;

/// Makes the slide's type smaller, as little as needed, until the question
/// (and, revealed, its answer and evidence) fits above the controls: on a
/// wide screen the type, set by the width, makes a long question taller
/// than the screen, and the class cannot scroll. A revealed answer that
/// still does not fit at the smallest type comes into view as the slide's
/// title and count scroll off, and then, so that the question stays in
/// view beside its answer, scrolls in its own box under the choices, in
/// the room the question leaves (the question's top leaves the screen only
/// where that room would not show the answer's own line).
fn fit_slide(answer_shown: bool) {
    let find = |selector| document().query_selector(selector).ok().flatten();
    let Some(slide) = find(".projector").and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    // Measured whole, as the last fit may have put it in a box.
    let answer = find(".projector-answer").and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(answer) = &answer {
        let _ = answer.style().remove_property("max-height");
        let _ = answer.style().remove_property("margin-bottom");
        let _ = answer.remove_attribute("tabindex");
        let _ = answer.remove_attribute("data-at-end");
    }
    // In whole percent: formatting a float would bring the float
    // formatter into the Classroom page's first load (9 KB gzipped).
    let fit_type = |fit: f64| {
        let _ = slide.style().set_property("--fit", &((fit * 100.0).round() as u32).to_string());
    };
    fit_type(1.0);
    let Some(last) = find(".projector-answer").or_else(|| find(".projector-choices")) else { return };
    let controls = find(".projector-controls");
    let viewport = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY);
    let room = viewport - controls.as_ref().map_or(0.0, |c| c.get_bounding_client_rect().height());
    // From the page's top, however far it is scrolled.
    let page_top = || document().document_element().map_or(0.0, |page| page.get_bounding_client_rect().top());
    let bottom = || last.get_bounding_client_rect().bottom() - page_top();
    // A slide's height goes about with the square of its type's size
    // (taller lines, and more of them): a first guess, then smaller steps
    // until it fits.
    let mut was = bottom();
    let mut fit = (room / was).sqrt().clamp(SMALLEST_FIT, 1.0);
    while fit < 1.0 {
        fit_type(fit);
        let now = bottom();
        // On a phone the type keeps its size (style.css), and the slide
        // scrolls as any page does.
        if now <= room || now >= was || fit <= SMALLEST_FIT {
            break;
        }
        was = now;
        fit = (fit - 0.03).max(SMALLEST_FIT);
    }
    let Some(answer) = answer.filter(|_| answer_shown) else { return };
    // How far the answer, with `gap` under it, runs past the controls, in
    // whole pixels: the page scrolls by them, and the box is sized in them
    // (formatting a float would bring in the float formatter, above).
    let overflow = |gap: f64| (answer.get_bounding_client_rect().bottom() + gap - room).ceil();
    // On a phone the controls scroll with the page (pages.css), and the
    // answer with it.
    if controls.is_none_or(|c| computed_style(&c, "position").as_deref() != Some("sticky")) {
        if overflow(0.0) > 0.0 {
            window().scroll_by_with_x_and_y(0.0, overflow(0.0).min(answer.get_bounding_client_rect().top()));
        }
        return;
    }
    // The room kept under the answer (pages.css), which the page would
    // scroll by too, goes where the answer does not fit with it.
    let gap_under = computed_px(&answer, "margin-bottom").unwrap_or(0.0);
    if overflow(gap_under.max(0.0)) <= 0.0 {
        return;
    }
    // A sliver of it stays: the page scrolls by whole pixels, and at its
    // end the answer's bottom would stand a fraction of one past the
    // controls' top.
    const SLIVER: f64 = 4.0;
    let _ = answer.style().set_property("margin-bottom", &format!("{}px", SLIVER as u32));
    // How far the page can scroll with the question's top still in view.
    const ABOVE_QUESTION: f64 = 8.0;
    let above_question =
        find(".projector-prompt").map_or(0.0, |prompt| (prompt.get_bounding_client_rect().top() - ABOVE_QUESTION).floor().max(0.0));
    if overflow(SLIVER) > 0.0 {
        window().scroll_by_with_x_and_y(0.0, overflow(SLIVER).min(above_question));
    }
    if overflow(SLIVER) <= 0.0 {
        return;
    }
    let rect = answer.get_bounding_client_rect();
    let box_room = (room - SLIVER - rect.top()).floor();
    // A question cut at the screen's top reads as a broken slide (a
    // teacher's walk at 1024x768 found one, for a box of a third of the
    // screen), so the page, scrolled above as far as the question allows,
    // goes further only where the box would not show the answer's own line
    // ("The answer: C: …"), to the explanation's top: the room under the
    // line is where its "More below" stands.
    let explanation = answer.first_element_child().and_then(|line| line.next_element_sibling());
    let answer_line = explanation.map_or(0.0, |next| (next.get_bounding_client_rect().top() - rect.top()).ceil()).min(rect.height().ceil());
    let further = (answer_line - box_room).max(0.0);
    if further > 0.0 {
        window().scroll_by_with_x_and_y(0.0, further);
    }
    let box_height = box_room + further;
    // Not for a scroll of a pixel or two: the sliver under it takes that.
    if rect.height() > box_height + 2.0 {
        let _ = answer.style().set_property("max-height", &format!("{}px", box_height as u32));
        // It scrolls: the keyboard can reach it to scroll it.
        let _ = answer.set_attribute("tabindex", "0");
        // Fitted again (a window resized) where it was scrolled, it may
        // be at its end already, or no longer.
        mark_whether_at_end(&answer);
    }
}

/// Marks a revealed answer's box scrolled to its end, where its "More
/// below" goes.
fn mark_answer_end(ev: leptos::ev::Event) {
    if let Some(answer) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        mark_whether_at_end(&answer);
    }
}

fn mark_whether_at_end(answer: &web_sys::Element) {
    let _ = if has_more_below(answer) { answer.remove_attribute("data-at-end") } else { answer.set_attribute("data-at-end", "") };
}

/// Whether a revealed answer's box has more to show below (by more than
/// a pixel's rounding).
fn has_more_below(answer: &web_sys::Element) -> bool {
    answer.scroll_height() - answer.scroll_top() - answer.client_height() > 1
}

/// Scrolls a revealed answer that scrolls in its own box (see [`fit_slide`])
/// on by most of a box, if it has more to show; says whether it had.
fn show_more_of_answer() -> bool {
    let Some(answer) = document().query_selector(".projector-answer").ok().flatten() else { return false };
    let more = has_more_below(&answer);
    if more {
        // What the box's foot showed comes back at its top: the last
        // line, and what its "More below" covered.
        let covered = document().query_selector(".projector-more").ok().flatten().map_or(0, |cue| cue.client_height());
        answer.set_scroll_top(answer.scroll_top() + answer.client_height() * 9 / 10 - covered);
    }
    more
}
