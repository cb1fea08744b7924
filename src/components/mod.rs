pub mod class_results;
pub mod download;
pub mod figures;
pub mod hand_in;
pub mod markup;
pub mod needs_pack;
pub mod notices;
pub mod pack_file;
pub mod qr;
pub mod question;
pub mod title;
pub mod unfinished;
pub mod update;

/// Sets or removes a flag attribute on the page's root element, where the
/// stylesheet reads a state of the page (`[data-keyboard]`, `[data-timed]`)
/// that a `:has()` selector would make costly to find.
pub fn mark_root(attribute: &str, on: bool) {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = if on { root.set_attribute(attribute, "") } else { root.remove_attribute(attribute) };
    }
}
