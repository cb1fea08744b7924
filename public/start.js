// Starts the app: loads the wasm-bindgen glue and the main module beside
// this file (scripts/build-wasm.mjs puts them together in app-<hash>/).
// A failure here is an uncaught error, which index.html's start-up script
// turns into "did not finish loading" with "Try again".
import init from "./open-door.js";

// A class link lists its questions (`/quiz/play?ids=…`). The app carries
// each question's topic, source and kind but not its details (its words
// and feedback): each built-in question's are a file beside this one,
// fetched here while the wasm downloads, and src/content.rs waits for them.
// A file that fails only means that question comes later, with every
// other's. scripts/build-wasm.mjs writes in the ids that have a file, so a
// pack's questions, or a link's made-up ids, ask for nothing. Under the
// service worker nothing is fetched here: it has every module stored, the
// one with every question's details too, so they come from the device,
// offline as well.
const QUESTION_FILES = new Set("__QUESTION_IDS__".split(" "));
// How long the app, once running, waits for what has not arrived: a stalled
// download must not hold the quiz back.
const QUESTIONS_WAIT_MS = 3000;
if (location.pathname.endsWith("/quiz/play") && !navigator.serviceWorker?.controller) {
  const listed = (new URLSearchParams(location.search).get("ids") ?? "").split(",");
  const arriving = Promise.all(
    [...new Set(listed)].filter((id) => QUESTION_FILES.has(id)).map((id) =>
      fetch(new URL(`questions/${id}.txt`, import.meta.url))
        .then((response) => (response.ok ? response.text() : null))
        .catch(() => null)
        .then((text) => [id, text]),
    ),
  );
  globalThis.openDoorQuestions = () => Promise.race([arriving, new Promise((resolve) => setTimeout(resolve, QUESTIONS_WAIT_MS, []))]);
}

const wasm = await init({ module_or_path: new URL("open-door_bg.wasm", import.meta.url) });
// register-sw.js registers the service worker once the app has started.
document.documentElement.dataset.started = "true";
// The same event trunk's own start-up script fires; the benchmark reads the
// wasm memory from it.
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
