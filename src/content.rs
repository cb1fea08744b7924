//! The content bundle, validated by the build script and embedded in the
//! wasm so that the app has everything it teaches with no network.

use std::sync::OnceLock;

use open_door_core::content::Bundle;

const CONTENT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// The built-in content, parsed once.
pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    // The build script wrote this JSON from the same types after validating
    // it, so it cannot fail to parse unless the build itself is broken.
    BUNDLE.get_or_init(|| serde_json::from_str(CONTENT_JSON).expect("embedded content is written by build.rs"))
}

/// Today as a day number (days since 1970-01-01), for review scheduling.
pub fn today() -> i64 {
    (js_sys::Date::now() / 86_400_000.0).floor() as i64
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A fresh seed for a new quiz.
pub fn random_seed() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}
