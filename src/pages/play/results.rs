//! The results screen: score, time, per-topic table, what to do next, the
//! hand-in and the review. It stays at the quiz's own URL until the student
//! takes the quiz again on purpose.

use leptos::html;
use leptos::prelude::*;
use open_door_core::link::QuizLink;
use open_door_core::progress::result_key;
use open_door_core::quiz::{review_entry_id, QuizSpec};
use open_door_core::result::format_time;
use wasm_bindgen::JsCast;

use super::SessionMemo;
use crate::components::bring_into_focus;
use crate::components::hand_in::HandIn;
use crate::components::question::Evidence;
use crate::content::{bundle, now_ms, page_opened_ms};
use crate::lazy::{NotLoaded, SplitView};
use crate::router::A;
use crate::storage::{self, use_progress};

/// What the results screen is made from: the quiz's link, its saved state,
/// and whether the student finished it on this page just now.
pub type ResultsInputs = (Memo<QuizLink>, SessionMemo, bool);

// The results screen, with the hand-in, comes in the `quiz` module (with
// the quiz set-up): a class link's first load carries only
// what the first question needs. The quiz page asks for it once the first
// answer is in (see `QuestionScreen`), so it is there before the last one.
crate::lazy_fn!(
    quiz,
    pub fn results_screen() -> Result<SplitView<ResultsInputs>, NotLoaded> {
        fn screen((link, session, just_finished): ResultsInputs) -> AnyView {
            view! { <Results link=link session=session just_finished=just_finished /> }.into_any()
        }
        Ok(screen)
    }
);

/// Who takes the quiz again from its results, which sets what they are
/// asked before the result is replaced.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Restart {
    /// The same student ("Take it again"): the name kept stays.
    Again,
    /// The next student on a shared device, who found the last one's
    /// result opened again ("Not your result?").
    MyOwnAttempt,
    /// The next student, from a result just finished: pressed by either of
    /// them as the device changes hands.
    ForNextStudent,
}

