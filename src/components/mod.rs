pub mod class_results;
pub mod download;
pub mod figures;
pub mod followed_link;
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

/// Makes a wide table's scrolling box a tab stop, which lets a keyboard
/// scroll it, only while it has something to scroll: where the table fits,
/// as on most screens, such a stop is one more key press that does nothing
/// (found by walks). Checked once drawn, and again on every resize (which a
/// zoom is too). A box that has the focus keeps its stop: without it, the
/// focus would drop to the page.
pub fn tab_stop_while_scrolling(scroller: leptos::prelude::NodeRef<leptos::html::Div>) {
    use leptos::prelude::*;
    let update = move || {
        // Gone if the table was drawn again before this frame.
        if let Some(scroller) = scroller.try_get_untracked().flatten() {
            let scrolls = scroller.scroll_width() > scroller.client_width();
            let focused = document().active_element().is_some_and(|active| active == **scroller);
            let _ = if scrolls || focused { scroller.set_attribute("tabindex", "0") } else { scroller.remove_attribute("tabindex") };
        }
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            request_animation_frame(update);
        }
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| update());
    on_cleanup(move || resized.remove());
}

/// The value the browser computes for an element's style `property`.
pub fn computed_style(element: &web_sys::Element, property: &str) -> Option<String> {
    leptos::prelude::window().get_computed_style(element).ok().flatten()?.get_property_value(property).ok()
}

/// A computed length in pixels ("48px" is 48): read by the browser's
/// parseFloat, with no float parsing code in the wasm.
pub fn computed_px(element: &web_sys::Element, property: &str) -> Option<f64> {
    computed_style(element, property).map(|px| js_sys::parse_float(&px)).filter(|px| px.is_finite())
}

/// Gives `element` the focus where the page is, without scrolling to it:
/// the browser has put the scroll back, or the caller puts it.
pub fn focus_in_place(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Brings the element `id` names into view and gives it the focus, so that
/// reading (or a screen reader) goes on from there: in the next frame, once
/// the page is drawn. Only a control, or an element with a `tabindex`,
/// takes the focus; in view, the focus scrolls no further.
pub fn bring_into_focus(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || {
        if let Some(element) = leptos::prelude::document().get_element_by_id(&id) {
            element.scroll_into_view();
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}
