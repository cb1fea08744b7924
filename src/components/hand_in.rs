//! Handing in a result: the student's name or nickname (optional, kept on
//! this device only), the result as JSON or CSV named after the student,
//! the quiz and the day, and the code the teacher checks it with.
//!
//! A result keeps the name it was handed in under. A new one starts with
//! no name and offers the one last typed on the device: on a tablet the
//! class shares, that is the last student's, which filled in unasked would
//! hand in the next student's answers under it.

use leptos::prelude::*;
use open_door_core::quiz::QuizSession;
use open_door_core::result::{clean_name, ResultRecord, SavedFile, MAX_NAME_CHARS};

use crate::components::download::download;
use crate::content::{bundle, now_ms};
use crate::storage::{result_name, save_name, saved_file, saved_name, use_progress};

/// The day (counted from 1970-01-01) on the student's own calendar, so a
/// quiz finished just after midnight is dated by the student's clock.
fn local_day(ms: f64) -> i64 {
    let offset_minutes = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).get_timezone_offset();
    ((ms - offset_minutes * 60_000.0) / 86_400_000.0).floor() as i64
}

#[component]
pub fn HandIn(
    session: QuizSession,
    /// Names this result (its quiz and when it finished) among the device's.
    result: String,
) -> impl IntoView {
    let store = use_progress();
    let own_name = result_name(&result);
    let kept_name = Some(saved_name()).filter(|kept| own_name.is_none() && !kept.is_empty());
    let name = RwSignal::new(own_name.unwrap_or_default());
    let result = StoredValue::new(result);
    let name_field = NodeRef::<leptos::html::Input>::new();
    let day = local_day(session.finished_at_ms.unwrap_or_else(now_ms));
    // The student's next step in a lesson, as the results page leaves it.
    let set_by_teacher = session.is_set_by_teacher();
    let record = Memo::new(move |_| name.with(|name| ResultRecord::from_session(&session, bundle(), name)));
    // What became of the downloads, said either way (a phone's download can
    // go unnoticed): the file last saved (a status, kept for the tab), the
    // last failure (an alert).
    let saved = RwSignal::new(result.with_value(|result| saved_file(result)));
    let failed = RwSignal::new(None::<String>);
    let (status_ref, alert_ref) = (NodeRef::<leptos::html::P>::new(), NodeRef::<leptos::html::P>::new());
    let save = move |extension: &'static str, mime: &'static str| {
        let record = record.get_untracked();
        let text = if extension == "csv" { record.to_csv(bundle()) } else { record.to_json() };
        let file_name = record.file_name(day, extension);
        let said = match download(&file_name, mime, &text) {
            Ok(()) => {
                let file = SavedFile { result: result.get_value(), file_name, name: record.name };
                store.keep_saved_file(file.clone());
                saved.set(Some(file));
                failed.set(None);
                status_ref
            }
            Err(e) => {
                failed.set(Some(format!("The download failed: {e}.")));
                alert_ref
            }
        };
        // Shown, not only said: on a phone the words came at the screen's
        // foot, cut off, below the buttons pressed.
        request_animation_frame(move || {
            let Some(said) = said.get_untracked() else { return };
            let screen_height = window().inner_height().ok().and_then(|height| height.as_f64()).unwrap_or(f64::INFINITY);
            if said.get_bounding_client_rect().bottom() > screen_height {
                said.scroll_into_view_with_bool(false);
            }
        });
    };
    // A file without a name reaches the teacher's table as "no name", and
    // the teacher cannot tell whose it is; a name changed since the file
    // was saved leaves it with the old one (or none) and another code.
    let status = move || {
        saved.with(|file| {
            let file = file.as_ref()?;
            let file_name = &file.file_name;
            let typed = name.with(|typed| clean_name(typed));
            Some(match (file.carries(&typed), file.name.is_empty(), typed.is_empty()) {
                (true, false, _) => format!("Saved as {file_name} in your downloads. Hand this file to your teacher."),
                (true, true, _) => format!(
                    "Saved as {file_name} in your downloads. It has no name, so your teacher cannot tell it is yours: type your name above and download again."
                ),
                (false, false, true) => format!(
                    "You cleared the name after saving {file_name}: that file still carries it and can be handed in, but a download now would have no name."
                ),
                (false, false, false) => format!(
                    "You changed your name after saving {file_name}, so that file has the old name and another code: download again to hand in this one."
                ),
                (false, true, _) => format!("You added your name after saving {file_name}, which has none: download again to hand in this one."),
            })
        })
    };
    view! {
        <section class="hand-in" aria-labelledby="hand-in-heading">
            <h2 id="hand-in-heading">"Hand in your result"</h2>
            <p class="field">
                <label for="hand-in-name">"Name or nickname (optional)"</label>
                // The name kept on the device is offered beside the field,
                // not below it: below, it pushed the download off a phone's
                // first screen.
                <span class="name-row">
                    <input
                        id="hand-in-name"
                        type="text"
                        autocomplete="nickname"
                        maxlength=MAX_NAME_CHARS
                        aria-describedby="hand-in-name-note"
                        node_ref=name_field
                        prop:value=move || name.get()
                        on:input=move |ev| {
                            let typed = event_target_value(&ev);
                            let cleaned = clean_name(&typed);
                            save_name(&cleaned);
                            result.with_value(|result| store.keep_result_name(result, &cleaned));
                            name.set(typed);
                        }
                    />
                    {kept_name.map(|kept| {
                        let label = format!("Use {kept}");
                        let described = format!("Use {kept}, the name kept on this device");
                        let use_it = move |_| {
                            // Kept again for the device too: typing and clearing
                            // the field had erased it.
                            save_name(&kept);
                            result.with_value(|result| store.keep_result_name(result, &kept));
                            name.set(kept.clone());
                            // The button goes with the empty field: the focus goes
                            // to the name it put there.
                            if let Some(field) = name_field.get_untracked() {
                                let _ = field.focus();
                            }
                        };
                        move || name.with(|typed| typed.trim().is_empty()).then(|| view! {
                            <button type="button" class="use-kept-name" aria-label=described.clone() on:click=use_it.clone()>{label.clone()}</button>
                        })
                    })}
                </span>
                <span id="hand-in-name-note" class="note">
                    // The field takes no more (its maxlength counts as this
                    // does), which looked like a keyboard that had stopped.
                    {move || {
                        name.with(|typed| typed.encode_utf16().count() >= MAX_NAME_CHARS)
                            .then(|| format!("The field is full ({MAX_NAME_CHARS} characters at most). "))
                    }}
                    "It goes into your result file and its name, and is remembered on this device for next time. Nothing is sent anywhere."
                </span>
            </p>
            <p>"Your code: " <strong class="result-code">{move || record.with(|r| r.code.clone())}</strong></p>
            <p class="actions">
                <button type="button" class:primary=set_by_teacher on:click=move |_| save("json", "application/json")>"Download result (JSON)"</button>
                <button type="button" on:click=move |_| save("csv", "text/csv")>"Download result (CSV)"</button>
            </p>
            <p role="status" node_ref=status_ref>{status}</p>
            <p role="alert" node_ref=alert_ref>{move || failed.get()}</p>
            <p>"Your teacher can check the code against your result file on the Classroom page. Either file will do: the Classroom page reads both, and a CSV file also opens in a spreadsheet."</p>
        </section>
    }
}
