//! A QR code drawn in the app from the link itself (no web service): one
//! SVG path, so it stays sharp on a projector and prints cleanly.

use leptos::html;
use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

/// The lowest error correction: a projected or printed code is not
/// scratched, and it gives the fewest (so the largest) squares and room for
/// the longest links (2,953 characters).
fn qr_code(text: &str) -> Result<QrCode, qrcode::types::QrError> {
    QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L)
}

#[component]
pub fn QrImage(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    let Ok(code) = qr_code(&text) else {
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
/// scan from the back of a classroom. A modal dialog: the page behind it
/// is out of the keyboard's reach (Tab goes from Close to the browser's
/// own controls, not to a hidden button), Escape closes it, Close takes
/// focus, and the focus goes back to the button when it closes. Not offered
/// for a link too long for a code (a pack link can be), which would open
/// only to say so.
#[component]
pub fn QrFullScreen(
    #[prop(into)] text: String,
    /// The quiz's title, shown above the code: the class sees which quiz
    /// it scans, and the teacher that it is the right one.
    #[prop(into)]
    title: String,
    /// The id of what names the quiz, where a page has more than one code.
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    if qr_code(&text).is_err() {
        return ().into_any();
    }
    let open = RwSignal::new(false);
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let opener_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog_ref.get() {
            let _ = dialog.show_modal();
        }
    });
    // Closed by its button or by Escape.
    let closed = move |_| {
        open.set(false);
        if let Some(opener) = opener_ref.get_untracked() {
            let _ = opener.focus();
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog_ref.get_untracked() {
            dialog.close();
        }
    };
    view! {
        <button type="button" node_ref=opener_ref aria-describedby=described_by on:click=move |_| open.set(true)>"Show the QR code full screen"</button>
        <Show when=move || open.get()>
            // Named by its title line, so that a screen reader says which
            // quiz's code it is (one dialog is open at a time: one id).
            <dialog class="qr-full" node_ref=dialog_ref aria-labelledby="qr-full-title" on:close=closed>
                <p class="qr-title" id="qr-full-title"><strong>{title.clone()}</strong>": scan the code to open the quiz"</p>
                <QrImage text=text.clone() label="QR code of the quiz's link" />
                <button type="button" class="qr-close" autofocus=true on:click=close>"Close (Esc)"</button>
            </dialog>
        </Show>
    }
    .into_any()
}
