use leptos::prelude::*;

use crate::components::title::PageTitle;
use crate::pages::quiz_setup::{BuilderPurpose, QuizBuilder};

#[component]
pub fn Classroom() -> impl IntoView {
    view! {
        <PageTitle text="Classroom" />
        <p>"Build one quiz for the whole class and hand out its link. No accounts and no server: the link itself carries the quiz, and it works offline on any device that has opened Open Door before."</p>
        <QuizBuilder purpose=BuilderPurpose::Share />
    }
}
