//! Validates `content/` and embeds it: a content file with any error stops
//! the build with the file, the id and the rule, so the app never ships
//! half-valid content.

use std::path::Path;

fn main() {
    let content = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    match open_door_core::files::load_content(content) {
        Ok(bundle) => {
            let json = serde_json::to_string(&bundle).expect("a validated bundle always serialises");
            let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.json");
            std::fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        }
        Err(errors) => {
            for error in &errors {
                println!("cargo:warning=content error: {error}");
            }
            eprintln!("\n{} content error(s):", errors.len());
            for error in &errors {
                eprintln!("  {error}");
            }
            std::process::exit(1);
        }
    }
}
