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
// 4. esbuild bundles `start.js` (public/start.js) with the glue,
//    `__wasm_split.js` and public/register-sw.js into the page's one
//    script (minified in a release build: wasm-bindgen's glue was 9.6 KB
//    gzipped as written, 7.4 KB minified, 4.4 KB minified with its imports
//    renamed), whose first line is then Chrome's compile hint;
//    scripts/post-build.mjs writes it into index.html. In a release build
//    `wasm-opt -O2` optimises every module;
// 5. esbuild copies public/pages.css, the styles of the pages other than
//    the quiz, beside the modules (minified in a release build);
// 6. everything goes into the staged build as `app-<hash of the files>/`
//    with each question's details (its words and feedback) in `questions/`
//    (written by build.rs), so every file's address changes with its
//    content. scripts/post-build.mjs points index.html at it.
//
// The tools are the ones scripts/setup.sh installs at pinned versions; none
// is downloaded here.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dropStreamAdapters, shortenImports } from "./glue.mjs";

export const APP_DIR_PREFIX = "app-";
/** The app folder's folder of each question's details (build.rs, public/start.js). */
export const QUESTIONS_DIR = "questions";
const QUESTION_IDS = "__QUESTION_IDS__";
/** The other pages' stylesheet in the app folder (index.html, src/lazy.rs). */
const PAGE_STYLES = "pages.css";
/** What the page's one script reads for `import.meta.url` (see `main`). */
const MAIN_MODULE_URL = "mainModuleUrl";
const BIN = "open-door";
const TARGET = "wasm32-unknown-unknown";
// binaryen 132 from npm (package.json): Debian's 108 writes a wasm that fails.
const WASM_OPT = join("node_modules", ".bin", "wasm-opt");
const ESBUILD = join("node_modules", ".bin", "esbuild");

function run(command, args) {
  console.log(`build-wasm: ${command} ${args.join(" ")}`);
  execFileSync(command, args, { stdio: "inherit" });
}

/**
 * Builds the wasm with cargo and returns the app crate's OUT_DIR, where its
 * build script wrote each question's details (build.rs).
 */
function buildWasm(release) {
  const args = ["build", "--target", TARGET, "--bin", BIN, "--features", "split", "--message-format=json-render-diagnostics", ...(release ? ["--release"] : [])];
  console.log(`build-wasm: cargo ${args.join(" ")}`);
  const messages = execFileSync("cargo", args, { stdio: ["inherit", "pipe", "inherit"], encoding: "utf8", maxBuffer: 1 << 28 });
  const outDirs = messages
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .filter((m) => m.reason === "build-script-executed" && /[#/]open-door[@#]/.test(m.package_id))
    .map((m) => m.out_dir);
  if (outDirs.length !== 1) throw new Error(`expected cargo to report the app's build script once, got ${outDirs.length}`);
  return outDirs[0];
}

function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error("TRUNK_STAGING_DIR is not set (run me from trunk)");
  const release = process.env.TRUNK_PROFILE === "release";
  const targetDir = process.env.CARGO_TARGET_DIR || "target";
  const profile = release ? "release" : "debug";

  const outDir = buildWasm(release);
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
  // Each question's details, which start.js fetches for a class link, and
  // the list of them in start.js.
  cpSync(join(outDir, QUESTIONS_DIR), join(out, QUESTIONS_DIR), { recursive: true });
  const ids = readdirSync(join(out, QUESTIONS_DIR)).map((name) => name.replace(/\.txt$/, "")).sort();
  const start = readFileSync("public/start.js", "utf8");
  if (!start.includes(QUESTION_IDS)) throw new Error(`public/start.js has lost its ${QUESTION_IDS} placeholder`);
  writeFileSync(join(out, "start.js"), start.replace(QUESTION_IDS, ids.join(" ")));
  copyFileSync("public/register-sw.js", join(out, "register-sw.js"));
  // The other pages' styles, which public/start.js enables when the first
  // page that needs them is shown (index.html links them disabled).
  run(ESBUILD, ["public/pages.css", ...(release ? ["--minify"] : []), `--outfile=${join(out, PAGE_STYLES)}`]);
  // One script for the page: start.js with the glue, `__wasm_split.js`
  // (which import each other) and register-sw.js bundled in. As separate
  // files they were more requests sharing the line with the wasm on every
  // first load: with the glue and the loader bundled the first question
  // came about 30 ms sooner (loaded alternately, 10 each), and another 30
  // with the registration bundled too. The glue's imports object names
  // `./__wasm_split.js` once per split module, each the same module:
  // esbuild's warning about the repeated key is about code it keeps as it
  // is.
  //
  // The script is written into index.html, so the files it finds beside
  // itself by `import.meta.url` (the main module, the split modules, the
  // questions' files, and the service worker one folder up) are found
  // beside the main module instead, whose address index.html's preload
  // link gives (`id="main-module"`).
  const startModule = join(out, "start.js");
  run(ESBUILD, [startModule, "--bundle", "--format=esm", ...(release ? ["--minify"] : []), "--log-level=warning",
    "--log-override:duplicate-object-key=silent", `--define:import.meta.url=${MAIN_MODULE_URL}`,
    `--banner:js=const ${MAIN_MODULE_URL} = document.getElementById("main-module").href;`,
    "--allow-overwrite", `--outfile=${startModule}`]);
  for (const bundled of [glue, join(out, "__wasm_split.js"), join(out, "register-sw.js")]) rmSync(bundled);
  const files = readdirSync(out, { recursive: true }).filter((name) => name !== QUESTIONS_DIR).sort();
  if (release) {
    for (const name of files.filter((n) => n.endsWith(".wasm"))) {
      // -O2, not -Oz: measured on this app, it gave smaller modules (main
      // 163.7 KB gzipped instead of 164.0; the app folder's wasm and JS
      // 506 KB instead of 508) with fewer functions (2423 instead of 2484). Chromium compiles
      // each wasm function on the main thread when first called, so fewer
      // and larger functions start the first question sooner: about 60 ms
      // less from the wasm's arrival to the question, throttled.
      //
      // KEEP_NAMES=1 keeps the functions' names (`-g`), for a profile or a
      // count of what the bytes are (README, "Where the bytes go"); the
      // names make the modules larger, so no such build is measured.
      run(WASM_OPT, [...(process.env.KEEP_NAMES ? ["-g"] : []), "-O2", join(out, name), "-o", join(out, name)]);
    }
  }
  // Chrome (136 and later) compiles every function of a script that starts
  // with this comment with the script, rather than each on its first call:
  // the glue's functions are nearly all called for the first question and
  // its first answer. Measured on the first answer, throttled: 18 ms of JS
  // compiling in that answer's work before, 5 to 7 after; with the script
  // written into the page (2026-12-05), 60 functions compiled in that
  // answer's work with the comment and 135 without. Other browsers read it
  // as a comment.
  writeFileSync(startModule, "//# allFunctionsCalledOnLoad\n" + readFileSync(startModule, "utf8"));
  const hash = createHash("sha256");
  for (const name of files) hash.update(name).update(readFileSync(join(out, name)));
  const app = join(staging, APP_DIR_PREFIX + hash.digest("hex").slice(0, 16));
  mkdirSync(app, { recursive: true });
  cpSync(out, app, { recursive: true });
  const modules = files.filter((name) => !name.startsWith(QUESTIONS_DIR));
  console.log(`build-wasm: ${modules.length} files and ${files.length - modules.length} questions' details in ${app}: ${modules.join(", ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error("build-wasm: " + error.message);
    process.exit(1);
  }
}
