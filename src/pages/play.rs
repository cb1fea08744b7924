//! Playing a quiz from its link, resuming it after a reload, and the results.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use open_door_core::quiz::{prepare, Mode, QuizSession, QuizSpec, Selection, Submitted};
use open_door_core::share::{decode, encode};

use open_door_core::result::ResultRecord;

use crate::components::download::download;
use crate::components::needs_pack::NeedsPack;
use crate::components::question::{Evidence, Feedback, QuestionForm};
use crate::components::title::PageTitle;
use crate::content::{bundle, now_ms, random_seed, today};
use crate::storage::{use_progress, ProgressStore};

#[component]
pub fn Play() -> impl IntoView {
    let store = use_progress();
    let search = use_location().search;
    let session = RwSignal::new(None::<QuizSession>);
    let link_notices = RwSignal::new(Vec::<String>::new());
    // A pack quiz whose questions this device lacks: named, never replaced.
    let needs_pack = RwSignal::new(None::<String>);

    // The link is the quiz: whenever it changes (a new link, "retry the ones
    // I missed"), build its session, or resume the saved one if it is the
    // same quiz.
    Effect::new(move |_| {
        let decoded = decode(&search.get(), bundle());
        needs_pack.set(decoded.needs_pack.clone());
        if decoded.needs_pack.is_some() {
            return;
        }
        let (items, _) = prepare(bundle(), &decoded.spec);
        link_notices.set(decoded.notices);
        let saved = store.progress.with_untracked(|p| p.in_progress.clone());
        let resumed = saved.filter(|s| s.items == items && s.spec.mode == decoded.spec.mode && !s.is_finished());
        let started = resumed.unwrap_or_else(|| QuizSession::new(decoded.spec, items, now_ms()));
        // A link that matches no question has nothing to resume later.
        if !started.items.is_empty() {
            store.update(|p| p.in_progress = Some(started.clone()));
        }
        session.set(Some(started));
    });

    let screen = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| (s.current, s.is_finished(), s.items.len()))));

    view! {
        <PageTitle text="Quiz" />
        <Show when=move || link_notices.with(|n| !n.is_empty())>
            <section class="notice" aria-label="About this link">
                <p>"This link was not quite right, so the quiz was adjusted:"</p>
                <ul>{move || link_notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
        </Show>
        {move || match screen.get() {
            _ if needs_pack.with(Option::is_some) => view! { <NeedsPack name=needs_pack.get().unwrap_or_default() /> }.into_any(),
            None => view! { <p>"Preparing your quiz…"</p> }.into_any(),
            Some((_, _, 0)) => view! {
                <p>"No questions match this quiz. " <A href="/quiz">"Choose other topics or articles"</A></p>
            }
            .into_any(),
            Some((_, true, _)) => view! { <Results session=session /> }.into_any(),
            Some((index, false, _)) => view! { <QuestionScreen session=session index=index /> }.into_any(),
        }}
    }
}

/// Saves the answer just given, if any, with the session, or once the quiz
/// is finished its best scores, in one write.
fn persist(store: ProgressStore, session: RwSignal<Option<QuizSession>>, answer: Option<(&str, bool)>) {
    let current = session.get_untracked();
    store.update(|p| {
        if let Some((question_id, correct)) = answer {
            p.record_answer(question_id, correct, today());
        }
        if let Some(finished) = current.as_ref().filter(|s| s.is_finished()) {
            for topic in finished.by_topic(bundle()) {
                store_best(p, &topic.topic, topic.correct, topic.total);
            }
            p.in_progress = None;
        } else {
            p.in_progress = current;
        }
    });
}

fn store_best(progress: &mut open_door_core::progress::Progress, topic: &str, correct: usize, total: usize) {
    if let Some(percent) = (correct * 100).checked_div(total) {
        progress.record_best(topic, percent as u8);
    }
}

