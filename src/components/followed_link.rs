//! The way back to a link followed from a reading page: Back puts the
//! scroll where it was (the browser does) and the focus on that link (this
//! does), so that a keyboard user goes on from it, not from the page's top
//! (found by a keyboard walk: Back to an explainer left the focus on its
//! content, some 25 links above the one followed).

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::router::{address_here_in_app, came_back, leads_here, opened_from};

thread_local! {
    /// The link last followed from each page left by one, the latest
    /// last: the page's address (as `opened_from` gives it), the link's
    /// `href` and its words.
    static FOLLOWED: RefCell<Vec<(String, String, String)>> = const { RefCell::new(Vec::new()) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// The most pages whose followed link is kept: a lesson's reading, not a
/// term's.
const REMEMBERED: usize = 20;

/// Keeps which of the page's links is followed, and on Back (or Forward)
/// to the page gives that link the focus again. Called as the page is
/// drawn, each time (an explainer's component draws the next explainer).
pub fn return_to_followed_link() {
    // Once for the app, as the router's listener is, and after it: the
    // router has then followed the link, and the page left is the one the
    // new history entry was opened from. A click the app handled otherwise
    // (the skip link, a way back that goes back) left the address as it
    // was. The link is told by its address and words: by the time Back
    // returns, the page has been drawn anew.
    if !LISTENING.replace(true) {
        let listener = window_event_listener(leptos::ev::click, |ev| {
            let link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("a[href]").ok().flatten());
            let Some(link) = link.and_then(|link| link.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else { return };
            let (Some(page), true, true) = (opened_from(), ev.default_prevented(), leads_here(&link)) else { return };
            let followed_link = (link.get_attribute("href").unwrap_or_default(), link.text_content().unwrap_or_default());
            FOLLOWED.with_borrow_mut(|followed| {
                followed.retain(|(left, ..)| *left != page);
                followed.push((page, followed_link.0, followed_link.1));
                if followed.len() > REMEMBERED {
                    followed.remove(0);
                }
            });
        });
        std::mem::forget(listener);
    }
    if !came_back() {
        return;
    }
    let Some(here) = address_here_in_app() else { return };
    let Some((href, words)) = FOLLOWED
        .with_borrow(|followed| followed.iter().find(|(left, ..)| *left == here).map(|(_, href, words)| (href.clone(), words.clone())))
    else {
        return;
    };
    // Once drawn, after the router put the focus on the content: a focus
    // the student moved since is theirs. The page's first link of those
    // words to that address (a link in the header or the footer is left to
    // the router's focus rule).
    request_animation_frame(move || {
        let on_content = document().active_element().is_none_or(|el| matches!(el.tag_name().as_str(), "BODY" | "MAIN"));
        let Ok(links) = document().query_selector_all("main a[href]") else { return };
        let link = (0..links.length())
            .filter_map(|i| links.get(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|link| link.get_attribute("href").as_deref() == Some(&href) && link.text_content().as_deref() == Some(&words));
        if let Some(link) = link.filter(|_| on_content) {
            crate::components::focus_in_place(&link);
        }
    });
}
