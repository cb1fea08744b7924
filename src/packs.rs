//! Question packs at start-up, in a module of their own. Reading stored
//! packs, checking the ones a class link carries and storing them is code a
//! student's device with no packs never needs: `main.rs` asks for it only
//! where the device keeps packs or the address carries one, so a plain class
//! link's first load does without it (src/lazy.rs says how modules load).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::set_timeout;
// Not leptos's spawn_local: this runs before the app mounts, when Leptos's
// executor is not yet set up.
use wasm_bindgen_futures::spawn_local;

use crate::content::{self, LinkPackOutcome};
use crate::lazy::NotLoaded;
use crate::storage;

/// How long start-up waits for the packs' module: a download that stalls
/// (as on a school network that drops) must not keep the app from starting.
const WAIT: Duration = Duration::from_secs(15);

/// Builds the library with the device's packs and the one the address
/// carried, then calls `start`. If their module cannot be downloaded, or has
/// not arrived in time, it starts on the built-in content alone, which says
/// so (the packs stay stored for the next start).
pub fn load_then(start: fn()) {
    let started = Rc::new(Cell::new(false));
    let start_once = move || {
        if !started.replace(true) {
            start();
        }
    };
    let in_time = start_once.clone();
    set_timeout(
        move || {
            content::init_library_without_packs();
            in_time();
        },
        WAIT,
    );
    spawn_local(async move {
        if build_library_with_packs().await.is_err() {
            content::init_library_without_packs();
        }
        start_once();
    });
}

crate::lazy_fn!(
    packs,
    fn build_library_with_packs() -> Result<(), NotLoaded> {
        let library = content::init_library(storage::stored_packs());
        for checked in &library.newly_checked {
            // Stamped, so the next start-up need not check it again.
            let _ = storage::save_pack(checked);
        }
        if let Some(LinkPackOutcome::Added(carried)) = &library.link_pack {
            storage::keep_carried_pack(carried);
        }
        crate::link_pack::reload_on_another_pack();
        Ok(())
    }
);
