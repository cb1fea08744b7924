//! The Classroom page's class results: many result files at once (picked or
//! dropped, JSON or CSV), read and checked on this device, shown as a table
//! of students, how each question went and the class average per topic,
//! with a follow-up quiz of the most-missed questions. The figures come from
//! `open_door_core::class_results`; this is only the view.

use leptos::prelude::*;
use leptos::task::spawn_local;
use open_door_core::class_results::{
    add_new_files, ClassResults, CodeCheck, HandedFile, QuestionStats, StudentRow, WrongAnswers, FOLLOW_UP_MAX,
};
use open_door_core::figures::format_date;
use open_door_core::link::LinkLabels;
use open_door_core::result::{date_of_day, format_time, size_problem};
use wasm_bindgen::JsCast;

use crate::components::download::download;
use crate::components::pack_file::{FileButton, Message, MessageView};
use crate::components::qr::{QrFullScreen, QrImage};
use crate::components::{bring_into_focus, tab_stop_while_scrolling};
use crate::content::{bundle, today};
use crate::pages::quiz_setup::{make_class_link, mark_way_back, ClassLink, CopyLink};
use crate::router::A;
use crate::storage::{
    class_names_hidden, follow_up_made, keep_class_files, keep_class_names_hidden, keep_follow_up_made, kept_class_files,
};

/// Reads every file: its text, or why it was not read.
async fn read_files(files: Vec<web_sys::File>) -> Vec<HandedFile> {
    // Every read is started before any is awaited: `Blob.text()` begins
    // reading when called, and each read is a round trip to the browser, so
    // a class's files then take about as long as the slowest one instead of
    // the sum of all.
    let reads: Vec<_> = files
        .iter()
        .map(|file| match size_problem(file.size() as usize) {
            Some(why) => Err(why),
            None => Ok(wasm_bindgen_futures::JsFuture::from(file.text())),
        })
        .collect();
    let mut read = Vec::with_capacity(files.len());
    for (file, started) in files.iter().zip(reads) {
        let text = match started {
            Err(why) => Err(why),
            Ok(reading) => reading.await.ok().and_then(|text| text.as_string()).ok_or_else(|| "The file could not be read.".to_string()),
        };
        read.push((file.name(), text));
    }
    read
}

