//! Playing a quiz from its link. The link names the quiz; its saved state
//! (answers, the question on screen, the result once finished) lives once,
//! in the progress store, under the link's key, so leaving by any link and
//! coming back by Back, by the same link or by a reload finds it as it was.

mod question;
mod results;

use leptos::prelude::*;
use open_door_core::link::{QuizLink, PLAY_PATH};
use open_door_core::quiz::QuizSession;

use crate::components::mark_root;
use crate::components::needs_pack::NeedsPack;
use crate::components::notices::{CutLink, LinkNotices};
use crate::components::title::PageTitle;
use crate::content::{bundle, now_ms, random_seed};
use crate::router::{use_location, A};
use crate::storage::use_progress;

use crate::lazy::{LazyView, NotLoaded, SplitView};
use question::{QuestionScreen, TimeLimit};
use results::{results_screen, ResultsInputs};

#[component]
pub fn Play() -> impl IntoView {
    let store = use_progress();
    let location = use_location();
    // The location changes before this page goes away when the student
    // follows a link out of the quiz (the evidence, the menu): the link
    // stays the quiz's own until then, so nothing reacts to another page's
    // query.
    let link = Memo::new(move |previous: Option<&QuizLink>| {
        let on_this_page = location.pathname.with(|path| path.ends_with(PLAY_PATH));
        match previous {
            Some(previous) if !on_this_page => previous.clone(),
            _ => QuizLink::open(&location.search.get(), bundle()),
        }
    });

    let start = move |link: &QuizLink| {
        store.change(|p| {
            p.start_or_resume(link, bundle(), now_ms());
        });
    };
    // Effects sync with the outside world: the URL and storage. A link
    // without a seed gets one fixed in the URL first (replacing the history
    // entry), so Back and reload find this same quiz: its unfinished quiz's
    // where it lists its questions (see `Progress::unfinished_seed`), a
    // fresh one otherwise. Then the link's saved quiz is resumed, or
    // started, unless it has a time limit and has not started yet: that
    // waits for Start.
    Effect::new(move |_| {
        link.with(|link| {
            if !link.is_seeded() {
                let seed = store.progress.with_untracked(|p| p.unfinished_seed(link.spec())).unwrap_or_else(random_seed);
                crate::paths::go(&link.href_with_seed(seed), true);
            } else if !link.items().is_empty() {
                let started = store.progress.with_untracked(|p| p.quiz(link).is_some());
                if started || !link.spec().waits_for_start() {
                    start(link);
                }
            }
        })
    });

    let session = Memo::new(move |_| {
        let key = link.with(QuizLink::key);
        store.progress.with(|p| p.quizzes.get(&key).cloned())
    });
    let screen = Memo::new(move |_| {
        session.with(|s| s.as_ref().map(|s| if s.is_finished() { Screen::Results } else { Screen::Question(s.current) }))
    });
    // A timed quiz's question keeps room for the sticky time left above
    // whatever is scrolled to (style.css, `html[data-timed]`). Marked on the
    // page's root from here rather than found by `:has(.time-left)` in the
    // stylesheet: that selector made the browser restyle much more of the
    // page on every change (a third of an answer's style work, measured).
    Effect::new(move |_| {
        let timed =
            matches!(screen.get(), Some(Screen::Question(_))) && session.with(|s| s.as_ref().is_some_and(|s| s.deadline_ms().is_some()));
        mark_root("data-timed", timed);
    });
    on_cleanup(|| mark_root("data-timed", false));
    // Which screen was shown before, to tell results reached by finishing
    // (focus moves to them) from results reopened by Back or a reload
    // (the browser puts the student back where they were).
    let previous = StoredValue::new(None::<(Screen, bool)>);
    let nothing_to_ask = move || link.with(|l| l.is_seeded() && l.items().is_empty());
    // A screen whose questions' words are still on their way is drawn again
    // once they have come.
    let details_came = Trigger::new();

    view! {
        // The teacher's title, where the link gives one: what the projector
        // and the worksheet call this quiz.
        {move || view! { <PageTitle text=link.with(|l| l.labels().title.clone()).unwrap_or_else(|| "Quiz".into()) /> }}
        <LinkNotices link=link />
        {move || {
            details_came.track();
            match shown_after(&previous, screen.get()) {
                _ if link.with(QuizLink::is_cut) => view! { <CutLink /> }.into_any(),
                // A pack quiz on a device without its questions names the pack.
                _ if link.with(|l| l.needs_pack().is_some()) => {
                    view! { <NeedsPack name=link.with(|l| l.needs_pack().unwrap_or_default().to_string()) /> }.into_any()
                }
                _ if nothing_to_ask() => view! {
                    <p>"No questions match this quiz. " <A href=crate::paths::href("/quiz")>"Choose other topics or sources"</A></p>
                }
                .into_any(),
                None if link.with(|l| l.spec().waits_for_start()) => view! {
                    <StartScreen link=link start=Callback::new(move |()| link.with_untracked(start)) />
                }
                .into_any(),
                None => view! { <p>"Preparing your quiz…"</p> }.into_any(),
                Some((screen, _)) if !awaiting_details(session, screen).is_empty() => {
                    let (loading, failed) = match screen {
                        Screen::Question(_) => ("Loading this question…", "This question did not load"),
                        Screen::Results => ("Loading your results…", "Your results did not load"),
                    };
                    view! {
                        // The time runs on while a question's words are on
                        // their way or did not come: the clock shows it,
                        // and ends the quiz when it is up.
                        {matches!(screen, Screen::Question(_)).then(|| view! { <TimeLimit link=link session=session /> })}
                        <LazyView load=move || screen_details(session, screen, details_came) props=(link, session, false) loading=loading failed=failed />
                    }
                    .into_any()
                }
                Some((Screen::Results, arrived)) => view! {
                    <LazyView load=results_screen props=(link, session, arrived) loading="Loading your results…" failed="Your results did not load" />
                }
                .into_any(),
                Some((Screen::Question(index), _)) => view! { <QuestionScreen link=link session=session index=index /> }.into_any(),
            }
        }}
    }
}

