use leptos::prelude::*;
use open_door_core::quiz::QuizSpec;

use crate::components::title::set_title;
use crate::components::unfinished::{use_resume_links, UnfinishedQuizzes};
use crate::content::{bundle, today};
use crate::router::A;
use crate::storage::use_progress;

#[component]
pub fn Home() -> impl IntoView {
    set_title("");
    let store = use_progress();
    let unfinished = use_resume_links();
    // Each click starts a fresh shuffle; the play page fixes it in the URL.
    let quick = QuizSpec::quick(0).unseeded_href();
    // A finished quiz's score is counted from its questions' answers, which
    // come with their details, not with the app: a fresh load asks for the
    // details of the quizzes listed below and shows each score once they are
    // here (counted before, every answer was wrong: "0 of 5 right").
    let details_came = Trigger::new();
    let awaited: Vec<String> = store.progress.with_untracked(|p| {
        p.finished().iter().flat_map(|s| &s.items).map(|item| item.question_id.clone()).filter(|id| !bundle().has_details(id)).collect()
    });
    if !awaited.is_empty() {
        leptos::task::spawn_local(async move {
            if crate::content::details_of(&awaited).await.is_ok() {
                details_came.notify();
            }
        });
    }
    // A pack's quizzes this load keeps hidden, said below the results.
    let hidden = store
        .progress
        .with_untracked(|p| p.hidden_by_pack().into_iter().map(|(pack, count)| hidden_quizzes(pack, count)).collect::<Vec<_>>().join(" "));
    let due = move || {
        let ids: Vec<String> = store.progress.with(|p| p.due(today())).into_iter().filter(|id| bundle().question(id).is_some()).collect();
        (!ids.is_empty()).then(|| {
            let count = ids.len();
            (QuizSpec::of_questions(ids, 0).unseeded_href(), count)
        })
    };
    view! {
        <h1>"Open Door: how a country joins NATO"</h1>
        <p class="lead">
            "Learn how a country becomes a member of NATO, from the treaty's Article 10 to the agreement of every ally, and what Article 5's promise of collective defence does and does not say. "
            "Then test yourself on five news texts from 2022 and 2023 about Ukraine's bid, Finland's accession and the Vilnius summit, and on the treaty's own words, each question built on a quote from its source."
        </p>
        // A student back to a quiz left midway (an installed app opens
        // here) finds it first, on a phone's first screen; the list below
        // has the others, and how far each got.
        {move || {
            let latest = unfinished().into_iter().next();
            let start_class = if latest.is_some() { "button" } else { "button primary" };
            view! {
                <p class="actions">
                    {latest.map(|link| view! { <A href=crate::paths::href(&link.href) attr:class="button primary">{link.label}</A> })}
                    <A href=crate::paths::href(&quick) attr:class=start_class>"Start a 10-question quiz"</A>
                    <A href=crate::paths::href("/learn") attr:class="button">"Read the explainers"</A>
                </p>
            }
        }}
        <UnfinishedQuizzes links=unfinished />
        // A result is handed in as a file: a student who lost it, or must
        // hand it in again, finds it here without the class link.
        {move || {
            details_came.track();
            let finished: Vec<_> = store.progress.with(|p| {
                p.finished()
                    .into_iter()
                    .map(|s| {
                        let counted = s.items.iter().all(|item| bundle().has_details(&item.question_id));
                        let score = counted.then(|| s.score(bundle())).map(|score| format!(" {} of {} right", score.correct, score.total));
                        (s.href(), s.title(bundle()), score)
                    })
                    .collect()
            });
            (!finished.is_empty()).then(|| view! {
                <section aria-labelledby="finished-heading">
                    <h2 id="finished-heading">"Your results"</h2>
                    <p>"Each opens with its review and its result file to download again."</p>
                    <ul class="finished-list">
                        {finished.into_iter().map(|(href, title, score)| view! {
                            <li><A href=crate::paths::href(&href)>{title}</A>{score.map(|score| view! { <span>{score}</span> })}</li>
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
        // Empty, the paragraph is not shown (pages.css).
        <p class="hidden-quizzes">{hidden}</p>
        {move || {
            let best = store.progress.with(|p| p.best_by_topic.clone());
            (!best.is_empty()).then(|| view! {
                <section aria-labelledby="best-heading">
                    <h2 id="best-heading">"Your best scores"</h2>
                    <ul>
                        {bundle().topics.iter().filter_map(|t| best.get(&t.id).map(|percent| view! {
                            <li>{format!("{}: {percent}%", t.title)}</li>
                        })).collect_view()}
                    </ul>
                </section>
            })
        }}
        <section aria-labelledby="review-heading">
            <h2 id="review-heading">"Review"</h2>
            {move || match due() {
                Some((href, count)) => view! {
                    <p>
                        {format!("{count} question{} you missed before {} due for review today. ", if count == 1 { "" } else { "s" }, if count == 1 { "is" } else { "are" })}
                        <A href=crate::paths::href(&href)>"Review them now"</A>
                    </p>
                }.into_any(),
                None => view! { <p>"Nothing is due for review. Questions you miss come back here over the following days."</p> }.into_any(),
            }}
        </section>
    }
}

/// What the home page says of a pack's quizzes kept hidden this time
/// (`Progress::hidden_by_pack`): a student whose result left the list must
/// not think it lost, and can bring it back.
fn hidden_quizzes(pack: &str, count: usize) -> String {
    let (quizzes, are, them) =
        if count == 1 { ("Your quiz".to_string(), "is", "it") } else { (format!("Your {count} quizzes"), "are", "them") };
    format!(
        "{quizzes} from the question pack “{pack}” {are} saved, but not shown for now. Open your teacher's link for “{pack}” again to see {them}."
    )
}
