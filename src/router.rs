//! The app's router: which page the address shows (`open_door_core::route`
//! decides), links that change the page without reloading it, and Back and
//! Forward. It replaces leptos_router, whose functions were 60 KB of the
//! main module's code (before wasm-opt), mostly for features this app does
//! not use (nested and async routes, forms, server redirects).
//!
//! - A click on a link inside the app (same origin, under the public URL,
//!   no new tab, no download) becomes `history.pushState`, and the page
//!   scrolls to the top, or to the element the fragment names.
//! - Back and Forward (`popstate`) only change the page: the browser puts
//!   the scroll back where the student was. Focus, lost with the page that
//!   went away or left on the header or the footer, goes to the page's
//!   content, as after a link (a reading page then gives it to the link
//!   followed from it: `components::followed_link`, by `came_back`).
//! - Addresses are read with the public URL taken off (src/paths.rs adds it).

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::ev;
use leptos::prelude::*;
use open_door_core::route::{query_value, Page};
use wasm_bindgen::JsCast;

/// The address as the app reads it.
#[derive(Debug, Clone, PartialEq, Default)]
struct Address {
    /// The path within the app: "/quiz/play" under any public URL.
    path: String,
    /// The query with its "?", or "".
    search: String,
    /// The fragment with its "#", or "".
    hash: String,
}

impl Address {
    fn current() -> Self {
        let location = window().location();
        let full = location.pathname().unwrap_or_default();
        let path = full.strip_prefix(crate::paths::base()).unwrap_or(&full);
        Address {
            path: if path.is_empty() { "/".into() } else { path.to_string() },
            search: location.search().unwrap_or_default(),
            hash: location.hash().unwrap_or_default(),
        }
    }
}

/// The current address, for the pages: each part is a memo, so a page
/// reacts only to the part it reads.
#[derive(Clone, Copy)]
pub struct Location {
    pub pathname: Memo<String>,
    /// With its "?", or "".
    pub search: Memo<String>,
    /// With its "#", or "".
    pub hash: Memo<String>,
    /// The page the path shows.
    pub page: Memo<Page>,
}

#[derive(Clone, Copy)]
struct Router {
    address: RwSignal<Address>,
    location: Location,
}

/// Starts the router for the app's lifetime: the address now, link clicks
/// and Back and Forward from here on.
pub fn provide_router() {
    let address = RwSignal::new(Address::current());
    let location = Location {
        pathname: Memo::new(move |_| address.with(|a| a.path.clone())),
        search: Memo::new(move |_| address.with(|a| a.search.clone())),
        hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
        page: Memo::new(move |_| address.with(|a| Page::at(&a.path))),
    };
    provide_context(Router { address, location });
    let clicks = window_event_listener(ev::click, move |ev| {
        if let Some(href) = link_inside_the_app(&ev) {
            ev.prevent_default();
            go_to(address, &href, false);
        }
    });
    let history = window_event_listener(ev::popstate, move |_| {
        CAME_BACK.store(true, Ordering::Relaxed);
        address.set(Address::current());
        // After the page it comes back to has rendered, as after a link.
        request_animation_frame(|| keep_focus_in_page(true));
    });
    // The router lives as long as the app; its listeners with it.
    std::mem::forget((clicks, history));
}

/// Whether the page shown was reached by Back or Forward, not by a link or
/// the app's own navigation (nor as the app's first page).
static CAME_BACK: AtomicBool = AtomicBool::new(false);

pub fn came_back() -> bool {
    CAME_BACK.load(Ordering::Relaxed)
}

fn router() -> Router {
    use_context::<Router>().expect("provide_router() runs before any page")
}

pub fn use_location() -> Location {
    router().location
}

/// The value of `key` in the address's query, decoded.
pub fn use_query_value(key: &'static str) -> Memo<Option<String>> {
    let search = use_location().search;
    Memo::new(move |_| search.with(|s| query_value(s, key)))
}

