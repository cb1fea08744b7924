//! The result as files for the teacher, with the code that shows whether a
//! file was changed afterwards.

use leptos::prelude::*;
use open_door_core::quiz::QuizSession;
use open_door_core::result::ResultRecord;

use crate::components::download::download;
use crate::content::bundle;

#[component]
pub fn HandIn(session: QuizSession) -> impl IntoView {
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
