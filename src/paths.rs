//! Where the app lives on its host: the one place that turns an app path
//! ("/quiz/play?ids=…", as pages and the core write them) into an address.
//!
//! A build for a sub-path (`trunk build --release --public-url /open-door/`,
//! as a project page on a static host needs) serves every page under that
//! path. The public URL is read once from `<meta name="open-door-public-url">`,
//! which scripts/post-build.mjs fills from trunk's setting, so the same
//! compiled wasm serves the site root or any sub-path.
//!
//! Every rendered link goes through [`href`], and navigation through
//! [`go`], which adds it here; the router (src/router.rs) reads addresses
//! with it taken off.

use std::sync::OnceLock;

use leptos::prelude::*;

/// The public URL without its trailing slash: "" at the site root,
/// "/open-door" under a sub-path.
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

/// Goes to an app path inside the app (no page load): a new history entry,
/// or (`replace`) in place of the current one.
pub fn go(app_path: &str, replace: bool) {
    crate::router::navigate(&href(app_path), replace);
}
