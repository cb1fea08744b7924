fn main() {
    console_error_panic_hook::set_once();
    // The loading message in index.html has done its job once this runs.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("start-up") {
        loading.remove();
    }
    leptos::mount::mount_to_body(open_door::App);
}
