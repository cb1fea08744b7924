//! A QR code drawn in the app from the link itself (no web service): one
//! SVG path, so it stays sharp on a projector and prints cleanly.

use leptos::html;
use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

#[component]
pub fn QrImage(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    // The lowest error correction: a projected or printed code is not
    // scratched, and it gives the fewest (so the largest) squares and room
    // for the longest links (2,953 characters).
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L) else {
        return view! { <p class="qr-too-long">"This link is too long for a QR code; hand out the link instead."</p> }.into_any();
    };
    let width = code.width();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut path = String::new();
    for (index, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (index % width + quiet, index / width + quiet);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    view! {
        <svg class="qr" viewBox=format!("0 0 {size} {size}") role="img" aria-label=label shape-rendering="crispEdges">
            <rect width=size.to_string() height=size.to_string() fill="#ffffff"></rect>
            <path d=path fill="#000000"></path>
        </svg>
    }
    .into_any()
}

/// A button that fills the screen with the link's QR code, large enough to
/// scan from the back of a classroom; Escape or the button closes it.
#[component]
pub fn QrFullScreen(
    #[prop(into)] text: String,
    /// The id of what names the quiz, where a page has more than one code.
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let close_ref = NodeRef::<html::Button>::new();
    let opener_ref = NodeRef::<html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(opener) = opener_ref.get_untracked() {
            let _ = opener.focus();
        }
    };
    Effect::new(move |_| {
        if open.get() {
            if let Some(button) = close_ref.get() {
                let _ = button.focus();
            }
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if open.get_untracked() && ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            close();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <button type="button" node_ref=opener_ref aria-describedby=described_by on:click=move |_| open.set(true)>"Show the QR code full screen"</button>
        <Show when=move || open.get()>
            <div class="qr-full" role="dialog" aria-modal="true" aria-label="QR code of the class link">
                <QrImage text=text.clone() label="QR code of the class link: scan it to open the quiz" />
                <button type="button" class="qr-close" node_ref=close_ref on:click=move |_| close()>"Close (Esc)"</button>
            </div>
        </Show>
    }
}
