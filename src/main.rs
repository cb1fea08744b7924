fn main() {
    console_error_panic_hook::set_once();
    // The question bank is built once, at start-up. A device with no packs
    // starts at once; one that keeps packs, or an address whose fragment
    // carries a teacher's pack, first loads the module that reads and checks
    // them (src/packs.rs), and a carried pack is decompressed (by the
    // browser, asynchronously) before that.
    let carried = open_door::link_pack::in_address();
    if carried.is_none() && !open_door::storage::has_packs() {
        return start();
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(carried) = carried {
            open_door::link_pack::receive(carried).await;
        }
        open_door::packs::load_then(start);
    });
}

fn start() {
    // The loading message in index.html has done its job once this runs.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("start-up") {
        loading.remove();
    }
    leptos::mount::mount_to_body(open_door::App);
}