/// Goes to `href` (an address under the public URL, as `paths::href` makes
/// it) without reloading: a new history entry, or in place of this one.
pub fn navigate(href: &str, replace: bool) {
    go_to(router().address, href, replace);
}

fn go_to(address: RwSignal<Address>, href: &str, replace: bool) {
    let Ok(history) = window().history() else { return };
    CAME_BACK.store(false, Ordering::Relaxed);
    // A link to the address already shown adds no history entry, or Back
    // would seem to do nothing.
    let here = address_here();
    let replace = replace || here.as_deref() == Some(href);
    let moved = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    } else {
        // The new entry keeps the address it came from, so that a way back
        // to it can go back instead (`back_when_opened_from`).
        let from = here.map_or(wasm_bindgen::JsValue::NULL, Into::into);
        history.push_state_with_url(&from, "", Some(href))
    };
    if moved.is_err() {
        // An address the history refuses: let the browser load it.
        let _ = window().location().set_href(href);
        return;
    }
    let now = Address::current();
    let hash = now.hash.clone();
    address.set(now);
    // After the new page has rendered: the element the fragment names, or the top.
    request_animation_frame(move || {
        match fragment_target(&hash) {
            Some(element) => element.scroll_into_view(),
            None => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
        keep_focus_in_page(!replace);
    });
}

/// The element the fragment (`hash`, with its "#") names, if the page has it.
fn fragment_target(hash: &str) -> Option<web_sys::Element> {
    let id = fragment(hash);
    (!id.is_empty()).then(|| document().get_element_by_id(&id)).flatten()
}

/// A click with the main button and no key held: one that follows a link in
/// this tab (a held key or another button opens it elsewhere, or saves it).
pub fn is_plain_click(ev: &ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key())
}

/// The fragment of the address now, decoded: the id it names.
pub fn address_fragment() -> String {
    fragment(&window().location().hash().unwrap_or_default())
}

/// The fragment of `hash` (with its "#"), decoded: the id it names.
fn fragment(hash: &str) -> String {
    let id = hash.strip_prefix('#').unwrap_or_default();
    js_sys::decode_uri_component(id).ok().and_then(|id| id.as_string()).unwrap_or_else(|| id.to_string())
}

/// Focus left on the page that went away (the link followed, or whatever
/// had it before Back) is lost with it: the next Tab would go on from a
/// place in a page that is gone, and a screen reader would say nothing of
/// the new one. Focus on the header or the footer, which stay while the
/// page changes (the menu's link followed, or the menu's button it went
/// back to), would say nothing of it either, when the page has changed
/// (`page_changed`: not for an address replaced in place, such as the
/// quiz's seed, which must not take the focus from the menu). Both go to
/// the new page's content instead (a page that puts focus somewhere itself
/// does so after this).
fn keep_focus_in_page(page_changed: bool) {
    let outside_the_page = |el: web_sys::Element| {
        el.tag_name() == "BODY" || (page_changed && el.closest(".site-header, .site-footer").ok().flatten().is_some())
    };
    if document().active_element().is_none_or(outside_the_page) {
        focus_main();
    }
}

/// Writes `fragment` (an element's id, or none) into the address in place,
/// for a fragment that marks where a way back leads (a review entry, the
/// Classroom's class link) until it has been followed: left there, Back or
/// a reload would go to it again, wherever the reader had gone since.
pub fn replace_fragment(fragment: Option<&str>) {
    let location = window().location();
    if let (Ok(path), Ok(query), Ok(history)) = (location.pathname(), location.search(), window().history()) {
        let hash = fragment.map(|id| format!("#{id}")).unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{query}{hash}")));
    }
}

/// Moves focus to the page's content, without scrolling: keyboard and
/// screen-reader users go on from there.
pub fn focus_main() {
    if let Some(main) = document().get_element_by_id("main").and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok()) {
        crate::components::focus_in_place(&main);
    }
}