#[component]
pub fn Results(link: Memo<QuizLink>, session: SessionMemo, just_finished: bool) -> impl IntoView {
    let store = use_progress();
    let Some(finished) = session.get_untracked() else { return ().into_any() };
    let bank = bundle();
    // Kept here, not as the quiz ends: the results wait for every
    // question's answer, which a quiz finished after a reload on a slow
    // line may end without.
    let key = link.with_untracked(QuizLink::key);
    if !store.progress.with_untracked(|p| p.best_scores_to_keep(&key, bank).is_empty()) {
        store.change(|p| p.keep_best_scores(&key, bank));
    }
    let score = finished.score(bank);
    let seconds = finished.elapsed_seconds(now_ms());
    let unanswered = score.total - score.answered;
    let missed = finished.missed(bank);
    // A retry gets a fresh shuffle: the play page fixes its seed.
    let retry =
        (!missed.is_empty()).then(|| QuizSpec { mode: finished.spec.mode, ..QuizSpec::of_questions(missed.clone(), 0) }.unseeded_href());
    let set_by_teacher = finished.is_set_by_teacher();
    // Finished on this visit, it is the result of the student using the
    // page, also when they come back to it from reading the evidence;
    // opened again later, it may be the last student's.
    let of_this_visit = just_finished || finished.finished_since(page_opened_ms());
    // Taken again by the same student, or by the next student on a shared
    // device, whose hand-in must not carry the name saved here by the one
    // before.
    // A retake is another result, told apart by when it finished.
    let result = StoredValue::new(result_key(&key, finished.finished_at_ms.unwrap_or_default()));
    let start_again = move |by: Restart| {
        // The result and its hand-in code are replaced: ask first. A timed
        // quiz starts its clock at once, with no Start screen between.
        let clock = link
            .with_untracked(|l| l.spec().minutes)
            .map(|m| match by {
                Restart::Again => format!(" The {m}-minute clock starts again as soon as you press OK."),
                Restart::MyOwnAttempt => format!(" The {m}-minute clock starts as soon as you press OK."),
                Restart::ForNextStudent => format!(" Hand the device on first: the {m}-minute clock starts as soon as you press OK."),
            })
            .unwrap_or_default();
        let question = match by {
            Restart::Again => "Take this quiz again from the start? This result and its code will be replaced, so download it first if you still need to hand it in.",
            Restart::MyOwnAttempt => "Start your own attempt? The result shown is removed from this device, so if its student has not downloaded it yet, it is lost; and the name saved here is cleared.",
            Restart::ForNextStudent => "Start a new attempt for the next student? The result on screen is removed from this device, so download it first if it still needs handing in; the name saved here is cleared too.",
        };
        if window().confirm_with_message(&format!("{question}{clock}")).unwrap_or(false) {
            if by != Restart::Again {
                storage::save_name("");
            }
            // The result goes, and the name it was handed in under and its
            // file's with it.
            result.with_value(|result| {
                store.keep_result_name(result, "");
                storage::forget_saved_file(result);
            });
            link.with_untracked(|l| {
                store.change(|p| {
                    p.restart(l, bundle(), now_ms());
                })
            });
            super::focus_first_question();
        }
    };
    // A result whose hand-in counts (a class's quiz, or a name kept on the
    // device) may be on a tablet the class shares.
    let may_be_shared = set_by_teacher || !storage::saved_name().is_empty();
    let heading_ref = NodeRef::<html::H2>::new();
    // The review entry the address names, if any: the link back from a
    // question's evidence.
    let arrived_at = crate::router::address_fragment();
    let entry = arrived_at.clone();
    // The review entry whose evidence was followed from this result
    // (`mark_review_entry`), taken now whatever comes of it, so that no
    // later Back finds it.
    let entry_read = result.with_value(|result| storage::take_review_entry_read(result));
    request_animation_frame(move || {
        if let Some(el) = heading_ref.try_get_untracked().flatten().filter(|_| just_finished) {
            // A new screen starts at the top (the last feedback left the
            // page scrolled down to it).
            window().scroll_to_with_x_and_y(0.0, 0.0);
            let _ = el.focus();
        } else if document().get_element_by_id(&entry).is_some() {
            // Back from an evidence by its link: at the question it was
            // for (also when this screen's module came after the page),
            // where a keyboard or a screen reader goes on reading.
            bring_into_focus(entry);
            // Shown once (see `replace_fragment`).
            crate::router::replace_fragment(None);
        } else if let Some(el) = entry_read
            .filter(|_| crate::router::came_back())
            .and_then(|id| document().get_element_by_id(&id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()))
        {
            // Back from an evidence: the browser put the scroll where the
            // student was, and the question read there takes the focus; it
            // comes into view only where the browser could not put the
            // scroll back (it goes no further than the page then reaches).
            crate::components::focus_in_place(&el);
            let place = el.get_bounding_client_rect();
            let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or_default();
            if place.bottom() < 0.0 || place.top() > height {
                el.scroll_into_view();
            }
        }
    });

    let topics = finished
        .by_topic(bank)
        .into_iter()
        .map(|t| {
            let title = bank.topic(&t.topic).map_or(t.topic.clone(), |topic| topic.title.clone());
            view! { <tr><th scope="row">{title}</th><td>{format!("{} of {}", t.correct, t.total)}</td></tr> }
        })
        .collect_view();

    // After a quiz with mistakes, the review opens on them alone, unless the
    // student opened this result's review out to every question (kept for
    // the tab: Back from an evidence finds the question they were reading),
    // or comes back to a right answer's entry by its evidence's link (from
    // a tab of its own, say, which does not share what the first kept).
    let only_mistakes =
        RwSignal::new(finished.review_opens_on_mistakes(bank, result.with_value(|result| storage::review_shows_all(result)), &arrived_at));
    let show_only_mistakes = move |only: bool| {
        only_mistakes.set(only);
        result.with_value(|result| storage::keep_review_shows_all(result, !only));
    };
    let review = finished
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let question = bank.question(&item.question_id)?;
            let response = finished.responses[i].clone();
            let yours = response.as_ref().map_or_else(|| "not answered".to_string(), |r| question.choice_text(r));
            let correct = response.as_ref().is_some_and(|r| question.is_correct(r));
            let right = question.right_answer_text();
            Some(view! {
                <li class="review-item" id=review_entry_id(&question.id) tabindex="-1" value=i + 1 hidden=move || correct && only_mistakes.get()>
                    <h3>
                        <span aria-hidden="true">{if correct { "✓ " } else { "✗ " }}</span>
                        {question.prompt.clone()}
                        <span class="visually-hidden">{if correct { " (right)" } else { " (missed)" }}</span>
                    </h3>
                    <p><strong>"Your answer: "</strong>{yours}</p>
                    <p><strong>"The answer: "</strong>{right}</p>
                    <p>{question.explanation.clone()}</p>
                    <Evidence question=question />
                </li>
            })
        })
        .collect_view();

    view! {
        <section class="results" aria-labelledby="results-heading">
            // Focused as the quiz ends, it is described by the score and by
            // why the quiz ended, so a screen reader says them with it.
            <h2 id="results-heading" tabindex="-1" node_ref=heading_ref aria-describedby=if finished.timed_out { "results-score results-timed-out" } else { "results-score" }>"Results"</h2>
            // Opened again, it may be the last student's, and the next one
            // would hand it in, or their own under that student's name.
            {(!of_this_visit && may_be_shared).then(|| view! {
                // One line where it fits, so that on a phone the hand-in's
                // download still comes on the first screen below it.
                <p class="notice next-student">
                    "Not your result?"
                    <button type="button" on:click=move |_| start_again(Restart::MyOwnAttempt)>"Start my own attempt"</button>
                </p>
            })}
            <p class="score" id="results-score">{format!("You scored {} out of {}.", score.correct, score.total)}</p>
            {finished.timed_out.then(|| view! {
                <p class="timed-out" id="results-timed-out">{format!(
                    "The time ran out{}",
                    match unanswered {
                        0 => ".".to_string(),
                        1 => ": 1 question was not answered.".to_string(),
                        n => format!(": {n} questions were not answered."),
                    }
                )}</p>
            })}
            <p>{format!("Time taken: {}.", format_time(seconds))}</p>
            // A class's quiz is handed in next: on a phone the hand-in and
            // its download come in the first screen, before retrying.
            {set_by_teacher.then(|| view! { <HandIn session=finished.clone() result=result.get_value() /> })}
            <p class="actions">
                {retry.map(|href| {
                    let class = if set_by_teacher { "button" } else { "button primary" };
                    view! { <A href=crate::paths::href(&href) attr:class=class>"Retry the ones I missed"</A> }
                })}
                <button type="button" on:click=move |_| start_again(Restart::Again)>"Take it again"</button>
                <A href=crate::paths::href("/quiz") attr:class="button">"New quiz"</A>
                // Handed straight on, the tablet shows this result to the
                // next student, whose "Take it again" would keep the name
                // of the one before (opened again, the notice above asks).
                {(of_this_visit && may_be_shared).then(|| view! {
                    <button type="button" on:click=move |_| start_again(Restart::ForNextStudent)>"New attempt for the next student"</button>
                })}
            </p>
            // Before the table by topic, which on a phone (one row a topic)
            // pushed it below the first screen.
            {(!set_by_teacher).then(|| view! { <HandIn session=finished.clone() result=result.get_value() /> })}
            <table class="by-topic">
                <caption>"By topic (a question on two topics counts in both)"</caption>
                <thead><tr><th scope="col">"Topic"</th><th scope="col">"Right"</th></tr></thead>
                <tbody>{topics}</tbody>
            </table>
            <h2>"Review"</h2>
            {(score.correct < score.total).then(|| view! {
                <p class="choice">
                    <input type="checkbox" id="only-mistakes" prop:checked=move || only_mistakes.get()
                        on:change=move |ev| show_only_mistakes(event_target_checked(&ev)) />
                    // How many it shows, said with the box: ticking it
                    // changes the list below, out of a screen reader's hearing.
                    <label for="only-mistakes">{format!("Only my mistakes ({} of {})", missed.len(), score.total)}</label>
                </p>
            })}
            <ol class="review" on:click=move |ev| result.with_value(|result| mark_review_entry(&ev, result))>{review}</ol>
        </section>
    }
    .into_any()
}

/// A plain click on a link in a review entry (its evidence's source) keeps
/// which entry of `result` it was in, so that Back gives that entry the
/// focus (it went to the page's content, and the next Tab to the top:
/// found by a student's walk). Kept for the tab, not in the address: Chrome
/// scrolls to a fragment it goes back to, not to where the student was.
fn mark_review_entry(ev: &leptos::ev::MouseEvent, result: &str) {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let on_link = target.as_ref().is_some_and(|t| t.closest("a[href]").ok().flatten().is_some());
    let entry = target.and_then(|t| t.closest(".review-item").ok().flatten());
    if let Some(entry) = entry.filter(|_| on_link && crate::router::is_plain_click(ev)) {
        storage::keep_review_entry_read(result, &entry.id());
    }
}