#[component]
pub fn ClassResultsSection() -> impl IntoView {
    let files = RwSignal::new(kept_class_files());
    let class = Memo::new(move |_| files.with(|files| (!files.is_empty()).then(|| ClassResults::gather(files, bundle()))));
    // Kept for this tab with every change ("Start again" too); said when
    // the browser refuses, as leaving the page would then lose the table.
    let kept = RwSignal::new(true);
    Effect::new(move |_| kept.set(files.with(|files| keep_class_files(files))));
    // A student's name and score are not the class's to see: hidden, the
    // results can go on the room's screen (or be printed as a handout).
    let names_hidden = RwSignal::new(class_names_hidden());
    let dragging = RwSignal::new(false);
    // The files of the last pick or drop that were already here.
    let given_again = RwSignal::new(Vec::<String>::new());
    let add = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        // Taken out of the list now: the input's list empties when it is reset.
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        spawn_local(async move {
            let read = read_files(chosen).await;
            let mut already = Vec::new();
            files.update(|files| already = add_new_files(files, read));
            given_again.set(already);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        add(input.as_ref().and_then(web_sys::HtmlInputElement::files));
        // The same files can be picked again after "Start again".
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        add(ev.data_transfer().and_then(|d| d.files()));
    };

    view! {
        <section class="class-results" aria-labelledby="class-results-heading">
            <h2 id="class-results-heading">"Class results"</h2>
            // Which files count is told below the table, beside the code
            // check, for a teacher who wonders at a "not counted": before
            // the picker it made nine more lines on a phone.
            <p class="no-print">"At the end of a quiz each student can download their result (JSON or CSV) with their name in it. Give all the files here at once: they are read and checked on this device, and nothing is sent anywhere."</p>
            <div
                class="drop-zone no-print"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <FileButton id="class-files" label="Choose result files (you can pick many at once), or drop them here" accept=".json,.csv,application/json,text/csv" multiple=true on_change=on_pick />
            </div>
            <div role="status" class="class-status">
                {move || class.with(|c| c.as_ref().map(ClassResults::summary))}
                {move || (!kept.get() && class.with(Option::is_some)).then_some(" This browser would not keep them for this tab, so leaving this page clears the table.")}
                // Until "Start again" empties the table.
                {move || given_again.with(|names| match names.as_slice() {
                    _ if names.is_empty() || files.with(Vec::is_empty) => None,
                    [_] if names_hidden.get() => Some(" One file was already here, so it was not added again.".to_string()),
                    names if names_hidden.get() => Some(format!(" {} files were already here, so they were not added again.", names.len())),
                    [name] => Some(format!(" {name} was already here, so it was not added again.")),
                    names => Some(format!(" {} files were already here, so they were not added again: {}.", names.len(), names.join(", "))),
                })}
            </div>
            <Show when=move || class.with(Option::is_some)>
                <p class="choice no-print">
                    <input type="checkbox" id="hide-names" prop:checked=move || names_hidden.get()
                        on:change=move |ev| {
                            let hidden = event_target_checked(&ev);
                            names_hidden.set(hidden);
                            keep_class_names_hidden(hidden);
                        } />
                    <label for="hide-names">"Hide the students' table (names and scores), to show the results to the class"</label>
                </p>
            </Show>
            {move || class.get().map(|class| view! { <ClassView class=class files=files names_hidden=names_hidden /> })}
            <details class="no-print">
                <summary>"Which results count"</summary>
                <p>"Of two files with the same name, the one finished first counts: if they are two students, ask one to download their result again with a surname or initial."</p>
                <p>"One quiz handed in under two names (a result left on a shared device) counts for neither: the table says which files to ask about. A quiz whose time ran out is not compared with the others this way (its code is still checked), as two students who started together can end alike."</p>
                <p>"A file this device cannot mark as the student's device did is not counted, though its code matches: its quiz uses a question pack not added here, or questions changed since the quiz (a pack corrected, or a newer Open Door) that mark its answers otherwise. The row says which, with the score the student's device gave."</p>
            </details>
            <details class="no-print">
                <summary>"What the code check does and does not protect against"</summary>
                <p>"Each result carries a code worked out from everything the file shows: the name, the quiz, the time and the answers. A file edited after the quiz (a changed score, answer, time or name) no longer matches."</p>
                <p>"It is not a lock. Everything runs on the student's own device and the method is public, so a determined student could make a matching code for answers they never gave. It cannot tell who took the quiz, or whether students shared answers. Use it to catch casual editing, not as an exam safeguard."</p>
                <p>"Files from before names were added carry no name, and their code does not cover the time: the table says so."</p>
            </details>
        </section>
    }
}

/// The follow-up quiz's heading, which takes the focus when the quiz is
/// made and when the teacher comes back to it from the projector.
pub const FOLLOW_UP_HEADING: &str = "follow-up-heading";

#[component]
fn ClassView(class: ClassResults, files: RwSignal<Vec<HandedFile>>, names_hidden: RwSignal<bool>) -> impl IntoView {
    let follow_up = RwSignal::new(None::<ClassLink>);
    let follow_up_problem = RwSignal::new(None::<Message>);
    let problem = RwSignal::new(None::<String>);
    let csv = class.to_csv();
    let file_name = class.file_name(today());
    let follow_up_count = class.follow_up.len();
    let follow_up_quiz = class.follow_up_quiz();
    let follow_up_title = class.follow_up_title();
    let made_before = follow_up_quiz.as_ref().is_some_and(|spec| follow_up_made(&spec.href()));
    let make_follow_up = follow_up_quiz.map(|spec| {
        let ids = class.follow_up.clone();
        move || {
            keep_follow_up_made(&spec.href());
            // Made like any class link: a pack quiz's follow-up carries its
            // pack questions too.
            make_class_link(
                ids.clone(),
                spec.clone(),
                LinkLabels { title: Some(follow_up_title.clone()), ..LinkLabels::default() },
                follow_up,
                follow_up_problem,
            );
        }
    });
    // The follow-up's heading takes the focus once it is drawn, after "Make
    // a follow-up quiz" or back from its projector (`mark_way_back`): a
    // follow-up that carries pack questions is drawn only once they are
    // compressed, later than the next frame.
    let focus_follow_up = StoredValue::new(crate::router::address_fragment() == FOLLOW_UP_HEADING);
    if focus_follow_up.get_value() {
        crate::router::replace_fragment(None);
    }
    Effect::new(move |_| {
        if follow_up.with(Option::is_some) && focus_follow_up.get_value() {
            focus_follow_up.set_value(false);
            bring_into_focus(FOLLOW_UP_HEADING);
        }
    });
    // Made before in this tab from these same results (the teacher is back
    // from showing it on the projector), it is shown again.
    if let Some(make) = make_follow_up.as_ref().filter(|_| made_before) {
        make();
    }
    let has_students = !class.students.is_empty();
    let export = move |_| {
        problem.set(download(&file_name, "text/csv", &csv).err().map(|e| format!("The export failed: {e}.")));
    };
    let print = move |_| {
        let _ = window().print();
    };
    // A file's name is often its student's: hidden with the names, its
    // reason shown alone.
    let unreadable = (!class.unreadable.is_empty()).then(|| {
        view! {
            <h3>"Files that could not be read"</h3>
            <p>{move || if names_hidden.get() { "These were skipped (their names are hidden with the table); the rest of the class is shown." } else { "These were skipped; the rest of the class is shown." }}</p>
            <ul class="unreadable">
                {class.unreadable.iter().map(|u| {
                    let file = u.file.clone();
                    view! { <li>{move || (!names_hidden.get()).then(|| view! { <strong>{file.clone()}</strong>": " })}{u.reason.clone()}</li> }
                }).collect_view()}
            </ul>
        }
    });
    let students = class.students.clone();
    let student_table = move || {
        if names_hidden.get() {
            view! { <p class="names-hidden no-print">{format!("The students' table ({} {}) is hidden.", students.len(), if students.len() == 1 { "result" } else { "results" })}</p> }.into_any()
        } else {
            view! { <StudentTable students=students.clone() /> }.into_any()
        }
    };
    let quiz = class.quiz.clone();
    view! {
        {unreadable}
        {quiz.map(|quiz| view! {
            <p class="class-quiz">
                "Class quiz: " <strong>{quiz.title.clone()}</strong>
                {format!(" ({} questions). ", quiz.questions.len())}
                <A href=crate::paths::href(&quiz.class_link(bundle()).href()) attr:class="no-print">"Open the quiz"</A>
                // A printout kept in a folder says when it was made.
                <span class="print-only">{format!("Printed on {}.", format_date(&date_of_day(today())))}</span>
            </p>
        })}
        {has_students.then_some(student_table)}
        {(has_students && class.questions.is_empty()).then(|| view! {
            <p class="no-figures">"No file is counted (see the code check above), so there are no class figures yet."</p>
        })}
        {(!class.questions.is_empty()).then(|| view! {
            <h3>"Questions, most missed first"</h3>
            <ul class="class-questions">
                {class.questions.iter().map(|q| {
                    let wrong = match q.wrong.clone() {
                        WrongAnswers::None => None,
                        WrongAnswers::MostChosen { answers, students } if answers.len() == 1 => Some(view! {
                            <p>"Most chosen wrong answer: " <strong>{answers[0].clone()}</strong>{format!(" ({students} {})", if students == 1 { "student" } else { "students" })}</p>
                        }.into_any()),
                        // One to a line: a tick-all answer is a list of its own.
                        WrongAnswers::MostChosen { answers, students } => Some(view! {
                            <p>{format!("Most chosen wrong answers, {students} students each:")}</p>
                            <ul class="class-wrong-answers">
                                {answers.into_iter().map(|answer| view! { <li><strong>{answer}</strong></li> }).collect_view()}
                            </ul>
                        }.into_any()),
                        WrongAnswers::Spread { students } => Some(view! {
                            <p>{format!("No wrong answer stood out: the {students} students who answered it wrongly each gave a different answer.")}</p>
                        }.into_any()),
                    };
                    view! {
                        <li>
                            <p class="class-question-prompt"><strong>{format!("Question {}: ", q.number)}</strong>{q.prompt.clone()}</p>
                            <p class="class-question-score">{question_score(q)}</p>
                            <p class="class-question-answer">"Right answer: " <strong>{q.answer.clone()}</strong></p>
                            {wrong}
                            // As every other page quotes it: marks of its own would double
                            // the quotation marks a quote of speech starts or ends with.
                            <blockquote class="evidence"><p>{q.evidence.clone()}</p></blockquote>
                            <p class="source">{format!("From {}.", q.source)}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <table class="by-topic class-topics">
                <caption>"Class average by topic (a question on two topics counts in both)"</caption>
                <thead><tr><th scope="col">"Topic"</th><th scope="col">"Class average"</th></tr></thead>
                <tbody>
                    {class.topics.iter().map(|t| view! {
                        <tr><th scope="row">{t.title.clone()}</th><td>{format!("{}% ({} of {} {} right)", t.percent(), t.right, t.asked, if t.asked == 1 { "answer" } else { "answers" })}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        <p class="actions">
            {make_follow_up.map(|make| {
                view! {
                    // The link comes below the table's buttons: its heading
                    // takes the focus, as a class link's does.
                    <button type="button" class="primary" on:click=move |_| {
                        focus_follow_up.set_value(true);
                        make();
                    }>
                        "Make a follow-up quiz of the most-missed questions"
                    </button>
                }
            })}
            {has_students.then(|| view! {
                <button type="button" on:click=export>"Export the table (CSV)"</button>
                <button type="button" on:click=print>"Print the class results"</button>
            })}
            // The button goes with the table: the focus goes on to what
            // comes next, picking the files. A class's files gathered one
            // by one are not cleared by a stray press: ask first.
            <button type="button" on:click=move |_| {
                let count = files.with_untracked(Vec::len);
                let question = format!(
                    "Clear the class results? The table of {count} {} goes; to see it again, choose the files again.",
                    if count == 1 { "file" } else { "files" }
                );
                if window().confirm_with_message(&question).unwrap_or(false) {
                    files.set(Vec::new());
                    bring_into_focus("class-files");
                }
            }>"Start again"</button>
        </p>
        <p role="alert">{move || problem.get()}</p>
        <MessageView message=follow_up_problem />
        {move || follow_up.get().map(|class_link| {
            let href = class_link.handed_out();
            let projector = class_link.with_fragment(crate::paths::href(&class_link.link.projector_href()));
            view! {
                <div class="follow-up">
                    <h3 id=FOLLOW_UP_HEADING tabindex="-1">"The follow-up quiz"</h3>
                    <p>{format!("The {follow_up_count} most-missed questions (of those missed by at least one student, at most {FOLLOW_UP_MAX}), in practice mode (the answer after each question). Hand out this link:")}</p>
                    <p class="share-link-box"><a class="share-link" href=href.clone()>{href.clone()}</a></p>
                    {class_link.too_big.map(|pack| view! {
                        <p role="alert">{format!("Its questions from your pack \"{}\" are too many to fit in the link: hand out the pack file with it (Export, under Your own questions).", pack.name)}</p>
                    })}
                    <CopyLink text=href.clone() />
                    <QrImage text=href.clone() label="QR code of the follow-up quiz's link" />
                    <p class="actions">
                        <QrFullScreen text=href.clone() title=class_link.link.title_with_mode(bundle()) />
                        <A href=projector attr:class="button" on:click=|ev| mark_way_back(&ev, FOLLOW_UP_HEADING)>"Show them on the projector"</A>
                    </p>
                </div>
            }
        })}
    }
}

/// How a question went: those who gave no answer (their time ran out)
/// said apart from those who answered it wrongly.
fn question_score(q: &QuestionStats) -> String {
    match q.unanswered {
        0 => format!("{} of {} answered right.", q.right, q.asked),
        n => format!("{} of {} answered right; {n} gave no answer.", q.right, q.asked),
    }
}

#[component]
fn StudentTable(students: Vec<StudentRow>) -> impl IntoView {
    let scroller = NodeRef::new();
    tab_stop_while_scrolling(scroller);
    view! {
        // Scrolls sideways where six columns do not fit (a phone shows each
        // row as a card instead), and is then a tab stop.
        <div class="class-table-wrap" role="region" node_ref=scroller aria-label="Students">
        <table class="class-table">
            <caption>"Students"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Score"</th>
                    <th scope="col">"Time"</th>
                    <th scope="col">"Finished"</th>
                    <th scope="col">"Code check"</th>
                    <th scope="col">"File"</th>
                </tr>
            </thead>
            <tbody>
                {students.into_iter().map(|s| {
                    let name = if s.name.is_empty() { view! { <em>"no name"</em> }.into_any() } else { view! { {s.name.clone()} }.into_any() };
                    let time = if s.time_checked { format_time(s.seconds) } else { format!("{} (not covered by the code)", format_time(s.seconds)) };
                    let (class, check) = match &s.check {
                        CodeCheck::Matches => ("right", "✓ Matches".to_string()),
                        CodeCheck::DoesNotMatch(why) => ("wrong", format!("✗ Does not match: {why}")),
                        CodeCheck::OtherQuiz(title) => ("other", format!("Another quiz: {title}")),
                        CodeCheck::NotMarkedHere(why) => ("other", format!("Not marked here: {why}")),
                    };
                    // A copy of one result is no cause for alarm: a student may
                    // hand in both of their files.
                    let note = s.duplicate.clone().map(|d| {
                        let (class, label) = if d.to_ask { ("wrong", "Duplicate") } else { ("note", "Copy") };
                        view! { <br /><span class=class>{format!("{label}: {}", d.why)}</span> }
                    });
                    // Questions the time ran out on are not wrong answers. Each
                    // note is a line of its own (`.note` is a block): a line break
                    // before it left an empty line between two notes.
                    let unanswered = (s.unanswered > 0).then(|| view! { <span class="note">{format!("{} not answered", s.unanswered)}</span> });
                    // Beside the score it concerns, which on a phone is on the first
                    // screen with the name (the code check's reasons are scrolled to).
                    let uncounted = (!s.counted).then(|| view! { <span class="note">"not counted"</span> });
                    let claimed = s.score_is_claimed().then(|| view! { <span class="note">"the file's claim"</span> });
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            // Labelled for a phone, where each row is a card (public/pages.css).
                            <td class="figure" data-label="Score">{format!("{} of {}", s.correct, s.total)}{claimed}{unanswered}{uncounted}</td>
                            <td class="figure" data-label="Time">{time}</td>
                            <td class="figure" data-label="Finished">{s.finished.as_deref().map_or_else(|| "not said".to_string(), local_time)}</td>
                            <td class=format!("check {class}") data-label="Code check">{check}{note}</td>
                            <td class="file" data-label="File">{s.file.clone()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// A file's finish time (UTC) on this device's clock: "10:42" today,
/// "2026-11-25 10:42" on another day.
fn local_time(utc: &str) -> String {
    let at = js_sys::Date::new(&utc.into());
    let now = js_sys::Date::new_0();
    let time = format!("{:02}:{:02}", at.get_hours(), at.get_minutes());
    let day = |d: &js_sys::Date| (d.get_full_year(), d.get_month(), d.get_date());
    if day(&at) == day(&now) {
        time
    } else {
        format!("{:04}-{:02}-{:02} {time}", at.get_full_year(), at.get_month() + 1, at.get_date())
    }
}
