//! A QR code drawn in the app from the link itself (no web service): one
//! SVG path, so it stays sharp on a projector and prints cleanly.

use leptos::prelude::*;
use qrcode::{Color, QrCode};

#[component]
pub fn QrImage(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    let Ok(code) = QrCode::new(text.as_bytes()) else {
        return view! { <p>"This link is too long for a QR code; hand out the link instead."</p> }.into_any();
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
