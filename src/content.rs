//! The content bundle, validated by the build script and embedded in the
//! wasm so that the app has everything it teaches with no network.

use std::sync::OnceLock;

use open_door_core::content::Bundle;
use open_door_core::pack::{self, Pack};

const CONTENT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// The content the app teaches from: the built-in bundle plus the packs a
/// teacher imported on this device.
pub struct Library {
    pub bundle: Bundle,
    pub packs: Vec<Pack>,
    /// Stored packs that no longer fit (say, an id the built-in bank now
    /// uses): left in storage, not loaded, and reported.
    pub skipped: Vec<String>,
}

static LIBRARY: OnceLock<Library> = OnceLock::new();

/// Builds the library once, at start-up, from the packs stored on the
/// device (the caller reads them, so content knows nothing of storage).
pub fn init_library(stored_packs: Vec<Pack>) -> &'static Library {
    LIBRARY.get_or_init(|| Library::build(stored_packs))
}

/// The library built at start-up; the built-in content alone where the app
/// was not started (component tests mount a view on its own).
pub fn library() -> &'static Library {
    LIBRARY.get_or_init(|| Library::build(Vec::new()))
}

impl Library {
    fn build(stored_packs: Vec<Pack>) -> Self {
        // The build script wrote this JSON from the same types after
        // validating it, so it cannot fail to parse unless the build is broken.
        let mut bundle: Bundle = serde_json::from_str(CONTENT_JSON).expect("embedded content is written by build.rs");
        let mut packs = Vec::new();
        let mut skipped = Vec::new();
        for stored in stored_packs {
            let name = stored.name.clone();
            match pack::check(stored, &bundle) {
                Ok(checked) => {
                    pack::merge(&mut bundle, &checked);
                    packs.push(checked);
                }
                Err(rejected) => skipped.push(format!(
                    "The question pack \"{name}\" no longer fits this version of Open Door and was not loaded: {}",
                    rejected.0.join(" ")
                )),
            }
        }
        Library { bundle, packs, skipped }
    }
}

/// Everything a quiz can use: built-in content and imported packs.
pub fn bundle() -> &'static Bundle {
    &library().bundle
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
