//! Projector mode: the same quiz as the link, one question at a time in
//! large type, the answer and its evidence revealed on command.

use leptos::prelude::*;
use open_door_core::content::QuestionKind;
use open_door_core::link::QuizLink;
use open_door_core::quiz::choice_letter;

use crate::components::needs_pack::NeedsPack;
use crate::components::notices::{CutLink, LinkNotices};
use crate::components::qr::QrFullScreen;
use crate::components::question::{typing_in_a_field, Evidence};
use crate::components::title::set_title;
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
    Effect::new(move |_| crate::storage::keep_projector_at(&link.with(QuizLink::key), index.get()));
    let revealed = RwSignal::new(false);
    let go = move |step: isize| {
        let next = index.get_untracked() as isize + step;
        if next >= 0 && (next as usize) < count() {
            index.set(next as usize);
            revealed.set(false);
            // The next question from its top, wherever the last answer left the page.
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    // Revealed, the answer and its evidence come into view: on a projector
    // they fall below the choices, where the class cannot scroll to them.
    // Scrolled only as far as needed, never past the answer's top, and
    // above the controls, which stay at the bottom of the screen.
    Effect::new(move |_| {
        if revealed.get() {
            request_animation_frame(|| {
                let find = |selector| document().query_selector(selector).ok().flatten();
                let Some(answer) = find(".projector-answer") else { return };
                let rect = answer.get_bounding_client_rect();
                let controls = find(".projector-controls").map_or(0.0, |c| c.get_bounding_client_rect().height());
                let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY) - controls;
                let overflow = rect.bottom() - height;
                if overflow > 0.0 {
                    window().scroll_by_with_x_and_y(0.0, overflow.min(rect.top()));
                }
            });
        }
    });
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
            // no R: forward shows the answer first, then the next question.
            "PageDown" if !revealed.get_untracked() => revealed.set(true),
            "PageDown" => go(1),
            "PageUp" => go(-1),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let slide = move || {
        let all = items.get();
        let Some(item) = all.get(index.get()) else {
            return view! { <p>"This quiz has no questions."</p> }.into_any();
        };
        let Some(question) = bundle().question(&item.question_id) else { return ().into_any() };
        let shown: Vec<usize> = item.choice_order.clone();
        let right = question.correct_indices();
        view! {
            <p class="projector-count">{format!("Question {} of {}", index.get() + 1, all.len())}</p>
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
                <div class="projector-answer">
                    // Said in words too: scrolled to the explanation, the
                    // marked choice may be above the screen.
                    <p><strong>{if question.kind == QuestionKind::Order { "Right order: " } else { "The answer: " }}</strong>{question.right_answer_text()}</p>
                    <p>{question.explanation.clone()}</p>
                    <Evidence question=question />
                </div>
            </Show>
        }
        .into_any()
    };

    view! {
        <div class="projector">
            <h1 class="projector-title">{move || title.get()}</h1>
            <LinkNotices link=link />
            {move || match link.with(|l| l.needs_pack().map(str::to_string)) {
                _ if link.with(QuizLink::is_cut) => view! { <CutLink /> }.into_any(),
                Some(name) => view! { <NeedsPack name=name /> }.into_any(),
                None => slide().into_any(),
            }}
            // A link with no question to show has nothing to step through
            // or hand out.
            <Show when=move || count() != 0>
                <p class="projector-controls">
                    // Not `disabled`: a disabled button drops the focus
                    // of a teacher who pressed it to get here.
                    <button type="button" aria-disabled=move || (index.get() == 0).then_some("true") on:click=move |_| go(-1)>"← Previous (P)"</button>
                    <button type="button" class="primary" on:click=move |_| revealed.update(|r| *r = !*r)>
                        {move || if revealed.get() { "Hide answer (R)" } else { "Reveal answer (R)" }}
                    </button>
                    <button type="button" aria-disabled=move || (index.get() + 1 >= count()).then_some("true") on:click=move |_| go(1)>"Next (N) →"</button>
                    <QrFullScreen text=student_link() />
                </p>
            </Show>
            <p><A href=crate::paths::href("/classroom")>"Back to the Classroom page"</A></p>
        </div>
    }
}
