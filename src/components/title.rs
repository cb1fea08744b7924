use leptos::prelude::*;

/// Sets the document title, so each page is named in tabs and history and
/// announced by screen readers after navigation.
pub fn set_title(page: &str) {
    let title = if page.is_empty() { "Open Door".to_string() } else { format!("{page} · Open Door") };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
}

/// The page's one `h1`, which also names the document.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    set_title(&text);
    view! { <h1>{text}</h1> }
}
