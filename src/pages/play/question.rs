//! The playing screen: one question, its feedback in practice mode, and the
//! time left in a timed test.

use leptos::html;
use leptos::prelude::*;
use open_door_core::link::QuizLink;
use open_door_core::quiz::{time_left_text, Mode, Submitted, TIME_LIMIT_TICK_MS};

use super::SessionMemo;
use crate::components::question::{focus_on_control, Feedback, QuestionForm};
use crate::content::{bundle, now_ms, today};
use crate::storage::use_progress;

#[component]
pub fn QuestionScreen(link: Memo<QuizLink>, session: SessionMemo, index: usize) -> impl IntoView {
    let store = use_progress();
    let key = link.with_untracked(QuizLink::key);
    let Some((item, mode, total)) =
        session.with_untracked(|s| s.as_ref().and_then(|s| Some((s.items.get(index)?.clone(), s.spec.mode, s.items.len()))))
    else {
        return ().into_any();
    };
    let Some(question) = bundle().question(&item.question_id) else {
        return view! { <p>"This question is no longer in the bank."</p> }.into_any();
    };
    let answered = Signal::derive(move || session.with(|s| s.as_ref().and_then(|s| s.responses.get(index).cloned().flatten())));
    let feedback_ref = NodeRef::<html::Div>::new();
    let heading_ref = NodeRef::<html::H2>::new();
    // What was ticked and not yet saved comes back with the question (after
    // Back, a reload), and is kept as it changes, to count if the time runs out.
    let picked = RwSignal::new(
        session
            .with_untracked(|s| s.as_ref().and_then(|s| s.picked.clone()))
            .filter(|(item, _)| *item == index)
            .map(|(_, response)| response),
    );
    Effect::watch(
        move || picked.get(),
        {
            let key = key.clone();
            move |response: &Option<Vec<usize>>, _, _| store.change(|p| p.pick(&key, index, response.clone(), now_ms()))
        },
        false,
    );

    let advance = {
        let key = key.clone();
        move || {
            store.change(|p| {
                if index + 1 < total {
                    p.go_to(&key, index + 1, now_ms());
                } else {
                    p.finish(&key, now_ms());
                }
            })
        }
    };

    // A quiz reloaded after an answer asks for its results' module once the
    // browser is idle, as the answer did (see `on_answer`): left to the next
    // answer, it could be asked for offline (found by a walk on a flaky
    // network). On the questions after an answer, the module is here and
    // the ask costs nothing.
    if session.with_untracked(|s| s.as_ref().is_some_and(|s| s.responses.iter().any(Option::is_some))) {
        crate::lazy::prefetch_when_idle(super::results::results_screen);
    }

    let on_answer = {
        let key = key.clone();
        let advance = advance.clone();
        Callback::new(move |response: Vec<usize>| {
            // Only the first answer counts: a double click, the back button
            // or another tab gets `AlreadyAnswered` and changes nothing.
            let outcome = store.change(|p| p.answer(&key, index, response, bundle(), now_ms(), today()));
            let Submitted::Scored { .. } = outcome else { return };
            // The results screen's module comes now, while the student is
            // busy with the quiz, not when the network may be gone. Asked
            // after an answer, not at start: it is not the first question's
            // to wait for. Once it is here, later asks cost nothing.
            crate::lazy::prefetch_when_idle(super::results::results_screen);
            // In practice the feedback takes focus and comes into view
            // itself, so a screen reader says its verdict once, with the
            // explanation (a live region beside it said "Right." again).
            if mode == Mode::Test {
                advance();
            }
        })
    };

    // A new question takes focus, so keyboard and screen-reader users start
    // on it rather than at the top of the page.
    // Not if the student already moved into the question (a quick number
    // key), since taking focus back then would undo their choice of focus.
    // Focus still on the element it was on before this question is not such
    // a move: the last question's form is redrawn in place, so a choice
    // focused there is now one of this question's choices.
    if index > 0 {
        let focused_before = document().active_element();
        request_animation_frame(move || {
            let already_in_question = document()
                .active_element()
                .filter(|el| Some(el) != focused_before.as_ref())
                .is_some_and(|el| el.closest("form.question").ok().flatten().is_some());
            if let Some(el) = heading_ref.try_get_untracked().flatten().filter(|_| !already_in_question) {
                let _ = el.focus();
            }
        });
    }

    // Enter moves on once the feedback is shown, unless a button or link
    // has focus (it handles Enter itself).
    let enter = {
        let advance = advance.clone();
        window_event_listener(leptos::ev::keydown, move |ev| {
            let is_answered = answered.try_with_untracked(Option::is_some).unwrap_or(false);
            if ev.key() == "Enter" && !focus_on_control() && mode == Mode::Practice && is_answered {
                ev.prevent_default();
                advance();
            }
        })
    };
    on_cleanup(move || enter.remove());

    let next_label = if index + 1 == total { "See results" } else { "Next question" };
    let submit_label = if mode == Mode::Practice { "Check answer" } else { "Save answer" };
    view! {
        <TimeLimit link=link session=session />
        <progress max=total value=index aria-hidden="true"></progress>
        <h2 tabindex="-1" node_ref=heading_ref class="question-heading">{format!("Question {} of {total}", index + 1)}</h2>
        <QuestionForm question=question item=item answered=answered on_answer=on_answer submit_label=submit_label picked=picked />
        <Show when=move || answered.with(Option::is_some) && mode == Mode::Practice>
            <Feedback question=question response=answered.get_untracked().unwrap_or_default() node_ref=feedback_ref />
            <button type="button" class="primary" on:click={
                let advance = advance.clone();
                move |_| advance()
            }>{next_label}</button>
        </Show>
    }
    .into_any()
}

/// The optional time limit: stays in view while the student scrolls, says
/// "one minute left" to screen readers once, and ends the quiz at zero,
/// scoring the answer picked and not saved.
#[component]
pub fn TimeLimit(link: Memo<QuizLink>, session: SessionMemo) -> impl IntoView {
    let store = use_progress();
    let Some(deadline) = session.with_untracked(|s| s.as_ref().and_then(|s| s.deadline_ms())) else {
        return ().into_any();
    };
    let key = link.with_untracked(QuizLink::key);
    let left = RwSignal::new(deadline - now_ms());
    // Said once, as the last minute starts: each question has its own
    // clock, and the next one's must not say it again.
    let said = left.get_untracked() <= 60_000.0;
    let warning = RwSignal::new("");
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if left.is_disposed() {
                return;
            }
            let remaining = deadline - now_ms();
            left.set(remaining);
            if remaining <= 60_000.0 && !said && warning.get_untracked().is_empty() {
                warning.set("One minute left.");
            }
            if remaining <= 0.0 {
                store.change(|p| p.end_if_out_of_time(&key, bundle(), now_ms()));
            }
        },
        std::time::Duration::from_millis(TIME_LIMIT_TICK_MS as u64),
    ) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <p class="time-left" class:time-short=move || left.get() <= 60_000.0>
            {move || time_left_text(left.get())}
        </p>
        <p role="status" aria-live="assertive" class="visually-hidden">{move || warning.get()}</p>
    }
    .into_any()
}