#[component]
fn QuestionScreen(session: RwSignal<Option<QuizSession>>, index: usize) -> impl IntoView {
    let store = use_progress();
    let Some((item, mode, total, minutes, started)) = session.with_untracked(|s| {
        s.as_ref().map(|s| (s.items[index].clone(), s.spec.mode, s.items.len(), s.spec.minutes, s.started_at_ms))
    }) else {
        return ().into_any();
    };
    let Some(question) = bundle().question(&item.question_id) else {
        return view! { <p>"This question is no longer in the bank."</p> }.into_any();
    };
    let answered = Signal::derive(move || session.with(|s| s.as_ref().and_then(|s| s.responses.get(index).cloned().flatten())));
    let feedback_ref = NodeRef::<html::Div>::new();
    let heading_ref = NodeRef::<html::H2>::new();
    let status = RwSignal::new(String::new());

    let advance = move |answer: Option<(&str, bool)>| {
        session.update(|s| {
            if let Some(s) = s {
                s.advance(now_ms());
            }
        });
        persist(store, session, answer);
    };

    let on_answer = Callback::new(move |response: Vec<usize>| {
        let mut outcome = Submitted::Invalid;
        session.update(|s| {
            if let Some(s) = s {
                outcome = s.submit(bundle(), index, response);
            }
        });
        // Only the first answer counts: a double click or the back button
        // gets `AlreadyAnswered` and changes nothing.
        let Submitted::Scored { correct } = outcome else { return };
        let answer = Some((question.id.as_str(), correct));
        match mode {
            Mode::Practice => {
                status.set(if correct { "Right.".into() } else { "Not quite.".into() });
                persist(store, session, answer);
                request_animation_frame(move || {
                    if let Some(el) = feedback_ref.get() {
                        let _ = el.focus();
                    }
                });
            }
            Mode::Test => advance(answer),
        }
    });

    // A new question takes focus, so keyboard and screen-reader users start
    // on it rather than at the top of the page.
    // Not if the student already moved into the question (a quick number
    // key), since taking focus back then would undo their choice of focus.
    if index > 0 {
        request_animation_frame(move || {
            let already_in_question = document()
                .active_element()
                .is_some_and(|el| el.closest("form.question").ok().flatten().is_some());
            if let Some(el) = heading_ref.get().filter(|_| !already_in_question) {
                let _ = el.focus();
            }
        });
    }

    // Enter moves on once the feedback is shown, unless a button or link
    // has focus (it handles Enter itself).
    let enter = window_event_listener(leptos::ev::keydown, move |ev| {
        let on_control = document().active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A" | "INPUT" | "SELECT"));
        if ev.key() == "Enter" && !on_control && mode == Mode::Practice && answered.with_untracked(Option::is_some) {
            ev.prevent_default();
            advance(None);
        }
    });
    on_cleanup(move || enter.remove());

    let next_label = if index + 1 == total { "See results" } else { "Next question" };
    let submit_label = if mode == Mode::Practice { "Check answer" } else { "Save answer" };
    view! {
        <TimeLimit session=session minutes=minutes started=started />
        <progress max=total value=index aria-hidden="true"></progress>
        <h2 tabindex="-1" node_ref=heading_ref class="question-heading">{format!("Question {} of {total}", index + 1)}</h2>
        <QuestionForm question=question item=item answered=answered on_answer=on_answer submit_label=submit_label />
        <div role="status" aria-live="polite" class="visually-hidden answer-status">{move || status.get()}</div>
        <Show when=move || answered.with(Option::is_some) && mode == Mode::Practice>
            <Feedback question=question response=answered.get_untracked().unwrap_or_default() node_ref=feedback_ref />
            <button type="button" class="primary" on:click=move |_| advance(None)>{next_label}</button>
        </Show>
    }
    .into_any()
}

/// The result as files for the teacher, with the code that shows whether a
/// file was changed afterwards.
#[component]
fn HandIn(session: QuizSession) -> impl IntoView {
    let record = ResultRecord::from_session(&session, bundle());
    let json = record.to_json();
    let csv = record.to_csv(bundle());
    let problem = RwSignal::new(None::<String>);
    let save = move |name: &'static str, mime: &'static str, text: String| {
        problem.set(download(name, mime, &text).err().map(|e| format!("The download failed: {e}.")));
    };
    view! {
        <section class="hand-in" aria-labelledby="hand-in-heading">
            <h2 id="hand-in-heading">"Hand in your result"</h2>
            <p>"Your code: " <strong class="result-code">{record.code.clone()}</strong></p>
            <p>"Your teacher can check the code against your result file on the Classroom page. Nothing is sent anywhere."</p>
            <p class="actions">
                <button type="button" on:click=move |_| save("open-door-result.json", "application/json", json.clone())>"Download result (JSON)"</button>
                <button type="button" on:click=move |_| save("open-door-result.csv", "text/csv", csv.clone())>"Download result (CSV)"</button>
            </p>
            <p role="alert">{move || problem.get()}</p>
        </section>
    }
}

