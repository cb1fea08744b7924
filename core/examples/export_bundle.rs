//! Prints the validated content bundle as JSON (used by the benchmark to
//! build its baseline page from the same questions).
//! `cargo run -q -p open-door-core --example export_bundle`

use std::path::Path;

fn main() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"));
    match open_door_core::files::load_content(dir) {
        Ok(bundle) => println!("{}", serde_json::to_string(&bundle).expect("a bundle serialises")),
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            std::process::exit(1);
        }
    }
}
