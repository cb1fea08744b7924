//! Question packs at start-up, in a module of their own. Reading stored
//! packs, checking the ones a class link carries and storing them is code a
//! student's device with no packs never needs: `main.rs` asks for it only
//! where the device keeps packs or the address carries one, so a plain class
//! link's first load does without it (src/lazy.rs says how modules load).

use crate::content::{self, LinkPackOutcome};
use crate::lazy::NotLoaded;
use crate::storage;

/// Builds the library with the device's packs and the one the address
/// carried; if their module cannot be downloaded, the built-in content
/// alone, which says so (the packs stay stored for the next start).
pub async fn load() {
    if build_library_with_packs().await.is_err() {
        content::init_library_without_packs();
    }
}

crate::lazy_fn!(packs, fn build_library_with_packs() -> Result<(), NotLoaded> {
    let library = content::init_library(storage::stored_packs());
    for checked in &library.newly_checked {
        // Stamped, so the next start-up need not check it again.
        let _ = storage::save_pack(checked);
    }
    if let Some(LinkPackOutcome::Added(carried)) = &library.link_pack {
        storage::keep_carried_pack(carried);
    }
    Ok(())
});
