//! Open Door's core: the content model and the quiz engine.
//!
//! Nothing here touches the DOM, the network or the clock: the UI passes in
//! what it needs (a seed, today's day number, the raw saved string) and gets
//! plain values back. That is why every rule of the product can be tested
//! natively with `cargo test -p open-door-core`.

pub mod class_results;
pub mod content;
pub mod embedded;
pub mod figures;
pub mod json;
pub mod link;
pub mod link_pack;
pub mod markup;
pub mod number;
pub mod order;
pub mod pack;
pub mod progress;
pub mod projector;
pub mod quiz;
pub mod result;
pub mod rng;
pub mod route;
pub mod sort;
pub mod text_map;
pub mod validate;

#[cfg(feature = "files")]
pub mod files;
