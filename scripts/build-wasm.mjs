// Trunk pre_build hook: builds the app's wasm split into modules, so that a
// class link loads only the quiz and every other page's code arrives when
// that page is first opened (src/lazy.rs). Trunk has no such step of its
// own (index.html marks its Rust link `data-trunk-skip`), so this runs it:
//
// 1. cargo builds the wasm with the `split` feature (the split points of
//    src/lazy.rs) and relocations kept (`--emit-relocs`, set in
//    .cargo/config.toml), which wasm-split needs to move functions and data;
// 2. `wasm-split-cli` cuts it at the `#[wasm_split]` functions into the main
//    module, one module per split name (plus modules of code they share)
//    and `__wasm_split.js`, which fetches them beside itself;
// 3. `wasm-bindgen --target web --keep-lld-exports` writes the JS glue for
//    the main module, keeping the exports the split modules link against;
//    scripts/glue.mjs then gives the glue's imports short names and drops
//    exports the app never uses;
// 4. in a release build, `wasm-opt -Oz` shrinks every module and esbuild
//    minifies the JS beside them (wasm-bindgen's glue was 9.6 KB gzipped as
//    written, 7.4 KB minified, 4.4 KB minified with its imports renamed;
//    both are on every first load);
// 5. everything goes into the staged build as `app-<hash of the files>/`
//    with `start.js` (public/start.js), so every file's address changes
//    with its content. scripts/post-build.mjs points index.html at it.
//
// The tools are the ones scripts/setup.sh installs at pinned versions; none
// is downloaded here.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dropStreamAdapters, shortenImports } from "./glue.mjs";

export const APP_DIR_PREFIX = "app-";
const BIN = "open-door";
const TARGET = "wasm32-unknown-unknown";
// binaryen 132 from npm (package.json): Debian's 108 writes a wasm that fails.
const WASM_OPT = join("node_modules", ".bin", "wasm-opt");
const ESBUILD = join("node_modules", ".bin", "esbuild");

function run(command, args) {
  console.log(`build-wasm: ${command} ${args.join(" ")}`);
  execFileSync(command, args, { stdio: "inherit" });
}

function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error("TRUNK_STAGING_DIR is not set (run me from trunk)");
  const release = process.env.TRUNK_PROFILE === "release";
  const targetDir = process.env.CARGO_TARGET_DIR || "target";
  const profile = release ? "release" : "debug";

  run("cargo", ["build", "--target", TARGET, "--bin", BIN, "--features", "split", ...(release ? ["--release"] : [])]);
  const work = join(targetDir, "wasm-split", profile);
  const split = join(work, "split");
  const out = join(work, "out");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run("wasm-split-cli", [join(targetDir, TARGET, profile, `${BIN}.wasm`), split, "--out-name", BIN]);
  run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", out, join(split, `${BIN}.wasm`)]);
  const [mainWasm, glue] = [join(out, `${BIN}_bg.wasm`), join(out, `${BIN}.js`)];
  const renamed = shortenImports(mainWasm, glue, `./${BIN}_bg.js`);
  const dropped = dropStreamAdapters(mainWasm, glue);
  console.log(`build-wasm: ${renamed} imports renamed, ${dropped} unused exports dropped (scripts/glue.mjs)`);
  for (const name of readdirSync(split)) {
    if (name === `${BIN}.wasm`) continue;
    copyFileSync(join(split, name), join(out, name));
  }
  copyFileSync("public/start.js", join(out, "start.js"));
  const files = readdirSync(out).sort();
  if (release) {
    for (const name of files.filter((n) => n.endsWith(".wasm"))) {
      run(WASM_OPT, ["-Oz", join(out, name), "-o", join(out, name)]);
    }
    for (const name of files.filter((n) => n.endsWith(".js"))) {
      // The glue's imports object names `./__wasm_split.js` once per split
      // module, each the same module: esbuild's warning about the repeated
      // key is about code it keeps as it is.
      run(ESBUILD, [join(out, name), "--minify", "--format=esm", "--log-level=warning", "--log-override:duplicate-object-key=silent",
        "--allow-overwrite", `--outfile=${join(out, name)}`]);
    }
  }
  const hash = createHash("sha256");
  for (const name of files) hash.update(name).update(readFileSync(join(out, name)));
  const app = join(staging, APP_DIR_PREFIX + hash.digest("hex").slice(0, 16));
  mkdirSync(app, { recursive: true });
  for (const name of files) copyFileSync(join(out, name), join(app, name));
  console.log(`build-wasm: ${files.length} files in ${app}: ${files.join(", ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error("build-wasm: " + error.message);
    process.exit(1);
  }
}
