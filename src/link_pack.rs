//! The browser's half of pack links: compressing a link pack with the
//! browser's own CompressionStream ("deflate-raw"), so no codec ships in the
//! wasm, and receiving the one in the address bar before the app starts.
//! The rules (what travels, how it is checked) are `open_door_core::link_pack`.

use std::sync::OnceLock;

use js_sys::{Array, Uint8Array};
use open_door_core::link_pack::{read_fragment, Carried, DAMAGED};
use open_door_core::pack::PackRejected;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // Declared here because web-sys marks both streams unstable.
    #[wasm_bindgen(js_name = CompressionStream)]
    type CompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

const FORMAT: &str = "deflate-raw";

/// Bytes through a compression or decompression stream.
async fn through(bytes: &[u8], transform: &JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let stream = blob.stream().pipe_through(transform.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// `text` compressed for a link; `None` where the browser cannot.
pub async fn compress(text: &str) -> Option<Vec<u8>> {
    let stream = CompressionStream::new(FORMAT).ok()?;
    through(text.as_bytes(), &stream).await.ok()
}

/// What the address bar carried at start-up: the link pack and its text, or
/// why it could not be read.
pub type Received = Result<(Carried, String), PackRejected>;

const TOO_OLD: &str =
    "This browser is too old to open the questions carried in the link. Ask your teacher for the pack file, or use an up-to-date browser.";

static RECEIVED: OnceLock<Received> = OnceLock::new();

/// The link pack in this page's address, if any, as the app started.
pub fn received() -> Option<&'static Received> {
    RECEIVED.get()
}

/// The pack data in the address bar, not yet decompressed.
pub fn in_address() -> Option<Result<Carried, PackRejected>> {
    read_fragment(&web_sys::window()?.location().hash().ok()?)
}

/// Decompresses what the address carried and keeps it for the library,
/// which reads it once when the app starts.
pub async fn receive(carried: Result<Carried, PackRejected>) {
    let received = match carried {
        Err(damaged) => Err(damaged),
        Ok(carried) => match DecompressionStream::new(FORMAT) {
            Err(_) => Err(PackRejected(vec![TOO_OLD.into()])),
            Ok(stream) => match through(&carried.compressed, &stream).await.ok().map(String::from_utf8) {
                Some(Ok(text)) => Ok((carried, text)),
                _ => Err(PackRejected(vec![DAMAGED.into()])),
            },
        },
    };
    let _ = RECEIVED.set(received);
}

/// Reloads the page when the address gets a pack other than the one it
/// had (a link opened again whole in the same tab, a teacher's new link of
/// the same quiz): the browser only scrolls for a new fragment, and the
/// library reads the address's pack once, at start-up. Called where the
/// packs were loaded (the address carried one, or the device keeps some),
/// and on the screen of a quiz whose pack is missing.
pub fn reload_on_another_pack() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    // Once for the page, whichever caller comes first: a device that keeps
    // packs and then shows a missing pack's screen calls twice.
    if LISTENING.replace(true) {
        return;
    }
    let hash = || web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default();
    let had = hash();
    let listener = leptos::prelude::window_event_listener(leptos::ev::hashchange, move |_| {
        let now = hash();
        if now != had && read_fragment(&now).is_some() {
            let _ = leptos::prelude::window().location().reload();
        }
    });
    // For as long as the page lives.
    std::mem::forget(listener);
}
