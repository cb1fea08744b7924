// Starts the app: loads the wasm-bindgen glue and the main module beside
// this file (scripts/build-wasm.mjs puts them together in app-<hash>/).
// A failure here is an uncaught error, which index.html's start-up script
// turns into "did not finish loading" with "Try again".
import init from "./open-door.js";

const wasm = await init({ module_or_path: new URL("open-door_bg.wasm", import.meta.url) });
// The same event trunk's own start-up script fires; the benchmark reads the
// wasm memory from it.
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
