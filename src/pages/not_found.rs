use leptos::prelude::*;

use crate::components::title::PageTitle;
use crate::router::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle text="Page not found" />
        <p>"There is no page at this address. It may have been mistyped, or the link may be out of date."</p>
        <p><A href=crate::paths::href("/")>"Go to the home page"</A></p>
    }
}
