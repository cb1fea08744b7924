//! Where the app lives on its host: the one place that turns an app path
//! ("/quiz/play?ids=…", as pages and the core write them) into an address.
//!
//! A build for a sub-path (`trunk build --release --public-url /open-door/`,
//! as a project page on a static host needs) serves every page under that
//! path. The public URL is read once from `<meta name="open-door-public-url">`,
//! which scripts/post-build.mjs fills from trunk's setting, so the same
//! compiled wasm serves the site root or any sub-path.
//!
//! leptos_router 0.8's `<A href="/…">` uses an absolute path as it is (it does
//! not add the router's base), so every rendered link goes through [`href`];
//! navigation goes through [`use_go`], which also adds it here rather than
//! leaving it to the router.

use std::sync::OnceLock;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The public URL without its trailing slash: "" at the site root,
/// "/open-door" under a sub-path. Also the router's base.
pub fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let public_url = document()
            .query_selector("meta[name=open-door-public-url]")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .unwrap_or_default();
        public_url.trim_end_matches('/').to_owned()
    })
}

/// The address of an app path on this host, for a link: "/learn" is
/// "/open-door/learn" under a sub-path.
pub fn href(app_path: &str) -> String {
    debug_assert!(app_path.starts_with('/'), "app paths start with a slash: {app_path}");
    format!("{}{app_path}", base())
}

/// The full address with the origin, for a link that leaves the device
/// (a class link, its QR code).
pub fn absolute(app_path: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", href(app_path))
}

/// Goes to an app path inside the app (no page load), as leptos_router's
/// `navigate` does with these options.
pub fn use_go() -> impl Fn(&str, NavigateOptions) + Clone {
    let navigate = use_navigate();
    // `resolve: false`: the address is already whole, so the router must
    // not add its base a second time.
    move |app_path: &str, options: NavigateOptions| navigate(&href(app_path), NavigateOptions { resolve: false, ..options })
}
