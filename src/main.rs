fn main() {
    console_error_panic_hook::set_once();
    // A class link may carry a teacher's pack in its fragment: it is
    // decompressed (asynchronously, by the browser) before the app starts,
    // because the question bank is built once, at start-up.
    match open_door::link_pack::in_address() {
        None => start(),
        Some(carried) => wasm_bindgen_futures::spawn_local(async move {
            open_door::link_pack::receive(carried).await;
            start();
        }),
    }
}

fn start() {
    // The loading message in index.html has done its job once this runs.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("start-up") {
        loading.remove();
    }
    leptos::mount::mount_to_body(open_door::App);
}
