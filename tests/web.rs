//! Component tests in headless Chromium (wasm-bindgen-test): mount a view,
//! act on it, let the reactive system run, then read the DOM. The app as a
//! whole (its shell, its router, its pages in their modules) is checked by
//! the end-to-end tests against the release build (e2e/shell.test.mjs).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use open_door::components::question::{Feedback, QuestionForm};
use open_door::content::bundle;
use open_door::storage::{Persistence, ProgressStore};
use open_door_core::quiz::{choice_order, prepare, Mode, QuizItem, QuizSession, QuizSpec, Selection};
use open_door_core::result::ResultRecord;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let div = document().create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

async fn tick() {
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn a_question_is_a_fieldset_with_its_prompt_as_legend_and_real_radios() {
    let question = open_door::content::complete_bundle().await.expect("in one wasm here").question("000-02").unwrap();
    assert!(!question.prompt.is_empty(), "the question's words came with its details");
    let item = QuizItem { question_id: question.id.clone(), choice_order: choice_order(question, 5) };
    let answered = RwSignal::new(None::<Vec<usize>>);
    let given = RwSignal::new(None::<Vec<usize>>);
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        view! {
            <QuestionForm question=question item=item answered=answered.into()
                on_answer=Callback::new(move |r| given.set(Some(r))) submit_label="Check answer" />
        }
    });
    tick().await;
    let legend = root.query_selector("fieldset > legend").unwrap().unwrap();
    assert_eq!(legend.text_content().unwrap(), question.prompt);
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length() as usize, question.choices.len());

    // Submitting with nothing chosen says so instead of scoring.
    let button = root.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into::<web_sys::HtmlElement>();
    button.click();
    tick().await;
    assert_eq!(given.get_untracked(), None);
    assert!(root.query_selector("[role=alert]").unwrap().unwrap().text_content().unwrap().contains("Choose an answer"));

    // Choosing the second shown choice and submitting hands over its index
    // in the question's own order.
    radios.item(1).unwrap().unchecked_into::<web_sys::HtmlElement>().click();
    tick().await;
    button.click();
    tick().await;
    assert_eq!(given.get_untracked(), Some(vec![choice_order(question, 5)[1]]));
    root.remove();
}

#[wasm_bindgen_test]
async fn feedback_says_right_or_wrong_in_words_and_cites_its_article() {
    // The app embeds questions without their words and feedback; they come here.
    assert!(!open_door::content::library().bundle.has_details("002-05"));
    let question = open_door::content::complete_bundle().await.expect("in one wasm here").question("002-05").unwrap();
    let wrong = (0..question.choices.len()).find(|&i| !question.is_correct(&[i])).unwrap();
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        // Its citation is a router link, so it needs the router.
        open_door::router::provide_router();
        view! { <Feedback question=question response=vec![wrong] node_ref=NodeRef::new() /> }
    });
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Not quite."), "{text}");
    assert!(text.contains("The answer: Turkey and Hungary"), "{text}");
    assert!(root.query_selector(".icon[aria-hidden=true]").unwrap().is_some(), "an icon beside the words");
    let cite = root.query_selector("blockquote + figcaption cite a").unwrap().unwrap();
    assert_eq!(cite.get_attribute("href").unwrap(), "/sources/002?q=002-05#evidence");
    assert!(text.contains("Since then (as of 7 March 2024)"), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
fn damaged_saved_progress_loads_as_a_fresh_start_with_a_notice_and_a_backup() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.set_item("open-door.progress", "{\"version\":1,").unwrap();
    let owner = Owner::new();
    let store = owner.with(|| ProgressStore::load(bundle()));
    assert_eq!(store.persistence.get_untracked(), Persistence::Device);
    let notices = store.notices.get_untracked();
    assert!(notices[0].contains("damaged"), "{notices:?}");
    assert!(notices.iter().any(|n| n.contains("A copy of what could not be read was kept")), "{notices:?}");
    let backups = open_door::storage::backups();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].1, "{\"version\":1,");
    storage.clear().unwrap();
}

/// Wrong answers given equally often are listed one to a line: run into
/// one sentence, a tick-all answer's own list and "and"s ran into the next.
#[wasm_bindgen_test]
async fn the_class_results_list_wrong_answers_given_equally_often_one_to_a_line() {
    let bank = open_door::content::complete_bundle().await.expect("in one wasm here");
    let question = bank.question("002-05").unwrap();
    let wrong: Vec<usize> = (0..question.choices.len()).filter(|&i| !question.is_correct(&[i])).take(2).collect();
    let spec = QuizSpec { selection: Selection::Ids(vec!["002-05".into()]), seed: 1, mode: Mode::Test, minutes: None };
    // Two students gave each wrong answer.
    let files: Vec<_> = ["Ana", "Bo", "Cy", "Di"]
        .iter()
        .enumerate()
        .map(|(n, name)| {
            let (items, _) = prepare(bank, &spec);
            // Each in a time of their own: alike, they would be one quiz
            // handed in under two names.
            let started = n as f64 * 1_000.0;
            let mut session = QuizSession::new(spec.clone(), items, started);
            session.submit(bank, 0, vec![wrong[n % 2]]);
            session.finish(started + 60_000.0 + n as f64 * 7_000.0);
            (format!("{name}.json"), Ok(ResultRecord::from_session(&session, bank, name).to_json()))
        })
        .collect();
    assert!(open_door::storage::keep_class_files(&files));
    let root = container();
    let _handle = mount_to(root.clone(), || {
        open_door::router::provide_router();
        view! { <open_door::components::class_results::ClassResultsSection /> }
    });
    tick().await;
    let listed: Vec<String> = (0..2)
        .map(|n| root.query_selector_all(".class-wrong-answers li").unwrap().get(n).and_then(|li| li.text_content()).unwrap_or_default())
        .collect();
    // In the order of the question's own choices.
    let expected: Vec<String> = wrong.iter().map(|&i| question.choices[i].clone()).collect();
    assert_eq!(listed, expected);
    assert_eq!(root.query_selector_all(".class-wrong-answers li").unwrap().length(), 2);
    let text = root.text_content().unwrap();
    assert!(text.contains("Most chosen wrong answers, 2 students each:"), "{text}");
    window().session_storage().unwrap().unwrap().clear().unwrap();
    root.remove();
}