/// The questions `screen` shows whose words and feedback are not here yet:
/// the class link's questions whose files are still on their way, or those
/// whose words come with every question's (src/content.rs). A finished quiz
/// reopened by a reload may come before the class link's files have, and its
/// review shows every question.
fn awaiting_details(session: SessionMemo, screen: Screen) -> Vec<String> {
    session.with_untracked(|s| {
        let items = s.as_ref().map_or(&[][..], |s| match screen {
            Screen::Question(index) => s.items.get(index..=index).unwrap_or_default(),
            Screen::Results => &s.items,
        });
        items.iter().map(|item| &item.question_id).filter(|id| !bundle().has_details(id)).cloned().collect()
    })
}

/// Waits for the words and feedback `screen` needs, then has it drawn
/// (`came`). It waits as the results screen's module does, with its inputs.
async fn screen_details(session: SessionMemo, screen: Screen, came: Trigger) -> Result<SplitView<ResultsInputs>, NotLoaded> {
    crate::content::details_of(&awaiting_details(session, screen)).await?;
    came.notify();
    Ok(|_| ().into_any())
}

/// What the quiz page shows: one screen per state of the saved quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Question(usize),
    Results,
}

/// The screen to show, and whether it follows a question on this page.
/// The same screen drawn again (its questions' words have come) keeps what
/// it followed: results that waited for them still take the focus.
fn shown_after(previous: &StoredValue<Option<(Screen, bool)>>, now: Option<Screen>) -> Option<(Screen, bool)> {
    let shown = now.map(|screen| match previous.get_value() {
        Some((before, arrived)) if before == screen => (screen, arrived),
        before => (screen, matches!(before, Some((Screen::Question(_), _)))),
    });
    previous.set_value(shown);
    shown
}

/// The saved quiz on this page, as the screens read it.
type SessionMemo = Memo<Option<QuizSession>>;

/// Before a timed quiz: what it is, and a Start button that starts its
/// clock. The first question then takes focus, as later ones do.
#[component]
fn StartScreen(link: Memo<QuizLink>, start: Callback<()>) -> impl IntoView {
    // The teacher's title is already the page's heading.
    let about = link.with_untracked(|l| if l.labels().title.is_some() { l.outline() } else { l.summary(bundle()) });
    let begin = move |_| {
        start.run(());
        focus_first_question();
    };
    view! {
        <section class="start-quiz" aria-labelledby="start-quiz-heading">
            <h2 id="start-quiz-heading">"Ready when you are"</h2>
            <p class="quiz-summary">{about}</p>
            <p>"The clock starts when you press Start, and keeps running if you leave the quiz and come back."</p>
            <button type="button" class="primary" on:click=begin>"Start the quiz"</button>
        </section>
    }
}

/// Puts focus on the first question once it is drawn (after Start, or
/// "Take it again"), as a later question takes it: the button pressed is
/// gone, and focus would otherwise fall back to the page. The page starts
/// at the top, with the quiz's title, as a new quiz does (the results were
/// scrolled down to the button).
fn focus_first_question() {
    request_animation_frame(|| {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(heading) = document().query_selector(".question-heading").ok().flatten() {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(heading).focus();
        }
    });
}
