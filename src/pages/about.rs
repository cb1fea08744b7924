use leptos::prelude::*;

use crate::components::title::PageTitle;
use crate::storage::use_progress;

#[component]
pub fn About() -> impl IntoView {
    let store = use_progress();
    view! {
        <PageTitle text="About and privacy" />
        <p>"Open Door teaches how a country joins NATO and what Article 5 promises, from five news texts of 2022 and 2023 and the treaty itself."</p>
        <h2>"Privacy"</h2>
        <ul>
            <li>"No accounts, no sign-in, no cookies."</li>
            <li>"No analytics, no tracking, no advertising, no fonts or scripts from other sites."</li>
            <li>"Your answers and progress are kept only in this browser, on this device. Nothing is sent anywhere."</li>
        </ul>
        <p><button type="button" on:click=move |_| store.erase()>"Erase my data on this device"</button></p>
        <h2>"The sources"</h2>
        <p>"The texts are shown as they were handed to us, with page furniture such as share buttons and link lists removed. Where a text names no outlet or prints no headline, the app says so rather than guessing. Facts that changed after a text was written carry a dated note."</p>
    }
}
