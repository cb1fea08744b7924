fn main() {
    // A panic's message and place in the console, for whoever reports it;
    // the page says the app stopped (index.html). Not the crate
    // console_error_panic_hook: the stack it adds (function numbers, in a
    // release build) cost the main module about 0.5 KB more, gzipped.
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    // The question bank is built once, at start-up, with the details (words
    // and feedback) of the class link's first question, which public/start.js
    // fetches beside the wasm (src/content.rs); the others' files come once
    // the first question is drawn. A device with no packs starts as soon as
    // the first has arrived; one that keeps packs, or an address whose
    // fragment carries a teacher's pack, first loads the module that reads
    // and checks them (src/packs.rs), and a carried pack is decompressed (by
    // the browser, asynchronously) before that.
    let details = open_door::content::prefetched_details();
    let carried = open_door::link_pack::in_address();
    let needs_packs = carried.is_some() || open_door::storage::has_packs();
    if details.is_none() && !needs_packs {
        return start();
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(details) = details {
            open_door::content::receive_details(details).await;
        }
        if let Some(carried) = carried {
            open_door::link_pack::receive(carried).await;
        }
        if needs_packs {
            open_door::packs::load_then(start);
        } else {
            start();
        }
    });
}

fn start() {
    // The loading message in index.html has done its job once this runs.
    // Its "Try again", shown and focused when the download is slow, may
    // have the focus as it goes: the page's content takes it, or the next
    // Tab would start again from the page's top (found by a student's walk
    // on a slow network).
    let document = leptos::prelude::document();
    let had_focus = document.get_element_by_id("start-up").is_some_and(|loading| {
        let focused = loading.contains(document.active_element().as_deref());
        loading.remove();
        focused
    });
    leptos::mount::mount_to_body(open_door::App);
    if had_focus {
        open_door::router::focus_main();
    }
}