/// A click on a way back (a link of class `goes-back`, "Back to the
/// question") to the page this one was opened from (this history entry's
/// state, `go_to`) goes back, as the browser's Back does: a new entry would
/// have the phone's Back open this page again (found by a student's walk).
/// Set on the part of a page that holds such links.
pub fn back_when_opened_from(ev: ev::MouseEvent) {
    let Some(link) = clicked_link(&ev, "a.goes-back") else { return };
    if history_from().is_some_and(|from| open_door_core::route::leads_back(&address_of(&link), &from)) {
        ev.prevent_default();
        let _ = window().history().and_then(|history| history.back());
    }
}

/// The address this history entry was opened from, as `go_to` keeps it.
fn history_from() -> Option<String> {
    window().history().ok()?.state().ok()?.as_string()
}

/// The app path of the page this one was opened from in this tab (by a
/// link or the app's own navigation), with the public URL taken off; none
/// for a page opened otherwise (typed, from a bookmark or another app).
pub fn opened_from() -> Option<String> {
    without_base(&history_from()?)
}

/// The address shown, with the public URL taken off, as `opened_from`
/// gives the page before's.
pub fn address_here_in_app() -> Option<String> {
    without_base(&address_here()?)
}

/// Whether `link` leads to the address shown.
pub fn leads_here(link: &web_sys::HtmlAnchorElement) -> bool {
    address_here().is_some_and(|here| here == address_of(link))
}

/// The address shown, as the history holds it.
fn address_here() -> Option<String> {
    let location = window().location();
    [location.pathname(), location.search(), location.hash()].into_iter().collect::<Result<String, _>>().ok()
}

fn without_base(address: &str) -> Option<String> {
    address.strip_prefix(crate::paths::base()).map(str::to_owned)
}

/// The address a click on a link goes to, if the app should handle it:
/// a plain click on a link to a page of this app.
fn link_inside_the_app(ev: &ev::MouseEvent) -> Option<String> {
    let link = clicked_link(ev, "a[href]")?;
    if !link.target().is_empty() || link.has_attribute("download") {
        return None;
    }
    let location = window().location();
    let base = crate::paths::base();
    let inside = link.origin() == location.origin().ok()?
        && (base.is_empty() || link.pathname() == base || link.pathname().starts_with(&format!("{base}/")));
    inside.then(|| address_of(&link))
}

/// The link matching `selector` that a plain click, not yet handled, was on.
fn clicked_link(ev: &ev::MouseEvent, selector: &str) -> Option<web_sys::HtmlAnchorElement> {
    if ev.default_prevented() || !is_plain_click(ev) {
        return None;
    }
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()??.dyn_into().ok()
}

/// A link's address as the router and the history hold it.
fn address_of(link: &web_sys::HtmlAnchorElement) -> String {
    format!("{}{}{}", link.pathname(), link.search(), link.hash())
}

/// A link to a page of the app (`href` under the public URL, from
/// `paths::href`), marked `aria-current="page"` while that page is shown.
/// A link with a query is current only with that query. A menu's link to a
/// part of the app (`section`) is marked
/// `aria-current="true"` on the pages under it too (Sources while an
/// article is read); a link in a page is not (the results' "New quiz" is
/// not the quiz being played).
#[component]
pub fn A(#[prop(into)] href: String, #[prop(optional)] section: bool, children: Children) -> impl IntoView {
    let without_hash = href.split('#').next().unwrap_or_default();
    let (path, query) = without_hash.split_once('?').unwrap_or((without_hash, ""));
    let app_path = path.strip_prefix(crate::paths::base()).unwrap_or(path).to_string();
    // A link with a query (a quiz) is to that page with that query: "Retry
    // the ones I missed" is another quiz at the same path.
    let app_search = if query.is_empty() { None } else { Some(format!("?{query}")) };
    let location = use_location();
    let current = move || {
        location.pathname.with(|now| {
            let same_query = app_search.as_ref().is_none_or(|search| location.search.with(|s| s == search));
            if now == &app_path && same_query {
                Some("page")
            } else {
                (section && app_path != "/" && now.starts_with(&format!("{app_path}/"))).then_some("true")
            }
        })
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}