/// The optional time limit: shows what is left and ends the quiz at zero.
#[component]
fn TimeLimit(session: RwSignal<Option<QuizSession>>, minutes: Option<u16>, started: f64) -> impl IntoView {
    let store = use_progress();
    let Some(minutes) = minutes else { return ().into_any() };
    let deadline = started + f64::from(minutes) * 60_000.0;
    let left = RwSignal::new(deadline - now_ms());
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let remaining = deadline - now_ms();
            left.set(remaining);
            if remaining <= 0.0 {
                session.update(|s| {
                    if let Some(s) = s {
                        s.finish(now_ms());
                    }
                });
                persist(store, session, None);
            }
        },
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <p class="time-left">
            {move || {
                let seconds = (left.get() / 1000.0).max(0.0) as u64;
                format!("Time left: {}:{:02}", seconds / 60, seconds % 60)
            }}
        </p>
    }
    .into_any()
}

#[component]
fn Results(session: RwSignal<Option<QuizSession>>) -> impl IntoView {
    let Some(finished) = session.get_untracked() else { return ().into_any() };
    let bank = bundle();
    let score = finished.score(bank);
    let seconds = ((finished.finished_at_ms.unwrap_or(finished.started_at_ms) - finished.started_at_ms) / 1000.0).max(0.0) as u64;
    let missed = finished.missed(bank);
    let retry = (!missed.is_empty()).then(|| {
        let spec = QuizSpec { selection: Selection::Ids(missed.clone()), seed: random_seed(), mode: finished.spec.mode, minutes: None };
        format!("/quiz/play?{}", encode(&spec))
    });
    let heading_ref = NodeRef::<html::H2>::new();
    request_animation_frame(move || {
        if let Some(el) = heading_ref.get() {
            let _ = el.focus();
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

    let review = finished
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let question = bank.question(&item.question_id)?;
            let response = finished.responses[i].clone();
            let yours = response.as_ref().map_or_else(
                || "not answered".to_string(),
                |r| question.choice_text(r),
            );
            let correct = response.as_ref().is_some_and(|r| question.is_correct(r));
            let right = question.right_answer_text();
            Some(view! {
                <li class="review-item">
                    <h3>
                        <span aria-hidden="true">{if correct { "✓ " } else { "✗ " }}</span>
                        {format!("{}. ", i + 1)}{question.prompt.clone()}
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

    let share = format!("/quiz/play?{}", encode(&QuizSpec {
        selection: Selection::Ids(finished.items.iter().map(|i| i.question_id.clone()).collect()),
        ..finished.spec.clone()
    }));

    view! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading" tabindex="-1" node_ref=heading_ref>"Results"</h2>
            <p class="score">{format!("You scored {} out of {}.", score.correct, score.total)}</p>
            <p>{format!("Time taken: {} min {:02} s.", seconds / 60, seconds % 60)}</p>
            <table class="by-topic">
                <caption>"By topic"</caption>
                <thead><tr><th scope="col">"Topic"</th><th scope="col">"Right"</th></tr></thead>
                <tbody>{topics}</tbody>
            </table>
            <p class="actions">
                {retry.map(|href| view! { <A href=href attr:class="button primary">"Retry the ones I missed"</A> })}
                <A href="/quiz" attr:class="button">"New quiz"</A>
                <A href=share attr:class="button">"Same quiz again"</A>
            </p>
            <HandIn session=finished.clone() />
            <h2>"Review every question"</h2>
            <ol class="review">{review}</ol>
        </section>
    }
    .into_any()
}
